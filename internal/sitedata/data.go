package sitedata

import (
	"html/template"
	"path"

	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

// DataParams lists the downloads.
type DataParams struct {
	Files []DownloadRow `json:"files"`
	// IndicatorsOnTheirPages is set on a catalogue split into parts (see
	// parts.go): each indicator's files are then listed on its own page
	// and in the zip, not here, so the page does not grow with the
	// catalogue.
	IndicatorsOnTheirPages bool `json:"indicators_on_their_pages,omitempty"`
	// Figures is the file of every figure, listed apart with the meaning
	// of each of its Columns (export's dictionary, in the page's language).
	Figures *DownloadRow `json:"figures,omitempty"`
	// FiguresXLSX is the same figures as a workbook.
	FiguresXLSX *DownloadRow `json:"figures_xlsx,omitempty"`
	Columns     []ColumnRow  `json:"columns,omitempty"`
	// Corrections is the errata file, also listed apart with its columns
	// (the template's "corrcol-<name>" labels).
	Corrections       *DownloadRow `json:"corrections,omitempty"`
	CorrectionColumns []string     `json:"correction_columns,omitempty"`
	// Bundle (every download in one zip), Package (datapackage.json) and
	// Checksums (SHA256SUMS) are listed first, apart.
	Bundle    *DownloadRow `json:"bundle,omitempty"`
	Package   *DownloadRow `json:"package,omitempty"`
	Checksums *DownloadRow `json:"checksums,omitempty"`
	// Releases are the releases of the data, newest first (release.go).
	Releases []ReleaseRow `json:"releases,omitempty"`
	// ReleasesPage is the page that lists them with their files.
	ReleasesPage string `json:"releases_page"`
	// JSONLD is the schema.org Dataset of the page (see dataset.go).
	JSONLD template.JS `json:"jsonld"`
}

// ColumnRow is one column of the figures file and what it means, in the
// page's language: the dictionary the files' own dictionary sheets hold.
type ColumnRow struct {
	Name    string `json:"name"`
	Meaning string `json:"meaning"`
}

// DownloadRow is one downloadable file. The template describes it with the
// i18n label "file-<kind>", given Label (a period, or an indicator's name).
type DownloadRow struct {
	Label  string `json:"label,omitempty"`
	Kind   string `json:"kind"`
	Path   string `json:"path"`
	Name   string `json:"name"`
	Rows   int    `json:"rows"`
	Size   string `json:"size"`
	SHA256 string `json:"sha256"`
}

func (b *builder) dataPage() Page {
	return Page{Path: route.Data.Path(), Kind: "section", Weight: route.Data.Weight(), TitleI18n: "sectionData", Description: b.descSection(route.Data), view: func() (any, error) { return b.dataParams() }}
}

func (b *builder) dataParams() (*DataParams, error) {
	ld, err := b.dataDataset()
	if err != nil {
		return nil, err
	}
	p := &DataParams{JSONLD: ld, Releases: b.releaseRows(), ReleasesPage: route.Releases}
	for _, f := range b.in.Downloads {
		if f.Lang != "" && f.Lang != b.lang {
			continue // the other language's files are listed on its page
		}
		if f.Key != "" && b.parts() != nil {
			if _, ok := b.a.Index().Indicator(f.Key); ok {
				p.IndicatorsOnTheirPages = true
				continue
			}
		}
		label := ""
		switch f.Kind {
		case "snapshot":
			if per, err := period.Parse(f.Key); err == nil {
				label = locale.Period(b.lang, per)
			}
		case "indicator", "json":
			if ind, ok := b.a.Index().Indicator(f.Key); ok {
				label = ind.Code + " – " + ind.Name.In(b.lang)
			}
		}
		row := DownloadRow{
			Label: label, Kind: f.Kind, Path: f.Path, Name: path.Base(f.Path), Rows: f.Rows,
			Size: b.size(f.Size), SHA256: f.SHA256,
		}
		switch f.Kind {
		case "zip":
			p.Bundle = &row
			continue
		case "datapackage":
			p.Package = &row
			continue
		case "checksums":
			p.Checksums = &row
			continue
		}
		if f.Kind == "figures" && f.Format == "xlsx" {
			p.FiguresXLSX = &row
			continue
		}
		if f.Kind == "figures" {
			p.Figures = &row
			for _, c := range export.FigureDictionary() {
				p.Columns = append(p.Columns, ColumnRow{Name: c.Name, Meaning: c.Meaning.In(b.lang)})
			}
			continue
		}
		if f.Kind == "corrections" {
			p.Corrections, p.CorrectionColumns = &row, export.CorrectionColumns
			continue
		}
		p.Files = append(p.Files, row)
	}
	return p, nil
}

// size is a file's size as the data page shows it.
func (b *builder) size(n int) string {
	return locale.Number(b.lang, float64(n)/1000, 1) + " kB"
}
