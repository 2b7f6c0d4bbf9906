package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/source"
)

// MaxSize is the largest file import reads. A commune's workbook is a few
// tens of kilobytes, and a valid snapshot has at most one row per unit and
// indicator (a few hundred rows). The whole file is held in memory because
// the decimal mark and the layout are decided from all of it, so anything
// larger is refused, from its size alone, before it is read.
const MaxSize = 8 << 20

// maxUnzipped bounds what a workbook may expand to: a small .xlsx can hold
// a huge sheet (a "zip bomb"), and excelize would hold it all.
const maxUnzipped = 128 << 20

// cell is one cell of the input, where it was found, and what a workbook
// says about it beyond its text.
type cell struct {
	text      string
	line, col int  // 1-based; in a workbook, row and column
	num       bool // a workbook number: text is its stored value
	pct       bool // a workbook number shown as a percent (0.9 shown 90%)
	date      bool // a workbook number shown as a date or time: text is its serial
	follower  bool // covered by a merged range and not its first cell
	mergedVal string
}

type row struct {
	line  int
	cells []cell
}

// grid is one table of the input: a text file, or one worksheet.
type grid struct {
	file  string // as given on the command line
	sheet string // worksheet name; empty for a text file
	comma rune   // a text file's delimiter
	rows  []row
}

func (g *grid) pos(line, col int) source.Position {
	return source.Position{File: g.file, Sheet: g.sheet, Line: line, Column: col}
}

func (g *grid) at(c cell) source.Position { return g.pos(c.line, c.col) }

// filePos is the position of the whole file (or worksheet).
func (g *grid) filePos() source.Position { return source.Position{File: g.file, Sheet: g.sheet} }

// get returns cell i of r, or an empty cell at the right place when the
// row is shorter.
func (g *grid) get(r row, i int) cell {
	if i >= 0 && i < len(r.cells) {
		return r.cells[i]
	}
	c := cell{line: r.line, col: i + 1}
	if g.sheet == "" && len(r.cells) > 0 {
		last := r.cells[len(r.cells)-1]
		c.line, c.col = last.line, last.col+utf8.RuneCountInString(last.text)+1
	}
	return c
}

// read reads the input file into grids: one for a text file, one per
// worksheet of a workbook. score rates a row as a header, to choose the
// delimiter of a text file.
func read(name string, data []byte, opt *Options, score func([]string) int, errs *source.List) []*grid {
	filePos := source.Position{File: name}
	if len(data) == 0 {
		errs.Add(source.Newf(filePos, source.CodeSource, "", "", msgEmpty))
		return nil
	}
	switch ext := strings.ToLower(filepath.Ext(name)); {
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		errs.Add(source.Newf(filePos, source.CodeSource, "", "", msgOldExcel))
		return nil
	case ext == ".xlsx" || ext == ".xlsm" || bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if ext != ".xlsx" && ext != ".xlsm" {
			errs.Add(source.Newf(filePos, source.CodeSource, "", "", msgZipNotXLSX))
			return nil
		}
		return readWorkbook(name, data, opt.Sheet, errs)
	case ext == ".csv" || ext == ".txt" || ext == ".tsv":
		g := readText(name, data, score, errs)
		if g == nil {
			return nil
		}
		if opt.Sheet != "" {
			errs.Add(source.Newf(filePos, source.CodeSource, "", opt.Sheet, msgSheetOnText))
		}
		return []*grid{g}
	default:
		errs.Add(source.Newf(filePos, source.CodeSource, "", "", msgExtension, ext))
		return nil
	}
}

// decode turns the bytes of a text file into NFC text: UTF-8 (with or
// without a byte order mark), UTF-16 with a byte order mark (Excel
// "Unicode Text"), or else Windows-1258 (Excel "CSV" on Vietnamese
// Windows), whose decoding leaves tone marks as combining characters.
func decode(name string, data []byte, errs *source.List) (string, bool) {
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			errs.Add(source.Newf(source.Position{File: name}, source.CodeEncoding, "", "", msgBadUTF16))
			return "", false
		}
		s = string(b)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		b, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			errs.Add(source.Newf(source.Position{File: name}, source.CodeEncoding, "", "", msgBadUTF16))
			return "", false
		}
		s = string(b)
	case bytes.Count(data[:min(len(data), 4096)], []byte{0}) > min(len(data), 4096)/8:
		// Text has no NUL bytes; UTF-16 has one in every other byte.
		errs.Add(source.Newf(source.Position{File: name}, source.CodeEncoding, "", "", msgUTF16NoBOM))
		return "", false
	case utf8.Valid(data):
		s = strings.TrimPrefix(string(data), "\uFEFF")
	default:
		b, err := charmap.Windows1258.NewDecoder().Bytes(data)
		if err != nil {
			errs.Add(source.Newf(source.Position{File: name}, source.CodeEncoding, "", "", msgBadUTF16))
			return "", false
		}
		s = string(b)
	}
	// U+FFFD: a byte sequence that is not text in the encoding found
	// (charmap decodes Windows-1258's few unused bytes to it).
	if i := strings.IndexRune(s, utf8.RuneError); i >= 0 {
		line := strings.Count(s[:i], "\n") + 1
		col := utf8.RuneCountInString(s[strings.LastIndexByte(s[:i], '\n')+1:i]) + 1
		errs.Add(source.Newf(source.Position{File: name, Line: line, Column: col}, source.CodeEncoding, "", "", msgNotText))
		return "", false
	}
	return norm.NFC.String(s), true
}

var delimiters = []rune{',', ';', '\t'}

// readText reads a CSV or tab-separated text file.
func readText(name string, data []byte, score func([]string) int, errs *source.List) *grid {
	text, ok := decode(name, data, errs)
	if !ok {
		return nil
	}
	if strings.TrimSpace(text) == "" {
		errs.Add(source.Newf(source.Position{File: name}, source.CodeSource, "", "", msgEmpty))
		return nil
	}
	comma := detectDelimiter(text, score)
	g := &grid{file: name, comma: comma}
	ix := newLineIndex(text)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = -1
	// Every Read consumes at least one byte, so this bounds the loop even
	// if encoding/csv were to stop making progress after an error.
	for range len(text) + 1 {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs.Add(ix.quoteError(name, comma, pe))
				continue
			}
			errs.Add(source.Newf(source.Position{File: name}, source.CodeSource, "", "", msgCannotRead, err.Error()))
			return nil
		}
		rw := row{cells: make([]cell, len(rec))}
		for i, v := range rec {
			line, col := r.FieldPos(i)
			p := ix.pos(name, line, col)
			rw.cells[i] = cell{text: v, line: p.Line, col: p.Column}
		}
		rw.line = rw.cells[0].line
		g.rows = append(g.rows, rw)
	}
	return g
}

// detectDelimiter tries each delimiter on the first lines and keeps the one
// that finds the best header; with no header anywhere, the one that splits
// the most lines into the most cells.
func detectDelimiter(text string, score func([]string) int) rune {
	head := text
	if n := nthLine(text, 40); n >= 0 {
		head = text[:n]
	}
	best, bestScore, bestCells := ',', -1, -1
	for _, d := range delimiters {
		r := csv.NewReader(strings.NewReader(head))
		r.Comma = d
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		s, cells := 0, 0
		for {
			rec, err := r.Read()
			if err == io.EOF || (err != nil && !errors.As(err, new(*csv.ParseError))) {
				break
			}
			if err != nil {
				continue
			}
			s = max(s, score(rec))
			cells += len(rec) - 1
		}
		if s > bestScore || (s == bestScore && cells > bestCells) {
			best, bestScore, bestCells = d, s, cells
		}
	}
	return best
}

func nthLine(s string, n int) int {
	i := 0
	for range n {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return -1
		}
		i += j + 1
	}
	return i
}

// lineIndex turns encoding/csv's line and byte column into a character
// column, as an editor counts.
type lineIndex struct {
	text   string
	starts []int
	// cursor: counting resumes from the previous cell of the same line, so
	// a long line costs its length once, not once per cell.
	line, bytes, runes int
}

func newLineIndex(text string) *lineIndex {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{text: text, starts: starts}
}

// quoteError reports a quoting error of encoding/csv where a person
// should look, as the loader does: a stray quote mark where it is, text
// after a closing quote mark where that quote is, and a quote mark never
// closed where it opens, not at the end of the file.
func (x *lineIndex) quoteError(name string, comma rune, pe *csv.ParseError) *source.Error {
	switch {
	case errors.Is(pe.Err, csv.ErrQuote) && x.byteAt(pe.Line, pe.Column) == '"':
		return source.Newf(x.pos(name, pe.Line, pe.Column), source.CodeFormat, "", "", msgAfterQuote)
	case errors.Is(pe.Err, csv.ErrQuote):
		return source.Newf(x.pos(name, pe.StartLine, x.openQuote(pe.StartLine, comma)), source.CodeFormat, "", "", msgOpenQuote)
	}
	return source.Newf(x.pos(name, pe.Line, pe.Column), source.CodeFormat, "", "", msgQuote)
}

// lineText returns a 1-based line, without its line break.
func (x *lineIndex) lineText(line int) string {
	if line < 1 || line > len(x.starts) {
		return ""
	}
	end := len(x.text)
	if line < len(x.starts) {
		end = x.starts[line] - 1
	}
	return x.text[x.starts[line-1]:end]
}

// byteAt returns the byte at a 1-based line and byte column, or 0.
func (x *lineIndex) byteAt(line, byteCol int) byte {
	s := x.lineText(line)
	if byteCol < 1 || byteCol > len(s) {
		return 0
	}
	return s[byteCol-1]
}

// openQuote returns the byte column of the quote mark that opens the
// unclosed cell of a record starting on line (1 when there is none).
func (x *lineIndex) openQuote(line int, comma rune) int {
	if open := load.OpenQuote(x.lineText(line), comma); open >= 0 {
		return open + 1
	}
	return 1
}

func (x *lineIndex) pos(file string, line, byteCol int) source.Position {
	if line < 1 || line > len(x.starts) {
		return source.Position{File: file, Line: max(line, 1), Column: 1}
	}
	start := x.starts[line-1]
	end := len(x.text)
	if line < len(x.starts) {
		end = x.starts[line]
	}
	s := x.text[start:end]
	n := min(max(byteCol-1, 0), len(s))
	if x.line != line || x.bytes > n {
		x.line, x.bytes, x.runes = line, 0, 0
	}
	x.runes += utf8.RuneCountInString(s[x.bytes:n])
	x.bytes = n
	return source.Position{File: file, Line: line, Column: x.runes + 1}
}

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
