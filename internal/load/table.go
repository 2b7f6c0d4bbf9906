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

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/msg"
)

// table is a CSV file read and checked cell by cell with encoding/csv, so
// that every cell keeps its position, before gocsv maps the rows to structs.
//
// Rows are handed on a chunk at a time (see flushRows) and their storage
// is then reused, so that a large file is never held whole in three forms
// (cells, structs, model) at once.
type table struct {
	file   string
	lines  []int          // byte offset of each line start, to turn bytes into runes
	header []string       // as read, NFC
	col    map[string]int // accepted column name → index
	cursor cursor         // last position converted, see posAt
	// broken is set when a column is missing: the rows are still checked
	// cell by cell, but none may reach the model, where a missing column
	// would look like empty cells.
	broken bool

	// origins names the accepted columns in file order; its column k is
	// cell index[k] of a row. It makes the Origins of the file's records.
	origins *diag.Columns
	index   []int
	places  []diag.Place // scratch for origin

	flush func(*table, []record) // receives each chunk of usable rows
	rows  []record               // the chunk being filled
	// The cells of the chunk's rows, reused chunk after chunk: a row costs
	// no allocation of its own.
	cells []string
	at    []cellAt
	bad   []bool
}

// chunk is how many rows go through gocsv at a time: enough to spread the
// cost of a call, few enough that the rows' cells stay small.
const chunk = 4096

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
func (r *record) pos(i int) diag.Position {
	return diag.Position{File: r.file, Line: int(r.at[i].line), Column: int(r.at[i].col)}
}

// readTable checks data as a CSV file with the given columns (in any
// order) and reports every problem to errs. It hands the rows that have
// one cell per column to flush, a chunk at a time, as they are read; the
// chunk's storage is reused once flush returns. It reads nothing more
// when the file cannot be read as a table at all.
//
// period is the period of a snapshot file ("" for the other files): the
// files Excel makes on Vietnamese Windows (UTF-16, Windows-1258,
// semicolons) can then be converted with minhbach import, and the hint
// says so.
func readTable(file string, data []byte, columns []string, allowEmpty bool, period string, errs *diag.List, flush func(*table, []record)) {
	filePos := diag.Position{File: file}
	if len(data) == 0 {
		errs.Add(diag.Newf(filePos, diag.CodeSource, "", "", msgEmpty))
		return
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		errs.Add(diag.Newf(at(file, 1, 1), diag.CodeEncoding, "", "",
			msgUTF16, resave(period)))
		return
	}
	// Excel's "CSV UTF-8" starts with a byte order mark; it is invisible in
	// editors, so columns are counted without it.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	t := &table{file: file, lines: lineStarts(data), col: map[string]int{}, flush: flush}
	if !utf8.Valid(data) {
		i := firstInvalid(data)
		errs.Add(diag.Newf(t.pos(data, i), diag.CodeEncoding, "", "",
			msgNotUTF8, data[i], resave(period)))
		return
	}

	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1 // counted here, to report extra and missing cells
	r.ReuseRecord = true   // the cells are copied into the chunk
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
				return
			}
			seen++
			continue
		}
		rec := t.record(len(cells))
		for i := range cells {
			line, col := r.FieldPos(i)
			p := t.posAt(data, line, col)
			rec.at[i] = cellAt{int32(p.Line), int32(p.Column)}
			rec.cells[i] = norm.NFC.String(cells[i])
		}
		rec.line = int(rec.at[0].line)
		if !headerDone && t.wrongDelimiter(rec, columns, period, errs) {
			return
		}
		for i, c := range rec.cells {
			if why := Forbidden(c); !why.IsZero() {
				rec.bad[i] = true
				field := ""
				if headerDone && i < len(t.header) {
					field = t.header[i]
				}
				errs.Add(diag.New(rec.pos(i), diag.CodeForbidden, field, c, why))
			}
		}
		if !headerDone {
			headerDone = true
			t.readHeader(rec, columns, errs)
			t.drop(rec)
			continue
		}
		seen++
		if !t.addRow(rec, errs) {
			t.drop(rec)
		}
	}
	if !headerDone {
		errs.Add(diag.Newf(filePos, diag.CodeSource, "", "", msgEmpty))
		return
	}
	t.flushRows()
	if seen == 0 && !allowEmpty {
		errs.Add(diag.Newf(filePos, diag.CodeSource, "", "", msgNoRows))
	}
}

// record returns a record of n cells stored in the current chunk.
func (t *table) record(n int) record {
	k := len(t.cells)
	t.cells = slices.Grow(t.cells, n)[:k+n]
	t.at = slices.Grow(t.at, n)[:k+n]
	t.bad = slices.Grow(t.bad, n)[:k+n]
	clear(t.bad[k:])
	return record{file: t.file, cells: t.cells[k : k+n : k+n], at: t.at[k : k+n : k+n], bad: t.bad[k : k+n : k+n]}
}

// drop gives back the storage of rec, the last record made, when it does
// not join the chunk.
func (t *table) drop(rec record) {
	k := len(t.cells) - len(rec.cells)
	t.cells, t.at, t.bad = t.cells[:k], t.at[:k], t.bad[:k]
}

// flushRows hands the chunk's rows on and empties the chunk.
func (t *table) flushRows() {
	if len(t.rows) > 0 && t.flush != nil {
		t.flush(t, t.rows)
	}
	clear(t.cells) // let the strings go
	t.rows, t.cells, t.at, t.bad = t.rows[:0], t.cells[:0], t.at[:0], t.bad[:0]
}

// resave is the hint for a file that Excel saved in a form the loader
// does not read: convert a snapshot with minhbach import, or save any file
// again as CSV UTF-8.
func resave(period string) msg.Text {
	if period == "" {
		return msgResave.With()
	}
	return msgConvert.With(period)
}

// wrongDelimiter reports a header read as a single column that holds the
// usual other separators: the rows of such a file cannot be read at all.
func (t *table) wrongDelimiter(header record, columns []string, period string, errs *diag.List) bool {
	if len(header.cells) != 1 || len(columns) < 2 {
		return false
	}
	switch {
	case strings.Contains(header.cells[0], ";"):
		errs.Add(diag.Newf(header.pos(0), diag.CodeFormat, "", "",
			msgSemicolons, resave(period)))
		return true
	case strings.Contains(header.cells[0], "\t"):
		errs.Add(diag.Newf(header.pos(0), diag.CodeFormat, "", "",
			msgTabs, resave(period)))
		return true
	}
	return false
}

// readHeader checks the column names, in any order.
func (t *table) readHeader(rec record, columns []string, errs *diag.List) {
	t.header = slices.Clone(rec.cells)
	for i, name := range rec.cells {
		pos := rec.pos(i)
		switch {
		case rec.bad[i]:
			// already reported
		case strings.TrimSpace(name) == "":
			errs.Add(diag.Newf(pos, diag.CodeBlankLabel, "", "", msgBlankLabel))
		case t.has(name):
			errs.Add(diag.Newf(pos, diag.CodeDupLabel, "", name, msgDupLabel, t.col[name]+1))
		case slices.Contains(columns, name):
			t.col[name] = i
		case guessColumn(name, columns) != "":
			errs.Add(diag.Newf(pos, diag.CodeExtraLabel, "", name,
				msgDidYouMean, guessColumn(name, columns)))
		default:
			errs.Add(diag.Newf(pos, diag.CodeExtraLabel, "", name,
				msgUnknownColumn, strings.Join(columns, ", ")))
		}
	}
	var names []string
	for i, name := range t.header {
		if j, ok := t.col[name]; ok && j == i {
			names = append(names, name)
			t.index = append(t.index, i)
		}
	}
	t.origins = diag.NewColumns(t.file, names...)
	for _, c := range columns {
		if !t.has(c) {
			t.broken = true
			errs.Add(diag.Newf(diag.Position{File: t.file, Line: rec.line, Column: 1}, diag.CodeMissing, "", "",
				msgMissingColumn, c))
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
// usable, reporting whether it did.
func (t *table) addRow(rec record, errs *diag.List) bool {
	blank := true
	for _, c := range rec.cells {
		if strings.TrimSpace(c) != "" {
			blank = false
			break
		}
	}
	row := diag.Position{File: t.file, Line: rec.line, Column: 1}
	switch {
	case blank:
		errs.Add(diag.Newf(row, diag.CodeBlankRow, "", "", msgBlankRow))
	case len(rec.cells) > len(t.header):
		// A row with the wrong number of cells has its cells shifted, so
		// none of them can be trusted: it does not reach the model.
		n := len(t.header)
		if strings.TrimSpace(strings.Join(rec.cells[n:], "")) == "" {
			errs.Add(diag.Newf(rec.pos(n), diag.CodeExtraCell, "", rec.cells[n],
				msgTrailingComma, len(rec.cells), n))
			break
		}
		errs.Add(diag.Newf(rec.pos(n), diag.CodeExtraCell, "", rec.cells[n],
			msgExtraCell, len(rec.cells), n))
	case len(rec.cells) < len(t.header):
		last := len(rec.cells) - 1
		errs.Add(diag.Newf(rec.pos(last), diag.CodeMissingCell, "", "",
			msgMissingCell, len(rec.cells), len(t.header)))
	default:
		t.rows = append(t.rows, rec)
		if len(t.rows) == chunk {
			t.flushRows()
		}
		return true
	}
	return false
}

// parseError reports a quoting error from encoding/csv at the place a
// person should look.
func (t *table) parseError(data []byte, err error, errs *diag.List) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		errs.Add(diag.Newf(diag.Position{File: t.file}, diag.CodeSource, "", "", msgCannotRead, err))
		return
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		errs.Add(diag.Newf(t.posAt(data, pe.Line, pe.Column), diag.CodeFormat, "", "",
			MsgStrayQuote))
	case errors.Is(pe.Err, csv.ErrQuote) && t.byteAt(data, pe.Line, pe.Column) == '"':
		// encoding/csv points at a closing quote followed by more text.
		errs.Add(diag.Newf(t.posAt(data, pe.Line, pe.Column), diag.CodeFormat, "", "",
			MsgAfterQuote))
	case errors.Is(pe.Err, csv.ErrQuote):
		// The file ended inside a quoted cell: point at where it opened.
		errs.Add(diag.Newf(t.openQuote(data, pe.StartLine), diag.CodeFormat, "", "",
			MsgOpenQuote))
	default:
		errs.Add(diag.Newf(t.posAt(data, pe.Line, pe.Column), diag.CodeFormat, "", "",
			msgBadCSV, pe.Err))
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
// starting on line.
func (t *table) openQuote(data []byte, line int) diag.Position {
	open := OpenQuote(t.lineText(data, line), ',')
	if open < 0 {
		return at(t.file, line, 1)
	}
	return t.posAt(data, line, open+1)
}

// OpenQuote returns the byte index in line of the quote mark that opens
// the last quoted cell, or -1: for a record whose quote is never closed,
// where a reader should look for the missing closing quote. The importer
// uses it too, with its own delimiter.
func OpenQuote[T string | []byte](line T, comma rune) int {
	open, in, start := -1, false, true
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case in && c == '"' && i+1 < len(line) && line[i+1] == '"':
			i++
		case in && c == '"':
			in = false
		case !in && start && c == '"':
			in, open = true, i
		}
		start = !in && rune(c) == comma
	}
	return open
}

// Forbidden says why a cell's text cannot be accepted, or is the zero
// Text: control characters are invisible in a spreadsheet and break the
// files people download, so they are never silently kept. The importer
// says the same of a cell it reads.
func Forbidden(s string) msg.Text {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			return msgLineBreak.With()
		case r == '\t':
			return msgTab.With()
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F):
			return msgControl.With(r)
		}
	}
	return msg.Text{}
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
func (t *table) posAt(data []byte, line, byteCol int) diag.Position {
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
func (t *table) pos(data []byte, i int) diag.Position {
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

func at(file string, line, col int) diag.Position {
	return diag.Position{File: file, Line: line, Column: col}
}

// converter maps the rows of one file, a chunk at a time, to structs of
// cell types with gocsv (T) and then to model records (M) with conv.
type converter[T, M any] struct {
	conv    func(*row, T) M
	errs    *diag.List
	out     []M
	decoded []T        // gocsv's output, reused chunk after chunk
	input   [][]string // gocsv's input: the header, then the chunk's rows
	failed  bool
	store
}

// store holds what the records of a Dataset share.
type store struct {
	strs   *interner
	floats []float64 // the free part of the block figures point into
}

// chunk converts rows and keeps the records of those whose cells could
// all be read, unless a column is missing from the file.
func (c *converter[T, M]) chunk(t *table, rows []record) {
	if c.failed {
		return
	}
	if c.out == nil {
		// A row per line, less the header, is the most there can be:
		// growing the slice instead would copy it over and over.
		c.out = make([]M, 0, len(t.lines)-1)
	}
	if err := c.decode(t, rows); err != nil {
		// Cannot happen with our own cell types; say so rather than panic.
		c.errs.Add(diag.Newf(diag.Position{File: t.file}, diag.CodeSource, "", "",
			msgUnmarshal, fmt.Sprint(err)))
		c.failed = true
		return
	}
	for i, d := range c.decoded[:len(rows)] {
		r := &row{t: t, rec: rows[i], errs: c.errs, st: &c.store, ok: true}
		m := c.conv(r, d)
		if r.ok && !t.broken {
			c.out = append(c.out, m)
		}
	}
}

// decode maps rows onto c.decoded with gocsv. Only the accepted column
// names reach gocsv, so it cannot match a column that the header check
// rejected (gocsv would match " value" to value). gocsv fills the slice it
// is given when it is long enough, so the structs are allocated once.
func (c *converter[T, M]) decode(t *table, rows []record) error {
	header := make([]string, len(t.header))
	for name, i := range t.col {
		header[i] = name
	}
	c.input = append(c.input[:0], header)
	for _, rec := range rows {
		c.input = append(c.input, rec.cells)
	}
	err := gocsv.UnmarshalCSV(&rowsReader{rows: c.input}, &c.decoded)
	clear(c.input) // let the chunk's cells go
	if err == nil && len(c.decoded) < len(rows) {
		err = fmt.Errorf("%d rows for %d", len(c.decoded), len(rows))
	}
	return err
}

// records returns the records kept: nil, not an empty list, when there is
// none, as before any row was read.
func (c *converter[T, M]) records() []M {
	if c.failed || len(c.out) == 0 {
		return nil
	}
	return c.out
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
func (t *table) origin(rec record) diag.Origin {
	t.places = t.places[:0]
	for _, i := range t.index {
		t.places = append(t.places, diag.Place{Line: int(rec.at[i].line), Column: int(rec.at[i].col)})
	}
	return t.origins.Origin(rec.line, t.places...)
}

// float returns a pointer to v, taken from a block shared with other
// figures: a snapshot has a few figures per row, and one allocation each
// would cost more than the figures.
func (s *store) float(v float64) *float64 {
	if len(s.floats) == 0 {
		s.floats = make([]float64, chunk)
	}
	p := &s.floats[0]
	*p = v
	s.floats = s.floats[1:]
	return p
}

// interner keeps one copy of each text that repeats from row to row (unit
// and indicator codes, notes, sources), so that the model does not keep
// every row's text alive. It stops taking new texts after a bound, so
// that a file of texts that never repeat costs no more than without it.
type interner struct{ m map[string]string }

const maxInterned = 1 << 16

func (in *interner) get(s string) string {
	if s == "" || in == nil {
		return s
	}
	if v, ok := in.m[s]; ok {
		return v
	}
	if in.m == nil {
		in.m = map[string]string{}
	}
	if len(in.m) >= maxInterned {
		return s
	}
	s = strings.Clone(s) // not a part of the row's text, which can then go
	in.m[s] = s
	return s
}

// row is one decoded row being converted to a model record. Its methods
// report the cells that gocsv's cell types found unreadable, and clear ok
// so that the record stays out of the model.
type row struct {
	t    *table
	rec  record
	errs *diag.List
	st   *store
	ok   bool // no cell of this row was unreadable
}

// origin is where the row was read.
func (r *row) origin() diag.Origin { return r.t.origin(r.rec) }

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

func (r *row) typeError(col, raw string, why msg.Text) {
	i, _ := r.cell(col)
	r.ok = false
	r.errs.Add(diag.New(r.rec.pos(i), diag.CodeType, col, raw, why))
}

// code returns a code cell. A code with a forbidden character matches
// nothing, so its row stays out of the model.
func (r *row) code(col string, c code) string {
	if r.bad(col) {
		r.ok = false
	}
	return r.st.strs.get(c.s)
}

// text returns a text cell.
func (r *row) text(x text) string { return r.st.strs.get(x.s) }

func (r *row) number(col string, n number) *float64 {
	switch {
	case r.bad(col):
		r.ok = false
		return nil
	case n.why != nil:
		r.typeError(col, n.raw, *n.why)
		return nil
	case n.raw == "":
		return nil
	}
	return r.st.float(n.v)
}

func (r *row) year(col string, y year) int {
	switch {
	case r.bad(col):
		r.ok = false
		return 0
	case !y.why.IsZero():
		r.typeError(col, y.raw, y.why)
	}
	return y.v
}

// required reports an empty cell that the model cannot hold as missing (a
// target's year or value are not pointers).
func (r *row) required(col, raw string, why msg.Text) {
	i, ok := r.cell(col)
	if ok && raw == "" && !r.rec.bad[i] {
		r.ok = false
		r.errs.Add(diag.New(r.rec.pos(i), diag.CodeConstraint, col, raw, why))
	}
}
