package sitedata

import (
	"strconv"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
)

// maxPerPage is the most indicators one page lists. A site with more (a
// ministry's catalogue of hundreds) splits each page that lists them all —
// the home page, the indicator list, unit pages, scorecards, reports and
// the reporting status — into parts of at most this many, in the
// catalogue's order, so no page grows with the catalogue: 30 indicators of
// a unit page, with their figures by period, are about 110 kB of HTML. A
// district's catalogue (the sample has 14, the synthetic 1x site 30) is
// never split.
const maxPerPage = 30

// part is a run of the catalogue that split pages list on a page of their
// own: the indicators ds.Indicators[from:to].
type part struct {
	n        int // from 1
	from, to int
}

// PartLink is a part of a split page in the list of parts the page shows:
// "VB001–VB050", 50 indicators.
type PartLink struct {
	Title   string `json:"title"`
	Path    string `json:"path"`
	Count   int    `json:"count"`
	Current bool   `json:"current,omitempty"` // the page being read
}

// parts splits the catalogue into runs of at most maxPerPage indicators,
// as even as can be; nil when it fits on one page.
func (b *builder) parts() []part {
	b.partsOnce.Do(func() {
		n := len(b.ds.Indicators)
		if n <= maxPerPage {
			return
		}
		k := (n + maxPerPage - 1) / maxPerPage
		from := 0
		for i := range k {
			size := n / k
			if i < n%k {
				size++
			}
			b.partsMemo = append(b.partsMemo, part{n: i + 1, from: from, to: from + size})
			from += size
		}
	})
	return b.partsMemo
}

// indicatorsOf is the indicators a page lists: all of them on a page
// that is not split (pt nil), else those of its part.
func (b *builder) indicatorsOf(pt *part) []model.Indicator {
	if pt == nil {
		return b.ds.Indicators
	}
	return b.ds.Indicators[pt.from:pt.to]
}

// partLinks lists the parts of the split page at pagePath, marking cur
// (nil on the page itself, which lists only its parts).
func (b *builder) partLinks(pagePath string, cur *part) []PartLink {
	var out []PartLink
	for _, pt := range b.parts() {
		first, last := b.ds.Indicators[pt.from].Code, b.ds.Indicators[pt.to-1].Code
		out = append(out, PartLink{
			Title: first + "–" + last, Path: route.Link(route.Part(pagePath, pt.n)),
			Count: pt.to - pt.from, Current: cur != nil && cur.n == pt.n,
		})
	}
	return out
}

// partPages are the pages of the parts of the split page whose stub is
// page: the same layout (or the named one) and title, marked as a part,
// each with its own view. Part pages are left out of Hugo's lists (the
// reports' feed, section lists): their page links to them.
func (b *builder) partPages(page Page, layout string, view func(pt *part) func() (any, error)) []Page {
	var out []Page
	parts := b.parts()
	for i := range parts {
		pt := &parts[i]
		p := page
		p.Path, p.Kind, p.Content, p.Date = route.Part(page.Path, pt.n), "", nil, ""
		p.Layout, p.Weight, p.view = layout, page.Weight*100+pt.n, view(pt)
		p.Part = strconv.Itoa(pt.n) + "/" + strconv.Itoa(len(parts))
		out = append(out, p)
	}
	return out
}
