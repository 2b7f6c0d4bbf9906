package export

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

// CorrectionsPath is the errata file. Each build publishes every
// correction any build found against the build it replaced, so a published
// correction stays public after the next rebuild: the next build reads the
// file back from the published site and carries its rows over.
var CorrectionsPath = route.Download("corrections.csv")

// CorrectionColumns are the columns of the errata file, in order. Like
// FigureColumns they are a contract ReadCorrections relies on: a column
// may be added, never renamed.
var CorrectionColumns = []string{
	"detected_with", "period", "unit", "unit_name", "indicator", "kind",
	"before_value", "before_numerator", "before_denominator", "before_reporting",
	"after_value", "after_numerator", "after_denominator", "after_reporting", "source",
}

// Erratum is one published correction: a figure of a period an earlier
// build had published, whose value a later build changed.
type Erratum struct {
	// DetectedWith is the latest period of the build that first found the
	// correction ("2025-Q1"): a data label rather than a clock time, so the
	// file is the same for the same data.
	DetectedWith string
	Period       string
	Unit         string
	UnitName     string
	Indicator    string
	Kind         string     // "changed", "added" (a late report) or "removed"
	Before       *Published // nil when added
	After        *Published // nil when removed
	// Source is where the figure now comes from (as in the figures file);
	// empty when removed.
	Source string
}

// Key is the figure the erratum is about.
func (e Erratum) Key() Key { return Key{Unit: e.Unit, Indicator: e.Indicator, Period: e.Period} }

// CorrectionsCSV writes the errata in the order given, with the header
// (and nothing else) when there are none, texts in lang. With idx, values
// are written as published (rounded to the indicator's decimals) and unit
// names in lang; without, as recorded.
func CorrectionsCSV(es []Erratum, lang model.Lang, idx *model.Index) []byte {
	c := newCSV()
	c.header(CorrectionColumns)
	for _, e := range es {
		places, name := -1, e.UnitName
		if idx != nil {
			if ind, ok := idx.Indicator(e.Indicator); ok {
				places = ind.Measure.Decimals()
			}
			if u, ok := idx.Unit(e.Unit); ok {
				name = u.Name.In(lang)
			}
		}
		side := func(p *Published) []cell {
			if p == nil {
				return make([]cell, 4)
			}
			v := cell{s: strconv.FormatFloat(p.Value, 'f', -1, 64), num: true}
			if places >= 0 {
				v.s = decimal.Split(p.Value, places).String()
			}
			return []cell{v, numCell(p.Numerator), numCell(p.Denominator), txt(p.Reporting)}
		}
		rec := []cell{txt(e.DetectedWith), txt(e.Period), txt(e.Unit), txt(name), txt(e.Indicator), txt(e.Kind)}
		rec = append(rec, side(e.Before)...)
		rec = append(rec, side(e.After)...)
		c.record(append(rec, txt(sourceIn(lang, e.Source))))
	}
	return c.bytes()
}

// ReadCorrections reads an errata file back by column name. Errors name
// the file and line.
func ReadCorrections(b []byte) ([]Erratum, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: empty", CorrectionsPath)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", CorrectionsPath, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, need := range CorrectionColumns {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s:1: no column %q", CorrectionsPath, need)
		}
	}
	var out []Erratum
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", CorrectionsPath, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(header) {
			return nil, fmt.Errorf("%s:%d: %d cells, want %d", CorrectionsPath, line, len(rec), len(header))
		}
		cell := func(name string) string { return rec[col[name]] }
		e := Erratum{
			DetectedWith: cell("detected_with"), Period: cell("period"), Unit: cell("unit"),
			UnitName: Unsafe(cell("unit_name")), Indicator: cell("indicator"), Kind: cell("kind"),
			Source: canonicalSource(Unsafe(cell("source"))),
		}
		for _, name := range []string{"detected_with", "period"} {
			if _, err := period.Parse(cell(name)); err != nil {
				return nil, fmt.Errorf("%s:%d: %s %q: %w", CorrectionsPath, line, name, cell(name), err)
			}
		}
		if e.Unit == "" || e.Indicator == "" {
			return nil, fmt.Errorf("%s:%d: unit and indicator are required", CorrectionsPath, line)
		}
		side := func(prefix string) (*Published, error) {
			if cell(prefix+"_value") == "" {
				return nil, nil
			}
			// Only roll-ups have a reporting count.
			p := &Published{Method: "reported", Reporting: cell(prefix + "_reporting")}
			if p.Reporting != "" {
				p.Method = "rolled-up"
			}
			for _, f := range []struct {
				name string
				dst  **float64
			}{{"_value", nil}, {"_numerator", &p.Numerator}, {"_denominator", &p.Denominator}} {
				s := cell(prefix + f.name)
				if s == "" {
					continue
				}
				v, err := strconv.ParseFloat(s, 64)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %s%s %q is not a number", CorrectionsPath, line, prefix, f.name, s)
				}
				if f.dst == nil {
					p.Value = v
				} else {
					*f.dst = &v
				}
			}
			return p, nil
		}
		if e.Before, err = side("before"); err != nil {
			return nil, err
		}
		if e.After, err = side("after"); err != nil {
			return nil, err
		}
		want := map[string][2]bool{"changed": {true, true}, "added": {false, true}, "removed": {true, false}}
		w, ok := want[e.Kind]
		if !ok {
			return nil, fmt.Errorf("%s:%d: kind %q: want changed, added or removed", CorrectionsPath, line, e.Kind)
		}
		if (e.Before != nil) != w[0] || (e.After != nil) != w[1] {
			return nil, fmt.Errorf("%s:%d: a %s correction needs %s", CorrectionsPath, line, e.Kind,
				map[string]string{"changed": "both before_value and after_value", "added": "after_value only", "removed": "before_value only"}[e.Kind])
		}
		out = append(out, e)
	}
}

// Corrections lists the figures of a that differ from prev, a previously
// published figures file. Only periods prev had are compared: figures of
// a new period are news, not corrections. They come latest period first,
// then indicators and units in file order (codes no longer listed last,
// by code), each detected with a's latest period.
func Corrections(a *analyse.Analysis, prev map[Key]Published) []Erratum {
	ds := a.Dataset()
	detected := a.Latest().String()
	had := map[string]bool{}
	for k := range prev {
		had[k.Period] = true
	}
	var out []Erratum
	seen := map[Key]bool{}
	for _, ind := range ds.Indicators {
		for _, u := range ds.Units {
			for _, pt := range a.Series(u.Code, ind.Code) {
				k := Key{Unit: u.Code, Indicator: ind.Code, Period: pt.Period.String()}
				seen[k] = true
				if !had[k.Period] {
					continue
				}
				now := published(u.Code, pt, ind.Measure.Decimals())
				e := Erratum{DetectedWith: detected, Period: k.Period, Unit: u.Code, UnitName: u.Name.VI, Indicator: ind.Code, Kind: "added", After: &now, Source: now.Source}
				if before, ok := prev[k]; ok {
					if before.Same(now, ind.Measure.Decimals()) {
						continue
					}
					before.Source = "" // the erratum cites where the figure comes from now
					e.Kind, e.Before = "changed", &before
				}
				now.Source = ""
				out = append(out, e)
			}
		}
	}
	for k, before := range prev {
		if seen[k] {
			continue
		}
		if _, err := period.Parse(k.Period); err != nil {
			continue
		}
		before.Source = ""
		e := Erratum{DetectedWith: detected, Period: k.Period, Unit: k.Unit, Indicator: k.Indicator, Kind: "removed", Before: &before}
		if u, ok := a.Index().Unit(k.Unit); ok {
			e.UnitName = u.Name.VI
		}
		out = append(out, e)
	}
	idx := a.Index()
	// Codes no longer listed come after those listed.
	order := func(pos func(string) (int, bool), code string, n int) int {
		if i, ok := pos(code); ok {
			return i
		}
		return n
	}
	indOrder := func(code string) int { return order(idx.IndicatorPos, code, len(ds.Indicators)) }
	unitOrder := func(code string) int { return order(idx.UnitPos, code, len(ds.Units)) }
	slices.SortFunc(out, func(x, y Erratum) int {
		px, _ := period.Parse(x.Period)
		py, _ := period.Parse(y.Period)
		return cmp.Or(
			py.Compare(px),
			cmp.Compare(indOrder(x.Indicator), indOrder(y.Indicator)),
			cmp.Compare(x.Indicator, y.Indicator),
			cmp.Compare(unitOrder(x.Unit), unitOrder(y.Unit)),
			cmp.Compare(x.Unit, y.Unit),
		)
	})
	return out
}

// published is a point as the figures file publishes it: the value
// rounded to places, so an erratum read back from corrections.csv equals
// the one found (and a repeat is dropped, see MergeErrata).
func published(unit string, pt analyse.Point, places int) Published {
	p := Published{Value: decimal.Round(pt.Value, places), Numerator: pt.Numerator, Denominator: pt.Denominator, Method: "reported", Source: sources(pt.Sources)}
	if pt.RolledUp {
		p.Method, p.Reporting = "rolled-up", fmt.Sprintf("%d/%d", pt.Reporting, pt.Expected)
		p.Source = rolledUpSource(unit)
	}
	return p
}

// MergeErrata puts the corrections found now before the earlier ones, so
// the newest detection comes first, and drops a row identical to one
// already listed. A figure corrected twice keeps both steps: their values
// differ.
func MergeErrata(found, earlier []Erratum) []Erratum {
	var out []Erratum
	seen := map[string]bool{}
	for _, e := range slices.Concat(found, earlier) {
		b := CorrectionsCSV([]Erratum{e}, model.VI, nil) // the row as recorded is its identity
		if seen[string(b)] {
			continue
		}
		seen[string(b)] = true
		out = append(out, e)
	}
	return out
}

// Revisions is what a build learns from the build it replaces, worked out
// once per build: the previous figures, the corrections found against
// them, and the errata list to publish (those, then the earlier ones).
// The zero Revisions is a first build.
type Revisions struct {
	Had         bool              // a previous figures file was published
	PreviousErr error             // … but it could not be read
	Previous    map[Key]Published // its figures
	Found       []Erratum         // corrections found now
	Errata      []Erratum         // Found, then the previous build's errata
	ErrataErr   error             // the previous errata file could not be read
}

// Revise compares a with the previous build's figures file and carries its
// errata file over. A nil file is absent; one that cannot be read
// contributes nothing, and its error is kept so the page can say so.
func Revise(a *analyse.Analysis, prevFigures, prevCorrections []byte) Revisions {
	var r Revisions
	if prevFigures != nil {
		r.Had = true
		if r.Previous, r.PreviousErr = ReadFigures(prevFigures); r.PreviousErr == nil {
			r.Found = Corrections(a, r.Previous)
		}
	}
	var earlier []Erratum
	if prevCorrections != nil {
		earlier, r.ErrataErr = ReadCorrections(prevCorrections)
	}
	r.Errata = MergeErrata(r.Found, earlier)
	return r
}

// CorrectionsFiles are the errata files to publish, one per language;
// the Vietnamese one is at CorrectionsPath, where the next build reads it.
func CorrectionsFiles(es []Erratum, a *analyse.Analysis) []File {
	var out []File
	for _, lang := range model.Langs {
		out = append(out, langFile(lang, CorrectionsPath, "corrections", "", "csv", len(es), CorrectionsCSV(es, lang, a.Index())))
	}
	return out
}
