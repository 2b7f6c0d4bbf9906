package sitedata

import (
	"slices"
	"strings"

	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/narrative"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

// ReportParams is what a period's report page shows: the generated
// summary (unless the staff's text replaces it), the staff's text, the
// generated paragraph per indicator and the limitations, then the table.
type ReportParams struct {
	Period    string          `json:"period"`
	District  string          `json:"district"` // mid-sentence, as IndicatorList's
	ID        string          `json:"id"`
	Summary   []Paragraph     `json:"summary"`
	Headlines []Paragraph     `json:"headlines"` // the headline figures, a list item each
	Details   []Paragraph     `json:"details"`   // one paragraph per indicator
	Limits    []Paragraph     `json:"limits"`
	Editorial bool            `json:"editorial"`
	Replace   bool            `json:"replace"` // the editorial text replaces the generated summary
	Rows      []TrendRowNamed `json:"rows"`
	CSV       string          `json:"csv"`
	// Parts is set on a site with too many indicators for one page: the
	// report then gives the summary, the staff's text and the limitations,
	// and each part's page the paragraphs and figures of its indicators.
	Parts []PartLink `json:"parts,omitempty"`
	// Updating is set when the period is below the site's reporting
	// threshold: the page opens by saying so and names the latest
	// complete period's report.
	Updating *Updating `json:"updating,omitempty"`
}

// TrendRowNamed is an indicator's top-unit figure in a report.
type TrendRowNamed struct {
	Indicator string `json:"indicator"`
	Path      string `json:"path"`
	Figure    Figure `json:"figure"` // a named field, not embedded: templates find it without a search
}

// reportPages are period p's report and, on a split catalogue, its parts.
func (b *builder) reportPages(p period.Period, weight int) []Page {
	page := b.reportPage(p, weight)
	return append([]Page{page}, b.partPages(page, "", func(pt *part) func() (any, error) {
		return func() (any, error) { return b.reportParams(p, pt), nil }
	})...)
}

func (b *builder) reportPage(p period.Period, weight int) Page {
	page := Page{
		Path: route.Report(p), Weight: weight, TitleI18n: "reportTitle", TitleArgs: map[string]string{"period": locale.Period(b.lang, p)},
		Date:        p.End().Format("2006-01-02"),
		Description: b.descReport(p),
		view:        func() (any, error) { return b.reportParams(p, nil), nil },
	}
	if u := b.updating(p); u != nil {
		page.State, page.Reported = u.state(), u.Reported
	}
	if e, ok := b.editorial(p); ok {
		if e.Title != "" {
			page.Title, page.TitleI18n, page.TitleArgs = e.Title, "", nil
		}
		page.Content = &Content{MediaType: "text/markdown", Value: inert(e.Body)}
	}
	return page
}

// editorial is the staff's text of period p in the builder's language.
func (b *builder) editorial(p period.Period) (Editorial, bool) {
	for _, e := range b.in.Editorial {
		if e.Period == p && e.Lang == b.lang {
			return e, true
		}
	}
	return Editorial{}, false
}

// reportParams is period p's report, or the part pt of it: the
// paragraphs and figures of pt's indicators only.
func (b *builder) reportParams(p period.Period, pt *part) *ReportParams {
	top := b.a.Index().Top()
	text := narrative.For(b.a, b.lang, p)
	rp := &ReportParams{Period: locale.Period(b.lang, p), ID: p.String(), District: locale.MidSentence(b.lang, top.Name.In(b.lang)), Updating: b.updating(p)}
	for _, s := range b.ds.Snapshots {
		if s.Period == p {
			rp.CSV = route.InputCopy(s.File)
		}
	}
	split := b.parts() != nil
	if split {
		rp.Parts = b.partLinks(route.Report(p), pt)
	}
	if pt == nil {
		rp.Summary, rp.Headlines, rp.Limits = b.paragraphs(text.Summary), b.paragraphs(text.Headlines), b.paragraphs(text.Limits)
		if e, ok := b.editorial(p); ok {
			rp.Editorial, rp.Replace = true, e.Replace
		}
		if split {
			return rp
		}
	}
	inds := b.indicatorsOf(pt)
	in := make(map[string]bool, len(inds))
	for _, ind := range inds {
		in[ind.Code] = true
		rp.Rows = append(rp.Rows, TrendRowNamed{Indicator: ind.Name.In(b.lang), Path: route.Link(route.Indicator(ind.Code)), Figure: b.figure(ind, b.a.Summary(top.Code, ind.Code, p))})
	}
	// Each paragraph opens with its indicator's name.
	rp.Details = b.paragraphs(slices.DeleteFunc(text.Indicators, func(para narrative.Paragraph) bool {
		return len(para.Spans) == 0 || !in[para.Spans[0].Indicator]
	}))
	return rp
}

// inert keeps Hugo from running shortcodes in the staff's text: "{{<" and
// "{{%" would call shortcodes that can print the page's data or embed
// third-party frames. A Markdown backslash escape breaks the delimiter and
// still renders as "{{". (Inside code spans the backslash shows.)
func inert(md string) string { return strings.ReplaceAll(md, "{{", `{\{`) }
