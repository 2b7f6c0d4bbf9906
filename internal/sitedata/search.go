package sitedata

import (
	"encoding/json"

	"github.com/minhbach/minhbach/internal/fold"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/route"
)

// SearchParams is the search page: the index its script fetches, and
// the lists to browse, which are all a reader without JavaScript gets.
type SearchParams struct {
	Index string `json:"index"` // the index's path in the site (already in the language's part)
	Lists []Link `json:"lists"`
}

func (b *builder) searchPage() Page {
	return Page{
		Path: route.Search.Path(), Kind: "section", Weight: route.Search.Weight(), TitleI18n: "searchTitle",
		Description: b.descSection(route.Search),
		view: func() (any, error) {
			p := &SearchParams{Index: route.InLang(string(b.lang), route.SearchIndex)}
			for _, sec := range []route.Section{route.Indicators, route.Units, route.Reports, route.Scorecards} {
				p.Lists = append(p.Lists, Link{Path: route.Link(sec.Path())})
			}
			return p, nil
		},
	}
}

// SearchIndex is what the search page's script reads: one entry per
// indicator, unit and report, each [title, path, key, kind]. The key is
// the title and code as fold.Bare writes them ("xa cho don 02020"), so a
// query typed without diacritics finds "Chợ Đồn"; the script folds the
// query by the same rule. Paths are relative to the language's home
// page; kind is "i" (indicator), "u" (unit) or "r" (report), which the page
// labels in its language. Titles only, no figures: the index stays small
// (about 60 bytes gzipped per unit).
type SearchIndex struct {
	Items [][4]string `json:"items"`
}

// SearchIndex returns the search index of a language, as JSON.
func (s *Site) SearchIndex(lang string) ([]byte, error) {
	ls, err := s.lang(lang)
	if err != nil {
		return nil, err
	}
	b := ls.b
	var ix SearchIndex
	add := func(title, code, path, kind string) {
		ix.Items = append(ix.Items, [4]string{title, path, fold.Bare(title + " " + code), kind})
	}
	for _, ind := range b.ds.Indicators {
		add(ind.Name.In(b.lang), ind.Code, route.Link(route.Indicator(ind.Code)), "i")
	}
	for _, u := range b.ds.Units {
		add(u.Name.In(b.lang), u.Code, route.Link(route.Unit(u.Code)), "u")
	}
	periods := b.a.Periods()
	for i := len(periods) - 1; i >= 0; i-- {
		p := periods[i]
		add(locale.Period(b.lang, p), p.String(), route.Link(route.Report(p)), "r")
	}
	return json.Marshal(ix)
}
