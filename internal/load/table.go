package load

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/source"
)

// table is a CSV file read and checked cell by cell with encoding/csv, so
// that every cell keeps its position, before gocsv maps the rows to structs.
type table struct {
	file   string
	lines  []int          // byte offset of each line start, to turn bytes into runes
	header []string       // as read, NFC
	col    map[string]int // accepted column name → index
	rows   []record       // data rows with one cell per column
	cursor cursor         // last position converted, see posAt
	// broken is set when a column is missing: the rows are still checked
	// cell by cell, but none may reach the model, where a missing column
	// would look like empty cells.
	broken bool
}

// record is one data row.
type record struct {
	file  string
	line  int
	cells []string
	at    []cellAt // where each cell starts
	bad   []bool   // cell already reported (forbidden character)
}

// cellAt is a cell's line and column, kept small: a file at the size limit
// has a million rows, and a full Position per cell would cost hundreds of
// megabytes.
type cellAt struct{ line, col int32 }

// pos is the position of cell i.
func (r *record) pos(i int) source.Position {
	return source.Position{File: r.file, Line: int(r.at[i].line), Column: int(r.at[i].col)}
}

// readTable checks data as a CSV file with the given columns (in any
// order) and reports every problem to errs. It returns nil when the file
// cannot be read as a table at all.
//
// period is the period of a snapshot file ("" for the other files): the
// files Excel makes on Vietnamese Windows (UTF-16, Windows-1258,
// semicolons) can then be converted with minhbach import, and the hint
// says so.
func readTable(file string, data []byte, columns []string, allowEmpty bool, period string, errs *source.List) *table {
	filePos := source.Position{File: file}
	if len(data) == 0 {
		errs.Add(source.Newf(filePos, source.CodeSource, "", "", "empty file: it needs at least the header row"))
		return nil
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		errs.Add(source.Newf(at(file, 1, 1), source.CodeEncoding, "", "",
			`the file is saved as UTF-16 ("Unicode Text"): %s`, resave(period)))
		return nil
	}
	// Excel's "CSV UTF-8" starts with a byte order mark; it is invisible in
	// editors, so columns are counted without it.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	t := &table{file: file, lines: lineStarts(data), col: map[string]int{}}
	// A row per line, less the header, is the most there can be: growing
	// the slice instead would copy it over and over in a large file.
	t.rows = make([]record, 0, len(t.lines)-1)
	if !utf8.Valid(data) {
		i := firstInvalid(data)
		errs.Add(source.Newf(t.pos(data, i), source.CodeEncoding, "", "",
			"not UTF-8 text (byte 0x%02X), perhaps Windows-1258: %s", data[i], resave(period)))
		return nil
	}

	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1 // counted here, to report extra and missing cells
	headerDone := false
	seen := 0 // data rows read, usable or not
	// Every Read consumes at least one byte, so this bounds the loop even
	// if encoding/csv were to stop making progress after an error.
	for range len(data) + 1 {
		cells, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.parseError(data, err, errs)
			if !headerDone {
				return nil
			}
			seen++
			continue
		}
		rec := record{file: file, cells: cells, at: make([]cellAt, len(cells)), bad: make([]bool, len(cells))}
		for i := range cells {
			line, col := r.FieldPos(i)
			p := t.posAt(data, line, col)
			rec.at[i] = cellAt{int32(p.Line), int32(p.Column)}
			rec.cells[i] = norm.NFC.String(cells[i])
		}
		rec.line = int(rec.at[0].line)
		if !headerDone && t.wrongDelimiter(rec, columns, period, errs) {
			return nil
		}
		for i, c := range rec.cells {
			if msg := forbidden(c); !msg.IsZero() {
				rec.bad[i] = true
				field := ""
				if headerDone && i < len(t.header) {
					field = t.header[i]
				}
				errs.Add(source.NewP(rec.pos(i), source.CodeForbidden, field, c, msg))
			}
		}
		if !headerDone {
			headerDone = true
			t.readHeader(rec, columns, errs)
			continue
		}
		seen++
		t.addRow(rec, errs)
	}
	if !headerDone {
		errs.Add(source.Newf(filePos, source.CodeSource, "", "", "empty file: it needs at least the header row"))
		return nil
	}
	if seen == 0 && !allowEmpty {
		errs.Add(source.Newf(filePos, source.CodeSource, "", "", "no data rows: the file has only its header row"))
	}
	return t
}

// resave is the hint for a file that Excel saved in a form the loader
// does not read: convert a snapshot with minhbach import, or save any file
// again as CSV UTF-8.
func resave(period string) source.Phrase {
	if period == "" {
		return source.P(`save it again as "CSV UTF-8 (Comma delimited)"`)
	}
	return source.P(`convert the original file with "minhbach import FILE --period %s", or save it again as "CSV UTF-8 (Comma delimited)"`, period)
}

// wrongDelimiter reports a header read as a single column that holds the
// usual other separators: the rows of such a file cannot be read at all.
func (t *table) wrongDelimiter(header record, columns []string, period string, errs *source.List) bool {
	if len(header.cells) != 1 || len(columns) < 2 {
		return false
	}
	switch {
	case strings.Contains(header.cells[0], ";"):
		errs.Add(source.Newf(header.pos(0), source.CodeFormat, "", "",
			"expected commas between columns, but this file uses semicolons (Excel with Vietnamese settings): %s", resave(period)))
		return true
	case strings.Contains(header.cells[0], "\t"):
		errs.Add(source.Newf(header.pos(0), source.CodeFormat, "", "",
			`expected commas between columns, but this file uses tabs (Excel "Unicode Text" or "Text (Tab delimited)"): %s`, resave(period)))
		return true
	}
	return false
}

// readHeader checks the column names, in any order.
func (t *table) readHeader(rec record, columns []string, errs *source.List) {
	t.header = rec.cells
	for i, name := range rec.cells {
		pos := rec.pos(i)
		switch {
		case rec.bad[i]:
			// already reported
		case strings.TrimSpace(name) == "":
			errs.Add(source.Newf(pos, source.CodeBlankLabel, "", "", "blank column name: name the column or delete it"))
		case t.has(name):
			errs.Add(source.Newf(pos, source.CodeDupLabel, "", name, "column name used twice: also column %d", t.col[name]+1))
		case slices.Contains(columns, name):
			t.col[name] = i
		case guessColumn(name, columns) != "":
			errs.Add(source.Newf(pos, source.CodeExtraLabel, "", name,
				"unknown column: did you mean %q? (column names are lower case, without spaces)", guessColumn(name, columns)))
		default:
			errs.Add(source.Newf(pos, source.CodeExtraLabel, "", name,
				"unknown column: the columns are %s; delete this one or correct its name", strings.Join(columns, ", ")))
		}
	}
	for _, c := range columns {
		if !t.has(c) {
			t.broken = true
			errs.Add(source.Newf(source.Position{File: t.file, Line: rec.line, Column: 1}, source.CodeMissing, "", "",
				"missing column %q: add it to the header row, even if its cells stay empty", c))
		}
	}
}

func (t *table) has(name string) bool { _, ok := t.col[name]; return ok }

// guessColumn finds the column a misspelt name most likely means: the same
// letters in another case, with spaces, or with - instead of _.
func guessColumn(name string, columns []string) string {
	g := strings.ToLower(strings.TrimSpace(name))
	g = strings.NewReplacer(" ", "_", "-", "_").Replace(g)
	if slices.Contains(columns, g) {
		return g
	}
	return ""
}

// addRow checks a data row's shape and keeps it for gocsv when it is
// usable.
func (t *table) addRow(rec record, errs *source.List) {
	blank := true
	for _, c := range rec.cells {
		if strings.TrimSpace(c) != "" {
			blank = false
			break
		}
	}
	row := source.Position{File: t.file, Line: rec.line, Column: 1}
	switch {
	case blank:
		errs.Add(source.Newf(row, source.CodeBlankRow, "", "", "blank row: delete it"))
	case len(rec.cells) > len(t.header):
		// A row with the wrong number of cells has its cells shifted, so
		// none of them can be trusted: it does not reach the model.
		n := len(t.header)
		if strings.TrimSpace(strings.Join(rec.cells[n:], "")) == "" {
			errs.Add(source.Newf(rec.pos(n), source.CodeExtraCell, "", rec.cells[n],
				"extra cell: this row has %d cells but the header has %d columns (a comma too many at the end?)", len(rec.cells), n))
			break
		}
		errs.Add(source.Newf(rec.pos(n), source.CodeExtraCell, "", rec.cells[n],
			"extra cell: this row has %d cells but the header has %d columns; a comma inside a cell needs quotes around the cell", len(rec.cells), n))
	case len(rec.cells) < len(t.header):
		last := len(rec.cells) - 1
		errs.Add(source.Newf(rec.pos(last), source.CodeMissingCell, "", "",
			"missing cell: this row has %d cells but the header has %d columns; a comma inside a cell needs quotes around the cell", len(rec.cells), len(t.header)))
	default:
		t.rows = append(t.rows, rec)
	}
}

// parseError reports a quoting error from encoding/csv at the place a
// person should look.
func (t *table) parseError(data []byte, err error, errs *source.List) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		errs.Add(source.Newf(source.Position{File: t.file}, source.CodeSource, "", "", "cannot read: %s", err))
		return
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		errs.Add(source.Newf(t.posAt(data, pe.Line, pe.Column), source.CodeFormat, "", "",
			`stray quote mark inside a cell: put the whole cell in quotes and write each quote mark inside it twice ("")`))
	case errors.Is(pe.Err, csv.ErrQuote) && t.byteAt(data, pe.Line, pe.Column) == '"':
		// encoding/csv points at a closing quote followed by more text.
		errs.Add(source.Newf(t.posAt(data, pe.Line, pe.Column), source.CodeFormat, "", "",
			`text after the closing quote mark: put the whole cell in quotes and write each quote mark inside it twice ("")`))
	case errors.Is(pe.Err, csv.ErrQuote):
		// The file ended inside a quoted cell: point at where it opened.
		errs.Add(source.Newf(t.openQuote(data, pe.StartLine), source.CodeFormat, "", "",
			`quote mark opened here is never closed: close it, or write a quote mark inside a cell twice ("")`))
	default:
		errs.Add(source.Newf(t.posAt(data, pe.Line, pe.Column), source.CodeFormat, "", "",
			"cannot read this part of the file as CSV: %s", pe.Err))
	}
}

// byteAt returns the byte at a 1-based line and byte column, or 0.
func (t *table) byteAt(data []byte, line, byteCol int) byte {
	s := t.lineText(data, line)
	if byteCol < 1 || byteCol > len(s) {
		return 0
	}
	return s[byteCol-1]
}

// openQuote finds the quote mark that opens the unclosed cell of a record
// starting on line: the last cell on that line that opens a quote and does
// not close it.
func (t *table) openQuote(data []byte, line int) source.Position {
	s := t.lineText(data, line)
	open, in, start := -1, false, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case in && c == '"' && i+1 < len(s) && s[i+1] == '"':
			i++
		case in && c == '"':
			in = false
		case !in && start && c == '"':
			in, open = true, i
		}
		start = !in && c == ','
	}
	if open < 0 {
		return at(t.file, line, 1)
	}
	return t.posAt(data, line, open+1)
}

// forbidden reports why a cell's text cannot be accepted: control
// characters are invisible in a spreadsheet and break the files people
// download, so they are never silently kept.
func forbidden(s string) source.Phrase {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			return source.P("contains a line break: keep the text of a cell on one line")
		case r == '\t':
			return source.P("contains a tab character: delete it")
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F):
			return source.P("contains an invisible control character (U+%04X): delete it", r)
		}
	}
	return source.Phrase{}
}

func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func (t *table) lineText(data []byte, line int) []byte {
	if line < 1 || line > len(t.lines) {
		return nil
	}
	end := len(data)
	if line < len(t.lines) {
		end = t.lines[line]
	}
	return data[t.lines[line-1]:end]
}

// posAt converts encoding/csv's 1-based line and byte column into a
// position whose column counts characters. Cells are asked for in order,
// so counting resumes from the previous cell of the same line: a long line
// of many cells costs its length once, not once per cell.
func (t *table) posAt(data []byte, line, byteCol int) source.Position {
	s := t.lineText(data, line)
	n := min(max(byteCol-1, 0), len(s))
	c := &t.cursor
	if c.line != line || c.bytes > n {
		*c = cursor{line: line}
	}
	c.runes += utf8.RuneCount(s[c.bytes:n])
	c.bytes = n
	return at(t.file, line, c.runes+1)
}

// cursor remembers how many characters precede a byte offset of a line.
type cursor struct{ line, bytes, runes int }

// pos returns the position of byte offset i.
func (t *table) pos(data []byte, i int) source.Position {
	line, _ := slices.BinarySearch(t.lines, i+1) // lines starting at or before i
	return t.posAt(data, line, i-t.lines[line-1]+1)
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

func at(file string, line, col int) source.Position {
	return source.Position{File: file, Line: line, Column: col}
}

// decode maps rows of the table onto out (a *[]T) with gocsv. Only the
// accepted column names reach gocsv, so it cannot match a column that the
// header check rejected (gocsv would match " value" to value).
func decode[T any](t *table, rows []record, out *[]T) error {
	header := make([]string, len(t.header))
	for name, i := range t.col {
		header[i] = name
	}
	all := make([][]string, 0, len(rows)+1)
	all = append(all, header)
	for _, rec := range rows {
		all = append(all, rec.cells)
	}
	return gocsv.UnmarshalCSV(&rowsReader{rows: all}, out)
}

// rowsReader hands rows already read and checked to gocsv: it implements
// gocsv.CSVReader, so no gocsv global (SetCSVReader) is involved.
type rowsReader struct {
	rows [][]string
	next int
}

func (r *rowsReader) Read() ([]string, error) {
	if r.next >= len(r.rows) {
		return nil, io.EOF
	}
	r.next++
	return r.rows[r.next-1], nil
}

func (r *rowsReader) ReadAll() ([][]string, error) {
	rest := r.rows[r.next:]
	r.next = len(r.rows)
	return rest, nil
}

// origin is where rec was read, with the position of each accepted column.
func (t *table) origin(rec record) source.Origin {
	o := source.Origin{Row: at(t.file, rec.line, 1), Cells: make(map[string]source.Position, len(t.col))}
	for name, i := range t.col {
		o.Cells[name] = rec.pos(i)
	}
	return o
}

// row is one decoded row being converted to a model record. Its methods
// report the cells that gocsv's cell types found unreadable, and clear ok
// so that the record stays out of the model.
type row struct {
	t    *table
	rec  record
	errs *source.List
	ok   bool // no cell of this row was unreadable
}

// cell returns the index of column col, false when the column is missing
// from the file (already reported once, for the header).
func (r *row) cell(col string) (int, bool) {
	i, ok := r.t.col[col]
	return i, ok
}

// bad reports whether the cell was already reported for a forbidden
// character.
func (r *row) bad(col string) bool {
	i, ok := r.cell(col)
	return ok && r.rec.bad[i]
}

func (r *row) typeError(col, raw string, msg source.Phrase) {
	i, _ := r.cell(col)
	r.ok = false
	r.errs.Add(source.NewP(r.rec.pos(i), source.CodeType, col, raw, msg))
}

// code returns a code cell. A code with a forbidden character matches
// nothing, so its row stays out of the model.
func (r *row) code(col string, c code) string {
	if r.bad(col) {
		r.ok = false
	}
	return c.s
}

func (r *row) number(col string, n number) *float64 {
	switch {
	case r.bad(col):
		r.ok = false
		return nil
	case !n.msg.IsZero():
		r.typeError(col, n.raw, n.msg)
	}
	return n.v
}

func (r *row) year(col string, y year) int {
	switch {
	case r.bad(col):
		r.ok = false
		return 0
	case !y.msg.IsZero():
		r.typeError(col, y.raw, y.msg)
	}
	return y.v
}

// required reports an empty cell that the model cannot hold as missing (a
// target's year or value are not pointers).
func (r *row) required(col, raw string, msg source.Phrase) {
	i, ok := r.cell(col)
	if ok && raw == "" && !r.rec.bad[i] {
		r.ok = false
		r.errs.Add(source.NewP(r.rec.pos(i), source.CodeConstraint, col, raw, msg))
	}
}

// convert decodes the table into T and calls conv for each row; conv's record
// is kept when it returns true and no cell of the row was unreadable.
func convert[T, M any](t *table, errs *source.List, conv func(*row, T) M) []M {
	if t == nil || len(t.rows) == 0 {
		return nil
	}
	// Rows go through gocsv a chunk at a time, so that a large file never
	// holds every row in three forms (cells, structs, model) at once.
	const chunk = 4096
	out := make([]M, 0, len(t.rows))
	for start := 0; start < len(t.rows); start += chunk {
		rows := t.rows[start:min(start+chunk, len(t.rows))]
		var decoded []T
		if err := decode(t, rows, &decoded); err != nil || len(decoded) != len(rows) {
			// Cannot happen with our own cell types; say so rather than panic.
			errs.Add(source.Newf(source.Position{File: t.file}, source.CodeSource, "", "",
				"cannot map the rows to columns: %q", fmt.Sprint(err)))
			return nil
		}
		for i, d := range decoded {
			r := &row{t: t, rec: rows[i], errs: errs, ok: true}
			m := conv(r, d)
			if r.ok && !t.broken {
				out = append(out, m)
			}
		}
	}
	if len(out) == 0 {
		return nil // as before any row was read: no records, not an empty list
	}
	return out
}
