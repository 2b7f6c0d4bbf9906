package sitedata

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
	"github.com/minhbach/minhbach/internal/svgchart"
)

// IndicatorParams is what an indicator page shows.
type IndicatorParams struct {
	Code       string      `json:"code"`
	Measure    string      `json:"measure"`
	Direction  string      `json:"direction"`
	Definition string      `json:"definition"`
	Source     string      `json:"source"`
	Top        string      `json:"top"` // the top unit's name
	Latest     Figure      `json:"latest"`
	Targets    []TargetRow `json:"targets"`
	Trend      ChartRef    `json:"trend"`
	TrendRows  []TrendRow  `json:"trend_rows"`
	Units      ChartRef    `json:"units"`
	UnitRows   []UnitRow   `json:"unit_rows"`
	Notes      []NoteRow   `json:"notes,omitempty"`
	CSV        string      `json:"csv"`
	XLSX       string      `json:"xlsx"`   // the same rows as a workbook, beside the CSV
	JSON       string      `json:"json"`   // the same figures as JSON, beside the CSV
	JSONLD     template.JS `json:"jsonld"` // the page's schema.org Dataset (see dataset.go)
	Embed      string      `json:"embed"`  // the chart alone, for an <iframe> (see embed.go)
}

// NoteRow is one distinct note of the units' rows and who wrote it, so a
// note repeated by 28 units is printed once.
type NoteRow struct {
	Note  string `json:"note"`
	Units string `json:"units"`
}

// ChartRef is a chart of the page: its drawing, made at build time and
// shown first, and its ECharts option, the exact bytes that ship in the
// page's inert JSON island for the interactive chart that may take over.
type ChartRef struct {
	ID     string        `json:"id"`
	Title  string        `json:"title"`
	SVG    template.HTML `json:"svg,omitempty"` // from package svgchart, which escapes every text
	Option template.JS   `json:"option,omitempty"`
}

// TargetRow is one target of an indicator.
type TargetRow struct {
	Year  int    `json:"year"`
	Value string `json:"value"`
	Unit  string `json:"unit"` // the unit's name, or "every unit"
	Basis string `json:"basis"`
}

// TrendRow is one period of the top unit's series. ID is the row's
// anchor, which the report's figures link to; Alias names the same figure
// as the units table does (u-<unit>-<period>), so every figure of the page
// has an address of one form.
type TrendRow struct {
	ID     string `json:"id"`
	Alias  string `json:"alias"`
	Period string `json:"period"`
	Figure Figure `json:"figure"` // a named field, not embedded: templates find it without a search
}

// UnitRow is one unit's figure in the latest period. ID names the unit
// and the period (u-02065-2024-q4), the address to cite; Latest is the
// older anchor without the period (u-02065), kept so that links made
// before still land on the unit's row, now of the latest period.
type UnitRow struct {
	ID     string `json:"id"`
	Latest string `json:"latest"`
	Unit   string `json:"unit"`
	Path   string `json:"path"`
	Figure Figure `json:"figure"` // a named field, not embedded: templates find it without a search
}

func (b *builder) indicatorPage(ind model.Indicator, weight int) Page {
	return Page{
		Path: route.Indicator(ind.Code), Title: ind.Name.In(b.lang), Weight: weight + 1,
		Description: b.descIndicator(ind),
		Image:       route.InLang(string(b.lang), route.Preview(ind.Code)),
		view:        func() (any, error) { return b.indicatorParams(ind) },
	}
}

func (b *builder) indicatorParams(ind model.Indicator) (_ *IndicatorParams, err error) {
	top := b.a.Index().Top()
	latest := b.a.Latest()
	p := &IndicatorParams{
		Code: ind.Code, Measure: string(ind.Measure), Direction: string(ind.Direction),
		Definition: ind.Definition.In(b.lang), Source: ind.Source.In(b.lang), Top: top.Name.In(b.lang),
		Latest: b.figure(ind, b.a.Summary(top.Code, ind.Code, latest)),
		CSV:    route.InLang(string(b.lang), route.IndicatorCSV(ind.Code)),
		XLSX:   route.InLang(string(b.lang), route.IndicatorXLSX(ind.Code)),
		JSON:   route.IndicatorJSON(ind.Code),
		Embed:  route.Link(route.Embed(ind.Code)),
	}
	ld, err := b.indicatorDataset(ind)
	if err != nil {
		return nil, err
	}
	p.JSONLD = ld
	for _, t := range b.ds.Targets {
		if t.Indicator != ind.Code {
			continue
		}
		unit := b.t("mọi đơn vị", "every unit")
		if u, ok := b.a.Index().Unit(t.Unit); ok {
			unit = u.Name.In(b.lang)
		}
		p.Targets = append(p.Targets, TargetRow{Year: t.Year, Value: locale.Value(b.lang, ind.Measure, t.Value), Unit: unit, Basis: t.Basis.In(b.lang)})
	}
	slices.SortStableFunc(p.Targets, func(x, y TargetRow) int { return cmp.Compare(x.Year, y.Year) })

	// Trend of the top unit over every period, gaps included.
	periods := b.a.Periods()
	trendChart := chart.Trend{
		ID:         "trend-" + strings.ToLower(ind.Code),
		Title:      ind.Name.In(b.lang) + ", " + top.Name.In(b.lang),
		SeriesName: top.Name.In(b.lang),
		Percent:    ind.Measure == model.Percent,
		Decimals:   ind.Measure.Decimals(),
	}
	for _, per := range periods {
		trendChart.Periods = append(trendChart.Periods, locale.PeriodShort(b.lang, per))
		s := b.a.Summary(top.Code, ind.Code, per)
		if s.Current != nil {
			v := s.Current.Value
			trendChart.Values = append(trendChart.Values, &v)
			p.TrendRows = append(p.TrendRows, TrendRow{ID: route.PeriodAnchor(per), Alias: route.FigureAnchor(top.Code, per), Period: locale.Period(b.lang, per), Figure: b.figure(ind, s)})
		} else {
			trendChart.Values = append(trendChart.Values, nil)
			p.TrendRows = append(p.TrendRows, TrendRow{ID: route.PeriodAnchor(per), Alias: route.FigureAnchor(top.Code, per), Period: locale.Period(b.lang, per), Figure: Figure{Status: string(analyse.NoData)}})
		}
	}
	if t, ok := b.a.Target(top.Code, ind.Code, latest.Year); ok {
		v := t.Value
		trendChart.Target = &v
		trendChart.TargetLabel = fmt.Sprintf("%s %d: %s", b.t("Mục tiêu", "Target"), t.Year, locale.Value(b.lang, ind.Measure, t.Value))
	}
	format := func(v float64) string { return locale.Value(b.lang, ind.Measure, v) }
	desc := b.t("Biểu đồ đường, giá trị của từng kỳ", "Line chart, the value of each period")
	if trendChart.Target != nil {
		desc += b.t("; đường nét đứt: ", "; dashed line: ") + trendChart.TargetLabel
	}
	// A point rolled up from only some units says so, as its table row
	// does: in the description and in the tooltip.
	for _, r := range p.TrendRows {
		note := ""
		if r.Figure.Partial {
			desc += "; " + r.Period + ": " + r.Figure.Reported
			note = r.Figure.Reported
		}
		trendChart.Notes = append(trendChart.Notes, note)
	}
	if p.Trend, err = chartRef(trendChart.ID, trendChart.Title, trendChart.Option, func() (template.HTML, error) {
		return svgchart.Trend(trendChart, desc+".", format)
	}); err != nil {
		return nil, err
	}

	// Units compared in the latest period: the top unit's children that
	// have had a figure of this indicator in any period.
	bars := chart.Bars{
		ID:          "units-" + strings.ToLower(ind.Code),
		Title:       ind.Name.In(b.lang) + ", " + locale.Period(b.lang, latest),
		SeriesName:  locale.Period(b.lang, latest),
		Percent:     ind.Measure == model.Percent,
		Decimals:    ind.Measure.Decimals(),
		Target:      trendChart.Target,
		TargetLabel: trendChart.TargetLabel,
	}
	for _, u := range b.a.Index().Children(top.Code) {
		if len(b.a.Series(u.Code, ind.Code)) == 0 {
			continue
		}
		s := b.a.Summary(u.Code, ind.Code, latest)
		bars.Labels = append(bars.Labels, u.Name.In(b.lang))
		if s.Current != nil {
			v := s.Current.Value
			bars.Values = append(bars.Values, &v)
		} else {
			bars.Values = append(bars.Values, nil)
		}
		p.UnitRows = append(p.UnitRows, UnitRow{ID: route.FigureAnchor(u.Code, latest), Latest: route.UnitAnchor(u.Code), Unit: u.Name.In(b.lang), Path: route.Link(route.Unit(u.Code)), Figure: b.figure(ind, s)})
	}
	p.Notes = b.notes(p.UnitRows)
	if len(bars.Labels) > 0 {
		desc := b.t("Biểu đồ thanh, giá trị của từng đơn vị", "Bar chart, the value of each unit")
		if bars.Target != nil {
			desc += b.t("; đường nét đứt: ", "; dashed line: ") + bars.TargetLabel
		}
		if p.Units, err = chartRef(bars.ID, bars.Title, bars.Option, func() (template.HTML, error) {
			return svgchart.Bars(bars, desc+".", format)
		}); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// chartRef makes both forms of a chart from the same series.
func chartRef(id, title string, option func() (json.RawMessage, error), draw func() (template.HTML, error)) (ChartRef, error) {
	opt, err := option()
	if err != nil {
		return ChartRef{}, fmt.Errorf("chart %s: %w", id, err)
	}
	svg, err := draw()
	if err != nil {
		return ChartRef{}, fmt.Errorf("chart %s: %w", id, err)
	}
	return ChartRef{ID: id, Title: title, SVG: svg, Option: template.JS(opt)}, nil
}

func (b *builder) notes(rows []UnitRow) []NoteRow {
	var order []string
	by := map[string][]string{}
	for _, r := range rows {
		if r.Figure.Note == "" {
			continue
		}
		if _, ok := by[r.Figure.Note]; !ok {
			order = append(order, r.Figure.Note)
		}
		by[r.Figure.Note] = append(by[r.Figure.Note], r.Unit)
	}
	var out []NoteRow
	for _, n := range order {
		units := by[n]
		who := strings.Join(units, ", ")
		if len(units) > 3 {
			who = fmt.Sprintf("%d %s", len(units), b.t("đơn vị", "units"))
		}
		out = append(out, NoteRow{Note: n, Units: who})
	}
	return out
}
