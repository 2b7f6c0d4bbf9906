package analyse

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// fixture builds small datasets by hand. Rows of each period go to
// "snapshots/<period>.csv" in the order they are added, from line 2 (line 1
// is the header), so tests can name the exact position of every row.
type fixture struct {
	ds   model.Dataset
	rows map[string][]model.Observation
	ord  []string // periods in the order first used, to test sorting
}

func newFixture() *fixture {
	return &fixture{rows: make(map[string][]model.Observation)}
}

func (f *fixture) indicator(code string, m model.Measure, d model.Direction) *fixture {
	f.ds.Indicators = append(f.ds.Indicators, model.Indicator{Code: code, Measure: m, Direction: d})
	return f
}

// unit adds units as "code<parent" or "code" for the top unit.
func (f *fixture) units(specs ...string) *fixture {
	for _, s := range specs {
		code, parent, _ := strings.Cut(s, "<")
		f.ds.Units = append(f.ds.Units, model.Unit{Code: code, Parent: parent})
	}
	return f
}

func (f *fixture) target(ind, unit string, year int, v float64) *fixture {
	f.ds.Targets = append(f.ds.Targets, model.Target{Indicator: ind, Unit: unit, Year: year, Value: v})
	return f
}

// row adds an observation. value is "" (missing), a number, or "num/den";
// for "num/den" of a percent, Value is filled as the loader does.
func (f *fixture) row(p, unit, ind, value string, note ...string) diag.Position {
	if _, ok := f.rows[p]; !ok {
		f.ord = append(f.ord, p)
	}
	pos := diag.Position{File: "snapshots/" + p + ".csv", Line: len(f.rows[p]) + 2}
	o := model.Observation{
		Period:    period.MustParse(p),
		Unit:      unit,
		Indicator: ind,
		At:        diag.Origin{Row: pos},
	}
	if len(note) > 0 {
		o.Note = note[0]
	}
	if n, d, ok := strings.Cut(value, "/"); ok {
		num, den := mustFloat(n), mustFloat(d)
		o.Numerator, o.Denominator = &num, &den
		v := num
		if def, ok := model.NewIndex(&f.ds).Indicator(ind); ok && def.Measure == model.Percent {
			v = 100 * num / den
		}
		o.Value = &v
	} else if value != "" {
		v := mustFloat(value)
		o.Value = &v
	}
	f.rows[p] = append(f.rows[p], o)
	return pos
}

// build returns the dataset with snapshots in the order their periods were
// first used (Run must not rely on the loader's sorting).
func (f *fixture) build() *model.Dataset {
	ds := f.ds
	for _, p := range f.ord {
		ds.Snapshots = append(ds.Snapshots, model.Snapshot{
			Period:       period.MustParse(p),
			File:         "snapshots/" + p + ".csv",
			Observations: f.rows[p],
		})
	}
	return &ds
}

func mustFloat(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return v
}

// show prints a point on one line, so tests compare everything at once.
func show(p Point) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", p.Period, strconv.FormatFloat(p.Value, 'f', -1, 64))
	if p.Numerator != nil && p.Denominator != nil {
		fmt.Fprintf(&b, " (%g/%g)", *p.Numerator, *p.Denominator)
	} else if p.Numerator != nil || p.Denominator != nil {
		b.WriteString(" (partial ratio)")
	}
	if p.RolledUp {
		fmt.Fprintf(&b, " rolled-up %d of %d", p.Reporting, p.Expected)
	}
	if p.Note != "" {
		fmt.Fprintf(&b, " note=%q", p.Note)
	}
	b.WriteString(" from")
	for _, s := range p.Sources {
		b.WriteString(" " + s.String())
	}
	return b.String()
}

func showAll(pts []Point) []string {
	out := make([]string, len(pts))
	for i, p := range pts {
		out[i] = show(p)
	}
	return out
}
