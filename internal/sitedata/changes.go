package sitedata

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// ChangesSection is the page of what changed: since the previous period,
// and since the previous published build.
const ChangesSection = "thay-doi"

// ChangesParams is the "what changed" page.
type ChangesParams struct {
	TitleI18n string `json:"title_i18n"`
	Top       string `json:"top"`
	Latest    string `json:"latest"`
	// Rows are the top unit's figures now and in the period before.
	Rows []ChangeRow `json:"rows"`
	// New are the figures units reported in the latest period for an
	// indicator they had not reported in the period before it.
	New []NewValue `json:"new,omitempty"`
	// Previous compares every figure with the previous published build.
	Previous Comparison `json:"previous"`
}

// ChangeRow is an indicator's top-unit figure in the latest period and the
// one before it.
type ChangeRow struct {
	Indicator string `json:"indicator"`
	Path      string `json:"path"`
	Before    string `json:"before"` // "86,5% (quý III/2024)", "" when none
	Figure
}

// NewValue is a figure a unit reported for the first time since the period
// before the latest.
type NewValue struct {
	Unit          string `json:"unit"`
	UnitPath      string `json:"unit_path"`
	Indicator     string `json:"indicator"`
	IndicatorPath string `json:"indicator_path"`
	Value         string `json:"value"`
	Source        string `json:"source,omitempty"`
	SourceURL     string `json:"source_url,omitempty"`
}

// Comparison is how this build's figures differ from the previous
// published build's (its figures file). State is "first" (nothing was
// published before), "unreadable" (the published file could not be read:
// nothing is compared), "same" or "corrected".
type Comparison struct {
	State       string       `json:"state"`
	Latest      string       `json:"latest,omitempty"`      // the previous build's latest period
	NewPeriods  []string     `json:"new_periods,omitempty"` // periods it did not have
	Corrections []Correction `json:"corrections,omitempty"`
}

// Correction is a figure of a period the previous build had, whose value
// differs now. Kind is "changed", "added" (no figure before: a late
// report) or "removed" (no figure now). Source is the row the current value
// comes from, when it is a unit's own report.
type Correction struct {
	Kind          string `json:"kind"`
	Period        string `json:"period"`
	Unit          string `json:"unit"`
	UnitPath      string `json:"unit_path,omitempty"`
	Indicator     string `json:"indicator"`
	IndicatorPath string `json:"indicator_path,omitempty"`
	Before        string `json:"before,omitempty"`
	After         string `json:"after,omitempty"`
	RolledUp      bool   `json:"rolled_up,omitempty"`
	Source        string `json:"source,omitempty"`
	SourceURL     string `json:"source_url,omitempty"`
}

// changesPages lists new values and corrections since the previous build.
func (b *builder) changesPages() ([]Page, error) {
	top := b.ds.Top()
	latest := b.a.Latest()
	p := ChangesParams{TitleI18n: "changesTitle", Top: top.Name.In(b.lang), Latest: locale.Period(b.lang, latest)}
	periods := b.a.Periods()
	for _, ind := range b.ds.Indicators {
		s := b.a.Summary(top.Code, ind.Code, latest)
		row := ChangeRow{Indicator: ind.Name.In(b.lang), Path: indicatorPath(ind) + "/", Figure: b.figure(ind, s)}
		if s.Previous != nil {
			row.Before = fmt.Sprintf("%s (%s)", locale.Value(b.lang, ind.Measure, s.Previous.Value), locale.Period(b.lang, s.Previous.Period))
		}
		p.Rows = append(p.Rows, row)
	}
	if len(periods) >= 2 {
		before := periods[len(periods)-2]
		for _, u := range b.ds.Units {
			for _, ind := range b.ds.Indicators {
				cur, ok := b.a.At(u.Code, ind.Code, latest)
				if !ok || cur.RolledUp {
					continue
				}
				if prev, had := b.a.At(u.Code, ind.Code, before); had && !prev.RolledUp {
					continue
				}
				nv := NewValue{Unit: u.Name.In(b.lang), UnitPath: unitPath(u.Code) + "/", Indicator: ind.Name.In(b.lang), IndicatorPath: indicatorPath(ind) + "/", Value: locale.Value(b.lang, ind.Measure, cur.Value)}
				if len(cur.Sources) == 1 {
					nv.Source = fmt.Sprintf("%s:%d", cur.Sources[0].File, cur.Sources[0].Line)
					nv.SourceURL = export.URLPath(cur.Sources[0].File)
				}
				p.New = append(p.New, nv)
			}
		}
	}
	p.Previous = b.compare()
	return []Page{{Path: ChangesSection, Kind: "section", Weight: 6, Params: p}}, nil
}

// compare lists the figures that differ from the previous published build.
// Only periods that build had are compared: figures of a new period are
// news, not corrections.
func (b *builder) compare() Comparison {
	if b.in.Previous == nil {
		return Comparison{State: "first"}
	}
	prev, err := export.ReadFigures(b.in.Previous)
	if err != nil {
		return Comparison{State: "unreadable"}
	}
	c := Comparison{State: "same"}
	had := map[period.Period]bool{}
	for k := range prev {
		if p, err := period.Parse(k.Period); err == nil {
			had[p] = true
		}
	}
	prevLatest := period.Period{}
	for p := range had {
		if prevLatest.IsZero() || p.Compare(prevLatest) > 0 {
			prevLatest = p
		}
	}
	if !prevLatest.IsZero() {
		c.Latest = locale.Period(b.lang, prevLatest)
	}
	for _, p := range b.a.Periods() {
		if !had[p] {
			c.NewPeriods = append(c.NewPeriods, locale.Period(b.lang, p))
		}
	}

	type item struct {
		key  export.Key
		per  period.Period
		corr Correction
	}
	var items []item
	seen := map[export.Key]bool{}
	for _, ind := range b.ds.Indicators {
		for _, u := range b.ds.Units {
			for _, pt := range b.a.Series(u.Code, ind.Code) {
				k := export.Key{Unit: u.Code, Indicator: ind.Code, Period: pt.Period.String()}
				seen[k] = true
				if !had[pt.Period] {
					continue
				}
				now := export.Published{Value: pt.Value, Numerator: pt.Numerator, Denominator: pt.Denominator}
				before, ok := prev[k]
				if ok && before.Same(now) {
					continue
				}
				corr := b.correction(k, pt.Period, ind.Measure)
				corr.After = b.published(ind.Measure, now)
				corr.RolledUp = pt.RolledUp
				corr.Kind = "added"
				if ok {
					corr.Kind, corr.Before = "changed", b.published(ind.Measure, before)
					if corr.Before == corr.After {
						// Differs below the shown precision: show it all.
						corr.Before += " = " + exact(b.lang, before.Value)
						corr.After += " = " + exact(b.lang, now.Value)
					}
				}
				if !pt.RolledUp && len(pt.Sources) == 1 {
					corr.Source = fmt.Sprintf("%s:%d", pt.Sources[0].File, pt.Sources[0].Line)
					corr.SourceURL = export.URLPath(pt.Sources[0].File)
				}
				items = append(items, item{k, pt.Period, corr})
			}
		}
	}
	for k, before := range prev {
		if seen[k] {
			continue
		}
		per, err := period.Parse(k.Period)
		if err != nil {
			continue
		}
		m := model.Number
		if ind, ok := b.ds.Indicator(k.Indicator); ok {
			m = ind.Measure
		}
		corr := b.correction(k, per, m)
		corr.Kind, corr.Before, corr.RolledUp = "removed", b.published(m, before), before.Method == "rolled-up"
		items = append(items, item{k, per, corr})
	}

	// Latest period first; then indicators and units in file order (codes
	// no longer listed last, by code).
	indAt, unitAt := map[string]int{}, map[string]int{}
	for i, ind := range b.ds.Indicators {
		indAt[ind.Code] = i
	}
	for i, u := range b.ds.Units {
		unitAt[u.Code] = i
	}
	order := func(at map[string]int, code string) int {
		if i, ok := at[code]; ok {
			return i
		}
		return len(at)
	}
	slices.SortFunc(items, func(x, y item) int {
		return cmp.Or(
			y.per.Compare(x.per),
			cmp.Compare(order(indAt, x.key.Indicator), order(indAt, y.key.Indicator)),
			cmp.Compare(x.key.Indicator, y.key.Indicator),
			cmp.Compare(order(unitAt, x.key.Unit), order(unitAt, y.key.Unit)),
			cmp.Compare(x.key.Unit, y.key.Unit),
		)
	})
	for _, it := range items {
		c.Corrections = append(c.Corrections, it.corr)
	}
	if len(c.Corrections) > 0 {
		c.State = "corrected"
	}
	return c
}

// correction names the figure of k, by the current lists' names when the
// unit and indicator are still listed, else by their codes.
func (b *builder) correction(k export.Key, p period.Period, m model.Measure) Correction {
	c := Correction{Period: locale.Period(b.lang, p), Unit: k.Unit, Indicator: k.Indicator}
	if u, ok := b.ds.Unit(k.Unit); ok {
		c.Unit, c.UnitPath = u.Name.In(b.lang), unitPath(u.Code)+"/"
	}
	if ind, ok := b.ds.Indicator(k.Indicator); ok {
		c.Indicator, c.IndicatorPath = ind.Name.In(b.lang), indicatorPath(ind)+"/"
	}
	return c
}

// published formats a figure as the site shows it, with its ratio.
func (b *builder) published(m model.Measure, p export.Published) string {
	s := locale.Value(b.lang, m, p.Value)
	if p.Numerator != nil && p.Denominator != nil {
		s += " (" + locale.Ratio(b.lang, *p.Numerator, *p.Denominator) + ")"
	}
	return s
}

// exact prints a value in full precision in the language's notation, for
// corrections below the shown precision, which would otherwise read
// "90% → 90%".
func exact(lang model.Lang, v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if lang == model.VI {
		s = swapMarks(s)
	}
	return s
}

func swapMarks(s string) string {
	out := []rune(s)
	for i, r := range out {
		if r == '.' {
			out[i] = ','
		}
	}
	return string(out)
}
