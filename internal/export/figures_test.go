package export

import (
	"context"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/analyse"
)

func figuresFile(t *testing.T) File {
	t.Helper()
	files, err := Files(context.Background(), siteFS(false), analyse.Run(dataset(false)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Kind == "figures" && f.Format == "csv" {
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
	want := bom + quoted(FigureColumns) + "\n"
	rows := 0
	for _, code := range []string{"P1", "C1", "N1"} {
		// The indicator's lines with its name after its code.
		lines := strings.SplitAfter(strings.TrimPrefix(wantIndicatorCSV[code], bom+header), "\n")
		for _, l := range lines {
			if l != "" {
				want += strings.Replace(l, `"`+code+`",`, `"`+code+`","`+names[code]+`",`, 1)
				rows++
			}
		}
	}
	if got := string(f.Data); got != want {
		t.Errorf("figures.csv =\n%s\nwant\n%s", got, want)
	}
	if f.Rows != rows {
		t.Errorf("Rows = %d, want %d", f.Rows, rows)
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
	if roll.Value != 86.7 || roll.Numerator == nil || *roll.Numerator != 52 || *roll.Denominator != 60 || roll.Method != "rolled-up" {
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
		{"below the published decimals", Published{Value: 90.04, Numerator: n(27), Denominator: n(30)}, true},
		{"value as published", Published{Value: 90.05, Numerator: n(27), Denominator: n(30)}, false},
		{"same value, other ratio", Published{Value: 90, Numerator: n(54), Denominator: n(60)}, false},
		{"ratio dropped", Published{Value: 90}, false},
	} {
		if got := base.Same(tc.q, 1); got != tc.want {
			t.Errorf("%s: Same = %v, want %v", tc.name, got, tc.want)
		}
	}
}
