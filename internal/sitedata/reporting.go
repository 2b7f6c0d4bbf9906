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
// A unit is expected to report an indicator when it has reported it in any
// period: units.csv lists agencies that never report commune figures, so
// "every unit" would be wrong, and the data itself is the only list of who
// reports what. Only units' own rows count; a district total summed from
// them is not a report.
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
	Expected  int    `json:"expected"`
	Cells     []Cell `json:"cells"`
}

// Cell is "reported/expected" for one indicator (or all) and period; State
// is full, partial or none, for styling. Expected 0 (an indicator nobody
// has reported yet) prints as "–".
type Cell struct {
	Text     string `json:"text"`
	Reported int    `json:"reported"`
	Expected int    `json:"expected"`
	State    string `json:"state"`
}

// Missing is a unit or indicator with no figure in the latest period, and
// the last period it had one in (empty: never).
type Missing struct {
	Name string `json:"name"`
	Path string `json:"path"`
	Last string `json:"last,omitempty"`
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
}

// reported is the language-neutral count behind the page: own[u][i] holds
// the periods (indexes into periods) in which unit u reported indicator i
// itself, ascending.
type reported struct {
	periods []period.Period
	own     [][][]int
	points  [][][]analyse.Point
}

func (b *builder) reported() reported {
	r := reported{periods: b.a.Periods()}
	idx := map[period.Period]int{}
	for k, p := range r.periods {
		idx[p] = k
	}
	r.own = make([][][]int, len(b.ds.Units))
	r.points = make([][][]analyse.Point, len(b.ds.Units))
	for u, unit := range b.ds.Units {
		r.own[u] = make([][]int, len(b.ds.Indicators))
		r.points[u] = make([][]analyse.Point, len(b.ds.Indicators))
		for i, ind := range b.ds.Indicators {
			for _, pt := range b.a.Series(unit.Code, ind.Code) {
				if !pt.RolledUp {
					r.own[u][i] = append(r.own[u][i], idx[pt.Period])
					r.points[u][i] = append(r.points[u][i], pt)
				}
			}
		}
	}
	return r
}

// has reports whether unit u reported indicator i in period k.
func (r reported) has(u, i, k int) bool {
	for _, x := range r.own[u][i] {
		if x == k {
			return true
		}
	}
	return false
}

func cell(lang model.Lang, reported, expected int) Cell {
	c := Cell{Text: locale.Ratio(lang, float64(reported), float64(expected)), Reported: reported, Expected: expected}
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

// reportingPage shows completeness per period: who reported what.
func (b *builder) reportingPage() Page {
	return Page{Path: route.Reporting.Path(), Kind: "section", Weight: route.Reporting.Weight(), TitleI18n: "reportingTitle", view: func() (any, error) { return b.reportingParams(), nil }}
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
		row := CompletenessRow{Code: ind.Code, Indicator: ind.Name.In(b.lang), Path: route.Link(route.Indicator(ind.Code))}
		for u := range b.ds.Units {
			if len(r.own[u][i]) > 0 {
				row.Expected++
			}
		}
		lastK := -1
		for k := range r.periods {
			n := 0
			for u := range b.ds.Units {
				if r.has(u, i, k) {
					n++
				}
			}
			if n > 0 {
				lastK = k
			}
			totRep[k] += n
			row.Cells = append(row.Cells, cell(b.lang, n, row.Expected))
		}
		totExp += row.Expected
		if c := row.Cells[last]; c.Reported < c.Expected {
			p.Complete = false
		}
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

	for u, unit := range b.ds.Units {
		lastK, now := -1, false
		for i := range b.ds.Indicators {
			if ks := r.own[u][i]; len(ks) > 0 {
				lastK = max(lastK, ks[len(ks)-1])
				now = now || ks[len(ks)-1] == last
			}
		}
		if lastK < 0 {
			continue // never reported: not expected to
		}
		if !now {
			p.MissingUnits = append(p.MissingUnits, Missing{Name: unit.Name.In(b.lang), Path: route.Link(route.Unit(unit.Code)), Last: locale.Period(b.lang, r.periods[lastK])})
			continue
		}
		for i, ind := range b.ds.Indicators {
			pts := r.points[u][i]
			if indMissing[i] || len(pts) == 0 || r.own[u][i][len(pts)-1] == last {
				continue
			}
			pt := pts[len(pts)-1]
			s := StaleRow{
				Unit: unit.Name.In(b.lang), UnitPath: route.Link(route.Unit(unit.Code)),
				Indicator: ind.Name.In(b.lang), IndicatorPath: route.Link(route.Indicator(ind.Code)),
				Value: locale.Value(b.lang, ind.Measure, pt.Value), Period: locale.Period(b.lang, pt.Period),
			}
			if o, file := b.emptyRow(unit.Code, ind.Code, r.periods[last]); o != nil {
				s.Row = fmt.Sprintf("%s:%d", file, o.At.Row.Line)
				s.RowURL = route.InputCopy(file)
				s.Note = o.Note
			}
			p.Stale = append(p.Stale, s)
		}
	}
	return p
}

// emptyRow finds the row of period p's snapshot that names unit and
// indicator but gives no value, and the snapshot's file.
func (b *builder) emptyRow(unit, indicator string, p period.Period) (*model.Observation, string) {
	for _, s := range b.ds.Snapshots {
		if s.Period != p {
			continue
		}
		for j := range s.Observations {
			if o := &s.Observations[j]; o.Unit == unit && o.Indicator == indicator && o.Value == nil {
				return o, s.File
			}
		}
	}
	return nil, ""
}
