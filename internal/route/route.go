// Package route is the site's one table of addresses: every section, page,
// anchor and download path is spelled here and nowhere else. sitedata
// builds pages at these paths, export publishes files at them, and the
// templates receive them (never a section name of their own).
//
// Paths are slash paths relative to the site root, without a leading
// slash. Page paths ("chi-so/vb01") name a page for Hugo; Link adds the
// trailing slash a link needs. The Vietnamese paths are also the English
// ones, under /en/, so that translations pair up.
package route

import (
	"path"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/period"
)

// Section is a top-level section of the site.
type Section string

const (
	Indicators  Section = "chi-so"
	Units       Section = "don-vi"
	Reports     Section = "bao-cao"
	Data        Section = "du-lieu"
	Methodology Section = "phuong-phap"
	Reporting   Section = "tinh-trang"
	Changes     Section = "thay-doi"
	Scorecards  Section = "the-diem"
	Search      Section = "tim-kiem"
	Embeds      Section = "nhung" // charts to embed in other sites; not listed, not indexed
)

// Sections lists every section in menu order (the weight Hugo sorts
// sections by is the position here, plus one).
var Sections = []Section{Indicators, Units, Reports, Data, Reporting, Changes, Scorecards, Methodology, Search, Embeds}

// Nav is the header's menu; About is the data page's list of pages about
// the data as a whole; Footer is the footer's.
var (
	Nav    = []Section{Indicators, Units, Reports, Data}
	About  = []Section{Reporting, Changes, Scorecards}
	Footer = []Section{Search, Methodology, Reporting, Changes, Data}
)

// Weight is the section's place in Sections, from 1.
func (s Section) Weight() int {
	for i, x := range Sections {
		if x == s {
			return i + 1
		}
	}
	return len(Sections) + 1
}

// Path is the section page's path.
func (s Section) Path() string { return string(s) }

// Link is a page path as a relative link, with its trailing slash;
// the empty path is the home page.
func Link(pagePath string) string {
	if pagePath == "" {
		return ""
	}
	return pagePath + "/"
}

func key(code string) string { return strings.ToLower(code) }

// Indicator is an indicator's page.
func Indicator(code string) string { return path.Join(string(Indicators), key(code)) }

// Unit is a unit's page.
func Unit(code string) string { return path.Join(string(Units), key(code)) }

// Scorecard is a unit's printable scorecard.
func Scorecard(code string) string { return path.Join(string(Scorecards), key(code)) }

// Report is a period's report.
func Report(p period.Period) string { return path.Join(string(Reports), key(p.String())) }

// ReportingOf is the reporting status of the units under parent, on a
// tree too large for one page.
func ReportingOf(parent string) string { return path.Join(string(Reporting), key(parent)) }

// ChangesOf is the newly reported figures of the units under parent, on a
// tree too large for one page.
func ChangesOf(parent string) string { return path.Join(string(Changes), key(parent)) }

// Embed is an indicator's chart alone, for an <iframe> on another site.
func Embed(code string) string { return path.Join(string(Embeds), key(code)) }

// Preview is the indicator page's preview image (Open Graph), beside the
// page: "chi-so/vb01/xem-truoc.png". Its text is in the page's language:
// pass it through InLang.
func Preview(code string) string { return path.Join(Indicator(code), previewName) }

// SitePreview is the preview image of the pages that have none of their
// own: the site's name and its latest period.
var SitePreview = previewName

const previewName = "xem-truoc.png"

// SearchIndex is the search page's index of titles, one per language
// (pass it through InLang): "tim-kiem/chi-muc.json".
var SearchIndex = path.Join(string(Search), "chi-muc.json")

// Part is the n-th part (from 1) of a page whose list of indicators is
// too long for one page: "don-vi/02020" → "don-vi/02020/phan-2". A site
// with a catalogue of hundreds of indicators splits its long pages so no
// page grows with the catalogue.
func Part(pagePath string, n int) string {
	return path.Join(pagePath, "phan-"+strconv.Itoa(n))
}

// PeriodAnchor is the id of a period's row in an indicator's trend table,
// which the reports' figures link to.
func PeriodAnchor(p period.Period) string { return "p-" + key(p.String()) }

// UnitAnchor is the id of a unit's row in an indicator's units table of
// the latest period, whichever that is: an address that moves on when a
// new period is published. FigureAnchor is the one to cite.
func UnitAnchor(code string) string { return "u-" + key(code) }

// HistoryAnchor is the id of an indicator's period row on a unit page,
// whose history tables list every indicator: "vb01-p-2024-q4".
func HistoryAnchor(indicator string, p period.Period) string {
	return key(indicator) + "-" + PeriodAnchor(p)
}

// FigureAnchor is the id of a unit's figure of one period on an
// indicator page ("u-02065-2024-q4"): it names the period, so a link to it
// keeps its meaning when later periods are published.
func FigureAnchor(code string, p period.Period) string {
	return UnitAnchor(code) + "-" + key(p.String())
}

// At is a link to an anchor of a page.
func At(pagePath, anchor string) string { return Link(pagePath) + "#" + anchor }

// InputCopy is where the published copy of an input file lives:
// "data/snapshots/2024-Q4.csv" → "du-lieu/snapshots/2024-Q4.csv".
func InputCopy(inputFile string) string {
	return path.Join(string(Data), strings.TrimPrefix(inputFile, "data/"))
}

// InputOf is the input file a published copy is of, the inverse of
// InputCopy: "du-lieu/units.csv" → "data/units.csv".
func InputOf(copyPath string) string {
	return path.Join("data", strings.TrimPrefix(copyPath, string(Data)+"/"))
}

// IndicatorCSV is where the per-indicator CSV of code is published.
func IndicatorCSV(code string) string {
	return path.Join(string(Data), string(Indicators), key(code)+".csv")
}

// IndicatorXLSX is where the workbook of code is published, beside its CSV.
func IndicatorXLSX(code string) string {
	return path.Join(string(Data), string(Indicators), key(code)+".xlsx")
}

// InLang is a download's path in a language's part of the site: the
// Vietnamese files (the default language) at p, the others under their
// language, as the pages are ("en/du-lieu/figures.csv").
func InLang(lang, p string) string {
	if lang == "" || lang == "vi" {
		return p
	}
	return path.Join(lang, p)
}

// IndicatorJSON is where the JSON of code's figures is published, beside
// its CSV.
func IndicatorJSON(code string) string {
	return path.Join(string(Data), string(Indicators), key(code)+".json")
}

// Download is a file of the data section by name ("figures.csv").
func Download(name string) string { return path.Join(string(Data), name) }

// The files that describe or bundle every download.
var (
	DataPackage = Download("datapackage.json") // the Frictionless Data Package
	Bundle      = Download("du-lieu.zip")      // every download in one zip
	Checksums   = Download("SHA256SUMS")       // sha256sum -c reads it in the data folder
)

// InData is a download's path relative to the data folder: the name a
// resource of the data package, an entry of the zip or a line of
// SHA256SUMS gives it ("chi-so/vb01.csv"). ok is false for a path outside
// the data folder.
func InData(p string) (rel string, ok bool) {
	return strings.CutPrefix(p, string(Data)+"/")
}

// DataFolder is a language's data folder: "du-lieu" for Vietnamese,
// "en/du-lieu" for English. Each holds its own SHA256SUMS and
// datapackage.json, for the files in it.
func DataFolder(lang string) string { return InLang(lang, string(Data)) }

// InDataOf is a download's path relative to lang's data folder (see
// InData); ok is false for a path outside it.
func InDataOf(lang, p string) (rel string, ok bool) {
	return strings.CutPrefix(p, DataFolder(lang)+"/")
}

// InBundle is a download's name in the zip of every download: its path
// relative to the Vietnamese data folder, and the English files under
// "en/" ("en/du-lieu/figures.csv" → "en/figures.csv"). ok is false for
// a path in neither data folder.
func InBundle(p string) (name string, ok bool) {
	if rel, ok := InData(p); ok {
		return rel, true
	}
	if rest, ok := strings.CutPrefix(p, "en/"); ok {
		if rel, ok := InData(rest); ok {
			return path.Join("en", rel), true
		}
	}
	return "", false
}

// releasesName is the folder of the data's releases in the data section:
// every published build's data is also kept at Release(id), at an
// address that never changes.
const releasesName = "phat-hanh"

// Releases is the page that lists every release of the data, newest
// first: "du-lieu/phat-hanh".
var Releases = path.Join(string(Data), releasesName)

// Release is the page of release id of the data, and the folder of its
// files: "du-lieu/phat-hanh/20250301-000000-3fa2b1c4d5e6". The English
// page is under /en/ as every page is; the files are the same ones.
func Release(id string) string { return path.Join(Releases, id) }

// ReleaseFile is a file of release id ("…/figures.csv").
func ReleaseFile(id, name string) string { return path.Join(Release(id), name) }

// Original is where an input file is kept byte for byte inside the zip
// ("data/snapshots/2024-Q4.csv" → "ban-goc/data/snapshots/2024-Q4.csv"),
// beside the published copies, which may differ (BOM, neutralised
// formulas).
func Original(inputFile string) string { return path.Join("ban-goc", inputFile) }

// Named maps the names templates use for sections ("indicators") to the
// sections, so no layout spells a path.
var Named = map[string]Section{
	"indicators":  Indicators,
	"units":       Units,
	"reports":     Reports,
	"data":        Data,
	"methodology": Methodology,
	"reporting":   Reporting,
	"changes":     Changes,
	"scorecards":  Scorecards,
	"search":      Search,
	"embeds":      Embeds,
}
