package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

const bom = "\uFEFF"

// The input files, as staff would publish them. units.csv has Windows line
// endings and no final line break, as some editors save it.
const (
	indicatorsCSV = "code,group,name_vi,name_en,unit,direction,definition_vi,definition_en,source_vi,source_en\n" +
		"P1,dvc,Tỷ lệ hồ sơ trực tuyến,Online applications,percent,up,,,,\n" +
		"C1,dvc,Số hồ sơ trễ hạn,Late applications,count,down,,,,\n" +
		"N1,dvc,Điểm chỉ số,Index score,number,up,,,,\n"
	unitsCSV = "code,name_vi,name_en,kind,parent\r\n" +
		"064,Huyện Chợ Đồn,Chợ Đồn district,district,\r\n" +
		`A,"Xã Đồng Lạc, ""Nà Pài""",Đồng Lạc commune,commune,064` + "\r\n" +
		"B,Xã Yên Thịnh,Yên Thịnh commune,commune,064"
	targetsCSV = "indicator,unit,year,value,basis_vi,basis_en\n" +
		"P1,*,2025,95,Quyết định số 942/QĐ-TTg,Decision 942/QĐ-TTg\n"
	q3CSV = "unit,indicator,value,numerator,denominator,note,source\n" +
		"A,P1,92.9,26,28,,UBND xã\n" +
		"A,C1,3,,,,\n" +
		"B,C1,,,,chưa báo cáo,\n" +
		"A,N1,-2.5,,,-5 so với quý trước,\n"
	q4CSV = "unit,indicator,value,numerator,denominator,note,source\n" +
		"A,P1,90,27,30,=1+1,\n" +
		"B,P1,83.3,25,30,@ghi chú,\n" +
		"A,C1,4,,,,\n" +
		"B,C1,5,,,+1 so với quý III,\n" +
		"B,N1,1.25,,,,\n"
)

const unitA = `Xã Đồng Lạc, "Nà Pài"`

func f(v float64) *float64 { return &v }

func obs(p, unit, ind string, line int, value, num, den *float64, note string) model.Observation {
	file := "data/snapshots/" + p + ".csv"
	return model.Observation{
		Period: period.MustParse(p), Unit: unit, Indicator: ind,
		Value: value, Numerator: num, Denominator: den, Note: note,
		At: diag.Origin{Row: diag.Position{File: file, Line: line, Column: 1}},
	}
}

// dataset is what the loader would read from the files above.
func dataset(withTargets bool) *model.Dataset {
	ds := &model.Dataset{
		Indicators: []model.Indicator{
			{Code: "P1", Name: model.Text{VI: "Tỷ lệ hồ sơ trực tuyến", EN: "Online applications"}, Measure: model.Percent, Direction: model.Up},
			{Code: "C1", Name: model.Text{VI: "Số hồ sơ trễ hạn", EN: "Late applications"}, Measure: model.Count, Direction: model.Down},
			{Code: "N1", Name: model.Text{VI: "Điểm chỉ số", EN: "Index score"}, Measure: model.Number, Direction: model.Up},
		},
		Units: []model.Unit{
			{Code: "064", Name: model.Text{VI: "Huyện Chợ Đồn", EN: "Chợ Đồn district"}, Kind: "district"},
			{Code: "A", Name: model.Text{VI: unitA, EN: "Đồng Lạc commune"}, Kind: "commune", Parent: "064"},
			{Code: "B", Name: model.Text{VI: "Xã Yên Thịnh", EN: "Yên Thịnh commune"}, Kind: "commune", Parent: "064"},
		},
		Snapshots: []model.Snapshot{
			{Period: period.MustParse("2024-Q3"), File: "data/snapshots/2024-Q3.csv", Observations: []model.Observation{
				obs("2024-Q3", "A", "P1", 2, f(92.9), f(26), f(28), ""),
				obs("2024-Q3", "A", "C1", 3, f(3), nil, nil, ""),
				obs("2024-Q3", "B", "C1", 4, nil, nil, nil, "chưa báo cáo"),
				obs("2024-Q3", "A", "N1", 5, f(-2.5), nil, nil, "-5 so với quý trước"),
			}},
			{Period: period.MustParse("2024-Q4"), File: "data/snapshots/2024-Q4.csv", Observations: []model.Observation{
				obs("2024-Q4", "A", "P1", 2, f(90), f(27), f(30), "=1+1"),
				obs("2024-Q4", "B", "P1", 3, f(83.3), f(25), f(30), "@ghi chú"),
				obs("2024-Q4", "A", "C1", 4, f(4), nil, nil, ""),
				obs("2024-Q4", "B", "C1", 5, f(5), nil, nil, "+1 so với quý III"),
				obs("2024-Q4", "B", "N1", 6, f(1.25), nil, nil, ""),
			}},
		},
	}
	if withTargets {
		ds.Targets = []model.Target{{Indicator: "P1", Unit: model.AllUnits, Year: 2025, Value: 95}}
	}
	return ds
}

func siteFS(withTargets bool) fstest.MapFS {
	fsys := fstest.MapFS{
		"data/indicators.csv":         {Data: []byte(indicatorsCSV)},
		"data/units.csv":              {Data: []byte(unitsCSV)},
		"data/snapshots/2024-Q3.csv":  {Data: []byte(q3CSV)},
		"data/snapshots/2024-Q4.csv":  {Data: []byte(q4CSV)},
		"data/snapshots/README.md":    {Data: []byte("notes")},
		"content/_index.vi.md":        {Data: []byte("---\n---\n")},
		"data/snapshots/2024-Q2.csv~": {Data: []byte("backup")},
	}
	if withTargets {
		fsys["data/targets.csv"] = &fstest.MapFile{Data: []byte(targetsCSV)}
	}
	return fsys
}

// The expected per-indicator files. Values are as published: rounded half
// away from zero to the measure's decimals (percent 1, count 0, number
// 2); roll-ups of the percent are 100*Σnumerator/Σdenominator, so
// 100*26/28 = 92.857… → 92.9 and 100*(27+25)/(30+30) = 86.666… → 86.7.
// Text is quoted, and Safe; numbers are bare.
const header = `"period","unit","unit_name","parent","indicator","value","numerator","denominator","method","reporting","note","source"` + "\n"

const rolledUp = `"tổng hợp từ các dòng cùng kỳ của các đơn vị trực thuộc 064"`

var wantIndicatorCSV = map[string]string{
	"P1": bom + header +
		`"2024-Q3","064","Huyện Chợ Đồn",,"P1",92.9,26,28,"rolled-up","1/2",,` + rolledUp + "\n" +
		`"2024-Q4","064","Huyện Chợ Đồn",,"P1",86.7,52,60,"rolled-up","2/2",,` + rolledUp + "\n" +
		`"2024-Q3","A","Xã Đồng Lạc, ""Nà Pài""","064","P1",92.9,26,28,"reported",,,"data/snapshots/2024-Q3.csv:2"` + "\n" +
		`"2024-Q4","A","Xã Đồng Lạc, ""Nà Pài""","064","P1",90.0,27,30,"reported",,"'=1+1","data/snapshots/2024-Q4.csv:2"` + "\n" +
		`"2024-Q4","B","Xã Yên Thịnh","064","P1",83.3,25,30,"reported",,"'@ghi chú","data/snapshots/2024-Q4.csv:3"` + "\n",
	// Q3 has no district total: one commune of two reported, and a
	// partial sum would understate it.
	"C1": bom + header +
		`"2024-Q4","064","Huyện Chợ Đồn",,"C1",9,,,"rolled-up","2/2",,` + rolledUp + "\n" +
		`"2024-Q3","A","Xã Đồng Lạc, ""Nà Pài""","064","C1",3,,,"reported",,,"data/snapshots/2024-Q3.csv:3"` + "\n" +
		`"2024-Q4","A","Xã Đồng Lạc, ""Nà Pài""","064","C1",4,,,"reported",,,"data/snapshots/2024-Q4.csv:4"` + "\n" +
		`"2024-Q4","B","Xã Yên Thịnh","064","C1",5,,,"reported",,"'+1 so với quý III","data/snapshots/2024-Q4.csv:5"` + "\n",
	// Numbers are not rolled up; a negative value is a number, not a formula.
	"N1": bom + header +
		`"2024-Q3","A","Xã Đồng Lạc, ""Nà Pài""","064","N1",-2.50,,,"reported",,"'-5 so với quý trước","data/snapshots/2024-Q3.csv:5"` + "\n" +
		`"2024-Q4","B","Xã Yên Thịnh","064","N1",1.25,,,"reported",,,"data/snapshots/2024-Q4.csv:6"` + "\n",
}

func TestFiles(t *testing.T) {
	t.Parallel()
	for _, withTargets := range []bool{false, true} {
		name := "without targets.csv"
		if withTargets {
			name = "with targets.csv"
		}
		t.Run(name, func(t *testing.T) {
			fsys := siteFS(withTargets)
			files, err := Files(context.Background(), fsys, analyse.Run(dataset(withTargets)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			type meta struct {
				Path, Kind, Key, Format string
				Lang                    model.Lang
				Rows                    int
			}
			want := []meta{
				{"du-lieu/indicators.csv", "indicators", "", "csv", "", 3},
				{"du-lieu/units.csv", "units", "", "csv", "", 3},
			}
			if withTargets {
				want = append(want, meta{"du-lieu/targets.csv", "targets", "", "csv", "", 1})
			}
			want = append(want,
				meta{"du-lieu/snapshots/2024-Q3.csv", "snapshot", "2024-Q3", "csv", "", 4},
				meta{"du-lieu/snapshots/2024-Q4.csv", "snapshot", "2024-Q4", "csv", "", 5},
			)
			for _, lang := range model.Langs {
				dir := map[model.Lang]string{model.VI: "", model.EN: "en/"}[lang]
				want = append(want,
					meta{dir + "du-lieu/chi-so/p1.csv", "indicator", "P1", "csv", lang, 5},
					meta{dir + "du-lieu/chi-so/p1.xlsx", "indicator", "P1", "xlsx", lang, 5},
					meta{dir + "du-lieu/chi-so/c1.csv", "indicator", "C1", "csv", lang, 4},
					meta{dir + "du-lieu/chi-so/c1.xlsx", "indicator", "C1", "xlsx", lang, 4},
					meta{dir + "du-lieu/chi-so/n1.csv", "indicator", "N1", "csv", lang, 2},
					meta{dir + "du-lieu/chi-so/n1.xlsx", "indicator", "N1", "xlsx", lang, 2},
					meta{dir + "du-lieu/figures.csv", "figures", "", "csv", lang, 5 + 4 + 2},
					meta{dir + "du-lieu/figures.xlsx", "figures", "", "xlsx", lang, 5 + 4 + 2},
				)
			}
			var got []meta
			for _, f := range files {
				got = append(got, meta{f.Path, f.Kind, f.Key, f.Format, f.Lang, f.Rows})
			}
			if !slices.Equal(got, want) {
				t.Fatalf("files =\n%+v\nwant\n%+v", got, want)
			}
			inputs, err := Inputs(fsys, dataset(withTargets))
			if err != nil {
				t.Fatal(err)
			}
			for _, in := range inputs {
				// The originals, for the bulk archive, byte for byte.
				if !bytes.Equal(in.Data, fsys[in.Name].Data) {
					t.Errorf("Inputs: %s is not byte for byte the file", in.Name)
				}
			}
			for _, f := range files {
				sum := sha256.Sum256(f.Data)
				if f.SHA256 != hex.EncodeToString(sum[:]) || len(f.SHA256) != 64 {
					t.Errorf("%s: SHA256 = %q, not the hex digest of Data", f.Path, f.SHA256)
				}
				if f.Kind == "indicator" && f.Format == "csv" && f.Lang == model.VI {
					if w := wantIndicatorCSV[f.Key]; string(f.Data) != w {
						t.Errorf("%s =\n%s\nwant\n%s", f.Path, f.Data, w)
					}
					continue
				}
				if f.Input == "" {
					continue // derived: TestFiguresFile, TestWorkbooks
				}
				// A copy holds the original's cells, line for line.
				if f.Path != route.InputCopy(f.Input) {
					t.Errorf("%s is the copy of %s", f.Path, f.Input)
				}
				orig := strings.Split(strings.TrimRight(string(fsys[f.Input].Data), "\r\n"), "\n")
				copied := strings.Split(strings.TrimRight(strings.TrimPrefix(string(f.Data), bom), "\r\n"), "\n")
				if len(orig) != len(copied) {
					t.Fatalf("%s: %d lines, the original %d", f.Path, len(copied), len(orig))
				}
				for i := range orig {
					o, c := records(t, orig[i]), records(t, copied[i])
					for j := range c {
						c[j] = Unsafe(c[j])
					}
					if !slices.Equal(o, c) {
						t.Errorf("%s:%d = %q, the original %q", f.Path, i+1, c, o)
					}
				}
			}
		})
	}
}

// records parses one CSV line.
func records(t *testing.T, line string) []string {
	t.Helper()
	rec, err := csv.NewReader(strings.NewReader(line)).Read()
	if err != nil {
		t.Fatalf("%q: %v", line, err)
	}
	return rec
}

// TestIndicatorCSVReadsBack parses the derived files as a journalist's tool
// would and recomputes each roll-up from its own columns.
func TestIndicatorCSVReadsBack(t *testing.T) {
	t.Parallel()
	files, err := Files(context.Background(), siteFS(false), analyse.Run(dataset(false)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{"064": "Huyện Chợ Đồn", "A": unitA, "B": "Xã Yên Thịnh"}
	for _, f := range files {
		if f.Kind != "indicator" || f.Format != "csv" || f.Lang != model.VI {
			continue
		}
		if !bytes.HasPrefix(f.Data, []byte(bom)) {
			t.Fatalf("%s does not start with the UTF-8 BOM", f.Path)
		}
		recs, err := csv.NewReader(bytes.NewReader(f.Data[len(bom):])).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		wantHeader := []string{"period", "unit", "unit_name", "parent", "indicator", "value", "numerator", "denominator", "method", "reporting", "note", "source"}
		if !slices.Equal(recs[0], wantHeader) {
			t.Errorf("%s header = %q, want %q", f.Path, recs[0], wantHeader)
		}
		if len(recs)-1 != f.Rows {
			t.Errorf("%s: %d data rows, Rows = %d", f.Path, len(recs)-1, f.Rows)
		}
		for _, r := range recs[1:] {
			unit, name, value, num, den, method := r[1], r[2], r[5], r[6], r[7], r[8]
			if name != names[unit] || !norm.NFC.IsNormalString(name) {
				t.Errorf("%s: unit %s name = %q, want %q (NFC)", f.Path, unit, name, names[unit])
			}
			if r[4] != f.Key {
				t.Errorf("%s: indicator column = %q, want %q", f.Path, r[4], f.Key)
			}
			// Numbers are plain: parseable, with a dot, never apostrophed;
			// values have the measure's decimals.
			for _, cell := range []string{value, num, den} {
				if cell == "" {
					continue
				}
				if _, err := strconv.ParseFloat(cell, 64); err != nil || strings.ContainsAny(cell, "',") {
					t.Errorf("%s: number cell %q is not a plain number", f.Path, cell)
				}
			}
			// Text cells never start with a formula character.
			for _, cell := range []string{name, r[10], r[11]} {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s: text cell %q would run as a formula", f.Path, cell)
				}
			}
			if method == "rolled-up" && f.Key == "P1" {
				n, _ := strconv.ParseFloat(num, 64)
				d, _ := strconv.ParseFloat(den, 64)
				if want := decimal.Split(100*n/d, 1).String(); value != want {
					t.Errorf("%s: roll-up %s = %s, want 100*%s/%s = %s", f.Path, r[0], value, num, den, want)
				}
				// The sums are recomputable from this file alone: the rows
				// of the same period whose parent is the rolled-up unit.
				var sn, sd float64
				for _, c := range recs[1:] {
					if c[0] == r[0] && c[3] == unit {
						cn, _ := strconv.ParseFloat(c[6], 64)
						cd, _ := strconv.ParseFloat(c[7], 64)
						sn, sd = sn+cn, sd+cd
					}
				}
				if sn != n || sd != d {
					t.Errorf("%s: roll-up %s sums %v/%v, but its children's rows sum to %v/%v", f.Path, r[0], n, d, sn, sd)
				}
			}
		}
	}
}

func TestFilesMissingInput(t *testing.T) {
	tests := []struct {
		name, missing string
	}{
		{"indicators", "data/indicators.csv"},
		{"units", "data/units.csv"},
		{"snapshot", "data/snapshots/2024-Q4.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := siteFS(true)
			delete(fsys, tt.missing)
			files, err := Files(context.Background(), fsys, analyse.Run(dataset(true)), Options{})
			if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), tt.missing) {
				t.Errorf("Files without %s: error = %v, want it not found", tt.missing, err)
			}
			if files != nil {
				t.Errorf("Files returned %d files with the error", len(files))
			}
		})
	}
}

func TestInputRows(t *testing.T) {
	tests := []struct {
		name, data string
		want       int
	}{
		{"header only", "a,b\n", 0},
		{"header only, no final break", "a,b", 0},
		{"empty file", "", 0},
		{"two rows", "a,b\n1,2\n3,4\n", 2},
		{"two rows, no final break", "a,b\n1,2\n3,4", 2},
		{"CRLF", "a,b\r\n1,2\r\n3,4\r\n", 2},
		{"CRLF, no final break", "a,b\r\n1,2\r\n3,4", 2},
		{"blank lines are not rows", "a,b\n1,2\n\n3,4\n\n", 2},
		{"BOM", bom + "a,b\n1,2\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"data/indicators.csv": {Data: []byte(tt.data)},
				"data/units.csv":      {Data: []byte("code\n")},
			}
			files, err := Files(context.Background(), fsys, analyse.Run(&model.Dataset{}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != 6 || files[0].Path != "du-lieu/indicators.csv" || files[2].Path != FiguresPath {
				t.Fatalf("files = %+v", files)
			}
			if files[0].Rows != tt.want {
				t.Errorf("Rows = %d, want %d", files[0].Rows, tt.want)
			}
		})
	}
}

func TestSafe(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"", ""},
		{"Số liệu minh họa", "Số liệu minh họa"},
		{"=1+1", "'=1+1"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+84 209 3882 123", "'+84 209 3882 123"},
		{"+cmd", "'+cmd"},
		{"@SUM(1)", "'@SUM(1)"},
		{"-2+3", "'-2+3"},
		{"-5 so với quý trước", "'-5 so với quý trước"},
		{"-", "'-"},
		{"-2.5", "-2.5"}, // a plain number is not a formula
		{"+3", "+3"},
		{"-.5", "'-.5"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=1", "a=1"},
		{"'quoted", "'quoted"},
		{"Đạt 100%", "Đạt 100%"},
	}
	for _, tt := range tests {
		got := Safe(tt.in)
		if got != tt.want {
			t.Errorf("Safe(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if back := Unsafe(got); back != tt.in {
			t.Errorf("Unsafe(%q) = %q; want %q", got, back, tt.in)
		}
	}
}

func TestNumCell(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v    *float64
		want string
	}{
		{nil, ""},
		{f(0), "0"},
		{f(90), "90"},
		{f(92.9), "92.9"},
		{f(-2.5), "-2.5"},
		{f(100 * 26.0 / 28), "92.85714285714286"},
		{f(1.0 / 3), "0.3333333333333333"},
		{f(1234567), "1234567"},
		{f(1e21), "1000000000000000000000"},
		{f(0.000001), "0.000001"},
	}
	for _, tt := range tests {
		got := numCell(tt.v).s
		if got != tt.want {
			t.Errorf("numCell(%v) = %q; want %q", tt.v, got, tt.want)
		}
		if tt.v != nil {
			back, err := strconv.ParseFloat(got, 64)
			if err != nil || back != *tt.v {
				t.Errorf("num %q reads back as %v, want exactly %v", got, back, *tt.v)
			}
		}
	}
}

func TestURLPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"data/indicators.csv", "du-lieu/indicators.csv"},
		{"data/units.csv", "du-lieu/units.csv"},
		{"data/targets.csv", "du-lieu/targets.csv"},
		{"data/snapshots/2024-Q4.csv", "du-lieu/snapshots/2024-Q4.csv"},
		{"data/snapshots/2025-03.csv", "du-lieu/snapshots/2025-03.csv"},
		{"snapshots/2024-Q4.csv", "du-lieu/snapshots/2024-Q4.csv"},
	}
	for _, tt := range tests {
		if got := route.InputCopy(tt.in); got != tt.want {
			t.Errorf("route.InputCopy(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIndicatorPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"VB01", "du-lieu/chi-so/vb01.csv"},
		{"HT02", "du-lieu/chi-so/ht02.csv"},
		{"dvc3", "du-lieu/chi-so/dvc3.csv"},
	}
	for _, tt := range tests {
		if got := route.IndicatorCSV(tt.in); got != tt.want {
			t.Errorf("route.IndicatorCSV(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
