package sitedata

import (
	"path"
	"time"

	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

// ReleaseRow is a release of the data as the data page lists it.
type ReleaseRow struct {
	ID     string `json:"id"`
	Page   string `json:"page"` // its page's path
	Date   string `json:"date"` // in the page's language
	Time   string `json:"time"` // ISO 8601, for <time datetime>
	Latest string `json:"latest"`
	// SHA256 is that of its SHA256SUMS, Sums the path of that file: one
	// checksum stands for every file of the release.
	SHA256 string `json:"sha256"`
	Sums   string `json:"sums"`
}

// ReleaseParams is a release's page: its files with sizes and checksums,
// and how to cite it.
type ReleaseParams struct {
	ReleaseRow
	Files     []DownloadRow `json:"files"`
	Checksums DownloadRow   `json:"checksums"`
	// Address is the page's address to cite: absolute when the site has a
	// base URL.
	Address string `json:"address"`
	Title   string `json:"title"` // the site's, which names the publisher
	Year    int    `json:"year"`
}

// releaseRow describes r in the page's language.
func (b *builder) releaseRow(r export.Release) ReleaseRow {
	row := ReleaseRow{
		ID: r.ID, Page: route.Release(r.ID), Date: locale.Date(b.lang, r.Date), Time: r.Date.Format(time.RFC3339),
		Latest: r.Latest, SHA256: r.Sums.SHA256, Sums: r.Sums.Path,
	}
	if p, err := period.Parse(r.Latest); err == nil {
		row.Latest = locale.Period(b.lang, p)
	}
	return row
}

// releaseRows are the data page's list of releases, newest first.
func (b *builder) releaseRows() []ReleaseRow {
	rows := make([]ReleaseRow, len(b.in.Releases))
	for i, r := range b.in.Releases {
		rows[i] = b.releaseRow(r)
	}
	return rows
}

// releasePages are the pages of the releases, one each, after the data
// page in its section.
func (b *builder) releasePages() []Page {
	var pages []Page
	for i, r := range b.in.Releases {
		pages = append(pages, Page{
			Path: route.Release(r.ID), Layout: "release", Weight: i + 1,
			TitleI18n: "releaseTitle", TitleArgs: map[string]string{"ID": r.ID},
			view: func() (any, error) { return b.releaseParams(r), nil },
		})
	}
	return pages
}

func (b *builder) releaseParams(r export.Release) *ReleaseParams {
	p := &ReleaseParams{
		ReleaseRow: b.releaseRow(r),
		Address:    b.in.About.Absolute(route.Link(route.InLang(string(b.lang), route.Release(r.ID)))),
		Title:      b.in.About.Title.In(b.lang),
		Year:       r.Date.Year(),
	}
	for _, f := range r.Files {
		p.Files = append(p.Files, DownloadRow{
			Kind: kindOf(f.Name), Path: route.ReleaseFile(r.ID, f.Name), Name: f.Name,
			Size: b.size(int(f.Size)), SHA256: f.SHA256,
		})
	}
	p.Checksums = DownloadRow{Kind: "checksums", Path: r.Sums.Path, Name: export.SumsName, Size: b.size(r.Sums.Size), SHA256: r.Sums.SHA256}
	return p
}

// kindOf is the kind of a release's file, for its label ("file-<kind>").
func kindOf(name string) string {
	switch name {
	case path.Base(export.FiguresPath):
		return "figures"
	case path.Base(export.CorrectionsPath):
		return "corrections"
	case path.Base(route.Bundle):
		return "zip"
	}
	return ""
}
