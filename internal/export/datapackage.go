package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
)

// About is what the downloads say of who publishes them and on what terms,
// from the site's settings (hugo.toml).
type About struct {
	Title   model.Text // the site's title, which names the publisher
	Licence model.Text
	BaseURL string // absolute ("https://…/"), or "/" when the site sets none
}

// Absolute is the address of a site path ("du-lieu/figures.csv") under
// BaseURL: a full URL when the site has one, else a root-relative path.
func (ab About) Absolute(p string) string {
	return strings.TrimSuffix(ab.BaseURL, "/") + "/" + p
}

// The data package follows Frictionless Data Package v1 (its tabular
// profile, which the registry's validators check), with custom *_vi
// properties for the Vietnamese.
type dataPackage struct {
	Profile      string        `json:"profile"`
	Name         string        `json:"name"`
	Title        string        `json:"title"`
	TitleVI      string        `json:"title_vi"`
	Homepage     string        `json:"homepage,omitempty"`
	Licenses     []license     `json:"licenses"`
	Sources      []dpSource    `json:"sources"`
	Contributors []contributor `json:"contributors"`
	Resources    []resource    `json:"resources"`
}

type license struct {
	Path    string `json:"path"`
	Title   string `json:"title"`
	TitleVI string `json:"title_vi"`
}

type dpSource struct {
	Title   string `json:"title"`
	TitleVI string `json:"title_vi"`
}

type contributor struct {
	Title   string `json:"title"`
	TitleVI string `json:"title_vi"`
	Role    string `json:"role"`
}

type resource struct {
	Name      string `json:"name"`
	Path      string `json:"path"` // relative to datapackage.json
	Profile   string `json:"profile"`
	Title     string `json:"title"`
	TitleVI   string `json:"title_vi"`
	Format    string `json:"format"`
	Mediatype string `json:"mediatype"`
	Encoding  string `json:"encoding"`
	Bytes     int    `json:"bytes"`
	Hash      string `json:"hash"`
	Schema    schema `json:"schema"`
}

type schema struct {
	Fields        []field      `json:"fields"`
	PrimaryKey    []string     `json:"primaryKey,omitempty"`
	ForeignKeys   []foreignKey `json:"foreignKeys,omitempty"`
	MissingValues []string     `json:"missingValues"`
}

type foreignKey struct {
	Fields    string    `json:"fields"`
	Reference reference `json:"reference"`
}

type reference struct {
	Resource string `json:"resource"`
	Fields   string `json:"fields"`
}

// DataPackages are the datapackage.json of each language's data folder
// (see DataPackage), the Vietnamese folder's first.
func DataPackages(files []File, a *analyse.Analysis, about About) ([]File, error) {
	var out []File
	for _, lang := range model.Langs {
		f, err := DataPackage(files, a, about, lang)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// DataPackage describes every CSV of files in lang's data folder in a
// datapackage.json there: each file's own header as its fields, with
// types, titles and descriptions, keys between the files, sizes and
// SHA-256 hashes. The Vietnamese folder holds the copies of the input
// files; a key to a file of another folder is left out (the English
// figures' unit codes are those of du-lieu/units.csv), since a package
// may only name its own files. files must still hold their bytes.
func DataPackage(files []File, a *analyse.Analysis, about About, lang model.Lang) (File, error) {
	own := route.InLang(string(lang), route.DataPackage)
	name := "minhbach-du-lieu"
	if lang != model.VI {
		name += "-" + string(lang)
	}
	dp := dataPackage{
		Profile: "tabular-data-package", Name: name,
		Title: about.Title.In(model.EN), TitleVI: about.Title.VI,
		Licenses: []license{{
			Path:  licencePage(about, lang),
			Title: about.Licence.In(model.EN), TitleVI: about.Licence.VI,
		}},
		Sources:      []dpSource{},
		Contributors: []contributor{{Title: about.Title.In(model.EN), TitleVI: about.Title.VI, Role: "publisher"}},
	}
	if strings.Contains(about.BaseURL, "://") {
		dp.Homepage = about.BaseURL
	}
	seen := map[model.Text]bool{}
	for _, ind := range a.Dataset().Indicators {
		if !seen[ind.Source] && ind.Source.VI != "" {
			seen[ind.Source] = true
			dp.Sources = append(dp.Sources, dpSource{Title: ind.Source.In(model.EN), TitleVI: ind.Source.VI})
		}
	}
	for _, f := range files {
		kind := schemaKind(f)
		rel, in := route.InDataOf(string(lang), f.Path)
		if kind == "" || !in {
			continue
		}
		r, ok, err := describe(f, rel, kind, a)
		if err != nil {
			return File{}, fmt.Errorf("%s: %s: %w", own, f.Path, err)
		}
		if ok {
			dp.Resources = append(dp.Resources, r)
		}
	}
	have := map[string]bool{"": true}
	for _, r := range dp.Resources {
		have[r.Name] = true
	}
	for i := range dp.Resources {
		s := &dp.Resources[i].Schema
		s.ForeignKeys = slices.DeleteFunc(s.ForeignKeys, func(fk foreignKey) bool { return !have[fk.Reference.Resource] })
	}
	b, err := json.MarshalIndent(dp, "", "  ")
	if err != nil {
		return File{}, err
	}
	f := newFile(own, "datapackage", "", len(dp.Resources), append(b, '\n'))
	f.Lang = lang
	return f, nil
}

// licencePage is where the licence is stated in full: the data page.
func licencePage(about About, lang model.Lang) string {
	if strings.Contains(about.BaseURL, "://") {
		return about.Absolute(route.Link(route.InLang(string(lang), route.Data.Path())))
	}
	return "index.html" // the data page, beside datapackage.json
}

// schemaKind is the key of columns a file is described by; "" for a file
// that is not one of the CSVs (a JSON, a workbook).
func schemaKind(f File) string {
	if path.Ext(f.Path) != ".csv" {
		return ""
	}
	if _, ok := columns[f.Kind]; ok {
		return f.Kind
	}
	return ""
}

// describe makes the resource of one CSV. ok is false for a file without
// a header (an indicator with no figure at all): it has nothing to type.
func describe(f File, rel, kind string, a *analyse.Analysis) (resource, bool, error) {
	header, err := Header(f.Data)
	if err != nil || len(header) == 0 {
		return resource{}, false, err
	}
	r := resource{
		Name: resourceName(f), Path: rel, Profile: "tabular-data-resource",
		Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
		Bytes: f.Size, Hash: "sha256:" + f.SHA256,
		Schema: schema{MissingValues: []string{""}},
	}
	r.TitleVI, r.Title = resourceTitle(f, a)
	cols := columns[kind]
	have := map[string]bool{}
	for _, name := range header {
		have[name] = true
		c, known := cols[name]
		if !known {
			c = column{typ: "string"} // a column added later; typed as text
		}
		r.Schema.Fields = append(r.Schema.Fields, c.field(name))
	}
	k := keys[kind]
	if all(have, k.primary) {
		r.Schema.PrimaryKey = k.primary
	}
	for _, fk := range k.foreign {
		if have[fk.fields] {
			r.Schema.ForeignKeys = append(r.Schema.ForeignKeys, foreignKey{Fields: fk.fields, Reference: reference{Resource: fk.resource, Fields: fk.ref}})
		}
	}
	return r, true, nil
}

func all(have map[string]bool, names []string) bool {
	for _, n := range names {
		if !have[n] {
			return false
		}
	}
	return len(names) > 0
}

// Header returns the column names of a CSV, after its BOM; nil for a file
// with no line at all.
func Header(b []byte) ([]string, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.FieldsPerRecord = -1
	h, err := r.Read()
	if err != nil && len(bytes.TrimSpace(b)) <= len("\uFEFF") {
		return nil, nil
	}
	return h, err
}

// resourceName is the resource's name in the package, which foreign keys
// refer to: lower case letters, digits, "-" (the spec's pattern).
func resourceName(f File) string {
	name := f.Kind
	switch f.Kind {
	case "snapshot", "indicator":
		name += "-" + f.Key
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '.', r == '_':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '-'
	}, name)
}

// resourceTitle names a file in Vietnamese and English.
func resourceTitle(f File, a *analyse.Analysis) (vi, en string) {
	switch f.Kind {
	case "indicators":
		return "Danh mục chỉ số", "Indicator list"
	case "units":
		return "Danh mục đơn vị", "Unit list"
	case "targets":
		return "Mục tiêu và căn cứ", "Targets and their legal basis"
	case "snapshot":
		return "Số liệu kỳ " + f.Key + " (bản sao tệp gốc)", "Figures of " + f.Key + " (copy of the input file)"
	case "indicator":
		if ind, ok := a.Index().Indicator(f.Key); ok {
			return ind.Code + " – " + ind.Name.VI, ind.Code + " – " + ind.Name.In(model.EN)
		}
	case "figures":
		return "Mọi số liệu trang web công bố", "Every figure the site publishes"
	case "corrections":
		return "Mọi đính chính từ trước đến nay", "Every correction so far"
	}
	return f.Key, f.Key
}
