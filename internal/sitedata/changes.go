package sitedata

import (
	"fmt"
	"strings"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

// The changes page shows what changed: since the previous period,
// and since the previous published build.

// ChangesParams is the "what changed" page.
type ChangesParams struct {
	Top    string `json:"top"`
	Latest string `json:"latest"`
	// Rows are the top unit's figures now and in the period before.
	Rows []ChangeRow `json:"rows"`
	// New are the figures units reported in the latest period for an
	// indicator they had not reported in the period before it.
	New []NewValue `json:"new,omitempty"`
	// NewGroups is set on a tree too large for one page: New is then
	// listed per parent unit, each on a page of its own.
	NewGroups []Group `json:"new_groups,omitempty"`
	// Previous compares every figure with the previous published build.
	Previous Comparison `json:"previous"`
	// Errata are every correction published so far, newest detection
	// first: those of the errata file this build publishes (ErrataFile).
	// ErrataUnreadable says the previous build's file could not be read.
	Errata []Correction `json:"errata,omitempty"`
	// ErrataGroups are Errata by the publication that found them, newest
	// first: the page shows the newest and folds the older ones away.
	ErrataGroups     []ErrataGroup `json:"errata_groups,omitempty"`
	ErrataFile       string        `json:"errata_file"`
	ErrataUnreadable bool          `json:"errata_unreadable,omitempty"`
}

// ChangeRow is an indicator's top-unit figure in the latest period and the
// one before it.
type ChangeRow struct {
	Indicator string `json:"indicator"`
	Path      string `json:"path"`
	Before    string `json:"before"` // "86,5% (quý III/2024)", "" when none
	// BeforeCoverage and NowCoverage are the units the top unit's totals
	// summed ("20/21"), set when either is a partial total, so a change
	// caused by a missing unit reads as such.
	BeforeCoverage string `json:"before_coverage,omitempty"`
	NowCoverage    string `json:"now_coverage,omitempty"`
	Figure         Figure `json:"figure"` // a named field, not embedded: templates find it without a search
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
	parent        string
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
	// BeforeCoverage and AfterCoverage are the units a district total
	// summed ("20/21"), set when either side is a partial total.
	BeforeCoverage string `json:"before_coverage,omitempty"`
	AfterCoverage  string `json:"after_coverage,omitempty"`
	Source         string `json:"source,omitempty"`
	SourceURL      string `json:"source_url,omitempty"`
	// Detected is the latest period of the build that found it, in the
	// list of every published correction.
	Detected string `json:"detected,omitempty"`
}

// ChangesGroupParams is the figures newly reported by the units under one
// parent unit.
type ChangesGroupParams struct {
	Parent Link       `json:"parent"`
	Latest string     `json:"latest"`
	New    []NewValue `json:"new,omitempty"`
}

// changesPages list new values and corrections since the previous build;
// on a large tree, with a page per parent unit for the new values.
func (b *builder) changesPages() []Page {
	pages := []Page{{Path: route.Changes.Path(), Kind: "section", Weight: route.Changes.Weight(), TitleI18n: "changesTitle", Description: b.descSection(route.Changes), view: func() (any, error) { return b.changesView() }}}
	for i, parent := range b.groupParents() {
		pages = append(pages, Page{
			Path: route.ChangesOf(parent.Code), Weight: i + 1, TitleI18n: "changesOfTitle", TitleArgs: map[string]string{"unit": parent.Name.In(b.lang)},
			Description: clip(b.t("Số liệu mới của các đơn vị thuộc "+parent.Name.In(b.lang)+".", "New figures of the units of "+parent.Name.In(b.lang)+".")),
			view:        func() (any, error) { return b.changesGroup(parent), nil },
		})
	}
	return pages
}

func (b *builder) changesView() (*ChangesParams, error) {
	p, err := b.changesParams()
	if err != nil || len(b.groupParents()) == 0 {
		return p, err
	}
	rows := map[string]int{}
	for _, v := range p.New {
		rows[v.parent]++
	}
	for _, parent := range b.groupParents() {
		g := Group{Name: parent.Name.In(b.lang), Path: route.Link(route.ChangesOf(parent.Code)), Rows: rows[parent.Code]}
		if g.Rows > 0 {
			p.NewGroups = append(p.NewGroups, g)
		}
	}
	p.New = nil
	return p, nil
}

func (b *builder) changesGroup(parent *model.Unit) *ChangesGroupParams {
	g := &ChangesGroupParams{Parent: Link{Title: parent.Name.In(b.lang), Path: route.Link(route.Unit(parent.Code))}, Latest: locale.Period(b.lang, b.a.Latest())}
	for _, v := range b.newValues() {
		if v.parent == parent.Code {
			g.New = append(g.New, v)
		}
	}
	return g
}

func (b *builder) changesParams() (*ChangesParams, error) {
	top := b.a.Index().Top()
	latest := b.a.Latest()
	p := &ChangesParams{Top: top.Name.In(b.lang), Latest: locale.Period(b.lang, latest)}
	for _, ind := range b.ds.Indicators {
		s := b.a.Summary(top.Code, ind.Code, latest)
		row := ChangeRow{Indicator: ind.Name.In(b.lang), Path: route.Link(route.Indicator(ind.Code)), Figure: b.figure(ind, s)}
		if s.Previous != nil {
			row.Before = fmt.Sprintf("%s (%s)", locale.Value(b.lang, ind.Measure, s.Previous.Value), locale.Period(b.lang, s.Previous.Period))
		}
		if s.Current != nil && s.Previous != nil && (s.Current.Partial() || s.Previous.Partial()) {
			row.BeforeCoverage, row.NowCoverage = coverage(b.lang, *s.Previous), coverage(b.lang, *s.Current)
		}
		p.Rows = append(p.Rows, row)
	}
	p.New = b.newValues()
	p.Previous = b.compare()
	p.Errata, p.ErrataUnreadable = b.errata()
	p.ErrataGroups = errataGroups(p.Errata)
	p.ErrataFile = route.InLang(string(b.lang), export.CorrectionsPath) // the file of the page's language
	return p, nil
}

// newValues are the figures units reported in the latest period for an
// indicator they had not reported in the period before it, computed once
// per language.
func (b *builder) newValues() []NewValue {
	b.newOnce.Do(func() { b.newMemo = b.findNewValues() })
	return b.newMemo
}

func (b *builder) findNewValues() []NewValue {
	var out []NewValue
	periods := b.a.Periods()
	latest := b.a.Latest()
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
				nv := NewValue{parent: u.Parent, Unit: u.Name.In(b.lang), UnitPath: route.Link(route.Unit(u.Code)), Indicator: ind.Name.In(b.lang), IndicatorPath: route.Link(route.Indicator(ind.Code)), Value: locale.Value(b.lang, ind.Measure, cur.Value)}
				if len(cur.Sources) == 1 {
					nv.Source = fmt.Sprintf("%s:%d", cur.Sources[0].File, cur.Sources[0].Line)
					nv.SourceURL = route.InputCopy(cur.Sources[0].File)
				}
				out = append(out, nv)
			}
		}
	}
	return out
}

// compare lists the figures that differ from the previous published build.
// Only periods that build had are compared: figures of a new period are
// news, not corrections.
func (b *builder) compare() Comparison {
	rev := b.in.Revisions
	switch {
	case !rev.Had:
		return Comparison{State: "first"}
	case rev.PreviousErr != nil:
		return Comparison{State: "unreadable"}
	}
	prev := rev.Previous
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
	for _, e := range rev.Found {
		c.Corrections = append(c.Corrections, b.erratum(e))
	}
	if len(c.Corrections) > 0 {
		c.State = "corrected"
	}
	return c
}

// errata is every correction published so far, as the errata file of this
// build lists them (newest detection first), and whether the previous
// build's errata file could not be read.
func (b *builder) errata() ([]Correction, bool) {
	es := b.in.Revisions.Errata
	out := make([]Correction, 0, len(es))
	for _, e := range es {
		c := b.erratum(e)
		if p, perr := period.Parse(e.DetectedWith); perr == nil {
			c.Detected = locale.Period(b.lang, p)
		}
		out = append(out, c)
	}
	return out, b.in.Revisions.ErrataErr != nil
}

// erratum formats a correction as the page shows it.
func (b *builder) erratum(e export.Erratum) Correction {
	per, _ := period.Parse(e.Period)
	m := model.Number
	if ind, ok := b.a.Index().Indicator(e.Indicator); ok {
		m = ind.Measure
	}
	corr := b.correction(e.Key(), per, m)
	if _, ok := b.a.Index().Unit(e.Unit); !ok && e.UnitName != "" {
		corr.Unit = e.UnitName
	}
	corr.Kind = e.Kind
	if e.Before != nil {
		corr.Before = b.published(m, *e.Before)
		corr.RolledUp = e.Before.Method == "rolled-up"
	}
	if e.After != nil {
		corr.After = b.published(m, *e.After)
		corr.RolledUp = e.After.Method == "rolled-up"
	}
	if e.Before != nil && e.After != nil && corr.Before == corr.After {
		// Differs below the shown precision: show it all.
		corr.Before += " = " + locale.Exact(b.lang, e.Before.Value)
		corr.After += " = " + locale.Exact(b.lang, e.After.Value)
	}
	if corr.RolledUp && (partial(e.Before) || partial(e.After)) {
		// A total of fewer units than usual: the units summed explain
		// the change as much as the values do.
		if e.Before != nil {
			corr.BeforeCoverage = locale.CoverageOf(b.lang, e.Before.Reporting)
		}
		if e.After != nil {
			corr.AfterCoverage = locale.CoverageOf(b.lang, e.After.Reporting)
		}
	}
	if e.After != nil && e.After.Method != "rolled-up" && e.Source != "" && !strings.Contains(e.Source, ";") {
		if file, _, ok := strings.Cut(e.Source, ":"); ok {
			corr.Source, corr.SourceURL = e.Source, route.InputCopy(file)
		}
	}
	return corr
}

// partial reports whether a published roll-up summed fewer units than
// report the indicator ("20/21").
func partial(p *export.Published) bool {
	if p == nil {
		return false
	}
	got, of, ok := strings.Cut(p.Reporting, "/")
	return ok && got != of
}

// correction names the figure of k, by the current lists' names when the
// unit and indicator are still listed, else by their codes.
func (b *builder) correction(k export.Key, p period.Period, m model.Measure) Correction {
	c := Correction{Period: locale.Period(b.lang, p), Unit: k.Unit, Indicator: k.Indicator}
	if u, ok := b.a.Index().Unit(k.Unit); ok {
		c.Unit, c.UnitPath = u.Name.In(b.lang), route.Link(route.Unit(u.Code))
	}
	if ind, ok := b.a.Index().Indicator(k.Indicator); ok {
		c.Indicator, c.IndicatorPath = ind.Name.In(b.lang), route.Link(route.Indicator(ind.Code))
	}
	return c
}

// coverage is the units a total summed, "20/21 đơn vị đã báo cáo"; ""
// for a unit's own figure.
func coverage(lang model.Lang, pt analyse.Point) string {
	if !pt.RolledUp {
		return ""
	}
	return locale.Coverage(lang, pt.Reporting, pt.Expected)
}

// published formats a figure as the site shows it, with its ratio.
func (b *builder) published(m model.Measure, p export.Published) string {
	s := locale.Value(b.lang, m, p.Value)
	if p.Numerator != nil && p.Denominator != nil {
		s += " (" + locale.Ratio(b.lang, *p.Numerator, *p.Denominator) + ")"
	}
	return s
}

// ErrataGroup is the corrections one publication found.
type ErrataGroup struct {
	Detected string       `json:"detected"`
	Rows     []Correction `json:"rows"`
}

// errataGroups splits errata, newest detection first, into runs of one
// detection period each.
func errataGroups(errata []Correction) []ErrataGroup {
	var out []ErrataGroup
	for _, c := range errata {
		if n := len(out); n > 0 && out[n-1].Detected == c.Detected {
			out[n-1].Rows = append(out[n-1].Rows, c)
			continue
		}
		out = append(out, ErrataGroup{Detected: c.Detected, Rows: []Correction{c}})
	}
	return out
}
