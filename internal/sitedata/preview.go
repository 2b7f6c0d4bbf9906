package sitedata

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/ogimage"
	"github.com/minhbach/minhbach/internal/route"
	"github.com/minhbach/minhbach/internal/svgchart"
)

// Previews are the preview images of a language (see package ogimage):
// each indicator's, at route.Preview, and the site's, at
// route.SitePreview, by path in the site. site is the site's title.
func (s *Site) Previews(lang, site string) (map[string]ogimage.Card, error) {
	ls, err := s.lang(lang)
	if err != nil {
		return nil, err
	}
	b := ls.b
	top, latest := b.top(), b.a.Latest()
	out := map[string]ogimage.Card{
		route.InLang(lang, route.SitePreview): {
			Site: site, Title: top.Name.In(b.lang),
			Lines: []string{
				upperFirst(b.latestLabel()),
				b.t(locale.Number(b.lang, float64(len(b.ds.Indicators)), 0)+" chỉ số, "+locale.Number(b.lang, float64(len(b.ds.Units)), 0)+" đơn vị",
					locale.Number(b.lang, float64(len(b.ds.Indicators)), 0)+" indicators, "+locale.Number(b.lang, float64(len(b.ds.Units)), 0)+" units"),
			},
		},
	}
	for _, ind := range b.ds.Indicators {
		f := b.figure(ind, b.a.Summary(top.Code, ind.Code, latest))
		c := ogimage.Card{Site: site, Title: ind.Name.In(b.lang) + ", " + top.Name.In(b.lang), Value: f.Value, Period: f.Period}
		if f.ChangeLong != "" {
			c.Lines = append(c.Lines, upperFirst(f.ChangeLong)+".")
		}
		if f.Target != "" {
			c.Lines = append(c.Lines, b.t("Mục tiêu: ", "Target: ")+f.Target+".")
		}
		for _, per := range b.a.Periods() {
			c.Labels = append(c.Labels, locale.PeriodShort(b.lang, per))
			if s := b.a.Summary(top.Code, ind.Code, per); s.Current != nil {
				v := s.Current.Value
				c.Values = append(c.Values, &v)
			} else {
				c.Values = append(c.Values, nil)
			}
		}
		if t, ok := b.a.Target(top.Code, ind.Code, latest.Year); ok {
			v := t.Value
			c.Target = &v
		}
		c.Lo, c.Hi = svgchart.Range(ind.Measure == model.Percent, ind.Measure.Decimals(), c.Values, c.Target)
		out[route.InLang(lang, route.Preview(ind.Code))] = c
	}
	return out, nil
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + strings.Clone(s[n:])
}
