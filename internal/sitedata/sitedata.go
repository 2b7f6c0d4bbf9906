// Package sitedata turns the analysis into the data the Hugo templates
// render: one JSON document per language with every page to generate and
// every string already formatted for that language, plus the chart options.
// Templates only place values; all numbers are formatted here, in Go, where
// they are tested.
package sitedata

import (
	"cmp"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/narrative"
	"github.com/minhbach/minhbach/internal/period"
)

// Section paths of the generated pages. They are Vietnamese because the
// Vietnamese site is the default one; English pages live under /en/ with
// the same paths so that translations pair up.
const (
	IndicatorSection = "chi-so"
	UnitSection      = "don-vi"
	ReportSection    = "bao-cao"
	DataSection      = "du-lieu"
)

// Editorial is the staff's own text for one period's report, in one
// language.
type Editorial struct {
	Period period.Period
	Lang   model.Lang
	Title  string
	Body   string // Markdown; rendered by Hugo with raw HTML off
	File   string
}

// Input is everything the site data is made from.
type Input struct {
	Analysis  *analyse.Analysis
	Editorial []Editorial
	Downloads []export.File
}

// Files returns the generated Hugo data files, keyed by their path in the
// Hugo project: data/minhbach/vi.json, data/minhbach/en.json and
// data/minhbach/charts.json.
func Files(in Input) (map[string][]byte, error) {
	out := map[string][]byte{}
	charts := map[model.Lang]map[string]json.RawMessage{}
	for _, lang := range model.Langs {
		b := &builder{in: in, a: in.Analysis, ds: in.Analysis.Dataset(), lang: lang, charts: map[string]json.RawMessage{}}
		d, err := b.doc()
		if err != nil {
			return nil, err
		}
		data, err := json.Marshal(d)
		if err != nil {
			return nil, err
		}
		out["data/minhbach/"+string(lang)+".json"] = data
		charts[lang] = b.charts
	}
	data, err := json.Marshal(charts)
	if err != nil {
		return nil, err
	}
	out["data/minhbach/charts.json"] = data
	return out, nil
}

// Doc is what one language's JSON holds.
type Doc struct {
	Site  SiteInfo `json:"site"`
	Home  Home     `json:"home"`
	Pages []Page   `json:"pages"`
}

// SiteInfo is shared by every page (header, footer, navigation).
type SiteInfo struct {
	District string `json:"district"`
	Latest   string `json:"latest"` // label of the latest period
	LatestID string `json:"latest_id"`
}

// Home is the home page: the latest headline figures of the top unit.
type Home struct {
	Period  string      `json:"period"`
	Tiles   []Tile      `json:"tiles"`
	Reports []Link      `json:"reports"`
	Summary []Paragraph `json:"summary"`
}

// Paragraph is generated text; spans with a Path link to that page.
type Paragraph struct {
	Spans []Span `json:"spans"`
}

// Span is a run of text, linked when Path is set.
type Span struct {
	Text string `json:"text"`
	Path string `json:"path,omitempty"`
}

// paragraphs links every figure of generated text to its indicator page.
func (b *builder) paragraphs(ps []narrative.Paragraph) []Paragraph {
	out := make([]Paragraph, len(ps))
	for i, p := range ps {
		for _, s := range p.Spans {
			sp := Span{Text: s.Text}
			if ind, ok := b.ds.Indicator(s.Indicator); ok {
				sp.Path = indicatorPath(ind) + "/"
			}
			out[i].Spans = append(out[i].Spans, sp)
		}
	}
	return out
}

// Link is a labelled link to a generated page. Path is language-neutral
// and relative, with a trailing slash ("chi-so/vb01/"): templates pass it
// through relLangURL.
type Link struct {
	Title string `json:"title"`
	Path  string `json:"path"`
}

// Figure is one formatted figure with its context.
type Figure struct {
	Value      string `json:"value"`                 // "90%", "1.234", "" when missing
	Ratio      string `json:"ratio,omitempty"`       // "3.888/4.320"
	Period     string `json:"period,omitempty"`      // period label
	Change     string `json:"change,omitempty"`      // "+2,5 điểm"
	ChangeLong string `json:"change_long,omitempty"` // "tăng 2,5 điểm phần trăm so với quý III/2024"
	Trend      string `json:"trend,omitempty"`       // better, worse or same, taking the direction into account
	Status     string `json:"status"`                // an analyse.Status
	Target     string `json:"target,omitempty"`      // "100% (2025)"
	Basis      string `json:"basis,omitempty"`
	Coverage   string `json:"coverage,omitempty"` // roll-ups: "28/28"
	RolledUp   bool   `json:"rolled_up,omitempty"`
	Note       string `json:"note,omitempty"`
	Source     string `json:"source,omitempty"`     // "data/snapshots/2024-Q4.csv:12" for a reported figure
	SourceURL  string `json:"source_url,omitempty"` // the published copy of that file
}

// Tile is a headline figure on the home page.
type Tile struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Path string `json:"path"`
	Figure
}

// Titled names the i18n label a page takes its title from: the adapter
// translates it, so interface words stay in the theme's i18n files.
type Titled struct {
	TitleI18n string `json:"title_i18n"`
}

// Page is a page for Hugo's content adapter. Its keys are Hugo's page
// front matter; Params holds what the layouts render.
type Page struct {
	Path        string   `json:"path"`
	Kind        string   `json:"kind,omitempty"`
	Title       string   `json:"title,omitempty"` // empty when Params names a title_i18n label
	Description string   `json:"description,omitempty"`
	Weight      int      `json:"weight,omitempty"`
	Dates       *Dates   `json:"dates,omitempty"`
	Params      any      `json:"params,omitempty"`
	Content     *Content `json:"content,omitempty"`
}

// Dates are a page's dates (RSS needs them for reports).
type Dates struct {
	Date string `json:"date"`
}

// Content is a page's Markdown body.
type Content struct {
	MediaType string `json:"mediaType"`
	Value     string `json:"value"`
}

type builder struct {
	in     Input
	a      *analyse.Analysis
	ds     *model.Dataset
	lang   model.Lang
	charts map[string]json.RawMessage
}

func (b *builder) doc() (*Doc, error) {
	top := b.ds.Top()
	latest := b.a.Latest()
	d := &Doc{Site: SiteInfo{
		District: top.Name.In(b.lang),
		Latest:   locale.Period(b.lang, latest),
		LatestID: latest.String(),
	}}

	// Home.
	d.Home.Period = locale.Period(b.lang, latest)
	for _, ind := range b.ds.Indicators {
		s := b.a.Summary(top.Code, ind.Code, latest)
		d.Home.Tiles = append(d.Home.Tiles, Tile{Code: ind.Code, Name: ind.Name.In(b.lang), Path: indicatorPath(ind) + "/", Figure: b.figure(ind, s)})
	}
	periods := b.a.Periods()
	d.Home.Summary = b.paragraphs(narrative.Summary(b.a, b.lang, latest))

	// Sections.
	d.Pages = append(d.Pages,
		Page{Path: IndicatorSection, Kind: "section", Weight: 1, Params: Titled{"sectionIndicators"}},
		Page{Path: UnitSection, Kind: "section", Weight: 2, Params: Titled{"sectionUnits"}},
		Page{Path: ReportSection, Kind: "section", Weight: 3, Params: Titled{"sectionReports"}},
	)
	for i, ind := range b.ds.Indicators {
		p, err := b.indicatorPage(ind, i)
		if err != nil {
			return nil, err
		}
		d.Pages = append(d.Pages, p)
	}
	for i, u := range b.ds.Units {
		d.Pages = append(d.Pages, b.unitPage(u, i))
	}
	for i, p := range periods {
		d.Pages = append(d.Pages, b.reportPage(p, len(periods)-i))
	}
	d.Pages = append(d.Pages, b.dataPage())
	return d, nil
}

// t picks the Vietnamese or English string. It is for page titles only;
// interface labels live in the theme's i18n files.
func (b *builder) t(vi, en string) string {
	if b.lang == model.EN {
		return en
	}
	return vi
}

func indicatorPath(ind model.Indicator) string {
	return IndicatorSection + "/" + strings.ToLower(ind.Code)
}

func unitPath(code string) string { return UnitSection + "/" + strings.ToLower(code) }

func reportPath(p period.Period) string { return ReportSection + "/" + strings.ToLower(p.String()) }

// figure formats a summary.
func (b *builder) figure(ind model.Indicator, s analyse.Summary) Figure {
	f := Figure{Status: string(s.Status), Period: locale.Period(b.lang, s.Period)}
	if s.Target != nil {
		f.Target = fmt.Sprintf("%s (%d)", locale.Value(b.lang, ind.Measure, s.Target.Value), s.Target.Year)
		f.Basis = s.Target.Basis.In(b.lang)
	}
	c := s.Current
	if c == nil {
		return f
	}
	f.Value = locale.Value(b.lang, ind.Measure, c.Value)
	if c.Numerator != nil && c.Denominator != nil {
		f.Ratio = locale.Ratio(b.lang, *c.Numerator, *c.Denominator)
	}
	if c.RolledUp {
		f.RolledUp = true
		f.Coverage = fmt.Sprintf("%d/%d", c.Reporting, c.Expected)
	} else if len(c.Sources) == 1 {
		row := c.Sources[0]
		f.Source = fmt.Sprintf("%s:%d", row.File, row.Line) // the row, as journalists look it up
		f.SourceURL = export.URLPath(c.Sources[0].File)
	}
	f.Note = c.Note
	if s.Change != nil && s.Previous != nil {
		f.Change = locale.SignedChange(b.lang, ind.Measure, locale.Delta(ind.Measure, s.Previous.Value, c.Value))
		f.ChangeLong = locale.Change(b.lang, ind.Measure, locale.Delta(ind.Measure, s.Previous.Value, c.Value)) + b.t(" so với ", " from ") + locale.Period(b.lang, s.Previous.Period)
		f.Trend = trend(ind, s.Previous.Value, c.Value)
	}
	return f
}

// trend says whether the change the reader sees (rounded figures) is for
// the better, taking the indicator's direction into account.
func trend(ind model.Indicator, prev, cur float64) string {
	d := locale.Delta(ind.Measure, prev, cur)
	switch {
	case d == 0:
		return "same"
	case ind.Direction.Better(d, 0):
		return "better"
	default:
		return "worse"
	}
}

// IndicatorParams is what an indicator page shows.
type IndicatorParams struct {
	Code       string      `json:"code"`
	Group      string      `json:"group"`
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
}

// NoteRow is one distinct note of the units' rows and who wrote it, so a
// note repeated by 28 units is printed once.
type NoteRow struct {
	Note  string `json:"note"`
	Units string `json:"units"`
}

// ChartRef points a page at a chart option in charts.json.
type ChartRef struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Height int    `json:"height"`
}

// TargetRow is one target of an indicator.
type TargetRow struct {
	Year  int    `json:"year"`
	Value string `json:"value"`
	Unit  string `json:"unit"` // the unit's name, or "every unit"
	Basis string `json:"basis"`
}

// TrendRow is one period of the top unit's series.
type TrendRow struct {
	Period string `json:"period"`
	Figure
}

// UnitRow is one unit's figure in the latest period.
type UnitRow struct {
	Unit string `json:"unit"`
	Path string `json:"path"`
	Figure
}

func (b *builder) indicatorPage(ind model.Indicator, weight int) (Page, error) {
	top := b.ds.Top()
	latest := b.a.Latest()
	p := IndicatorParams{
		Code: ind.Code, Group: ind.Group, Measure: string(ind.Measure), Direction: string(ind.Direction),
		Definition: ind.Definition.In(b.lang), Source: ind.Source.In(b.lang), Top: top.Name.In(b.lang),
		Latest: b.figure(ind, b.a.Summary(top.Code, ind.Code, latest)),
		CSV:    export.IndicatorPath(ind.Code),
	}
	for _, t := range b.ds.Targets {
		if t.Indicator != ind.Code {
			continue
		}
		unit := b.t("mọi đơn vị", "every unit")
		if u, ok := b.ds.Unit(t.Unit); ok {
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
			p.TrendRows = append(p.TrendRows, TrendRow{Period: locale.Period(b.lang, per), Figure: b.figure(ind, s)})
		} else {
			trendChart.Values = append(trendChart.Values, nil)
			p.TrendRows = append(p.TrendRows, TrendRow{Period: locale.Period(b.lang, per), Figure: Figure{Status: string(analyse.NoData)}})
		}
	}
	if t, ok := b.a.Target(top.Code, ind.Code, latest.Year); ok {
		v := t.Value
		trendChart.Target = &v
		trendChart.TargetLabel = fmt.Sprintf("%s %d: %s", b.t("Mục tiêu", "Target"), t.Year, locale.Value(b.lang, ind.Measure, t.Value))
	}
	opt, err := trendChart.Option()
	if err != nil {
		return Page{}, fmt.Errorf("chart %s: %w", trendChart.ID, err)
	}
	b.charts[trendChart.ID] = opt
	p.Trend = ChartRef{ID: trendChart.ID, Title: trendChart.Title, Height: 320}

	// Units compared in the latest period: the top unit's children that
	// have ever reported this indicator.
	bars := chart.Bars{
		ID:          "units-" + strings.ToLower(ind.Code),
		Title:       ind.Name.In(b.lang) + ", " + locale.Period(b.lang, latest),
		SeriesName:  locale.Period(b.lang, latest),
		Percent:     ind.Measure == model.Percent,
		Decimals:    ind.Measure.Decimals(),
		Target:      trendChart.Target,
		TargetLabel: trendChart.TargetLabel,
	}
	for _, u := range b.ds.Children(top.Code) {
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
		p.UnitRows = append(p.UnitRows, UnitRow{Unit: u.Name.In(b.lang), Path: unitPath(u.Code) + "/", Figure: b.figure(ind, s)})
	}
	p.Notes = b.notes(p.UnitRows)
	if len(bars.Labels) > 0 {
		opt, err := bars.Option()
		if err != nil {
			return Page{}, fmt.Errorf("chart %s: %w", bars.ID, err)
		}
		b.charts[bars.ID] = opt
		p.Units = ChartRef{ID: bars.ID, Title: bars.Title, Height: bars.Height()}
	}

	return Page{
		Path: indicatorPath(ind), Title: ind.Name.In(b.lang), Weight: weight + 1,
		Description: b.description(ind, p.Latest),
		Params:      p,
	}, nil
}

func (b *builder) notes(rows []UnitRow) []NoteRow {
	var order []string
	by := map[string][]string{}
	for _, r := range rows {
		if r.Note == "" {
			continue
		}
		if _, ok := by[r.Note]; !ok {
			order = append(order, r.Note)
		}
		by[r.Note] = append(by[r.Note], r.Unit)
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

func (b *builder) description(ind model.Indicator, f Figure) string {
	if f.Value == "" {
		return ind.Name.In(b.lang)
	}
	return fmt.Sprintf("%s: %s (%s)", ind.Name.In(b.lang), f.Value, f.Period)
}

// UnitParams is what a unit page shows.
type UnitParams struct {
	Code     string             `json:"code"`
	Kind     string             `json:"kind"`
	Parent   *Link              `json:"parent,omitempty"`
	Children []Link             `json:"children,omitempty"`
	Period   string             `json:"period"`
	Rows     []UnitIndicatorRow `json:"rows"`
}

// UnitIndicatorRow is one indicator on a unit page.
type UnitIndicatorRow struct {
	Indicator string `json:"indicator"`
	Path      string `json:"path"`
	Figure
	Spark      string `json:"spark,omitempty"` // SVG path of the series, drawn without JavaScript
	SparkLabel string `json:"spark_label,omitempty"`
}

func (b *builder) unitPage(u model.Unit, weight int) Page {
	latest := b.a.Latest()
	p := UnitParams{Code: u.Code, Kind: u.Kind, Period: locale.Period(b.lang, latest)}
	if parent, ok := b.ds.Unit(u.Parent); ok {
		p.Parent = &Link{Title: parent.Name.In(b.lang), Path: unitPath(parent.Code) + "/"}
	}
	for _, c := range b.ds.Children(u.Code) {
		p.Children = append(p.Children, Link{Title: c.Name.In(b.lang), Path: unitPath(c.Code) + "/"})
	}
	periods := b.a.Periods()
	for _, ind := range b.ds.Indicators {
		series := b.a.Series(u.Code, ind.Code)
		if len(series) == 0 {
			continue
		}
		row := UnitIndicatorRow{Indicator: ind.Name.In(b.lang), Path: indicatorPath(ind) + "/", Figure: b.figure(ind, b.a.Summary(u.Code, ind.Code, latest))}
		row.Spark, row.SparkLabel = b.spark(ind, series, periods)
		p.Rows = append(p.Rows, row)
	}
	return Page{Path: unitPath(u.Code), Title: u.Name.In(b.lang), Weight: weight + 1, Params: p}
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
	idx := map[period.Period]int{}
	for i, p := range periods {
		idx[p] = i
	}
	span := max(len(periods)-1, 1)
	var d strings.Builder
	var labels []string
	prev := -2
	for _, p := range pts {
		i := idx[p.Period]
		x := float64(i) * 100 / float64(span)
		y := 22 - (p.Value-lo)/(hi-lo)*20
		cmd := "L"
		if i != prev+1 {
			cmd = "M" // a gap: do not draw through missing periods
		}
		fmt.Fprintf(&d, "%s%s %s", cmd, trim(x), trim(y))
		prev = i
		labels = append(labels, locale.PeriodShort(b.lang, p.Period)+": "+locale.Value(b.lang, ind.Measure, p.Value))
	}
	return d.String(), strings.Join(labels, "; ")
}

func trim(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	s = strings.TrimSuffix(s, ".0")
	return s
}

// ReportParams is what a period's report page shows.
type ReportParams struct {
	TitleI18n string          `json:"title_i18n,omitempty"` // reportTitle, unless the editorial text gives a title
	Period    string          `json:"period"`
	ID        string          `json:"id"`
	Summary   []Paragraph     `json:"summary"`
	Editorial bool            `json:"editorial"`
	Replace   bool            `json:"replace"` // the editorial text replaces the generated summary
	Rows      []TrendRowNamed `json:"rows"`
	CSV       string          `json:"csv"`
}

// TrendRowNamed is an indicator's top-unit figure in a report.
type TrendRowNamed struct {
	Indicator string `json:"indicator"`
	Path      string `json:"path"`
	Figure
}

func (b *builder) reportPage(p period.Period, weight int) Page {
	top := b.ds.Top()
	rp := ReportParams{TitleI18n: "reportTitle", Period: locale.Period(b.lang, p), ID: p.String(), Summary: b.paragraphs(narrative.Summary(b.a, b.lang, p))}
	for _, s := range b.ds.Snapshots {
		if s.Period == p {
			rp.CSV = export.URLPath(s.File)
		}
	}
	for _, ind := range b.ds.Indicators {
		rp.Rows = append(rp.Rows, TrendRowNamed{Indicator: ind.Name.In(b.lang), Path: indicatorPath(ind) + "/", Figure: b.figure(ind, b.a.Summary(top.Code, ind.Code, p))})
	}
	page := Page{
		Path: reportPath(p), Weight: weight,
		Dates: &Dates{Date: p.End().Format("2006-01-02")},
	}
	for _, e := range b.in.Editorial {
		if e.Period == p && e.Lang == b.lang {
			rp.Editorial = true
			if e.Title != "" {
				page.Title, rp.TitleI18n = e.Title, ""
			}
			page.Content = &Content{MediaType: "text/markdown", Value: e.Body}
		}
	}
	page.Params = rp
	page.Description = b.t("Kết quả ", "Results for ") + locale.Period(b.lang, p) + ", " + top.Name.In(b.lang)
	return page
}

// DataParams lists the downloads.
type DataParams struct {
	TitleI18n string        `json:"title_i18n"`
	Files     []DownloadRow `json:"files"`
}

// DownloadRow is one downloadable file. The template describes it with the
// i18n label "file-<kind>", given Label (a period, or an indicator's name).
type DownloadRow struct {
	Label  string `json:"label,omitempty"`
	Kind   string `json:"kind"`
	Path   string `json:"path"`
	Name   string `json:"name"`
	Rows   int    `json:"rows"`
	Size   string `json:"size"`
	SHA256 string `json:"sha256"`
}

func (b *builder) dataPage() Page {
	p := DataParams{TitleI18n: "sectionData"}
	for _, f := range b.in.Downloads {
		label := ""
		switch f.Kind {
		case "snapshot":
			if per, err := period.Parse(f.Key); err == nil {
				label = locale.Period(b.lang, per)
			}
		case "indicator":
			if ind, ok := b.ds.Indicator(f.Key); ok {
				label = ind.Code + " – " + ind.Name.In(b.lang)
			}
		}
		p.Files = append(p.Files, DownloadRow{
			Label: label, Kind: f.Kind, Path: f.Path, Name: path.Base(f.Path), Rows: f.Rows,
			Size: locale.Number(b.lang, float64(len(f.Data))/1000, 1) + " kB", SHA256: f.SHA256,
		})
	}
	return Page{Path: DataSection, Kind: "section", Weight: 4, Params: p}
}
