// Package sitedata turns the analysis into the data the Hugo templates
// render: one JSON document per language with every page to generate and
// every string already formatted for that language, plus the chart options.
// Templates only place values; all numbers are formatted here, in Go, where
// they are tested.
package sitedata

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/analyse"
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
	IndicatorSection   = "chi-so"
	UnitSection        = "don-vi"
	ReportSection      = "bao-cao"
	DataSection        = "du-lieu"
	MethodologySection = "phuong-phap"
)

// Editorial is the staff's own text for one period's report, in one
// language.
type Editorial struct {
	Period period.Period
	Lang   model.Lang
	Title  string
	Body   string // Markdown; rendered by Hugo with raw HTML off
	File   string
	// Replace is set when the front matter says "generated: replace": the
	// text then stands in for the generated summary paragraph. The figures
	// per indicator, the limitations and the table stay.
	Replace bool
}

// Input is everything the site data is made from.
type Input struct {
	Analysis  *analyse.Analysis
	Editorial []Editorial
	Downloads []export.File
	// Revisions compares with the build currently published at the
	// destination, so corrections can be shown (zero: a first build).
	Revisions export.Revisions
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

// Span is a run of text, linked when Path is set. Kind is a
// narrative.Kind: what the linked text is ("value", "change", "name"…).
type Span struct {
	Text string `json:"text"`
	Path string `json:"path,omitempty"`
	Kind string `json:"kind,omitempty"`
}

// paragraphs links every figure of generated text to its indicator page,
// at the table row it comes from: the top unit's row of that period
// (#p-2024-q4), or a unit's row in the latest period (#u-02020), where the
// row's source links to the snapshot line or names the units summed.
func (b *builder) paragraphs(ps []narrative.Paragraph) []Paragraph {
	top, latest := b.a.Index().Top().Code, b.a.Latest()
	out := make([]Paragraph, len(ps))
	for i, p := range ps {
		for _, s := range p.Spans {
			sp := Span{Text: s.Text, Kind: string(s.Kind)}
			if ind, ok := b.a.Index().Indicator(s.Indicator); ok {
				sp.Path = indicatorPath(*ind) + "/"
				switch {
				case s.Kind == narrative.Name || s.Unit == "":
				case s.Unit == top:
					sp.Path += "#" + periodAnchor(s.Period)
				case s.Period == latest:
					sp.Path += "#" + unitAnchor(s.Unit)
				}
			}
			out[i].Spans = append(out[i].Spans, sp)
		}
	}
	return out
}

// periodAnchor is the id of a period's row in an indicator's trend table.
func periodAnchor(p period.Period) string { return "p-" + strings.ToLower(p.String()) }

// unitAnchor is the id of a unit's row in an indicator's units table.
func unitAnchor(code string) string { return "u-" + strings.ToLower(code) }

// Link is a labelled link to a generated page. Path is language-neutral
// and relative, with a trailing slash ("chi-so/vb01/"): templates pass it
// through relLangURL.
type Link struct {
	Title string `json:"title"`
	Path  string `json:"path"`
}

// Figure is one formatted figure with its context.
type Figure struct {
	Value          string `json:"value"`                 // "90%", "1.234", "" when missing
	Ratio          string `json:"ratio,omitempty"`       // "3.888/4.320"
	Period         string `json:"period,omitempty"`      // period label
	Change         string `json:"change,omitempty"`      // "+2,5 điểm"
	ChangeLong     string `json:"change_long,omitempty"` // "tăng 2,5 điểm phần trăm so với quý III/2024"
	Trend          string `json:"trend,omitempty"`       // better, worse or same, taking the direction into account
	Status         string `json:"status"`                // an analyse.Status: achieved, on-track, off-track, moving-away, not-enough-data, no-target, no-data
	Projected      string `json:"projected,omitempty"`   // the year the target is reached at the current pace: "2025"
	DeadlinePassed bool   `json:"deadline_passed,omitempty"`
	Pace           string `json:"pace,omitempty"`   // "tăng 11 điểm phần trăm" a year
	Since          string `json:"since,omitempty"`  // the baseline period of the pace
	Target         string `json:"target,omitempty"` // "100% (2025)"
	Basis          string `json:"basis,omitempty"`
	Coverage       string `json:"coverage,omitempty"` // roll-ups: "28/28"
	RolledUp       bool   `json:"rolled_up,omitempty"`
	Note           string `json:"note,omitempty"`
	Source         string `json:"source,omitempty"`     // "data/snapshots/2024-Q4.csv:12" for a reported figure
	SourceURL      string `json:"source_url,omitempty"` // the published copy of that file
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
	top := b.a.Index().Top()
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
	// Pages about the data as a whole: how the status is computed, which
	// units reported, what changed since the last published build, and the
	// printable scorecards.
	for _, more := range []func() ([]Page, error){b.methodologyPages, b.reportingPages, b.changesPages, b.scorecardPages} {
		pages, err := more()
		if err != nil {
			return nil, err
		}
		d.Pages = append(d.Pages, pages...)
	}
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
	if s.Projected != nil {
		f.Projected = strconv.Itoa(*s.Projected)
	}
	f.DeadlinePassed = s.DeadlinePassed
	if s.Pace != nil && s.Baseline != nil {
		f.Pace = narrative.PaceText(b.lang, ind.Measure, *s.Pace)
		f.Since = locale.Period(b.lang, s.Baseline.Period)
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
