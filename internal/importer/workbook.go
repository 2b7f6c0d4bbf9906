package importer

// Excel workbooks: each worksheet becomes a grid, with what a cell's
// number format says (percent, date) and merged ranges.

import (
	"bytes"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/source"
)

// maxUnzipped bounds what a workbook may expand to: a small .xlsx can hold
// a huge sheet (a "zip bomb"), and excelize would hold it all.
const maxUnzipped = 128 << 20

// readWorkbook reads every worksheet of an .xlsx file, or only the one
// named by --sheet.
func readWorkbook(name string, data []byte, only string, errs *source.List) []*grid {
	filePos := source.Position{File: name}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped})
	if err != nil {
		errs.Add(source.Newf(filePos, source.CodeSource, "", "", msgBadWorkbook, err.Error()))
		return nil
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if only != "" {
		found := false
		for _, s := range sheets {
			if s == only {
				found = true
			}
		}
		if !found {
			errs.Add(source.Newf(filePos, source.CodeSource, "", only, msgNoSheet, strings.Join(sheets, ", ")))
			return nil
		}
		sheets = []string{only}
	}
	var out []*grid
	for _, sh := range sheets {
		g, err := readSheet(f, name, sh)
		if err != nil {
			errs.Add(source.Newf(source.Position{File: name, Sheet: sh}, source.CodeSource, "", "", msgBadWorkbook, err.Error()))
			continue
		}
		out = append(out, g)
	}
	return out
}

func readSheet(f *excelize.File, name, sheet string) (*grid, error) {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	g := &grid{file: name, sheet: sheet}
	styles := map[int]numStyle{}
	for ri, rr := range rows {
		rw := row{line: ri + 1, cells: make([]cell, len(rr))}
		for ci, v := range rr {
			c := cell{text: norm.NFC.String(v), line: ri + 1, col: ci + 1}
			if v != "" {
				axis, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				typ, _ := f.GetCellType(sheet, axis)
				switch typ {
				case excelize.CellTypeUnset, excelize.CellTypeNumber, excelize.CellTypeFormula:
					if x, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
						c.num = true
						c.text = strconv.FormatFloat(excel(x), 'f', -1, 64)
						style, _ := f.GetCellStyle(sheet, axis)
						st, seen := styles[style]
						if !seen {
							st = styleOf(f, style)
							styles[style] = st
						}
						c.pct, c.date = st.pct, st.date
					}
				}
			}
			rw.cells[ci] = c
		}
		g.rows = append(g.rows, rw)
	}
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil, err
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || (r2-r1+1)*(c2-c1+1) > 1<<16 {
			continue
		}
		top := ""
		if r1-1 < len(g.rows) && c1-1 < len(g.rows[r1-1].cells) {
			top = g.rows[r1-1].cells[c1-1].text
		}
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r == r1 && c == c1 {
					continue
				}
				for len(g.rows) < r {
					g.rows = append(g.rows, row{line: len(g.rows) + 1})
				}
				rw := &g.rows[r-1]
				for len(rw.cells) < c {
					rw.cells = append(rw.cells, cell{line: r, col: len(rw.cells) + 1})
				}
				rw.cells[c-1].follower = true
				rw.cells[c-1].mergedVal = top
			}
		}
	}
	return g, nil
}

// numStyle is what a cell style says about the numbers it shows.
type numStyle struct{ pct, date bool }

// styleOf reads a cell style: percents are built-in formats 9 "0%" and
// 10 "0.00%", or a custom one with %; dates and times are built-in formats
// 14–22 and 45–47, or a custom one with a day, month, year or hour.
func styleOf(f *excelize.File, id int) numStyle {
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return numStyle{}
	}
	if st.NumFmt == 9 || st.NumFmt == 10 {
		return numStyle{pct: true}
	}
	if (st.NumFmt >= 14 && st.NumFmt <= 22) || (st.NumFmt >= 45 && st.NumFmt <= 47) {
		return numStyle{date: true}
	}
	if st.CustomNumFmt == nil {
		return numStyle{}
	}
	code := formatCode(*st.CustomNumFmt)
	return numStyle{pct: strings.Contains(code, "%"), date: strings.ContainsAny(strings.ToLower(code), "dmyh")}
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
