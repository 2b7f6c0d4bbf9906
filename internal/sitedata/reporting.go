package sitedata

import (
	"fmt"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

// ReportingParams is the reporting status page: for each indicator and
// period, how many of the units expected to report it did, then what is
// missing in the latest period.
//
// Who is expected to report what is analyse's one rule
// (Analysis.Expects): a unit that has reported the indicator in any
// period, with a row of its own; a district total summed from such rows
// is not a report.
type ReportingParams struct {
	Latest  string            `json:"latest"`
	Periods []PeriodHead      `json:"periods"`
	Rows    []CompletenessRow `json:"rows"`
	Total   []Cell            `json:"total"`
	// Complete is true when every expected unit reported every indicator
	// in the latest period.
	Complete bool `json:"complete"`
	// MissingUnits reported nothing in the latest period, though they
	// reported before; MissingIndicators have no figure from any unit in
	// it. Stale lists the other gaps: a unit that reported in the latest
	// period, but not an indicator it reported before, so its latest value
	// of that indicator is older.
	MissingUnits      []Missing  `json:"missing_units,omitempty"`
	MissingIndicators []Missing  `json:"missing_indicators,omitempty"`
	Stale             []StaleRow `json:"stale,omitempty"`
	// Groups is set on a tree too large for one page: MissingUnits and
	// Stale are then listed per parent unit, each on a page of its own.
	Groups []Group `json:"groups,omitempty"`
	// Parts is set on a site with too many indicators for one page: Rows
	// are then listed on the parts' pages, and the section page keeps the
	// total row and the gaps.
	Parts []PartLink `json:"parts,omitempty"`
}

// ReportingGroupParams is the latest period's gaps among the units under
// one parent unit.
type ReportingGroupParams struct {
	Parent       Link       `json:"parent"`
	Latest       string     `json:"latest"`
	MissingUnits []Missing  `json:"missing_units,omitempty"`
	Stale        []StaleRow `json:"stale,omitempty"`
}

// PeriodHead is a column of the completeness table: the short label, and
// the full one for screen readers.
type PeriodHead struct {
	Short string `json:"short"`
	Label string `json:"label"`
}

// CompletenessRow is one indicator's reports per period.
type CompletenessRow struct {
	Code      string `json:"code"`
	Indicator string `json:"indicator"`
	Path      string `json:"path"`
	Cells     []Cell `json:"cells"`
}

// Cell is "reported/expected" for one indicator (or all) and period; State
// is full, partial or none, for styling. Expected 0 (an indicator nobody
// has reported yet) prints as "–".
type Cell struct {
	Text  string `json:"text"`
	State string `json:"state"`
}

// Missing is a unit or indicator with no figure in the latest period, and
// the last period it had one in (empty: never).
type Missing struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Last   string `json:"last,omitempty"`
	parent string // the unit's parent, for grouping; empty for indicators
}

// StaleRow is a unit's indicator whose latest value is from an earlier
// period. Row is the line of the latest snapshot that left it empty, if
// there is one, with its note.
type StaleRow struct {
	Unit          string `json:"unit"`
	UnitPath      string `json:"unit_path"`
	Indicator     string `json:"indicator"`
	IndicatorPath string `json:"indicator_path"`
	Value         string `json:"value"`
	Period        string `json:"period"`
	Row           string `json:"row,omitempty"`
	RowURL        string `json:"row_url,omitempty"`
	Note          string `json:"note,omitempty"`
	parent        string
}

// reported is the language-neutral count behind the page: points[u][i]
// holds the reports of unit u for indicator i (its own figures, not
// totals), ascending, for the units expected to report it (see
// analyse.Analysis.Expects); at gives each period's index in periods.
type reported struct {
	periods []period.Period
	at      map[period.Period]int
	points  [][][]analyse.Point
}

func (b *builder) reported() reported {
	r := reported{periods: b.a.Periods(), at: map[period.Period]int{}}
	for k, p := range r.periods {
		r.at[p] = k
	}
	r.points = make([][][]analyse.Point, len(b.ds.Units))
	for u, unit := range b.ds.Units {
		r.points[u] = make([][]analyse.Point, len(b.ds.Indicators))
		for i, ind := range b.ds.Indicators {
			if !b.a.Expects(unit.Code, ind.Code) {
				continue
			}
			for _, pt := range b.a.Series(unit.Code, ind.Code) {
				if !pt.RolledUp {
					r.points[u][i] = append(r.points[u][i], pt)
				}
			}
		}
	}
	return r
}

// last is the index of the period of unit u's latest report of indicator
// i, or -1 when it never reported it.
func (r reported) last(u, i int) int {
	pts := r.points[u][i]
	if len(pts) == 0 {
		return -1
	}
	return r.at[pts[len(pts)-1].Period]
}

func cell(lang model.Lang, reported, expected int) Cell {
	c := Cell{Text: locale.Ratio(lang, float64(reported), float64(expected))}
	switch {
	case expected == 0:
		c.Text = "–"
	case reported == expected:
		c.State = "full"
	case reported == 0:
		c.State = "none"
	default:
		c.State = "partial"
	}
	return c
}

// reportingPages show completeness per period: who reported what; on a
// large tree, with a page per parent unit for the gaps.
func (b *builder) reportingPages() []Page {
	section := Page{Path: route.Reporting.Path(), Kind: "section", Weight: route.Reporting.Weight(), TitleI18n: "reportingTitle", Description: b.descSection(route.Reporting), view: func() (any, error) { return b.reportingView(), nil }}
	pages := append([]Page{section}, b.partPages(section, "part", func(pt *part) func() (any, error) {
		return func() (any, error) { return b.reportingPart(pt), nil }
	})...)
	for i, parent := range b.groupParents() {
		pages = append(pages, Page{
			Path: route.ReportingOf(parent.Code), Weight: i + 1, TitleI18n: "reportingOfTitle", TitleArgs: map[string]string{"unit": parent.Name.In(b.lang)},
			Description: clip(b.t("Đơn vị nào thuộc "+parent.Name.In(b.lang)+" còn thiếu báo cáo trong "+b.latestLabel()+".", "Which units of "+parent.Name.In(b.lang)+" have not reported in "+b.latestLabel()+".")),
			view:        func() (any, error) { return b.reportingGroup(parent), nil },
		})
	}
	return pages
}

// reportingView is the section page: everything, or on a large tree the
// counts per parent unit in place of the lists.
func (b *builder) reportingView() *ReportingParams {
	full := b.gaps()
	p := *full
	if b.parts() != nil {
		p.Rows, p.Parts = nil, b.partLinks(route.Reporting.Path(), nil)
	}
	if len(b.groupParents()) == 0 {
		return &p
	}
	p.MissingUnits, p.Stale = nil, nil
	units, rows := map[string]int{}, map[string]int{}
	for _, m := range full.MissingUnits {
		units[m.parent]++
	}
	for _, s := range full.Stale {
		rows[s.parent]++
	}
	for _, parent := range b.groupParents() {
		g := Group{Name: parent.Name.In(b.lang), Path: route.Link(route.ReportingOf(parent.Code)), Units: units[parent.Code], Rows: rows[parent.Code]}
		if g.Units > 0 || g.Rows > 0 {
			p.Groups = append(p.Groups, g)
		}
	}
	return &p
}

// reportingPart is the completeness of the indicators of part pt.
func (b *builder) reportingPart(pt *part) *ReportingParams {
	full := b.gaps()
	return &ReportingParams{Latest: full.Latest, Periods: full.Periods, Rows: full.Rows[pt.from:pt.to], Parts: b.partLinks(route.Reporting.Path(), pt)}
}

func (b *builder) reportingGroup(parent *model.Unit) *ReportingGroupParams {
	full := b.gaps()
	g := &ReportingGroupParams{Parent: Link{Title: parent.Name.In(b.lang), Path: route.Link(route.Unit(parent.Code))}, Latest: full.Latest}
	for _, m := range full.MissingUnits {
		if m.parent == parent.Code {
			g.MissingUnits = append(g.MissingUnits, m)
		}
	}
	for _, s := range full.Stale {
		if s.parent == parent.Code {
			g.Stale = append(g.Stale, s)
		}
	}
	return g
}

// gaps is the reporting status, computed once per language: the section
// page and every parent's page read it.
func (b *builder) gaps() *ReportingParams {
	b.gapsOnce.Do(func() { b.gapsMemo = b.reportingParams() })
	return b.gapsMemo
}

func (b *builder) reportingParams() *ReportingParams {
	r := b.reported()
	p := &ReportingParams{Complete: true}
	if len(r.periods) == 0 {
		return p
	}
	last := len(r.periods) - 1
	p.Latest = locale.Period(b.lang, r.periods[last])
	for _, per := range r.periods {
		p.Periods = append(p.Periods, PeriodHead{Short: locale.PeriodShort(b.lang, per), Label: locale.Period(b.lang, per)})
	}
	totRep, totExp := make([]int, len(r.periods)), 0
	indMissing := make([]bool, len(b.ds.Indicators))
	for i, ind := range b.ds.Indicators {
		expected := b.a.Expected(ind.Code)
		row := CompletenessRow{Code: ind.Code, Indicator: ind.Name.In(b.lang), Path: route.Link(route.Indicator(ind.Code))}
		lastK := -1
		for k, per := range r.periods {
			n := 0
			for _, unit := range expected {
				if b.a.Reported(unit, ind.Code, per) {
					n++
				}
			}
			if n > 0 {
				lastK = k
			}
			totRep[k] += n
			row.Cells = append(row.Cells, cell(b.lang, n, len(expected)))
			if k == last && n < len(expected) {
				p.Complete = false
			}
		}
		totExp += len(expected)
		if lastK != last {
			indMissing[i] = true
			m := Missing{Name: ind.Name.In(b.lang), Path: row.Path}
			if lastK >= 0 {
				m.Last = locale.Period(b.lang, r.periods[lastK])
			}
			p.MissingIndicators = append(p.MissingIndicators, m)
		}
		p.Rows = append(p.Rows, row)
	}
	for k := range r.periods {
		p.Total = append(p.Total, cell(b.lang, totRep[k], totExp))
	}

	empty, file := b.emptyRows(r.periods[last])
	for u, unit := range b.ds.Units {
		lastK, now := -1, false
		for i := range b.ds.Indicators {
			if k := r.last(u, i); k >= 0 {
				lastK = max(lastK, k)
				now = now || k == last
			}
		}
		if lastK < 0 {
			continue // never reported: not expected to
		}
		if !now {
			p.MissingUnits = append(p.MissingUnits, Missing{Name: unit.Name.In(b.lang), Path: route.Link(route.Unit(unit.Code)), Last: locale.Period(b.lang, r.periods[lastK]), parent: unit.Parent})
			continue
		}
		for i, ind := range b.ds.Indicators {
			pts := r.points[u][i]
			if indMissing[i] || len(pts) == 0 || r.last(u, i) == last {
				continue
			}
			pt := pts[len(pts)-1]
			s := StaleRow{
				Unit: unit.Name.In(b.lang), UnitPath: route.Link(route.Unit(unit.Code)),
				Indicator: ind.Name.In(b.lang), IndicatorPath: route.Link(route.Indicator(ind.Code)),
				Value: locale.Value(b.lang, ind.Measure, pt.Value), Period: locale.Period(b.lang, pt.Period),
				parent: unit.Parent,
			}
			if o := empty[unitIndicator{unit.Code, ind.Code}]; o != nil {
				s.Row = fmt.Sprintf("%s:%d", file, o.At.Row.Line)
				s.RowURL = route.InputCopy(file)
				s.Note = o.Note
			}
			p.Stale = append(p.Stale, s)
		}
	}
	return p
}

type unitIndicator struct{ unit, indicator string }

// emptyRows indexes the rows of period p's snapshot that name a unit and
// an indicator but give no value (the first of each pair), in one pass,
// and returns the snapshot's file.
func (b *builder) emptyRows(p period.Period) (map[unitIndicator]*model.Observation, string) {
	out := map[unitIndicator]*model.Observation{}
	for _, s := range b.ds.Snapshots {
		if s.Period != p {
			continue
		}
		for j := range s.Observations {
			o := &s.Observations[j]
			if k := (unitIndicator{o.Unit, o.Indicator}); o.Value == nil && out[k] == nil {
				out[k] = o
			}
		}
		return out, s.File
	}
	return out, ""
}
