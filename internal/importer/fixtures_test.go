package importer

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/xlsx/xlsxtest"
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

// pct and date are workbook cells for makeXLSX: a number shown as a
// percent, and a number shown as a date.
type (
	pct  = xlsxtest.Percent
	date = xlsxtest.Date
)

// makeXLSX builds a workbook with one sheet; merges are ranges such as
// "B6:B8".
func makeXLSX(t testing.TB, sheet string, rows [][]any, merges ...string) []byte {
	t.Helper()
	return xlsxtest.Workbook(t, sheet, rows, merges...)
}

// withSheet adds a worksheet with text in A1 to a workbook, after the
// others.
func withSheet(t testing.TB, book []byte, sheet, text string) []byte {
	t.Helper()
	return xlsxtest.AddSheet(t, book, sheet, [][]any{{text}})
}
