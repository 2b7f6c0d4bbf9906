package importer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// cp1258 encodes s as Excel's "CSV" on Vietnamese Windows does: letters
// with a circumflex, breve or horn are single bytes, tone marks are
// combining bytes after them.
func cp1258(t testing.TB, s string) []byte {
	t.Helper()
	var b strings.Builder
	var cluster []rune
	var tone []rune
	flush := func() {
		b.WriteString(norm.NFC.String(string(cluster)))
		b.WriteString(string(tone))
		cluster, tone = cluster[:0], tone[:0]
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case tones[r] != 0:
			tone = append(tone, r)
		case r >= 0x300 && r <= 0x36F:
			cluster = append(cluster, r)
		default:
			flush()
			cluster = append(cluster, r)
		}
	}
	flush()
	out, err := charmap.Windows1258.NewEncoder().Bytes([]byte(b.String()))
	if err != nil {
		t.Fatalf("cp1258: %v", err)
	}
	return out
}

// utf16 encodes s as Excel's "Unicode Text": UTF-16 with a byte order mark.
func utf16(t testing.TB, s string, big bool) []byte {
	t.Helper()
	order := unicode.LittleEndian
	if big {
		order = unicode.BigEndian
	}
	out, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// xcell is a workbook cell for makeXLSX: a string, a float64 (a number),
// pct (a number shown as a percent) or date (a number shown as a date).
type pct float64

type date float64

// makeXLSX builds a workbook with one sheet; merges are ranges such as
// "B6:B8".
func makeXLSX(t testing.TB, sheet string, rows [][]any, merges ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	pctStyle, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		t.Fatal(err)
	}
	dateStyle := -1 // made on first use, so other workbooks keep their bytes
	for r, row := range rows {
		for c, v := range row {
			axis, _ := excelize.CoordinatesToCellName(c+1, r+1)
			switch v := v.(type) {
			case nil:
			case pct:
				f.SetCellValue(sheet, axis, float64(v))
				f.SetCellStyle(sheet, axis, axis, pctStyle)
			case date:
				if dateStyle < 0 {
					var err error
					if dateStyle, err = f.NewStyle(&excelize.Style{NumFmt: 14}); err != nil {
						t.Fatal(err)
					}
				}
				f.SetCellValue(sheet, axis, float64(v))
				f.SetCellStyle(sheet, axis, axis, dateStyle)
			default:
				if err := f.SetCellValue(sheet, axis, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for _, m := range merges {
		a, b, _ := strings.Cut(m, ":")
		if err := f.MergeCell(sheet, a, b); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withSheet adds a worksheet with text in A1 to a workbook, after the
// others.
func withSheet(t testing.TB, book []byte, sheet, text string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.NewSheet(sheet); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue(sheet, "A1", text); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
