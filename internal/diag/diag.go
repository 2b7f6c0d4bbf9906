// Package diag describes where a value came from in the input files and
// carries the positioned errors that the loader and validator report.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/msg"
)

// Position is a place in an input file. Line and Column are 1-based; Column
// counts characters (runes), since staff count what they see in an editor,
// not bytes. A zero Line or Column is omitted when printed. In a workbook,
// Sheet names the worksheet and Line/Column are its row and column.
type Position struct {
	File   string `json:"file"`
	Sheet  string `json:"sheet,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// String prints the position as "file:line:col", the form editors and
// terminals turn into links, or "file:Sheet!D7" in a workbook, the form
// Excel users know.
func (p Position) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteString(":" + p.Sheet)
		if p.Line > 0 {
			b.WriteString("!" + ColumnName(p.Column) + strconv.Itoa(p.Line))
		}
		return b.String()
	}
	if p.Line > 0 {
		b.WriteString(":" + strconv.Itoa(p.Line))
		if p.Column > 0 {
			b.WriteString(":" + strconv.Itoa(p.Column))
		}
	}
	return b.String()
}

// ColumnName is a spreadsheet column's letters: 1 → A, 27 → AA. It is
// empty for 0 (a whole row).
func ColumnName(col int) string {
	var b []byte
	for ; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}

// Compare orders positions by file, sheet, line, then column.
func (p Position) Compare(q Position) int {
	return cmp.Or(cmp.Compare(p.File, q.File), cmp.Compare(p.Sheet, q.Sheet), cmp.Compare(p.Line, q.Line), cmp.Compare(p.Column, q.Column))
}

// Error codes, named after Frictionless where one fits, so reports can be
// read by tools that know that vocabulary.
const (
	CodeSource      = "source-error"
	CodeEncoding    = "encoding-error"
	CodeFormat      = "format-error"
	CodeBlankLabel  = "blank-label"
	CodeDupLabel    = "duplicate-label"
	CodeMissing     = "missing-label"
	CodeExtraLabel  = "extra-label"
	CodeExtraCell   = "extra-cell"
	CodeMissingCell = "missing-cell"
	CodeBlankRow    = "blank-row"
	CodeType        = "type-error"
	CodeConstraint  = "constraint-error"
	CodeRow         = "row-constraint"
	CodePrimaryKey  = "primary-key"
	CodeForeignKey  = "foreign-key"
	CodeUnsafeText  = "unsafe-text"
	CodeForbidden   = "forbidden-char"
	CodeOverlap     = "period-overlap"
	CodeSizeLimit   = "size-limit"     // a file too large to check safely
	CodeUnsafePath  = "unsafe-path"    // a code that cannot become a folder or web address
	CodeSlugCollide = "slug-collision" // two codes that become the same folder
	CodeChecksum    = "hash-count"     // a file whose SHA-256 is not the one recorded
	CodeTarget      = "target-error"   // a publishing target that cannot be used
)

// Error is one problem in the input, tied to the position it was found at.
type Error struct {
	Pos   Position `json:"position"`
	Code  string   `json:"code"`
	Field string   `json:"field,omitempty"` // column name, when the problem is in one cell
	Value string   `json:"value,omitempty"` // the offending text as written
	Msg   string   `json:"message"`         // plain words, lower-case, no final period (English)

	// Through is the last cell of a run of cells with this same problem,
	// from Pos, and Count how many cells it is (see Collapse); zero for
	// one cell.
	Through Position `json:"through,omitzero"`
	Count   int      `json:"count,omitempty"`

	// Text is the message, to be said in either language (see package
	// msg); Msg is its English form. An Error made without a Text says
	// Msg in every language.
	Text msg.Text `json:"-"`
}

// Newf makes an Error whose message is m with its arguments.
func Newf(pos Position, code, field, value string, m *msg.Message, args ...any) *Error {
	return New(pos, code, field, value, m.With(args...))
}

// New makes an Error whose message is t.
func New(pos Position, code, field, value string, t msg.Text) *Error {
	return &Error{Pos: pos, Code: code, Field: field, Value: value, Msg: t.String(), Text: t}
}

// Message returns the message in lang ("vi" or "en", see package msg).
func (e *Error) Message(lang string) string {
	if e.Text.IsZero() {
		return e.Msg
	}
	return e.Text.In(lang)
}

// Error prints `file:line:col: field "value": message` in English, leaving
// out the parts that are empty. It is the form Go callers and logs see; a
// report for people uses Line.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Pos.String())
	b.WriteString(": ")
	e.writeTail(&b, e.Msg)
	return b.String()
}

// Line prints the problem as one line of a report in lang:
// `file:line:col: code: field "value": message`, leaving out the parts
// that are empty. The code is a stable name (Frictionless where one fits),
// the same in every language, for people to search and tools to match.
func (e *Error) Line(lang string) string {
	var b strings.Builder
	b.WriteString(e.Where(lang))
	b.WriteString(": ")
	if e.Code != "" {
		b.WriteString(e.Code)
		b.WriteString(": ")
	}
	e.writeTail(&b, e.Message(lang))
	return b.String()
}

func (e *Error) writeTail(b *strings.Builder, msg string) {
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(" ")
		b.WriteString(strconv.Quote(e.Value))
		b.WriteString(": ")
	} else if e.Value != "" {
		b.WriteString(strconv.Quote(e.Value))
		b.WriteString(": ")
	}
	b.WriteString(msg)
}

// List collects every problem found, so that staff can fix a file in one
// pass instead of one error per run.
type List struct {
	errs []*Error
}

// Add records a problem.
func (l *List) Add(e *Error) { l.errs = append(l.errs, e) }

// Addf records a problem without a field: m with its arguments.
func (l *List) Addf(pos Position, code string, m *msg.Message, args ...any) {
	l.Add(Newf(pos, code, "", "", m, args...))
}

// Len reports how many problems were recorded.
func (l *List) Len() int { return len(l.errs) }

// Errors returns the problems sorted by position (stable for equal ones).
func (l *List) Errors() []*Error {
	out := slices.Clone(l.errs)
	slices.SortStableFunc(out, func(a, b *Error) int { return a.Pos.Compare(b.Pos) })
	return out
}

// Err returns nil when nothing was recorded, otherwise an error whose
// Unwrap() []error yields each problem in position order.
func (l *List) Err() error {
	if len(l.errs) == 0 {
		return nil
	}
	sorted := l.Errors()
	errs := make([]error, len(sorted))
	for i, e := range sorted {
		errs[i] = e
	}
	return errors.Join(errs...)
}

// Merge appends every problem of other.
func (l *List) Merge(other *List) { l.errs = append(l.errs, other.errs...) }

// All returns every *Error inside err (joined or wrapped), in order.
func All(err error) []*Error {
	var out []*Error
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if e, ok := err.(*Error); ok {
			out = append(out, e)
			return
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		}
	}
	walk(err)
	return out
}

// Origin is where a record was read: its row, and where each of its cells
// starts, so that later stages can point at the exact cell.
//
// Cell positions are stored compactly, because a large snapshot has a
// record per row: the column names are shared by every row of a file (see
// Columns), and each row keeps only its cells' columns as int32s, with
// their lines only when a cell starts on another line than the row (a
// quoted line break). An Origin made as a literal, Origin{Row: p}, has no
// cell positions: every cell is then placed at the row. The zero Origin is
// valid and says nothing.
//
// Compare Origins with Equal (go-cmp uses it), not ==. An Origin does not
// change once made.
type Origin struct {
	Row  Position `json:"row"`
	cols *Columns
	// at holds the column of cell i at at[i] and, when at is twice as long
	// as the names, its line at at[n+i]; otherwise every cell is on Row's
	// line.
	at []int32
}

// Cell returns the position of the named cell, or the row's when unknown.
func (o Origin) Cell(name string) Position {
	if p, ok := o.lookup(name); ok {
		return p
	}
	return o.Row
}

// cell is the position of the i-th named cell.
func (o Origin) cell(i int) Position {
	p := Position{File: o.Row.File, Sheet: o.Row.Sheet, Line: o.Row.Line, Column: int(o.at[i])}
	if n := len(o.cols.names); len(o.at) == 2*n {
		p.Line = int(o.at[n+i])
	}
	return p
}

// Cells yields the name and position of each cell with a known position,
// in the order of the file's columns.
func (o Origin) Cells() iter.Seq2[string, Position] {
	return func(yield func(string, Position) bool) {
		if o.cols == nil {
			return
		}
		for i, n := range o.cols.names {
			if !yield(n, o.cell(i)) {
				return
			}
		}
	}
}

// Equal reports whether o and p give the same row and the same position
// for every cell, whatever the order of their columns: two Origins of the
// same cells are equal even when made from different Columns.
func (o Origin) Equal(p Origin) bool {
	if o.Row != p.Row {
		return false
	}
	n := 0
	for name, pos := range o.Cells() {
		n++
		q, ok := p.lookup(name)
		if !ok || q != pos {
			return false
		}
	}
	m := 0
	for range p.Cells() {
		m++
	}
	return n == m
}

// lookup is Cell without the fallback to the row.
func (o Origin) lookup(name string) (Position, bool) {
	if o.cols != nil {
		for i, n := range o.cols.names {
			if n == name {
				return o.cell(i), true
			}
		}
	}
	return Position{}, false
}

// Columns names the columns of a file whose records get cell positions,
// and stores those positions for them. One Columns serves every row of a
// file, so that a row costs a few bytes per cell rather than a map of
// Positions. It is not safe for concurrent use while Origins are being
// made; the Origins it returns are.
type Columns struct {
	file  string
	names []string
	store []int32 // the free part of the current block of cell positions
}

// NewColumns returns the Columns of file with the given column names, in
// the order Origin receives the cells.
func NewColumns(file string, names ...string) *Columns {
	return &Columns{file: file, names: slices.Clone(names)}
}

// Place is where a cell starts: a line and a column, as in Position.
type Place struct{ Line, Column int }

// Origin returns the Origin of a row that starts on line (its Row is the
// line's first column), whose cells, one per column name, start at cells.
// Lines and columns are stored as int32: the loader's size limit keeps
// them far below. It panics when the number of cells is not the number of
// names, a mistake in the caller.
func (c *Columns) Origin(line int, cells ...Place) Origin {
	n := len(c.names)
	if len(cells) != n {
		panic(fmt.Sprintf("source.Columns.Origin: %d cells for %d columns", len(cells), n))
	}
	size := n
	for _, p := range cells {
		if p.Line != line {
			size = 2 * n
			break
		}
	}
	at := c.alloc(size)
	for i, p := range cells {
		at[i] = int32(p.Column)
		if size > n {
			at[n+i] = int32(p.Line)
		}
	}
	return Origin{Row: Position{File: c.file, Line: line, Column: 1}, cols: c, at: at}
}

// alloc returns n int32s for one Origin, taken from a block shared with
// other rows: one allocation serves thousands of rows.
func (c *Columns) alloc(n int) []int32 {
	if len(c.store) < n {
		c.store = make([]int32, max(n, 8192))
	}
	at := c.store[:n:n]
	c.store = c.store[n:]
	return at
}

// msgCells counts the cells of a collapsed problem.
var msgCells = msg.New("%d ô", "%d cells")

// Where prints the problem's position, or for a run of cells (see
// Collapse) its range and count in lang: "file:Biểu 01!B9:B17 (9 ô)" in a
// workbook, "file:5:22-8:20 (4 ô)" in a text file.
func (e *Error) Where(lang string) string {
	if e.Count < 2 {
		return e.Pos.String()
	}
	end := e.Through
	var to string
	if e.Pos.Sheet != "" {
		to = ":" + ColumnName(end.Column) + strconv.Itoa(end.Line)
	} else {
		to = "-" + strconv.Itoa(end.Line) + ":" + strconv.Itoa(end.Column)
	}
	return e.Pos.String() + to + " (" + msgCells.With(e.Count).In(lang) + ")"
}

// Collapse replaces problems that are the same (code, field, value and
// message, in every language) in the same file, and in a workbook the
// same column, by one problem over their cells: its Pos is the first,
// Through the last, Count how many. A mistake repeated on every row of a
// block is then one line to read, not nine. Problems of a whole file
// (no line) are kept as they are. The result is in position order.
func Collapse(errs []*Error) []*Error {
	type key struct {
		file, sheet        string
		column             int
		code, field, value string
		vi, en             string
	}
	at := map[key]int{}
	var out []*Error
	sorted := slices.Clone(errs)
	slices.SortStableFunc(sorted, func(a, b *Error) int { return a.Pos.Compare(b.Pos) })
	for _, e := range sorted {
		if e.Pos.Line == 0 || e.Count > 0 {
			out = append(out, e)
			continue
		}
		k := key{file: e.Pos.File, sheet: e.Pos.Sheet, code: e.Code, field: e.Field, value: e.Value, vi: e.Message("vi"), en: e.Message("en")}
		if e.Pos.Sheet != "" {
			k.column = e.Pos.Column
		}
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			out = append(out, e)
			continue
		}
		first := *out[i]
		first.Count = max(first.Count, 1) + 1
		first.Through = e.Pos
		out[i] = &first
	}
	return out
}
