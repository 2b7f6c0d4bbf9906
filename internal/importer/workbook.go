package importer

// Excel workbooks, read through package xlsx: each worksheet becomes a
// grid, with what a cell's number format says (percent, date) and merged
// ranges.

import (
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/xlsx"
)

// readWorkbook reads every worksheet of an .xlsx file, or only the one
// named by --sheet.
func readWorkbook(name string, data []byte, only string, errs *diag.List) []*grid {
	filePos := diag.Position{File: name}
	wb, err := xlsx.Open(data)
	if err != nil {
		errs.Add(diag.Newf(filePos, diag.CodeSource, "", "", msgBadWorkbook, err.Error()))
		return nil
	}
	defer wb.Close()
	sheets := wb.Sheets()
	if only != "" {
		if !slices.Contains(sheets, only) {
			errs.Add(diag.Newf(filePos, diag.CodeSource, "", only, msgNoSheet, strings.Join(sheets, ", ")))
			return nil
		}
		sheets = []string{only}
	}
	var out []*grid
	for _, sheet := range sheets {
		sh, err := wb.Sheet(sheet)
		if err != nil {
			errs.Add(diag.Newf(diag.Position{File: name, Sheet: sheet}, diag.CodeSource, "", "", msgBadWorkbook, err.Error()))
			continue
		}
		out = append(out, sheetGrid(name, sh))
	}
	return out
}

// sheetGrid turns a worksheet into a grid: text in NFC, a number as Excel
// shows its digits, and each cell of a merged range after the first
// marked as a follower carrying the range's value.
func sheetGrid(name string, sh *xlsx.Sheet) *grid {
	g := &grid{file: name, sheet: sh.Name}
	for ri, rr := range sh.Rows {
		rw := row{line: ri + 1, cells: make([]cell, len(rr))}
		for ci, v := range rr {
			c := cell{text: norm.NFC.String(v.Text), line: ri + 1, col: ci + 1}
			if v.Number {
				c.num = true
				c.text = strconv.FormatFloat(excel(v.Value), 'f', -1, 64)
				c.pct, c.date = v.Percent, v.Date
			}
			rw.cells[ci] = c
		}
		g.rows = append(g.rows, rw)
	}
	for _, m := range sh.Merged {
		r1, c1, r2, c2 := m.FirstRow, m.FirstCol, m.LastRow, m.LastCol
		if (r2-r1+1)*(c2-c1+1) > 1<<16 {
			continue // not a form's merged cells: not worth the memory
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
	return g
}
