package export_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
	"github.com/minhbach/minhbach/internal/xlsx"
)

const bom = "\uFEFF"

// hostile are the strings every text cell of a download must survive:
// testdata/xss-payloads.txt (a copy of the project's shared list) and the
// formulas of the issue.
func hostile(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "xss-payloads.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// A tab or line break in a cell is refused by the checks, so it never
	// reaches a download.
	out := []string{"=1+1", "+cmd", "@SUM(1)", "-2+3", "-"}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d hostile strings", len(out))
	}
	return out
}

// csvField quotes s for a txtar input file.
func csvField(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// hostileSite has one commune per hostile string, which is its note and
// source in the snapshot, and its name; the indicator's names, definition
// and source and the target's basis are hostile too.
func hostileSite(t *testing.T, payloads []string) string {
	var units, snap strings.Builder
	units.WriteString("code,name_vi,name_en,kind,parent\n064,Huyện Chợ Đồn,Chợ Đồn district,district,\n")
	snap.WriteString("unit,indicator,value,numerator,denominator,note,source\n")
	for i, p := range payloads {
		code := fmt.Sprintf("0%04d", i+1) // leading zeros
		fmt.Fprintf(&units, "%s,%s,%s,commune,064\n", code, csvField("Xã "+p), csvField(p))
		fmt.Fprintf(&snap, "%s,VB01,,%d,%d,%s,%s\n", code, i%7+1, 8, csvField(p), csvField(p))
		if i == 3 {
			snap.WriteString("\n") // a blank line: line numbers must still match
		}
	}
	return `
-- data/indicators.csv --
code,group,name_vi,name_en,unit,direction,definition_vi,definition_en,source_vi,source_en
VB01,van-ban,=1+1,+cmd,percent,up,@SUM(1),-2+3,"=HYPERLINK(""x"")",+SUM(1)
-- data/targets.csv --
indicator,unit,year,value,basis_vi,basis_en
VB01,*,2025,100,=1+1,@SUM(1)
-- data/units.csv --
` + units.String() + `-- data/snapshots/2024-Q4.csv --
` + snap.String()
}

// TestEveryServedCSVIsSafe builds a site whose every text is hostile and
// reads every CSV it serves, in both languages: each starts with a BOM,
// no cell would run as a formula, the hostile strings are all there as
// written once Unsafe is applied, and each figure's file:line source
// points, in the served copy, at the row of its unit.
func TestEveryServedCSVIsSafe(t *testing.T) {
	t.Parallel()
	payloads := hostile(t)
	site := hostileSite(t, payloads)
	b := buildtest.Build(t, site)
	// A second publish with one figure changed: the first one's files are
	// then served again from the history as a release, beside the new
	// release's.
	changed := strings.Replace(site, "\n00001,VB01,,1,8,", "\n00001,VB01,,2,8,", 1)
	if changed == site {
		t.Fatal("the patch changes nothing")
	}
	b.Rebuild(changed)
	var served []string
	err := filepath.WalkDir(b.Dest, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".csv") {
			served = append(served, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// indicators, units, targets, one snapshot; per language one
	// indicator file, figures and corrections; figures and corrections of
	// each of the two releases.
	if len(served) != 4+2*3+2*2 {
		t.Fatalf("%d CSV files served: %v", len(served), served)
	}
	cells := map[string][][]string{}
	for _, p := range served {
		rel, _ := filepath.Rel(b.Dest, p)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte(bom)) {
			t.Errorf("%s: no UTF-8 BOM", rel)
		}
		r := csv.NewReader(bytes.NewReader(data[len(bom):]))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		for i, rec := range recs {
			for j, c := range rec {
				if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
					if _, err := strconv.ParseFloat(c, 64); err != nil {
						t.Errorf("%s:%d: cell %d %q would run as a formula", rel, i+1, j+1, c)
					}
				}
			}
		}
		cells[filepath.ToSlash(rel)] = recs
	}
	// Every hostile string comes through as written.
	files := []string{"du-lieu/figures.csv", "en/du-lieu/figures.csv", "du-lieu/snapshots/2024-Q4.csv", "du-lieu/units.csv"}
	releases := 0
	for name := range cells {
		if strings.HasPrefix(name, route.Release("")) && strings.HasSuffix(name, "/figures.csv") {
			files = append(files, name)
			releases++
		}
	}
	if releases != 2 {
		t.Errorf("%d releases' figures served, want 2", releases)
	}
	for _, file := range files {
		seen := map[string]bool{}
		for _, rec := range cells[file] {
			for _, c := range rec {
				seen[export.Unsafe(c)] = true
			}
		}
		for _, p := range payloads {
			if !seen[p] && !seen["Xã "+p] {
				t.Errorf("%s: %q is not there as written", file, p)
			}
		}
	}
	// Provenance: "data/snapshots/2024-Q4.csv:N" is line N of the copy,
	// blank line included, and that line is the unit's row.
	copyLines := strings.Split(string(b.ReadFile("du-lieu/snapshots/2024-Q4.csv")), "\n")
	origLines := strings.Split(string(must(os.ReadFile(filepath.Join(b.Source, "data/snapshots/2024-Q4.csv")))), "\n")
	if len(copyLines) != len(origLines) {
		t.Fatalf("the copy has %d lines, the original %d", len(copyLines), len(origLines))
	}
	checked := 0
	for _, rec := range cells["du-lieu/figures.csv"][1:] {
		src := export.Unsafe(rec[12])
		file, line, ok := strings.Cut(src, ":")
		if !ok || file != "data/snapshots/2024-Q4.csv" {
			continue
		}
		n, _ := strconv.Atoi(line)
		row, err := csv.NewReader(strings.NewReader(copyLines[n-1])).Read()
		if err != nil || row[0] != rec[1] {
			t.Errorf("source %s of unit %s: line %d of the copy is %q", src, rec[1], n, copyLines[n-1])
		}
		checked++
	}
	if checked != len(payloads) {
		t.Errorf("%d sources checked, want %d", checked, len(payloads))
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestWorkbooks opens every workbook of the sample, in both languages,
// and checks each cell against the figures recomputed from the CSV beside
// it (read as text): codes, periods and reporting counts are text cells
// holding the very string; values are numbers equal to the published
// rounding, shown with the published decimals; numerators and
// denominators are numbers; percents recompute from them. The dictionary
// and about sheets describe the file, whose checksum is the CSV's.
func TestWorkbooks(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	var books []string
	err := filepath.WalkDir(s.Dest, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".xlsx") {
			rel, _ := filepath.Rel(s.Dest, p)
			books = append(books, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// 12 indicators and the figures, in two languages.
	if len(books) != 2*13 {
		t.Fatalf("%d workbooks: %v", len(books), books)
	}
	for _, name := range books {
		lang := model.VI
		if strings.HasPrefix(name, "en/") {
			lang = model.EN
		}
		csvName := strings.TrimSuffix(name, ".xlsx") + ".csv"
		csvData := s.ReadFile(csvName)
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(csvData, []byte(bom))))
		want, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		wb, err := xlsx.Open(s.ReadFile(name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sheets := wb.Sheets()
		dict, about := map[model.Lang]string{model.VI: "Từ điển", model.EN: "Dictionary"}[lang], map[model.Lang]string{model.VI: "Giới thiệu", model.EN: "About"}[lang]
		if len(sheets) != 3 || sheets[1] != dict || sheets[2] != about {
			t.Errorf("%s: sheets %q", name, sheets)
		}
		data, err := wb.Sheet(sheets[0])
		if err != nil {
			t.Fatal(err)
		}
		if len(data.Rows) != len(want) {
			t.Fatalf("%s: %d rows, the CSV %d", name, len(data.Rows), len(want))
		}
		header := want[0]
		col := map[string]int{}
		for i, h := range header {
			col[h] = i
			if got := data.Rows[0][i]; got.Text != h || got.Number {
				t.Errorf("%s: header %d = %+v, want %q", name, i+1, got, h)
			}
		}
		for i, rec := range want[1:] {
			row := data.Rows[i+1]
			at := fmt.Sprintf("%s:%s!row %d", name, sheets[0], i+2)
			cell := func(c string) xlsx.Cell {
				if col[c] < len(row) {
					return row[col[c]]
				}
				return xlsx.Cell{}
			}
			for _, c := range []string{"period", "unit", "unit_name", "parent", "indicator", "method", "reporting", "note", "source"} {
				if got := cell(c); got.Number || got.Text != export.Unsafe(rec[col[c]]) {
					t.Errorf("%s: %s = %+v, want the text %q", at, c, got, rec[col[c]])
				}
			}
			v := cell("value")
			places := 0
			if _, frac, ok := strings.Cut(rec[col["value"]], "."); ok {
				places = len(frac)
			}
			wantV, _ := strconv.ParseFloat(rec[col["value"]], 64)
			wantFormat := "#,##0"
			if places > 0 {
				wantFormat += "." + strings.Repeat("0", places)
			}
			if !v.Number || v.Value != wantV || v.Format != wantFormat {
				t.Errorf("%s: value = %+v, want the number %v shown as %s", at, v, wantV, wantFormat)
			}
			num, den := cell("numerator"), cell("denominator")
			if (rec[col["numerator"]] != "") != num.Number || (rec[col["denominator"]] != "") != den.Number {
				t.Errorf("%s: numerator %+v, denominator %+v, want numbers as in %q", at, num, den, rec)
			}
			// A total recomputes exactly; a unit's own value may differ
			// from its ratio by 0.05 points before rounding, as the input
			// contract allows.
			if num.Number && den.Number && places == 1 {
				got := decimal.Round(100*num.Value/den.Value, 1)
				if rolled := cell("method").Text == "rolled-up"; rolled && got != v.Value || !rolled && math.Abs(got-v.Value) > 0.1+1e-9 {
					t.Errorf("%s: value %v, but 100 × %v / %v rounds to %v", at, v.Value, num.Value, den.Value, got)
				}
			}
		}
		d, err := wb.Sheet(dict)
		if err != nil {
			t.Fatal(err)
		}
		var cols []string
		for _, r := range d.Rows[1:] {
			cols = append(cols, r[0].Text)
			if len(r) != 4 || r[1].Text == "" || r[2].Text == "" || r[3].Text == "" {
				t.Errorf("%s: dictionary row %+v", name, r)
			}
		}
		if !slices.Equal(cols, header) {
			t.Errorf("%s: dictionary lists %q, the data %q", name, cols, header)
		}
		ab, err := wb.Sheet(about)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(csvData)
		var text strings.Builder
		for _, r := range ab.Rows {
			for _, c := range r {
				text.WriteString(c.Text + "\n")
			}
		}
		for _, w := range []string{hex.EncodeToString(sum[:]), "Chợ Đồn", "2025"} {
			if !strings.Contains(text.String(), w) {
				t.Errorf("%s: the about sheet does not say %q:\n%s", name, w, text.String())
			}
		}
		wb.Close()
	}
}
