// Package xlsxtest builds small workbooks for the tests of packages that
// read them through package xlsx, so that those tests need not import
// excelize either.
package xlsxtest

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Percent is a number shown as a percent (built-in format 9, "0%"):
// Percent(0.9) shows 90%.
type Percent float64

// Date is a number shown as a date (built-in format 14): a serial day
// number, as Excel stores a date.
type Date float64

// Workbook builds a workbook with one worksheet. A row holds strings,
// numbers, Percent, Date or nil (no cell); merged lists ranges such as
// "B6:B8".
func Workbook(t testing.TB, sheet string, rows [][]any, merged ...string) []byte {
	t.Helper()
	return workbook(t, sheet, rows, merged...)
}

// Build is Workbook for callers without a testing.TB (a testscript
// command): it returns what went wrong instead.
func Build(sheet string, rows [][]any, merged ...string) (_ []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return workbook(fatal{}, sheet, rows, merged...), nil
}

// fatal is a testing.TB whose Fatal panics, for Build.
type fatal struct{ testing.TB }

func (fatal) Helper()                   {}
func (fatal) Fatal(args ...any)         { panic(fmt.Sprint(args...)) }
func (fatal) Fatalf(f string, a ...any) { panic(fmt.Sprintf(f, a...)) }

func workbook(t testing.TB, sheet string, rows [][]any, merged ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	st := &styles{f: f, date: -1}
	var err error
	if st.percent, err = f.NewStyle(&excelize.Style{NumFmt: 9}); err != nil {
		t.Fatal(err)
	}
	setRows(t, f, st, sheet, rows)
	for _, m := range merged {
		a, b, _ := strings.Cut(m, ":")
		if err := f.MergeCell(sheet, a, b); err != nil {
			t.Fatal(err)
		}
	}
	return write(t, f)
}

// FromText reads rows written as text, one row a line, cells separated by
// "|": an empty cell is no cell, a number (with a dot) is a number, "90%"
// a number shown as a percent (Percent(0.9)), "date:45366" a date, and
// anything else, or anything in double quotes, text.
func FromText(text string) [][]any {
	var rows [][]any
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		var row []any
		for _, c := range strings.Split(line, "|") {
			c = strings.TrimSpace(c)
			switch {
			case c == "":
				row = append(row, nil)
			case len(c) >= 2 && c[0] == '"' && c[len(c)-1] == '"':
				row = append(row, c[1:len(c)-1])
			case strings.HasPrefix(c, "date:"):
				v, err := strconv.ParseFloat(c[5:], 64)
				if err != nil {
					row = append(row, c)
				} else {
					row = append(row, Date(v))
				}
			case strings.HasSuffix(c, "%"):
				v, err := strconv.ParseFloat(strings.TrimSuffix(c, "%"), 64)
				if err != nil {
					row = append(row, c)
				} else {
					row = append(row, Percent(v/100))
				}
			default:
				if v, err := strconv.ParseFloat(c, 64); err == nil {
					row = append(row, v)
				} else {
					row = append(row, c)
				}
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// AddSheet returns book with one more worksheet, after the others.
func AddSheet(t testing.TB, book []byte, sheet string, rows [][]any) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.NewSheet(sheet); err != nil {
		t.Fatal(err)
	}
	setRows(t, f, &styles{f: f, percent: -1, date: -1}, sheet, rows)
	return write(t, f)
}

// styles are the number formats' styles, each made on first use, so that
// a workbook without dates has the same bytes as before dates existed.
type styles struct {
	f             *excelize.File
	percent, date int // -1 until made
}

func (s *styles) get(t testing.TB, id *int, numFmt int) int {
	t.Helper()
	if *id < 0 {
		var err error
		if *id, err = s.f.NewStyle(&excelize.Style{NumFmt: numFmt}); err != nil {
			t.Fatal(err)
		}
	}
	return *id
}

func setRows(t testing.TB, f *excelize.File, st *styles, sheet string, rows [][]any) {
	t.Helper()
	for r, row := range rows {
		for c, v := range row {
			axis, _ := excelize.CoordinatesToCellName(c+1, r+1)
			switch v := v.(type) {
			case nil:
			case Percent:
				style := st.get(t, &st.percent, 9)
				f.SetCellValue(sheet, axis, float64(v))
				f.SetCellStyle(sheet, axis, axis, style)
			case Date:
				style := st.get(t, &st.date, 14)
				f.SetCellValue(sheet, axis, float64(v))
				f.SetCellStyle(sheet, axis, axis, style)
			default:
				if err := f.SetCellValue(sheet, axis, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

func write(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
