package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

func writeBook(t *testing.T) []byte {
	t.Helper()
	w, err := NewWriter(Props{Title: "Mọi số liệu", Creator: "Chợ Đồn", Language: "vi", Created: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	// Several streamed sheets: excelize writes them in map order, which
	// sortedZip must undo.
	for _, name := range []string{"VB01", "VB02", "HT01", "Từ điển"} {
		sh, err := w.Sheet(name, []Column{{Header: "unit", Width: 10}, {Header: "value", Width: 12}, {Header: "reporting"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range [][]Value{
			{Text("02020"), Number(96.1, 1), Text("8/8")},
			{Text("=1+1"), Number(1234, 0), {}},
			{Text("064"), Number(-2.5, 2), Text("2024-Q4")},
		} {
			if err := sh.Row(r...); err != nil {
				t.Fatal(err)
			}
		}
		if err := sh.Close(); err != nil {
			t.Fatal(err)
		}
	}
	b, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWriterReadsBack writes a workbook and reads it back: codes, "8/8"
// and a formula-like text are text cells as written, numbers are numbers
// with the format of their decimals; the header is frozen; the bytes are
// the same each time, with no time stamp in the archive.
func TestWriterReadsBack(t *testing.T) {
	t.Parallel()
	b := writeBook(t)
	for range 3 {
		if !bytes.Equal(b, writeBook(t)) {
			t.Fatal("two writes of the same workbook differ")
		}
	}
	wb, err := Open(b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if got := strings.Join(wb.Sheets(), "|"); got != "VB01|VB02|HT01|Từ điển" {
		t.Errorf("sheets %q", got)
	}
	sh, err := wb.Sheet("HT01")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]Cell{
		{{Text: "unit"}, {Text: "value"}, {Text: "reporting"}},
		{{Text: "02020"}, {Text: "96.1", Number: true, Value: 96.1, Format: "#,##0.0"}, {Text: "8/8"}},
		{{Text: "=1+1"}, {Text: "1234", Number: true, Value: 1234, Format: "#,##0"}},
		{{Text: "064"}, {Text: "-2.5", Number: true, Value: -2.5, Format: "#,##0.00"}, {Text: "2024-Q4"}},
	}
	for r, row := range want {
		for c, cell := range row {
			if got := sh.Rows[r][c]; got != cell {
				t.Errorf("R%dC%d = %+v, want %+v", r+1, c+1, got, cell)
			}
		}
	}
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	prev := ""
	for _, f := range z.File {
		if f.Name < prev || !f.Modified.IsZero() && f.Modified.Year() > 1980 {
			t.Errorf("part %s (after %s, modified %v): parts must be sorted, undated", f.Name, prev, f.Modified)
		}
		prev = f.Name
		if f.Name == "xl/worksheets/sheet1.xml" || f.Name == "docProps/core.xml" {
			rc, _ := f.Open()
			x, _ := io.ReadAll(rc)
			rc.Close()
			for _, w := range map[string][]string{
				"xl/worksheets/sheet1.xml": {`state="frozen"`, `topLeftCell="A2"`, `<col min="1" max="1" width="10`},
				"docProps/core.xml":        {"2025-03-01T00:00:00Z", "Mọi số liệu"},
			}[f.Name] {
				if !strings.Contains(string(x), w) {
					t.Errorf("%s lacks %s:\n%s", f.Name, w, x)
				}
			}
		}
	}
}

func TestSheetRowLimit(t *testing.T) {
	t.Parallel()
	w, err := NewWriter(Props{})
	if err != nil {
		t.Fatal(err)
	}
	sh, err := w.Sheet("x", []Column{{Header: "a"}})
	if err != nil {
		t.Fatal(err)
	}
	sh.row = MaxRows // as if full
	if err := sh.Row(Number(1, 0)); err == nil {
		t.Error("a row past MaxRows was accepted")
	}
}
