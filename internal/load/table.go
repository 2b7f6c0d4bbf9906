package load

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
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
	line  int
	cells []string
	pos   []source.Position
	bad   []bool // cell already reported (forbidden character)
}

// readTable checks data as a CSV file with the given columns (in any
// order) and reports every problem to errs. It returns nil when the file
// cannot be read as a table at all.
func readTable(file string, data []byte, columns []string, allowEmpty bool, errs *source.List) *table {
	filePos := source.Position{File: file}
	if len(data) == 0 {
		errs.Add(&source.Error{Pos: filePos, Code: source.CodeSource, Msg: "empty file: it needs at least the header row"})
		return nil
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		errs.Add(&source.Error{Pos: at(file, 1, 1), Code: source.CodeEncoding,
			Msg: `the file is saved as UTF-16 ("Unicode Text"): save it as "CSV UTF-8 (Comma delimited)"`})
		return nil
	}
	// Excel's "CSV UTF-8" starts with a byte order mark; it is invisible in
	// editors, so columns are counted without it.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	t := &table{file: file, lines: lineStarts(data), col: map[string]int{}}
	if !utf8.Valid(data) {
		i := firstInvalid(data)
		errs.Add(&source.Error{Pos: t.pos(data, i), Code: source.CodeEncoding,
			Msg: fmt.Sprintf(`not UTF-8 text (byte 0x%02X), perhaps Windows-1258: save the file as "CSV UTF-8 (Comma delimited)"`, data[i])})
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
		rec := record{cells: cells, pos: make([]source.Position, len(cells)), bad: make([]bool, len(cells))}
		for i := range cells {
			line, col := r.FieldPos(i)
			rec.pos[i] = t.posAt(data, line, col)
			rec.cells[i] = norm.NFC.String(cells[i])
		}
		rec.line = rec.pos[0].Line
		if !headerDone && t.wrongDelimiter(rec, columns, errs) {
			return nil
		}
		for i, c := range rec.cells {
			if msg := forbidden(c); msg != "" {
				rec.bad[i] = true
				field := ""
				if headerDone && i < len(t.header) {
					field = t.header[i]
				}
				errs.Add(&source.Error{Pos: rec.pos[i], Code: source.CodeForbidden, Field: field, Value: c, Msg: msg})
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
		errs.Add(&source.Error{Pos: filePos, Code: source.CodeSource, Msg: "empty file: it needs at least the header row"})
		return nil
	}
	if seen == 0 && !allowEmpty {
		errs.Add(&source.Error{Pos: filePos, Code: source.CodeSource, Msg: "no data rows: the file has only its header row"})
	}
	return t
}

// wrongDelimiter reports a header read as a single column that holds the
// usual other separators: the rows of such a file cannot be read at all.
func (t *table) wrongDelimiter(header record, columns []string, errs *source.List) bool {
	if len(header.cells) != 1 || len(columns) < 2 {
		return false
	}
	for _, d := range []struct{ sep, name, why string }{
		{";", "semicolons", "Excel with Vietnamese settings"},
		{"\t", "tabs", `Excel "Unicode Text" or "Text (Tab delimited)"`},
	} {
		if strings.Contains(header.cells[0], d.sep) {
			errs.Add(&source.Error{Pos: header.pos[0], Code: source.CodeFormat,
				Msg: fmt.Sprintf("expected commas between columns; this file uses %s (%s): save it as CSV UTF-8 with commas", d.name, d.why)})
			return true
		}
	}
	return false
}

// readHeader checks the column names, in any order.
func (t *table) readHeader(rec record, columns []string, errs *source.List) {
	t.header = rec.cells
	for i, name := range rec.cells {
		pos := rec.pos[i]
		switch {
		case rec.bad[i]:
			// already reported
		case strings.TrimSpace(name) == "":
			errs.Add(&source.Error{Pos: pos, Code: source.CodeBlankLabel, Msg: "blank column name: name the column or delete it"})
		case t.has(name):
			errs.Add(&source.Error{Pos: pos, Code: source.CodeDupLabel, Value: name,
				Msg: fmt.Sprintf("column name used twice: also column %d", t.col[name]+1)})
		case slices.Contains(columns, name):
			t.col[name] = i
		default:
			msg := "unknown column: expected " + strings.Join(columns, ", ")
			if guess := guessColumn(name, columns); guess != "" {
				msg = fmt.Sprintf("unknown column: did you mean %q? (column names are lower case, without spaces)", guess)
			}
			errs.Add(&source.Error{Pos: pos, Code: source.CodeExtraLabel, Value: name, Msg: msg})
		}
	}
	for _, c := range columns {
		if !t.has(c) {
			t.broken = true
			errs.Add(&source.Error{Pos: source.Position{File: t.file, Line: rec.line, Column: 1}, Code: source.CodeMissing,
				Msg: fmt.Sprintf("missing column %q", c)})
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
		errs.Add(&source.Error{Pos: row, Code: source.CodeBlankRow, Msg: "blank row: delete it"})
	case len(rec.cells) > len(t.header):
		// A row with the wrong number of cells has its cells shifted, so
		// none of them can be trusted: it does not reach the model.
		n := len(t.header)
		hint := ""
		if strings.TrimSpace(strings.Join(rec.cells[n:], "")) == "" {
			hint = " (a comma too many at the end?)"
		}
		errs.Add(&source.Error{Pos: rec.pos[n], Code: source.CodeExtraCell, Value: rec.cells[n],
			Msg: fmt.Sprintf("extra cell: this row has %d cells but the header has %d columns%s", len(rec.cells), n, hint)})
	case len(rec.cells) < len(t.header):
		last := len(rec.cells) - 1
		errs.Add(&source.Error{Pos: rec.pos[last], Code: source.CodeMissingCell,
			Msg: fmt.Sprintf("missing cell: this row has %d cells but the header has %d columns; a comma inside a cell needs quotes around the cell", len(rec.cells), len(t.header))})
	default:
		t.rows = append(t.rows, rec)
	}
}

// parseError reports a quoting error from encoding/csv at the place a
// person should look.
func (t *table) parseError(data []byte, err error, errs *source.List) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		errs.Add(&source.Error{Pos: source.Position{File: t.file}, Code: source.CodeSource, Msg: "cannot read: " + err.Error()})
		return
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		errs.Add(&source.Error{Pos: t.posAt(data, pe.Line, pe.Column), Code: source.CodeFormat,
			Msg: `stray quote mark inside a cell: put the whole cell in quotes and write each quote mark inside it twice ("")`})
	case errors.Is(pe.Err, csv.ErrQuote) && t.byteAt(data, pe.Line, pe.Column) == '"':
		// encoding/csv points at a closing quote followed by more text.
		errs.Add(&source.Error{Pos: t.posAt(data, pe.Line, pe.Column), Code: source.CodeFormat,
			Msg: `text after the closing quote mark: put the whole cell in quotes and write each quote mark inside it twice ("")`})
	case errors.Is(pe.Err, csv.ErrQuote):
		// The file ended inside a quoted cell: point at where it opened.
		errs.Add(&source.Error{Pos: t.openQuote(data, pe.StartLine), Code: source.CodeFormat,
			Msg: "quote mark opened here is never closed: close it, or write a quote mark inside a cell twice (\"\")"})
	default:
		errs.Add(&source.Error{Pos: t.posAt(data, pe.Line, pe.Column), Code: source.CodeFormat, Msg: pe.Err.Error()})
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
func forbidden(s string) string {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			return "contains a line break: keep the text of a cell on one line"
		case r == '\t':
			return "contains a tab character: delete it"
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F):
			return fmt.Sprintf("contains an invisible control character (U+%04X): delete it", r)
		}
	}
	return ""
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

// decode maps the table's rows onto out (a *[]T) with gocsv. Only the
// accepted column names reach gocsv, so it cannot match a column that the
// header check rejected (gocsv would match " value" to value).
func decode[T any](t *table, out *[]T) error {
	header := make([]string, len(t.header))
	for name, i := range t.col {
		header[i] = name
	}
	all := make([][]string, 0, len(t.rows)+1)
	all = append(all, header)
	for _, rec := range t.rows {
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
		o.Cells[name] = rec.pos[i]
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

func (r *row) typeError(col, raw, msg string) {
	i, _ := r.cell(col)
	r.ok = false
	r.errs.Add(&source.Error{Pos: r.rec.pos[i], Code: source.CodeType, Field: col, Value: raw, Msg: msg})
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
	case n.msg != "":
		r.typeError(col, n.raw, n.msg)
	}
	return n.v
}

func (r *row) year(col string, y year) int {
	switch {
	case r.bad(col):
		r.ok = false
		return 0
	case y.msg != "":
		r.typeError(col, y.raw, y.msg)
	}
	return y.v
}

// required reports an empty cell that the model cannot hold as missing (a
// target's year or value are not pointers).
func (r *row) required(col, raw, what string) {
	i, ok := r.cell(col)
	if ok && raw == "" && !r.rec.bad[i] {
		r.ok = false
		r.errs.Add(&source.Error{Pos: r.rec.pos[i], Code: source.CodeConstraint, Field: col, Value: raw, Msg: "missing: give the " + what})
	}
}

// convert decodes the table into T and calls conv for each row; conv's record
// is kept when it returns true and no cell of the row was unreadable.
func convert[T, M any](t *table, errs *source.List, conv func(*row, T) M) []M {
	if t == nil || len(t.rows) == 0 {
		return nil
	}
	var decoded []T
	if err := decode(t, &decoded); err != nil || len(decoded) != len(t.rows) {
		// Cannot happen with our own cell types; say so rather than panic.
		errs.Add(&source.Error{Pos: source.Position{File: t.file}, Code: source.CodeSource,
			Msg: "cannot map the rows to columns: " + strconv.Quote(fmt.Sprint(err))})
		return nil
	}
	var out []M
	for i, d := range decoded {
		r := &row{t: t, rec: t.rows[i], errs: errs, ok: true}
		m := conv(r, d)
		if r.ok && !t.broken {
			out = append(out, m)
		}
	}
	return out
}
