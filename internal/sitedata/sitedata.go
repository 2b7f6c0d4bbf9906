// Package sitedata turns the analysis into the view models the Hugo
// templates render, one page at a time. Hugo's content adapter asks Site
// for the list of pages (paths, titles, dates: a few bytes each); each
// layout then asks for its own page's typed view model when it renders the
// page, so no document holds every page and memory does not grow with the
// number of pages. Every string is formatted here, in Go, for the page's
// language; templates only place values, and a template that asks for a
// field a view model does not have fails the build.
package sitedata

import (
	"fmt"
	"strconv"
	"sync"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/narrative"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

// Editorial is the staff's own text for one period's report, in one
// language.
type Editorial struct {
	Period period.Period
	Lang   model.Lang
	Title  string
	Body   string // Markdown; rendered by Hugo with raw HTML off
	File   string
	Line   int // the line of File that Body starts on
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
	// About is the publisher and licence the schema.org Datasets state.
	About export.About
	// Revisions compares with the build currently published at the
	// destination, so corrections can be shown (zero: a first build).
	Revisions export.Revisions
	// Releases are the releases of the data the site serves, newest
	// first: the data page lists them, and each has a page.
	Releases []export.Release
	// Threshold is the percentage of the units that report a period must
	// reach before the home page leads with it (analyse.Complete); zero
	// means every unit (site.DefaultThreshold).
	Threshold float64
}

// Home is the home page: the headline figures of the top unit in the
// latest complete period, and the later one being assembled, if any.
type Home struct {
	IndicatorList
	Summary  []Paragraph `json:"summary"`
	Updating *Updating   `json:"updating,omitempty"`
}

// Updating is a period whose units have not all reported (below the
// site's threshold), never shown as the district's figures. A period
// still open (analyse.Open: after the latest complete one) is "đang cập
// nhật"; an earlier one, which will not be completed, is Incomplete:
// "chưa đủ số liệu".
type Updating struct {
	Period       string `json:"period"`             // "quý I/2025"
	Reported     string `json:"reported"`           // "1/28 đơn vị đã báo cáo"
	Path         string `json:"path"`               // its report
	Incomplete   bool   `json:"incomplete"`         // closed: an earlier period below threshold
	Complete     string `json:"complete,omitempty"` // the latest complete period, when there is one and the period is open
	CompletePath string `json:"complete_path,omitempty"`
}

// state is the word of a list for period p's report (Page.State), "" for
// a complete period.
func (u *Updating) state() string {
	switch {
	case u == nil:
		return ""
	case u.Incomplete:
		return StateIncomplete
	}
	return StateUpdating
}

// The states of a period's report in the lists and the feed (Page.State).
const (
	StateUpdating   = "updating"   // below threshold and still open
	StateIncomplete = "incomplete" // below threshold, with a complete period after it
)

// IndicatorList is the top unit's latest figure of every indicator: the
// home page's tiles and the indicators section's table.
type IndicatorList struct {
	District string `json:"district"` // the top unit, written for mid-sentence ("huyện Chợ Đồn")
	Period   string `json:"period"`
	Tiles    []Tile `json:"tiles"`
	// Parts is set on a site with too many indicators for one page: the
	// home page and the indicators section list the parts of the
	// catalogue, each part's page its tiles.
	Parts []PartLink `json:"parts,omitempty"`
}

// UnitList is the units section and the scorecards section: the top unit
// and the units directly under it. Units further down are listed on
// their parent's page, so no list grows with the size of the country.
type UnitList struct {
	Top      UnitItem   `json:"top"`
	Children []UnitItem `json:"children"`
}

// UnitItem is a unit in a list: its page, its scorecard and its kind.
type UnitItem struct {
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	Path      string `json:"path"`
	Scorecard string `json:"scorecard"`
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
// (#p-2024-q4), or a unit's row in the latest period (#u-02020-2024-q4), where the
// row's source links to the snapshot line or names the units summed.
func (b *builder) paragraphs(ps []narrative.Paragraph) []Paragraph {
	top, latest := b.a.Index().Top().Code, b.a.Latest()
	out := make([]Paragraph, len(ps))
	for i, p := range ps {
		for _, s := range p.Spans {
			sp := Span{Text: s.Text, Kind: string(s.Kind)}
			if ind, ok := b.a.Index().Indicator(s.Indicator); ok {
				page := route.Indicator(ind.Code)
				switch {
				case s.Kind == narrative.Name || s.Unit == "":
					sp.Path = route.Link(page)
				case s.Unit == top:
					sp.Path = route.At(page, route.PeriodAnchor(s.Period))
				case s.Period == latest:
					sp.Path = route.At(page, route.FigureAnchor(s.Unit, s.Period))
				default:
					sp.Path = route.Link(page)
				}
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
	Reported       string `json:"reported,omitempty"` // roll-ups, in words: "27/28 đơn vị đã báo cáo" (locale.Coverage)
	Partial        bool   `json:"partial,omitempty"`  // a roll-up of fewer units than are expected to report (analyse.Point.Partial)
	RolledUp       bool   `json:"rolled_up,omitempty"`
	Note           string `json:"note,omitempty"`
	Source         string `json:"source,omitempty"`     // "data/snapshots/2024-Q4.csv:12" for a reported figure
	SourceURL      string `json:"source_url,omitempty"` // the published copy of that file
}

// Tile is a headline figure on the home page.
type Tile struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Path   string `json:"path"`
	Figure Figure `json:"figure"` // a named field, not embedded: templates find it without a search
}

type builder struct {
	in   Input
	a    *analyse.Analysis
	ds   *model.Dataset
	lang model.Lang

	// Lists several pages read, made once (pages render in parallel).
	gapsOnce    sync.Once
	gapsMemo    *ReportingParams
	newOnce     sync.Once
	newMemo     []NewValue
	parentsOnce sync.Once
	parents     []*model.Unit
	periodsOnce sync.Once
	periodPos   map[period.Period]int
	periodShort []string
	partsOnce   sync.Once
	partsMemo   []part
	textOnce    sync.Once
	textMemo    narrative.Report
}

// Group is a share of a long list that has a page of its own: the units
// under one parent unit, and how many entries they have.
type Group struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Units int    `json:"units,omitempty"`
	Rows  int    `json:"rows"`
}

// groupParents are the parent units whose units' entries get a page of
// their own in long lists (gaps in reporting, new figures): every unit
// with units under it, when there is more than one. With one (a district
// and its communes) the lists stay on their section's page.
func (b *builder) groupParents() []*model.Unit {
	b.parentsOnce.Do(func() {
		var out []*model.Unit
		for i := range b.ds.Units {
			if u := &b.ds.Units[i]; len(b.a.Index().Children(u.Code)) > 0 {
				out = append(out, u)
			}
		}
		if len(out) > 1 {
			b.parents = out
		}
	})
	return b.parents
}

func (b *builder) home() *Home {
	lead := b.lead()
	return &Home{IndicatorList: *b.indicatorsAt(nil, lead), Summary: b.paragraphs(narrative.Summary(b.a, b.lang, lead)), Updating: b.updating(b.a.Latest())}
}

// threshold is the site's reporting threshold, in percent.
func (b *builder) threshold() float64 {
	if b.in.Threshold == 0 {
		return 100
	}
	return b.in.Threshold
}

// lead is the period the home page leads with: the latest that is
// complete at the site's threshold, or the latest when none is.
func (b *builder) lead() period.Period {
	if p, ok := b.a.LatestComplete(b.threshold()); ok {
		return p
	}
	return b.a.Latest()
}

// updating says that period p is below the site's threshold, still being
// assembled or closed incomplete (analyse.Open); nil when it is complete.
func (b *builder) updating(p period.Period) *Updating {
	if p.IsZero() || b.a.Complete(p, b.threshold()) {
		return nil
	}
	n, of := b.a.Reporters(p)
	u := &Updating{Period: locale.Period(b.lang, p), Reported: locale.Coverage(b.lang, n, of), Path: route.Link(route.Report(p)), Incomplete: !b.a.Open(p, b.threshold())}
	if c, ok := b.a.LatestComplete(b.threshold()); ok && c.Compare(p) < 0 && !u.Incomplete {
		u.Complete, u.CompletePath = locale.Period(b.lang, c), route.Link(route.Report(c))
	}
	return u
}

// indicators is the top unit's latest figure of every indicator, or of
// those of part pt.
func (b *builder) indicators(pt *part) *IndicatorList {
	return b.indicatorsAt(pt, b.a.Latest())
}

// indicatorsAt is the top unit's figure in period latest of every
// indicator, or of those of part pt.
func (b *builder) indicatorsAt(pt *part, latest period.Period) *IndicatorList {
	top := b.a.Index().Top()
	l := &IndicatorList{Period: locale.Period(b.lang, latest), District: locale.MidSentence(b.lang, top.Name.In(b.lang))}
	if b.parts() != nil {
		l.Parts = b.partLinks(route.Indicators.Path(), pt)
		if pt == nil {
			return l
		}
	}
	for _, ind := range b.indicatorsOf(pt) {
		s := b.a.Summary(top.Code, ind.Code, latest)
		l.Tiles = append(l.Tiles, Tile{Code: ind.Code, Name: ind.Name.In(b.lang), Path: route.Link(route.Indicator(ind.Code)), Figure: b.figure(ind, s)})
	}
	return l
}

func (b *builder) unitList() (any, error) {
	item := func(u *model.Unit) UnitItem {
		return UnitItem{Name: u.Name.In(b.lang), Kind: u.Kind, Path: route.Link(route.Unit(u.Code)), Scorecard: route.Link(route.Scorecard(u.Code))}
	}
	top := b.a.Index().Top()
	l := &UnitList{Top: item(top)}
	for _, c := range b.a.Index().Children(top.Code) {
		l.Children = append(l.Children, item(c))
	}
	return l, nil
}

// pages lists every generated page of the language, in a fixed order:
// sections, indicators, units, reports, then the pages about the data as a
// whole. Each page's view model is made only when its layout asks.
func (b *builder) pages() []Page {
	periods := b.a.Periods()
	indicators := Page{Path: route.Indicators.Path(), Kind: "section", Weight: route.Indicators.Weight(), TitleI18n: "sectionIndicators", Description: b.descSection(route.Indicators), view: func() (any, error) { return b.indicators(nil), nil }}
	pages := []Page{
		indicators,
		{Path: route.Units.Path(), Kind: "section", Weight: route.Units.Weight(), TitleI18n: "sectionUnits", Description: b.descSection(route.Units), view: b.unitList},
		{Path: route.Reports.Path(), Kind: "section", Weight: route.Reports.Weight(), TitleI18n: "sectionReports", Description: b.descSection(route.Reports), view: none},
	}
	pages = append(pages, b.partPages(indicators, "part", func(pt *part) func() (any, error) {
		return func() (any, error) { return b.indicators(pt), nil }
	})...)
	for i, ind := range b.ds.Indicators {
		pages = append(pages, b.indicatorPage(ind, i))
	}
	for i, u := range b.ds.Units {
		pages = append(pages, b.unitPages(u, i)...)
	}
	for i, p := range periods {
		pages = append(pages, b.reportPages(p, len(periods)-i)...)
	}
	pages = append(pages, b.dataPage())
	pages = append(pages, b.releasePages()...)
	pages = append(pages, b.methodologyPage())
	pages = append(pages, b.reportingPages()...)
	pages = append(pages, b.changesPages()...)
	pages = append(pages, b.scorecardPages()...)
	pages = append(pages, b.searchPage())
	return append(pages, b.embedPages()...)
}

// none is the view of a page whose layout shows only Hugo's own fields.
func none() (any, error) { return nil, nil }

// t picks the Vietnamese or English string. It is for page titles only;
// interface labels live in the theme's i18n files.
func (b *builder) t(vi, en string) string {
	if b.lang == model.EN {
		return en
	}
	return vi
}

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
		f.Reported = locale.Coverage(b.lang, c.Reporting, c.Expected)
		f.Partial = c.Partial()
	} else if len(c.Sources) == 1 {
		row := c.Sources[0]
		f.Source = fmt.Sprintf("%s:%d", row.File, row.Line) // the row, as journalists look it up
		f.SourceURL = route.InputCopy(c.Sources[0].File)
	}
	f.Note = c.Note
	if s.Change != nil && s.Previous != nil {
		b.change(&f, ind, *s.Previous, *c)
	}
	return f
}

// change sets f's change from prev to cur, in short, in words and as
// better or worse.
func (b *builder) change(f *Figure, ind model.Indicator, prev, cur analyse.Point) {
	d := locale.Delta(ind.Measure, prev.Value, cur.Value)
	f.Change = locale.SignedChange(b.lang, ind.Measure, d)
	f.ChangeLong = locale.Change(b.lang, ind.Measure, d) + b.t(" so với ", " from ") + locale.Period(b.lang, prev.Period)
	f.Trend = trend(ind, prev.Value, cur.Value)
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
