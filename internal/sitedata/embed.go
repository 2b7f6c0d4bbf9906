package sitedata

import (
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
)

// EmbedParams is an indicator's chart alone, for an <iframe> on another
// site: the drawing made at build time (no script), the latest figure,
// the source and a link back to the indicator's page.
type EmbedParams struct {
	Top    string   `json:"top"`
	Latest Figure   `json:"latest"`
	Chart  ChartRef `json:"chart"`
	Source string   `json:"source"`
	Page   string   `json:"page"` // the indicator's page, to link back to
}

// embedPages are the embeddable charts, one per indicator: kept out of
// search engines and lists (they repeat the indicator pages).
func (b *builder) embedPages() []Page {
	pages := []Page{{Path: route.Embeds.Path(), Kind: "section", TitleI18n: "embedTitle", NoIndex: true, Unlisted: true, view: none}}
	for i, ind := range b.ds.Indicators {
		pages = append(pages, Page{
			Path: route.Embed(ind.Code), Title: ind.Name.In(b.lang), Weight: i + 1, NoIndex: true, Unlisted: true,
			Description: b.descIndicator(ind),
			Image:       route.InLang(string(b.lang), route.Preview(ind.Code)),
			view:        func() (any, error) { return b.embedParams(ind) },
		})
	}
	return pages
}

func (b *builder) embedParams(ind model.Indicator) (*EmbedParams, error) {
	p, err := b.indicatorParams(ind)
	if err != nil {
		return nil, err
	}
	trend := p.Trend
	trend.Option = "" // no script on an embed: the drawing is the chart
	return &EmbedParams{Top: p.Top, Latest: p.Latest, Chart: trend, Source: p.Source, Page: route.Link(route.Indicator(ind.Code))}, nil
}
