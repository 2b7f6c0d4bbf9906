package load_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/validate"
)

// origin builds the expected Origin of a row from its cells' columns, in
// the order the columns appear in the file.
func origin(file string, line int, cols []string, at ...int) diag.Origin {
	cells := make([]diag.Place, len(cols))
	for i := range cols {
		cells[i] = diag.Place{Line: line, Column: at[i]}
	}
	return diag.NewColumns(file, cols...).Origin(line, cells...)
}

func ptr(v float64) *float64 { return &v }

// TestDatasetValid loads a small site that uses the format's freedoms (BOM,
// CRLF, columns in another order, quoted commas, decomposed Vietnamese,
// text that looks like markup, a README among the snapshots) and compares
// every field, positions included.
func TestDatasetValid(t *testing.T) {
	ds, err := load.Dataset(os.DirFS("testdata/site"))
	if err != nil {
		t.Fatalf("Dataset: %v", err)
	}
	if err := validate.Dataset(ds, validate.Options{Today: today}); err != nil {
		t.Fatalf("validate.Dataset: %v", err)
	}

	indCols := []string{"code", "unit", "direction", "group", "name_vi", "name_en", "definition_vi", "definition_en", "source_vi", "source_en"}
	unitCols := []string{"code", "name_vi", "name_en", "kind", "parent"}
	snapCols := []string{"unit", "indicator", "value", "numerator", "denominator", "note", "source"}
	const ind, units, q4 = "data/indicators.csv", "data/units.csv", "data/snapshots/2024-12.csv"
	h1 := "data/snapshots/2024-H1.csv"
	want := &model.Dataset{
		Indicators: []model.Indicator{{
			Code: "P1", Group: "ha-tang", Measure: model.Percent, Direction: model.Up,
			Name:       model.Text{VI: "Tỷ lệ máy tính", EN: "Computers"},
			Definition: model.Text{VI: "Số máy, chia cho tổng"},
			Source:     model.Text{VI: "Nguồn"}, // trimmed
			At:         origin(ind, 2, indCols, 1, 4, 12, 15, 23, 38, 48, 72, 73, 83),
		}, {
			Code: "C1", Group: "ha-tang", Measure: model.Count, Direction: model.Down,
			Name: model.Text{VI: "Số máy cũ"}, // NFC: one character for ũ
			At:   origin(ind, 3, indCols, 1, 4, 10, 15, 23, 34, 35, 36, 37, 38),
		}},
		Units: []model.Unit{{
			Code: "064", Name: model.Text{VI: "Huyện Chợ Đồn", EN: "Chợ Đồn district"}, Kind: "district",
			At: origin(units, 2, unitCols, 1, 5, 19, 36, 45),
		}, {
			Code: "02020", Name: model.Text{VI: "</script><script>alert(1)</script>", EN: `{{ .Site }} "__f__"`}, Kind: "township", Parent: "064",
			At: origin(units, 3, unitCols, 1, 7, 42, 66, 75),
		}},
		Targets: []model.Target{{
			Indicator: "P1", Unit: model.AllUnits, Year: 2025, Value: 100,
			Basis: model.Text{VI: "Quyết định 942/QĐ-TTg"},
			At:    origin("data/targets.csv", 2, []string{"indicator", "unit", "year", "value", "basis_vi", "basis_en"}, 1, 4, 6, 11, 15, 37),
		}},
		Snapshots: []model.Snapshot{{
			Period: period.MustParse("2024-H1"), File: h1,
			Observations: []model.Observation{{
				Period: period.MustParse("2024-H1"), Unit: "064", Indicator: "C1", Value: ptr(0),
				At: origin(h1, 2, []string{"indicator", "unit", "value", "numerator", "denominator", "note", "source"}, 1, 4, 8, 10, 11, 12, 13),
			}},
		}, {
			Period: period.MustParse("2024-12"), File: q4,
			Observations: []model.Observation{{
				Period: period.MustParse("2024-12"), Unit: "02020", Indicator: "P1",
				Value: ptr(75), Numerator: ptr(3), Denominator: ptr(4), Source: "UBND",
				At: origin(q4, 2, snapCols, 1, 7, 10, 11, 13, 15, 16),
			}, {
				Period: period.MustParse("2024-12"), Unit: "02020", Indicator: "C1", Note: "chưa báo cáo",
				At: origin(q4, 3, snapCols, 1, 7, 10, 11, 12, 13, 26),
			}, {
				Period: period.MustParse("2024-12"), Unit: "064", Indicator: "P1",
				Value: ptr(92.9), Numerator: ptr(26), Denominator: ptr(28), Note: "Ghi chú, có dấu phẩy",
				At: origin(q4, 4, snapCols, 1, 5, 8, 13, 16, 19, 42),
			}},
		}},
	}
	if diff := cmp.Diff(want, ds); diff != "" {
		t.Errorf("Dataset mismatch (-want +got):\n%s", diff)
	}
}

// site is a valid mini-site; tests replace one file of it.
func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"data/indicators.csv": {Data: []byte("code,group,name_vi,name_en,unit,direction,definition_vi,definition_en,source_vi,source_en\n" +
			"P1,ha-tang,Tỷ lệ,,percent,up,,,,\nC1,ha-tang,Số,,count,down,,,,\n")},
		"data/units.csv":             {Data: []byte("code,name_vi,name_en,kind,parent\nD,Huyện,,district,\nX1,Xã,,commune,D\n")},
		"data/snapshots/2024-Q4.csv": {Data: []byte(snapHeader + "X1,P1,50,,,,\n")},
	}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

const snapHeader = "unit,indicator,value,numerator,denominator,note,source\n"

func errorLines(err error) []string {
	var out []string
	for _, e := range diag.All(err) {
		out = append(out, e.Line("en"))
	}
	return out
}

// TestDatasetRules checks each loader rule on a one-file change, with the
// exact messages staff will read.
func TestDatasetRules(t *testing.T) {
	const s = "data/snapshots/2024-Q4.csv"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"valid, without targets.csv", nil, nil},
		{"targets.csv empty", map[string]string{"data/targets.csv": ""}, []string{
			"data/targets.csv: source-error: empty file: it needs at least the header row"}},
		{"targets header only", map[string]string{"data/targets.csv": "indicator,unit,year,value,basis_vi,basis_en\n"}, nil},
		{"empty file", map[string]string{s: ""}, []string{
			"data/snapshots/2024-Q4.csv: source-error: empty file: it needs at least the header row"}},
		{"only blank lines", map[string]string{s: "\n\n"}, []string{
			"data/snapshots/2024-Q4.csv: source-error: empty file: it needs at least the header row"}},
		{"header only", map[string]string{s: snapHeader}, []string{
			"data/snapshots/2024-Q4.csv: source-error: no data rows: the file has only its header row"}},
		{"only a BOM", map[string]string{"data/units.csv": "\uFEFF"}, []string{
			"data/units.csv: source-error: empty file: it needs at least the header row"}},
		{"utf-16 big endian", map[string]string{s: "\xFE\xFF\x00u"}, []string{
			`data/snapshots/2024-Q4.csv:1:1: encoding-error: the file is saved as UTF-16 ("Unicode Text"): convert the original file with "minhbach import FILE --period 2024-Q4", or save it again as "CSV UTF-8 (Comma delimited)"`}},
		{"windows-1258", map[string]string{s: snapHeader + "X1,P1,50,,,Ch\xd2 \xd0\xf4n,\n"}, []string{
			`data/snapshots/2024-Q4.csv:2:14: encoding-error: not UTF-8 text (byte 0xD2), perhaps Windows-1258: convert the original file with "minhbach import FILE --period 2024-Q4", or save it again as "CSV UTF-8 (Comma delimited)"`}},
		{"semicolons", map[string]string{s: "unit;indicator;value\nX1;P1;50\n"}, []string{
			`data/snapshots/2024-Q4.csv:1:1: format-error: expected commas between columns, but this file uses semicolons (Excel with Vietnamese settings): convert the original file with "minhbach import FILE --period 2024-Q4", or save it again as "CSV UTF-8 (Comma delimited)"`}},
		{"quote in header", map[string]string{s: "unit,indi\"cator\nX1,P1\n"}, []string{
			`data/snapshots/2024-Q4.csv:1:10: format-error: stray quote mark inside a cell: put the whole cell in quotes and write each quote mark inside it twice ("")`}},
		{"unclosed quote after other quoted cells", map[string]string{s: snapHeader + "X1,\"P1\",\"5,0\",,,\"ghi chú\n"}, []string{
			`data/snapshots/2024-Q4.csv:2:17: format-error: quote mark opened here is never closed: close it, or write a quote mark inside a cell twice ("")`}},
		{"missing column drops rows", map[string]string{s: "unit,indicator,value,numerator,denominator,note\nX1,P1,50%,,,\nXX,P1,50,,,\n"}, []string{
			`data/snapshots/2024-Q4.csv:1:1: missing-label: missing column "source": add it to the header row, even if its cells stay empty`,
			`data/snapshots/2024-Q4.csv:2:7: type-error: value "50%": not a number: write 50, without %`}},
		{"columns in any order", map[string]string{s: "source,note,denominator,numerator,value,indicator,unit\n,,,,1O,P1,X1\n"}, []string{
			`data/snapshots/2024-Q4.csv:2:5: type-error: value "1O": not a number: write digits only, with a dot for decimals, such as 12.5`}},
		{"empty indicators and units", map[string]string{"data/indicators.csv": "", "data/units.csv": "", "data/snapshots/2024-Q4.csv": snapHeader + "X1,P1,50,,,,\n"}, []string{
			"data/indicators.csv: source-error: empty file: it needs at least the header row",
			"data/units.csv: source-error: empty file: it needs at least the header row"}},
		{"a snapshot folder of other files", map[string]string{s: "", "data/snapshots/x.xlsx": "PK"}, []string{
			"data/snapshots/2024-Q4.csv: source-error: empty file: it needs at least the header row",
			"data/snapshots/x.xlsx: source-error: not a CSV snapshot: only files named after their period, such as 2024-Q4.csv, belong in data/snapshots"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := load.Dataset(site(tc.files))
			if ds == nil {
				t.Fatal("nil dataset")
			}
			checkErrors(t, err)
			if diff := cmp.Diff(tc.want, errorLines(err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDatasetNoSnapshots(t *testing.T) {
	fsys := site(nil)
	delete(fsys, "data/snapshots/2024-Q4.csv")
	fsys["data/snapshots/README.md"] = &fstest.MapFile{Data: []byte("x")}
	ds, err := load.Dataset(fsys)
	want := []string{"data/snapshots: source-error: no snapshot files: add one CSV file per period, such as data/snapshots/2024-Q4.csv"}
	if diff := cmp.Diff(want, errorLines(err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if len(ds.Indicators) != 2 || len(ds.Units) != 2 {
		t.Errorf("the rest of the dataset should still load: %d indicators, %d units", len(ds.Indicators), len(ds.Units))
	}
}

// TestPartialDataset checks that rows that could be read are returned
// alongside the error, and unreadable ones are not.
func TestPartialDataset(t *testing.T) {
	ds, err := load.Dataset(site(map[string]string{
		"data/snapshots/2024-Q4.csv": snapHeader + "X1,P1,50,,,,\nX1,C1,\"1,5\",,,,\nX1,C1,3,,,,,\nD,C1,,,,,\n",
	}))
	if err == nil {
		t.Fatal("want errors")
	}
	var got []string
	for _, o := range ds.Snapshots[0].Observations {
		got = append(got, o.Unit+"/"+o.Indicator)
	}
	if diff := cmp.Diff([]string{"X1/P1", "D/C1"}, got); diff != "" {
		t.Errorf("observations (-want +got):\n%s", diff)
	}
	if ds.Snapshots[0].Observations[1].Value != nil {
		t.Error("an empty value must stay missing, not zero")
	}
}

// TestRealSite checks the site's own data, when it is there, against the
// contract this package implements.
func TestRealSite(t *testing.T) {
	const root = "../.."
	if _, err := os.Stat(root + "/data/indicators.csv"); err != nil {
		t.Skip("no data/ in the repository yet")
	}
	ds, err := load.Dataset(os.DirFS(root))
	if err != nil {
		t.Fatalf("load:\n%v", err)
	}
	if err := validate.Dataset(ds, validate.Options{}); err != nil {
		t.Fatalf("validate:\n%v", err)
	}
	if len(ds.Indicators) == 0 || len(ds.Units) == 0 || len(ds.Snapshots) == 0 {
		t.Errorf("empty dataset: %d indicators, %d units, %d snapshots", len(ds.Indicators), len(ds.Units), len(ds.Snapshots))
	}
}

// TestCellAfterLineBreak points at a cell that follows a quoted line break
// on the line where it starts, not on the row's first line: the row still
// reaches the model (a note is only text), and validation reports its
// value.
func TestCellAfterLineBreak(t *testing.T) {
	fsys := site(map[string]string{"data/snapshots/2024-Q4.csv": "unit,indicator,note,value,numerator,denominator,source\n" +
		"X1,P1,\"a\nb\",150,,,\n"})
	ds, err := load.Dataset(fsys)
	got := errorLines(err)
	got = append(got, errorLines(validate.Dataset(ds, validate.Options{}))...)
	want := []string{
		`data/snapshots/2024-Q4.csv:2:7: forbidden-char: note "a\nb": contains a line break: keep the text of a cell on one line`,
		`data/snapshots/2024-Q4.csv:3:4: constraint-error: value "150": out of range: P1 is a percent, from 0 to 100`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	o := ds.Snapshots[0].Observations[0].At
	if o.Row.Line != 2 || o.Cell("unit").Line != 2 || o.Cell("source").Line != 3 {
		t.Errorf("origin: row %v, unit %v, source %v", o.Row, o.Cell("unit"), o.Cell("source"))
	}
}

// TestManyRows reads a snapshot of several chunks of rows, with problems
// on either side of a chunk's end: every row is read once, with the right
// positions, and the bad ones stay out.
func TestManyRows(t *testing.T) {
	const n = 10000
	var b strings.Builder
	b.WriteString(snapHeader)
	for i := range n {
		line := i + 2
		switch line {
		case 4097, 4098, 8194, n + 1:
			fmt.Fprintf(&b, "X1,P1,%d%%,,,,\n", line%100)
		case 4099:
			b.WriteString("X1,P1,50,,,\n")
		default:
			fmt.Fprintf(&b, "X1,P1,%d,,,,%d\n", line%100, line)
		}
	}
	ds, err := load.Dataset(site(map[string]string{"data/snapshots/2024-Q4.csv": b.String()}))
	want := []string{
		`data/snapshots/2024-Q4.csv:4097:7: type-error: value "97%": not a number: write 97, without %`,
		`data/snapshots/2024-Q4.csv:4098:7: type-error: value "98%": not a number: write 98, without %`,
		`data/snapshots/2024-Q4.csv:4099:12: missing-cell: missing cell: this row has 6 cells but the header has 7 columns; a comma inside a cell needs quotes around the cell`,
		`data/snapshots/2024-Q4.csv:8194:7: type-error: value "94%": not a number: write 94, without %`,
		`data/snapshots/2024-Q4.csv:10001:7: type-error: value "1%": not a number: write 1, without %`,
	}
	if diff := cmp.Diff(want, errorLines(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	obs := ds.Snapshots[0].Observations
	if len(obs) != n-5 {
		t.Fatalf("%d observations, want %d", len(obs), n-5)
	}
	for _, o := range obs {
		line := o.At.Row.Line
		if o.Source != strconv.Itoa(line) || *o.Value != float64(line%100) {
			t.Fatalf("line %d read as value %v, source %q", line, *o.Value, o.Source)
		}
		if got, want := o.At.Cell("source"), (diag.Position{File: "data/snapshots/2024-Q4.csv", Line: line, Column: 11 + len(strconv.Itoa(line%100))}); got != want {
			t.Fatalf("source cell at %v, want %v", got, want)
		}
	}
}
