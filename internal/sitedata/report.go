package sitedata

import (
	"strings"

	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/narrative"
	"github.com/minhbach/minhbach/internal/period"
)

// ReportParams is what a period's report page shows: the generated
// summary (unless the staff's text replaces it), the staff's text, the
// generated paragraph per indicator and the limitations, then the table.
type ReportParams struct {
	TitleI18n string          `json:"title_i18n,omitempty"` // reportTitle, unless the editorial text gives a title
	Period    string          `json:"period"`
	ID        string          `json:"id"`
	Summary   []Paragraph     `json:"summary"`
	Details   []Paragraph     `json:"details"` // one paragraph per indicator
	Limits    []Paragraph     `json:"limits"`
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
	top := b.a.Index().Top()
	text := narrative.For(b.a, b.lang, p)
	rp := ReportParams{
		TitleI18n: "reportTitle", Period: locale.Period(b.lang, p), ID: p.String(),
		Summary: b.paragraphs(text.Summary), Details: b.paragraphs(text.Indicators), Limits: b.paragraphs(text.Limits),
	}
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
			rp.Editorial, rp.Replace = true, e.Replace
			if e.Title != "" {
				page.Title, rp.TitleI18n = e.Title, ""
			}
			page.Content = &Content{MediaType: "text/markdown", Value: inert(e.Body)}
		}
	}
	page.Params = rp
	page.Description = b.t("Kết quả ", "Results for ") + locale.Period(b.lang, p) + ", " + top.Name.In(b.lang)
	return page
}

// inert keeps Hugo from running shortcodes in the staff's text: "{{<" and
// "{{%" would call shortcodes that can print the page's data or embed
// third-party frames. A Markdown backslash escape breaks the delimiter and
// still renders as "{{". (Inside code spans the backslash shows.)
func inert(md string) string { return strings.ReplaceAll(md, "{{", `{\{`) }
