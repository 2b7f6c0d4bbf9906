package xlsx

import (
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/xlsx/xlsxtest"
)

func TestSheet(t *testing.T) {
	book := xlsxtest.Workbook(t, "Biểu 01", [][]any{
		{"Đơn vị", "HT01", nil, "HT04"},
		{"Xã Bản Thi", xlsxtest.Percent(0.875), 3.5, xlsxtest.Date(45366)},
		{"Xã Yên Thịnh", "90,5", 2},
	}, "A3:A4", "B4:C4")
	book = xlsxtest.AddSheet(t, book, "Hướng dẫn", [][]any{{"Ghi số liệu vào trang trước"}})
	wb, err := Open(book)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if got := strings.Join(wb.Sheets(), "|"); got != "Biểu 01|Hướng dẫn" {
		t.Errorf("Sheets() = %q", got)
	}
	sh, err := wb.Sheet("Biểu 01")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]Cell{
		{{Text: "Đơn vị"}, {Text: "HT01"}, {}, {Text: "HT04"}},
		{{Text: "Xã Bản Thi"}, {Text: "0.875", Number: true, Value: 0.875, Percent: true},
			{Text: "3.5", Number: true, Value: 3.5}, {Text: "45366", Number: true, Value: 45366, Date: true}},
		{{Text: "Xã Yên Thịnh"}, {Text: "90,5"}, {Text: "2", Number: true, Value: 2}},
	}
	if sh.Name != "Biểu 01" || len(sh.Rows) != len(want) {
		t.Fatalf("sheet %q with %d rows, want %q with %d", sh.Name, len(sh.Rows), "Biểu 01", len(want))
	}
	for r := range want {
		if len(sh.Rows[r]) != len(want[r]) {
			t.Errorf("row %d: %+v, want %+v", r+1, sh.Rows[r], want[r])
			continue
		}
		for c := range want[r] {
			if sh.Rows[r][c] != want[r][c] {
				t.Errorf("row %d column %d: %+v, want %+v", r+1, c+1, sh.Rows[r][c], want[r][c])
			}
		}
	}
	merged := map[Range]bool{}
	for _, m := range sh.Merged {
		merged[m] = true
	}
	if len(merged) != 2 || !merged[Range{FirstRow: 3, FirstCol: 1, LastRow: 4, LastCol: 1}] || !merged[Range{FirstRow: 4, FirstCol: 2, LastRow: 4, LastCol: 3}] {
		t.Errorf("Merged = %+v, want A3:A4 and B4:C4", sh.Merged)
	}
	if _, err := wb.Sheet("Khác"); err == nil {
		t.Error("reading a sheet that does not exist succeeded")
	}
}

func TestOpenNotAWorkbook(t *testing.T) {
	if _, err := Open([]byte("Đơn vị,HT01\n")); err == nil {
		t.Error("a CSV file opened as a workbook")
	}
}

// TestFormatCode checks which workbook number formats are dates and
// which are percents, ignoring literal text and bracketed parts.
func TestFormatCode(t *testing.T) {
	for format, want := range map[string][2]bool{ // date, percent
		"dd/mm/yyyy": {true, false}, "m/d/yy": {true, false}, "h:mm": {true, false}, "[$-42A]d mmmm yyyy": {true, false},
		"[Red]0.00": {false, false}, `0" ngày"`: {false, false}, `#,##0\d`: {false, false}, "0.0%": {false, true},
		`0"%"`: {false, false}, "General": {false, false}, "_(* #,##0_)": {false, false},
	} {
		code := strings.ToLower(formatCode(format))
		if got := [2]bool{strings.ContainsAny(code, "dmyh"), strings.Contains(code, "%")}; got != want {
			t.Errorf("formatCode(%q) = %q: date, percent %v, want %v", format, code, got, want)
		}
	}
}
