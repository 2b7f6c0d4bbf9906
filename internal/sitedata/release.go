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
	// Zip and Figures are the paths of its zip of every download ("" for
	// a release recorded before releases kept one) and of its figures.
	Zip     string `json:"zip,omitempty"`
	Figures string `json:"figures,omitempty"`
}

// ReleasesParams is the page that lists every release of the data.
type ReleasesParams struct {
	Releases []ReleaseRow `json:"releases"`
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
	List    string `json:"list"` // the page that lists every release
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
	for _, f := range r.Files {
		switch kindOf(f.Name) {
		case "zip":
			row.Zip = route.ReleaseFile(r.ID, f.Name)
		case "figures":
			row.Figures = route.ReleaseFile(r.ID, f.Name)
		}
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

// releasePages are the list of the releases (there even before the
// first, to say when it comes) and the page of each, after the data page
// in its section.
func (b *builder) releasePages() []Page {
	top := b.top().Name.In(b.lang)
	pages := []Page{{
		Path: route.Releases, Layout: "releases", Weight: 1, TitleI18n: "releasesTitle",
		Description: clip(b.t("Mọi bản phát hành số liệu của "+top+", mới nhất trước: ngày, mã, tổng kiểm SHA-256 và các tệp, ở địa chỉ không bao giờ thay đổi để trích dẫn.",
			"Every release of the data of "+top+", newest first: date, id, SHA-256 checksum and files, at addresses that never change, to cite.")),
		view: func() (any, error) { return &ReleasesParams{Releases: b.releaseRows()}, nil },
	}}
	for i, r := range b.in.Releases {
		date := locale.Date(b.lang, r.Date)
		pages = append(pages, Page{
			Path: route.Release(r.ID), Layout: "release", Weight: i + 2,
			TitleI18n: "releaseTitle", TitleArgs: map[string]string{"ID": r.ID},
			Description: clip(b.t("Bản phát hành số liệu "+r.ID+" của "+top+", công bố ngày "+date+": mọi tệp tải về, giữ nguyên từng byte, kèm mã SHA-256, để trích dẫn.",
				"Data release "+r.ID+" of "+top+", published on "+date+": every download, byte for byte, with SHA-256 checksums, to cite.")),
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
		List:       route.Releases,
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
