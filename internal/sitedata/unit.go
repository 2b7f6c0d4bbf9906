package sitedata

import (
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
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
	Code       string `json:"code"`
	Indicator  string `json:"indicator"`
	Path       string `json:"path"`
	Figure     Figure `json:"figure"`          // a named field, not embedded: templates find it without a search
	Spark      string `json:"spark,omitempty"` // SVG path of the series, drawn without JavaScript
	SparkLabel string `json:"spark_label,omitempty"`
	// Ref numbers the legal basis of the target on a scorecard, from 1, so
	// a basis shared by several targets is printed once.
	Ref int `json:"ref,omitempty"`
}

func (b *builder) unitPages(u model.Unit, weight int) []Page {
	page := Page{Path: route.Unit(u.Code), Title: u.Name.In(b.lang), Weight: weight + 1, view: func() (any, error) { return b.unitParams(u, nil), nil }}
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
		row.Spark, row.SparkLabel = b.spark(ind, series, periods)
		rows = append(rows, row)
	}
	return rows
}

// spark draws a series as an SVG path in a 100×24 box, so a unit page shows
// every trend without JavaScript and at a few bytes per line. The label
// reads the values out for screen readers.
func (b *builder) spark(ind model.Indicator, pts []analyse.Point, periods []period.Period) (string, string) {
	lo, hi := pts[0].Value, pts[0].Value
	for _, p := range pts {
		lo, hi = min(lo, p.Value), max(hi, p.Value)
	}
	if ind.Measure == model.Percent {
		lo, hi = min(lo, 0), max(hi, 100)
	}
	if hi == lo {
		hi = lo + 1
	}
	pos, short := b.periodIndex()
	span := max(len(periods)-1, 1)
	d := make([]byte, 0, 12*len(pts))
	var label strings.Builder
	prev := -2
	for j, p := range pts {
		i := pos[p.Period]
		if i != prev+1 {
			d = append(d, 'M') // a gap: do not draw through missing periods
		} else {
			d = append(d, 'L')
		}
		d = appendCoord(d, float64(i)*100/float64(span))
		d = append(d, ' ')
		d = appendCoord(d, 22-(p.Value-lo)/(hi-lo)*20)
		prev = i
		if j > 0 {
			label.WriteString("; ")
		}
		label.WriteString(short[i])
		label.WriteString(": ")
		label.WriteString(locale.Value(b.lang, ind.Measure, p.Value))
	}
	return string(d), label.String()
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

// appendCoord writes a coordinate with one decimal, without a trailing
// ".0": 12.5, 3, 100.
func appendCoord(d []byte, v float64) []byte {
	d = strconv.AppendFloat(d, v, 'f', 1, 64)
	if n := len(d); n >= 2 && d[n-2] == '.' && d[n-1] == '0' {
		d = d[:n-2]
	}
	return d
}
