package build_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/route"
)

// The machine-readable downloads of the sample, read back from the built
// site as a consumer would: the data package, SHA256SUMS, the zip, the JSON
// per indicator and the schema.org Datasets of the pages.

// dataFiles lists the downloads under du-lieu/ (the data page's own HTML
// excluded), as slash paths relative to it.
func dataFiles(t *testing.T, dest string, lang ...string) []string {
	t.Helper()
	l := "vi"
	if len(lang) > 0 {
		l = lang[0]
	}
	root := filepath.Join(dest, filepath.FromSlash(route.DataFolder(l)))
	releases := filepath.Join(dest, filepath.FromSlash(route.InLang(l, path.Dir(route.Release("x")))))
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p == releases {
				return filepath.SkipDir // each release has its own SHA256SUMS
			}
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		if rel != "index.html" {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

type dpField struct {
	Name, Type, Title, Description string
	TitleVI                        string `json:"title_vi"`
	DescriptionVI                  string `json:"description_vi"`
}

type dpResource struct {
	Name, Path, Profile, Hash string
	Bytes                     int
	Schema                    struct {
		Fields      []dpField
		PrimaryKey  []string
		ForeignKeys []struct {
			Fields    string
			Reference struct{ Resource, Fields string }
		}
	}
}

// TestSampleDataPackage: datapackage.json is consistent with the files it
// describes: each resource exists with its size and hash, its fields are
// the file's header, every column is typed and described in both
// languages, primary keys are unique and foreign keys resolve; every CSV
// published is in it. (scripts/check-downloads.sh runs Frictionless' own
// validator on the same files.)
func TestSampleDataPackage(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	var dp struct {
		Profile   string
		Licenses  []struct{ Path, Title, TitleVI string }
		Sources   []struct{ Title string }
		Resources []dpResource
	}
	if err := json.Unmarshal(s.ReadFile("du-lieu/datapackage.json"), &dp); err != nil {
		t.Fatal(err)
	}
	if dp.Profile != "tabular-data-package" {
		t.Errorf("profile %q", dp.Profile)
	}
	if len(dp.Licenses) != 1 || !strings.Contains(dp.Licenses[0].Title, "47/2020") || dp.Licenses[0].Path != "https://chodon.example.invalid/du-lieu/" {
		t.Errorf("licences %+v: want the site's licence (hugo.toml), at the data page", dp.Licenses)
	}
	if len(dp.Sources) == 0 {
		t.Error("no sources")
	}
	rows := map[string][][]string{} // resource name → records
	byName := map[string]dpResource{}
	var paths []string
	for _, r := range dp.Resources {
		byName[r.Name] = r
		paths = append(paths, r.Path)
		b := s.ReadFile("du-lieu/" + r.Path)
		if r.Bytes != len(b) || r.Hash != "sha256:"+sha(b) {
			t.Errorf("%s: bytes %d hash %s; the file has %d bytes, sha256:%s", r.Path, r.Bytes, r.Hash, len(b), sha(b))
		}
		recs := readCSV(t, b)
		rows[r.Name] = recs
		var names []string
		for _, f := range r.Schema.Fields {
			names = append(names, f.Name)
			if f.Type == "" || f.Title == "" || f.TitleVI == "" || f.Description == "" || f.DescriptionVI == "" {
				t.Errorf("%s: field %+v lacks a type, or a title or description in either language", r.Path, f)
			}
		}
		if !slices.Equal(names, recs[0]) {
			t.Errorf("%s: fields %v, header %v", r.Path, names, recs[0])
		}
		if len(r.Schema.PrimaryKey) == 0 && r.Name != "corrections" {
			t.Errorf("%s: no primary key", r.Path)
		}
	}
	col := func(recs [][]string, name string) int { return slices.Index(recs[0], name) }
	for _, r := range dp.Resources {
		recs := rows[r.Name]
		seen := map[string]int{}
		for i, rec := range recs[1:] {
			var k []string
			for _, f := range r.Schema.PrimaryKey {
				k = append(k, rec[col(recs, f)])
			}
			if prev, dup := seen[strings.Join(k, "\x00")]; dup {
				t.Errorf("%s: rows %d and %d share the primary key %v", r.Path, prev+2, i+2, k)
			}
			seen[strings.Join(k, "\x00")] = i
		}
		for _, fk := range r.Schema.ForeignKeys {
			ref := fk.Reference.Resource
			if ref == "" {
				ref = r.Name
			}
			target, ok := rows[ref]
			if !ok {
				t.Errorf("%s: foreign key to unknown resource %q", r.Path, ref)
				continue
			}
			have := map[string]bool{}
			for _, rec := range target[1:] {
				have[rec[col(target, fk.Reference.Fields)]] = true
			}
			for i, rec := range recs[1:] {
				if v := rec[col(recs, fk.Fields)]; v != "" && !have[v] {
					t.Errorf("%s:%d: %s %q is no %s of %s", r.Path, i+2, fk.Fields, v, fk.Reference.Fields, ref)
				}
			}
		}
	}
	for _, want := range []string{"snapshot-2024-q4", "indicator-vb01", "figures", "units", "indicators", "targets", "corrections"} {
		if _, ok := byName[want]; !ok {
			t.Errorf("no resource %s", want)
		}
	}
	if fks := byName["figures"].Schema.ForeignKeys; len(fks) != 3 {
		t.Errorf("figures.csv: foreign keys %+v, want unit, parent and indicator", fks)
	}
	for _, f := range dataFiles(t, s.Dest) {
		if path.Ext(f) == ".csv" && !slices.Contains(paths, f) {
			t.Errorf("%s is published but not in datapackage.json", f)
		}
	}
}

// TestSampleChecksums runs the check of `sha256sum -c SHA256SUMS` in the
// data folder, and checks that it covers every download.
func TestSampleChecksums(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	for _, lang := range []string{"vi", "en"} {
		dir := route.DataFolder(lang) + "/"
		sums := s.ReadFile(dir + "SHA256SUMS")
		var listed []string
		sc := bufio.NewScanner(bytes.NewReader(sums))
		for sc.Scan() {
			sum, name, ok := strings.Cut(sc.Text(), "  ")
			if !ok || len(sum) != 64 || strings.HasPrefix(sc.Text(), `\`) {
				t.Fatalf("line %q is not `<sha256>  <name>`", sc.Text())
			}
			if got := sha(s.ReadFile(dir + name)); got != sum {
				t.Errorf("%s%s: FAILED (listed %s, is %s)", dir, name, sum, got)
			}
			listed = append(listed, name)
		}
		if !slices.IsSorted(listed) {
			t.Errorf("%sSHA256SUMS is not sorted by name", dir)
		}
		all := dataFiles(t, s.Dest, lang)
		all = slices.DeleteFunc(all, func(f string) bool { return f == "SHA256SUMS" })
		slices.Sort(all)
		if !slices.Equal(listed, all) {
			t.Errorf("%sSHA256SUMS lists\n%v\nthe data folder has\n%v", dir, listed, all)
		}
		want := []string{"datapackage.json", "chi-so/vb01.csv", "figures.csv", "figures.xlsx", "corrections.csv"}
		if lang == "vi" {
			want = append(want, "du-lieu.zip", "units.csv", "chi-so/vb01.json")
		}
		for _, w := range want {
			if !slices.Contains(listed, w) {
				t.Errorf("%sSHA256SUMS lacks %s", dir, w)
			}
		}
	}
}

// TestSampleBundle: the zip holds every other download as published and
// every input file as written, sorted, with one fixed time.
func TestSampleBundle(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	b := s.ReadFile("du-lieu/du-lieu.zip")
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: time %v, want the fixed 1980-01-01", f.Name, f.Modified)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var want []byte
		if in, ok := strings.CutPrefix(f.Name, "ban-goc/"); ok {
			want, err = os.ReadFile(filepath.Join(s.Source, filepath.FromSlash(in)))
			if err != nil {
				t.Fatal(err)
			}
		} else if en, ok := strings.CutPrefix(f.Name, "en/"); ok {
			want = s.ReadFile("en/du-lieu/" + en)
		} else {
			want = s.ReadFile("du-lieu/" + f.Name)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the zip's bytes differ from the file's", f.Name)
		}
	}
	if !slices.IsSorted(names) {
		t.Error("entries are not sorted")
	}
	var want []string
	for _, f := range dataFiles(t, s.Dest) {
		if f != "du-lieu.zip" && f != "SHA256SUMS" {
			want = append(want, f)
		}
	}
	for _, f := range dataFiles(t, s.Dest, "en") {
		if f != "SHA256SUMS" {
			want = append(want, "en/"+f)
		}
	}
	inputs, _ := filepath.Glob(filepath.Join(s.Source, "data", "snapshots", "*.csv"))
	for _, in := range append(inputs, filepath.Join(s.Source, "data", "indicators.csv"), filepath.Join(s.Source, "data", "units.csv"), filepath.Join(s.Source, "data", "targets.csv")) {
		rel, _ := filepath.Rel(s.Source, in)
		want = append(want, "ban-goc/"+filepath.ToSlash(rel))
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("entries\n%v\nwant\n%v", names, want)
	}
}

// TestSampleIndicatorJSON: the JSON of an indicator has the CSV's rows,
// with the very numbers of its cells, and a fixed key order.
func TestSampleIndicatorJSON(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	raw := s.ReadFile("du-lieu/chi-so/vb01.json")
	if !bytes.HasPrefix(raw, []byte(`{"indicator":{"code":"VB01","group":`)) {
		t.Errorf("key order: the file starts %.60s", raw)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc struct {
		Indicator struct {
			Code, Measure string
			Decimals      int
			Name          struct{ VI, EN string }
		}
		CSV     string
		Units   []struct{ Code string }
		Targets []struct{ Year int }
		Series  []map[string]any
	}
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.Indicator.Code != "VB01" || doc.Indicator.Measure != "percent" || doc.Indicator.Decimals != 1 || doc.Indicator.Name.EN == "" {
		t.Errorf("indicator %+v", doc.Indicator)
	}
	if doc.CSV != "vb01.csv" || len(doc.Targets) != 1 || len(doc.Units) != 29 {
		t.Errorf("csv %q, %d targets, %d units; want vb01.csv, 1, 29", doc.CSV, len(doc.Targets), len(doc.Units))
	}
	recs := readCSV(t, s.ReadFile("du-lieu/chi-so/vb01.csv"))
	if len(doc.Series) != len(recs)-1 {
		t.Fatalf("%d series rows, the CSV has %d", len(doc.Series), len(recs)-1)
	}
	for i, rec := range recs[1:] {
		row := doc.Series[i]
		for j, name := range recs[0] {
			v, in := row[name]
			if !in {
				continue // unit_name and indicator live in units and indicator
			}
			var got string
			switch v := v.(type) {
			case nil:
			case json.Number:
				got = v.String()
			case string:
				got = v
			}
			want := strings.TrimPrefix(rec[j], "'") // the CSV's formula guard
			if got != want {
				t.Errorf("row %d %s: JSON %q, CSV %q", i+2, name, got, rec[j])
			}
		}
	}
	if _, ok := doc.Series[0]["value"].(json.Number); !ok {
		t.Errorf("value %T, want a JSON number", doc.Series[0]["value"])
	}
}

// ldScripts returns the JSON-LD islands of a page.
func ldScripts(t *testing.T, s *buildtest.Builder, page string) []string {
	t.Helper()
	var out []string
	for _, n := range buildtest.Select(s.HTML(page), `script[type="application/ld+json"]`) {
		out = append(out, n.FirstChild.Data)
	}
	return out
}

type ldDataset struct {
	Context          string `json:"@context"`
	Type             string `json:"@type"`
	Name             string
	Description      string
	License          struct{ Name, URL string }
	Creator          struct{ Name string }
	TemporalCoverage string
	SpatialCoverage  struct{ Name string }
	VariableMeasured []string
	Distribution     []struct {
		Type           string `json:"@type"`
		EncodingFormat string
		ContentURL     string
	}
}

// TestSampleJSONLD: the data page and each indicator page carry one
// schema.org Dataset that parses, with the properties search engines ask
// for, and downloads that exist.
func TestSampleJSONLD(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	for _, tc := range []struct {
		page, name string
		formats    []string
	}{
		{"du-lieu/index.html", "Chính quyền số huyện Chợ Đồn: dữ liệu", []string{"application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", "text/csv"}},
		{"en/du-lieu/index.html", "Chợ Đồn district digital government: data", []string{"application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", "text/csv"}},
		{"chi-so/vb01/index.html", "Tỷ lệ văn bản trao đổi dưới dạng điện tử được ký số", []string{"application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"}},
		{"en/chi-so/vb01/index.html", "", []string{"application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"}},
	} {
		scripts := ldScripts(t, s, tc.page)
		if len(scripts) != 1 {
			t.Fatalf("%s: %d JSON-LD scripts, want 1", tc.page, len(scripts))
		}
		var d ldDataset
		if err := json.Unmarshal([]byte(scripts[0]), &d); err != nil {
			t.Fatalf("%s: JSON-LD does not parse: %v", tc.page, err)
		}
		if d.Context != "https://schema.org" || d.Type != "Dataset" {
			t.Errorf("%s: @context %q @type %q", tc.page, d.Context, d.Type)
		}
		if tc.name != "" && d.Name != tc.name {
			t.Errorf("%s: name %q, want %q", tc.page, d.Name, tc.name)
		}
		if d.Description == "" || d.License.Name == "" || d.License.URL == "" || d.Creator.Name == "" || d.SpatialCoverage.Name == "" {
			t.Errorf("%s: missing description, licence, creator or place: %+v", tc.page, d)
		}
		if d.TemporalCoverage != "2023-01-01/2024-12-31" {
			t.Errorf("%s: temporalCoverage %q, want the 8 quarters 2023-01-01/2024-12-31", tc.page, d.TemporalCoverage)
		}
		var formats []string
		for _, dl := range d.Distribution {
			if !slices.Contains(formats, dl.EncodingFormat) {
				formats = append(formats, dl.EncodingFormat)
			}
			p, ok := strings.CutPrefix(dl.ContentURL, "https://chodon.example.invalid/")
			if dl.Type != "DataDownload" || !ok {
				t.Errorf("%s: distribution %+v", tc.page, dl)
				continue
			}
			if _, err := os.Stat(filepath.Join(s.Dest, filepath.FromSlash(p))); err != nil {
				t.Errorf("%s: contentUrl %s: %v", tc.page, dl.ContentURL, err)
			}
		}
		slices.Sort(formats)
		if !slices.Equal(formats, tc.formats) {
			t.Errorf("%s: formats %v, want %v", tc.page, formats, tc.formats)
		}
	}
}

// TestHostileNamesInJSONLD: names from the input files are data in the
// JSON-LD, whatever they hold: no script can be closed from inside, and
// the names parse back as written (Hugo's minifier left the escapes).
func TestHostileNamesInJSONLD(t *testing.T) {
	t.Parallel()
	hostile := payloads(t)
	b, _ := hostileSample(t)
	codes := hostileNames.indicators // indicator code → its payload name; the district is named hostile[0]
	for code, name := range codes {
		for _, page := range []string{"chi-so/" + strings.ToLower(code) + "/index.html", "en/chi-so/" + strings.ToLower(code) + "/index.html"} {
			for _, sc := range buildtest.Select(b.HTML(page), "script") {
				// As a browser parses the page: every script is a file or
				// an inert island, none made by a name.
				if typ := buildtest.Attr(sc, "type"); buildtest.Attr(sc, "src") == "" && typ != "application/json" && typ != "application/ld+json" {
					t.Errorf("%s: executable inline script %q", page, buildtest.Text(sc))
				}
			}
			for _, ld := range ldScripts(t, b, page) {
				if strings.ContainsAny(ld, "<>") {
					t.Errorf("%s: JSON-LD holds a raw < or >: %.120s", page, ld)
				}
				var d ldDataset
				if err := json.Unmarshal([]byte(ld), &d); err != nil {
					t.Fatalf("%s: %v", page, err)
				}
				if d.Name != name || d.Description != name && !strings.HasPrefix(page, "en/") || d.SpatialCoverage.Name != hostile[0] {
					t.Errorf("%s: name %q, description %q, place %q; want %q and %q", page, d.Name, d.Description, d.SpatialCoverage.Name, name, hostile[0])
				}
			}
		}
	}
	for _, page := range []string{"du-lieu/index.html", "en/du-lieu/index.html"} {
		for _, ld := range ldScripts(t, b, page) {
			var d ldDataset
			if err := json.Unmarshal([]byte(ld), &d); err != nil || strings.ContainsAny(ld, "<>") {
				t.Fatalf("%s: JSON-LD %.120s: %v", page, ld, err)
			}
			if len(d.VariableMeasured) != len(codes) || !slices.Contains(d.VariableMeasured, hostile[0]) {
				t.Errorf("%s: variableMeasured %q", page, d.VariableMeasured)
			}
		}
	}
}

// TestSampleCitableAnchors: each figure row of an indicator page has an
// anchor that names its unit and period; the old unit anchor still lands
// on the unit's row; the reports link to the new form.
func TestSampleCitableAnchors(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	doc := s.HTML("chi-so/vb01/index.html")
	row := buildtest.Select(doc, "tr#u-02020-2024-q4")
	if len(row) != 1 || len(buildtest.Select(row[0], "th#u-02020")) != 1 {
		t.Error("the unit row: want tr#u-02020-2024-q4 holding th#u-02020 (the old anchor)")
	}
	if len(buildtest.Select(doc, "tr#p-2024-q4 th#u-064-2024-q4")) != 1 {
		t.Error("the district's row of 2024-Q4: want tr#p-2024-q4 holding th#u-064-2024-q4")
	}
	if len(buildtest.Select(doc, "th#u-064-2023-q1")) != 1 {
		t.Error("no anchor for the district's 2023-Q1 figure")
	}
	var unitLinks int
	for _, a := range buildtest.Select(s.HTML("bao-cao/2024-q4/index.html"), "a") {
		href := buildtest.Attr(a, "href")
		if _, frag, ok := strings.Cut(href, "#u-"); ok {
			unitLinks++
			if !strings.HasSuffix(frag, "-2024-q4") {
				t.Errorf("report link %s: the anchor does not name the period", href)
			}
		}
	}
	if unitLinks == 0 {
		t.Error("the report links to no unit's figure")
	}
}
