package export

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/analyse"
)

func figuresFile(t *testing.T) File {
	t.Helper()
	files, err := Files(siteFS(false), analyse.Run(dataset(false)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Kind == "figures" {
			return f
		}
	}
	t.Fatal("no figures file")
	return File{}
}

// TestFiguresFile checks that the figures file is every per-indicator file
// in indicator order, each row with the indicator's name after its code.
func TestFiguresFile(t *testing.T) {
	f := figuresFile(t)
	if f.Path != "du-lieu/figures.csv" {
		t.Errorf("path = %s", f.Path)
	}
	names := map[string]string{"P1": "Tỷ lệ hồ sơ trực tuyến", "C1": "Số hồ sơ trễ hạn", "N1": "Điểm chỉ số"}
	var want [][]string
	want = append(want, FigureColumns)
	for _, code := range []string{"P1", "C1", "N1"} {
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(wantIndicatorCSV[code], bom))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs[1:] {
			want = append(want, slices.Insert(slices.Clone(r), 5, names[code]))
		}
	}
	var buf bytes.Buffer
	buf.WriteString(bom)
	w := csv.NewWriter(&buf)
	w.WriteAll(want)
	if got := string(f.Data); got != buf.String() {
		t.Errorf("figures.csv =\n%s\nwant\n%s", got, buf.String())
	}
	if f.Rows != len(want)-1 {
		t.Errorf("Rows = %d, want %d", f.Rows, len(want)-1)
	}
}

func TestReadFiguresRoundTrip(t *testing.T) {
	got, err := ReadFigures(figuresFile(t).Data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 11 {
		t.Errorf("%d figures read, want 11", len(got))
	}
	roll := got[Key{"064", "P1", "2024-Q4"}]
	if roll.Value != 100*52.0/60 || roll.Numerator == nil || *roll.Numerator != 52 || *roll.Denominator != 60 || roll.Method != "rolled-up" {
		t.Errorf("064 P1 2024-Q4 = %+v", roll)
	}
	rep := got[Key{"B", "C1", "2024-Q4"}]
	if rep.Value != 5 || rep.Numerator != nil || rep.Method != "reported" || rep.Source != "data/snapshots/2024-Q4.csv:5" {
		t.Errorf("B C1 2024-Q4 = %+v", rep)
	}
	if _, ok := got[Key{"B", "C1", "2024-Q3"}]; ok {
		t.Error("an empty cell was read as a figure")
	}
}

// TestReadFiguresByColumnName reads a file from another version: columns
// reordered, one added, no BOM.
func TestReadFiguresByColumnName(t *testing.T) {
	const file = "source,extra,value,period,indicator,unit,method,numerator,denominator\n" +
		"'=x,1,12.5,2024-Q1,P1,A,reported,,\n"
	got, err := ReadFigures([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	p, ok := got[Key{"A", "P1", "2024-Q1"}]
	if !ok || p.Value != 12.5 || p.Source != "=x" || p.Numerator != nil {
		t.Errorf("read %+v", got)
	}
}

func TestReadFiguresErrors(t *testing.T) {
	head := strings.Join(FigureColumns, ",") + "\n"
	for _, tc := range []struct{ name, file, want string }{
		{"empty", "", "du-lieu/figures.csv: empty"},
		{"missing column", "period,unit,indicator\n", `du-lieu/figures.csv: no column "value"`},
		{"bad value", head + "2024-Q1,A,,064,P1,,abc,,,reported,,,\n", "du-lieu/figures.csv:2: value"},
		{"bad numerator", head + "2024-Q1,A,,064,P1,,1,x,,reported,,,\n", "du-lieu/figures.csv:2: numerator"},
		{"short row", head + "2024-Q1,A\n", "du-lieu/figures.csv:2: 2 cells, want 13"},
	} {
		_, err := ReadFigures([]byte(tc.file))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: error = %v, want it to start with %q", tc.name, err, tc.want)
		}
	}
}

func TestPublishedSame(t *testing.T) {
	n := func(v float64) *float64 { return &v }
	base := Published{Value: 90, Numerator: n(27), Denominator: n(30)}
	for _, tc := range []struct {
		name string
		q    Published
		want bool
	}{
		{"same", Published{Value: 90, Numerator: n(27), Denominator: n(30), Method: "rolled-up", Source: "x"}, true},
		{"value", Published{Value: 90.00000000000001, Numerator: n(27), Denominator: n(30)}, false},
		{"same value, other ratio", Published{Value: 90, Numerator: n(54), Denominator: n(60)}, false},
		{"ratio dropped", Published{Value: 90}, false},
	} {
		if got := base.Same(tc.q); got != tc.want {
			t.Errorf("%s: Same = %v, want %v", tc.name, got, tc.want)
		}
	}
}
