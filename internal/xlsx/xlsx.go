// Package xlsx is the only user of excelize: it reads Excel workbooks
// (.xlsx) into plain values — worksheet names, cells with what their number
// format shows, merged ranges — so that no other package depends on
// excelize's types, its version or its limits.
package xlsx

import (
	"bytes"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxUnzipped bounds what a workbook may expand to: a small .xlsx can hold
// a huge sheet (a "zip bomb"), and excelize would hold it all.
const maxUnzipped = 128 << 20

// Workbook is an open workbook, read one worksheet at a time.
type Workbook struct {
	f *excelize.File
}

// Sheet is the content of one worksheet.
type Sheet struct {
	Name string
	// Rows[r][c] is the cell at row r+1, column c+1. A row stops at its
	// last stored cell, and the rows stop at the last row with one.
	Rows [][]Cell
	// Merged lists the merged ranges, in the order the sheet stores them.
	Merged []Range
}

// Cell is one cell as the workbook stores it.
type Cell struct {
	// Text is the stored value, not what Excel shows: a number in full
	// precision ("0.875" for a cell showing 88%), a formula's last result.
	Text string
	// Number reports a finite number, stored as one or as a formula's
	// result; Value holds it.
	Number bool
	Value  float64
	// Percent and Date report what a number's format shows: a percent
	// (0.9 shown as 90%), or a date or time (Value is then a serial day
	// number, not the figure typed).
	Percent, Date bool
	// Format is a number's custom number format ("#,##0.0"), "" for a
	// built-in one.
	Format string
}

// Range is a merged range of cells, 1-based and inclusive: its value is
// the value of its first (top left) cell.
type Range struct {
	FirstRow, FirstCol, LastRow, LastCol int
}

// Open opens a workbook held in data.
func Open(data []byte) (*Workbook, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped})
	if err != nil {
		return nil, err
	}
	return &Workbook{f: f}, nil
}

// Close releases the workbook.
func (w *Workbook) Close() error { return w.f.Close() }

// Sheets returns the names of the worksheets, in the workbook's order.
func (w *Workbook) Sheets() []string { return w.f.GetSheetList() }

// Sheet reads the worksheet called name.
func (w *Workbook) Sheet(name string) (*Sheet, error) {
	f := w.f
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	sh := &Sheet{Name: name, Rows: make([][]Cell, len(rows))}
	formats := map[int]format{} // by style: a sheet has few
	for ri, rr := range rows {
		sh.Rows[ri] = make([]Cell, len(rr))
		for ci, v := range rr {
			c := Cell{Text: v}
			if v != "" {
				axis, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				typ, _ := f.GetCellType(name, axis)
				switch typ {
				case excelize.CellTypeUnset, excelize.CellTypeNumber, excelize.CellTypeFormula:
					if x, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
						c.Number, c.Value = true, x
						style, _ := f.GetCellStyle(name, axis)
						fm, seen := formats[style]
						if !seen {
							fm = formatOf(f, style)
							formats[style] = fm
						}
						c.Percent, c.Date, c.Format = fm.percent, fm.date, fm.code
					}
				}
			}
			sh.Rows[ri][ci] = c
		}
	}
	merges, err := f.GetMergeCells(name)
	if err != nil {
		return nil, err
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		sh.Merged = append(sh.Merged, Range{FirstRow: r1, FirstCol: c1, LastRow: r2, LastCol: c2})
	}
	return sh, nil
}

// format is what a cell style's number format says about the numbers it
// shows.
type format struct {
	percent, date bool
	code          string // a custom format's code
}

// formatOf reads a cell style: percents are built-in formats 9 "0%" and
// 10 "0.00%", or a custom one with %; dates and times are built-in formats
// 14–22 and 45–47, or a custom one with a day, month, year or hour.
func formatOf(f *excelize.File, style int) format {
	st, err := f.GetStyle(style)
	if err != nil || st == nil {
		return format{}
	}
	if st.NumFmt == 9 || st.NumFmt == 10 {
		return format{percent: true}
	}
	if (st.NumFmt >= 14 && st.NumFmt <= 22) || (st.NumFmt >= 45 && st.NumFmt <= 47) {
		return format{date: true}
	}
	if st.CustomNumFmt == nil {
		return format{}
	}
	code := formatCode(*st.CustomNumFmt)
	return format{percent: strings.Contains(code, "%"), date: strings.ContainsAny(strings.ToLower(code), "dmyh"), code: *st.CustomNumFmt}
}

// formatCode returns a number format without its literal text ("…",
// \x, _x, *x) and bracketed parts ([Red], [$-42A]), which hold letters
// that are not day, month or year codes.
func formatCode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			if j := strings.IndexByte(s[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(s)
			}
		case '[':
			if j := strings.IndexByte(s[i+1:], ']'); j >= 0 {
				i += j + 1
			} else {
				i = len(s)
			}
		case '\\', '_', '*':
			i++ // the next character is literal, or padding
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
