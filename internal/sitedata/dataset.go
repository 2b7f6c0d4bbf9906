package sitedata

import (
	"encoding/json"
	"html/template"
	"path"

	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

// A schema.org Dataset, as JSON-LD, describes the data page and each
// indicator page to search engines and dataset catalogues. It ships in an
// inert <script type="application/ld+json"> as the exact bytes made here:
// encoding/json escapes <, > and & (and U+2028/9), so no name can close
// the script or open a tag, whatever Hugo's minifier does with the rest.
type ldDataset struct {
	Context             string         `json:"@context"`
	Type                string         `json:"@type"`
	Name                string         `json:"name"`
	Description         string         `json:"description"`
	InLanguage          string         `json:"inLanguage"`
	License             ldCreativeWork `json:"license"`
	Creator             ldOrganization `json:"creator"`
	Publisher           ldOrganization `json:"publisher"`
	IsAccessibleForFree bool           `json:"isAccessibleForFree"`
	TemporalCoverage    string         `json:"temporalCoverage,omitempty"`
	SpatialCoverage     ldPlace        `json:"spatialCoverage"`
	VariableMeasured    []string       `json:"variableMeasured,omitempty"`
	Distribution        []ldDownload   `json:"distribution"`
}

type ldCreativeWork struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type ldOrganization struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldPlace struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldDownload struct {
	Type           string `json:"@type"`
	Name           string `json:"name"`
	EncodingFormat string `json:"encodingFormat"`
	ContentURL     string `json:"contentUrl"`
	ContentSize    string `json:"contentSize,omitempty"`
}

// mediaTypes are the downloads' formats, by extension.
var mediaTypes = map[string]string{
	".csv":  "text/csv",
	".json": "application/json",
	".zip":  "application/zip",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// dataset is the JSON-LD of a page about name, over periods, whose
// downloads are those of files that pick keeps.
func (b *builder) dataset(name, description string, periods []period.Period, variables []string, pick func(export.File) bool) (template.JS, error) {
	ab := b.in.About
	org := ldOrganization{Type: "Organization", Name: ab.Title.In(b.lang)}
	d := ldDataset{
		Context: "https://schema.org", Type: "Dataset",
		Name: name, Description: description, InLanguage: string(b.lang),
		License:             ldCreativeWork{Type: "CreativeWork", Name: ab.Licence.In(b.lang), URL: ab.Absolute(route.Link(route.Data.Path()))},
		Creator:             org,
		Publisher:           org,
		IsAccessibleForFree: true,
		SpatialCoverage:     ldPlace{Type: "Place", Name: b.a.Index().Top().Name.In(b.lang)},
		VariableMeasured:    variables,
		Distribution:        []ldDownload{},
	}
	if len(periods) > 0 {
		// An ISO 8601 interval, from the first day of the first period to
		// the last day of the last.
		d.TemporalCoverage = periods[0].Start().Format("2006-01-02") + "/" + periods[len(periods)-1].End().Format("2006-01-02")
	}
	for _, f := range b.in.Downloads {
		mt, ok := mediaTypes[path.Ext(f.Path)]
		if !ok || !pick(f) {
			continue
		}
		d.Distribution = append(d.Distribution, ldDownload{
			Type: "DataDownload", Name: path.Base(f.Path), EncodingFormat: mt,
			ContentURL: ab.Absolute(f.Path), ContentSize: b.size(f.Size),
		})
	}
	out, err := json.Marshal(d)
	return template.JS(out), err
}

// dataDataset is the data page's Dataset: every download but the
// per-indicator files, which their own pages describe.
func (b *builder) dataDataset() (template.JS, error) {
	var names []string
	for _, ind := range b.ds.Indicators {
		names = append(names, ind.Name.In(b.lang))
	}
	return b.dataset(
		b.in.About.Title.In(b.lang)+": "+b.t("dữ liệu", "data"),
		b.t("Mọi số liệu chỉ số chính quyền số của ", "Every e-government indicator figure of ")+
			b.a.Index().Top().Name.In(b.lang)+b.t(", theo đơn vị và kỳ báo cáo, kèm nguồn từng số liệu.", ", by unit and period, with the source of each figure."),
		b.a.Periods(), names,
		func(f export.File) bool { return !indicatorKinds[f.Kind] && f.Kind != "checksums" },
	)
}

// indicatorKinds are the kinds of download that belong to one indicator
// (their Key is its code).
var indicatorKinds = map[string]bool{"indicator": true, "json": true, "xlsx": true}

// indicatorDataset is an indicator page's Dataset: its own downloads.
func (b *builder) indicatorDataset(ind model.Indicator) (template.JS, error) {
	var periods []period.Period
	for _, p := range b.a.Series(b.a.Index().Top().Code, ind.Code) {
		periods = append(periods, p.Period)
	}
	return b.dataset(
		ind.Name.In(b.lang), ind.Definition.In(b.lang), periods, []string{ind.Name.In(b.lang)},
		func(f export.File) bool { return indicatorKinds[f.Kind] && f.Key == ind.Code },
	)
}
