package sitedata

import (
	"html/template"
	"strings"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
	"github.com/minhbach/minhbach/internal/svgchart"
)

// UnitParams is what a unit page shows.
type UnitParams struct {
	Code     string             `json:"code"`
	Kind     string             `json:"kind"`
	Parent   *Link              `json:"parent,omitempty"`
	Children []Link             `json:"children,omitempty"`
	Period   string             `json:"period"`
	Rows     []UnitIndicatorRow `json:"rows"`
	// Parts is set on a site with too many indicators for one page: the
	// unit's page then lists its parts, each part's page its rows.
	Parts []PartLink `json:"parts,omitempty"`
	// Scorecard is the unit's one-page printable scorecard.
	Scorecard string `json:"scorecard"`
}

// UnitIndicatorRow is one indicator on a unit page.
type UnitIndicatorRow struct {
	Code      string        `json:"code"`
	Indicator string        `json:"indicator"`
	Path      string        `json:"path"`
	Figure    Figure        `json:"figure"`          // a named field, not embedded: templates find it without a search
	Spark     template.HTML `json:"spark,omitempty"` // the series as an <svg> from package svgchart, drawn without JavaScript
	// History is the unit's figure in every period from its first one,
	// the sparkline's numbers.
	History []HistoryRow `json:"history"`
	// Ref numbers the legal basis of the target on a scorecard, from 1, so
	// a basis shared by several targets is printed once.
	Ref int `json:"ref,omitempty"`
}

// HistoryRow is one period of a unit's figures of one indicator. ID is
// the row's stable anchor on the unit page.
type HistoryRow struct {
	ID     string `json:"id"`
	Period string `json:"period"`
	Figure Figure `json:"figure"` // value, ratio and change only
}

func (b *builder) unitPages(u model.Unit, weight int) []Page {
	page := Page{Path: route.Unit(u.Code), Title: u.Name.In(b.lang), Weight: weight + 1, Description: b.descUnit(u), view: func() (any, error) { return b.unitParams(u, nil), nil }}
	return append([]Page{page}, b.partPages(page, "", func(pt *part) func() (any, error) {
		return func() (any, error) { return b.unitParams(u, pt), nil }
	})...)
}

// unitParams is the unit's page, or the page of one part (pt) of it.
func (b *builder) unitParams(u model.Unit, pt *part) *UnitParams {
	latest := b.a.Latest()
	p := &UnitParams{Code: u.Code, Kind: u.Kind, Period: locale.Period(b.lang, latest), Scorecard: route.Link(route.Scorecard(u.Code))}
	if parent, ok := b.a.Index().Parent(u.Code); ok {
		p.Parent = &Link{Title: parent.Name.In(b.lang), Path: route.Link(route.Unit(parent.Code))}
	}
	for _, c := range b.a.Index().Children(u.Code) {
		p.Children = append(p.Children, Link{Title: c.Name.In(b.lang), Path: route.Link(route.Unit(c.Code))})
	}
	if b.parts() != nil {
		p.Parts = b.partLinks(route.Unit(u.Code), pt)
		if pt == nil {
			return p
		}
	}
	p.Rows = b.unitRows(u, b.indicatorsOf(pt))
	return p
}

// unitRows is the unit's figure of each of inds it has ever had one for,
// in the latest period, with its trend: the unit page and the scorecard
// show the same rows.
func (b *builder) unitRows(u model.Unit, inds []model.Indicator) []UnitIndicatorRow {
	latest := b.a.Latest()
	periods := b.a.Periods()
	var rows []UnitIndicatorRow
	for _, ind := range inds {
		series := b.a.Series(u.Code, ind.Code)
		if len(series) == 0 {
			continue
		}
		row := UnitIndicatorRow{Code: ind.Code, Indicator: ind.Name.In(b.lang), Path: route.Link(route.Indicator(ind.Code)), Figure: b.figure(ind, b.a.Summary(u.Code, ind.Code, latest))}
		row.Spark, row.History = b.history(ind, series, periods)
		rows = append(rows, row)
	}
	return rows
}

// history draws a series as a sparkline and lists it as numbers, so a
// unit page shows every trend without JavaScript, and reads out every
// figure. The rows run from the first period with a figure to the latest,
// a missing figure included.
func (b *builder) history(ind model.Indicator, pts []analyse.Point, periods []period.Period) (template.HTML, []HistoryRow) {
	pos, short := b.periodIndex()
	sp := svgchart.Spark{Title: ind.Name.In(b.lang), Slots: len(periods), Percent: ind.Measure == model.Percent}
	var label strings.Builder
	rows := make([]HistoryRow, 0, len(periods)-pos[pts[0].Period])
	var prev *analyse.Point
	next := 0
	for i := pos[pts[0].Period]; i < len(periods); i++ {
		row := HistoryRow{ID: route.HistoryAnchor(ind.Code, periods[i]), Period: locale.Period(b.lang, periods[i])}
		if next < len(pts) && pts[next].Period == periods[i] {
			p := &pts[next]
			next++
			sp.At, sp.Values = append(sp.At, i), append(sp.Values, p.Value)
			row.Figure.Value = locale.Value(b.lang, ind.Measure, p.Value)
			if label.Len() > 0 {
				label.WriteString("; ")
			}
			label.WriteString(short[i] + ": " + row.Figure.Value)
			if p.Numerator != nil && p.Denominator != nil {
				row.Figure.Ratio = locale.Ratio(b.lang, *p.Numerator, *p.Denominator)
			}
			if prev != nil {
				b.change(&row.Figure, ind, *prev, *p)
				// The change is from the nearest row above with a figure,
				// so it needs no "from …" tooltip; a unit page has many.
				row.Figure.ChangeLong = ""
			}
			prev = p
		}
		rows = append(rows, row)
	}
	sp.Desc = label.String()
	return sp.SVG(), rows
}

// periodIndex is each period's position and short label, made once: every
// sparkline of every unit page reads them.
func (b *builder) periodIndex() (map[period.Period]int, []string) {
	b.periodsOnce.Do(func() {
		ps := b.a.Periods()
		b.periodPos = make(map[period.Period]int, len(ps))
		b.periodShort = make([]string, len(ps))
		for i, p := range ps {
			b.periodPos[p] = i
			b.periodShort[i] = locale.PeriodShort(b.lang, p)
		}
	})
	return b.periodPos, b.periodShort
}
