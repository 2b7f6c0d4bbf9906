package diag_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/msg"
)

func TestPositionString(t *testing.T) {
	tests := []struct {
		pos  diag.Position
		want string
	}{
		{diag.Position{File: "data/units.csv", Line: 3, Column: 7}, "data/units.csv:3:7"},
		{diag.Position{File: "data/units.csv", Line: 3}, "data/units.csv:3"},
		{diag.Position{File: "data/units.csv"}, "data/units.csv"},
		{diag.Position{File: "data/units.csv", Column: 7}, "data/units.csv"}, // a column without a line means nothing
		{diag.Position{File: "data/snapshots/2024-Q4.csv", Line: 12, Column: 1}, "data/snapshots/2024-Q4.csv:12:1"},
		{diag.Position{}, ""},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestPositionCompare(t *testing.T) {
	tests := []struct {
		a, b diag.Position
		want int
	}{
		{diag.Position{File: "a.csv", Line: 2, Column: 1}, diag.Position{File: "a.csv", Line: 2, Column: 1}, 0},
		{diag.Position{File: "a.csv", Line: 2, Column: 9}, diag.Position{File: "a.csv", Line: 3, Column: 1}, -1},
		{diag.Position{File: "a.csv", Line: 10}, diag.Position{File: "a.csv", Line: 9}, 1}, // numeric, not lexical
		{diag.Position{File: "a.csv", Line: 2, Column: 2}, diag.Position{File: "a.csv", Line: 2, Column: 10}, -1},
		{diag.Position{File: "b.csv", Line: 1}, diag.Position{File: "a.csv", Line: 99}, 1},
		{diag.Position{File: "a.csv"}, diag.Position{File: "a.csv", Line: 1}, -1},
	}
	for _, tt := range tests {
		if got := tt.a.Compare(tt.b); got != tt.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := tt.b.Compare(tt.a); got != -tt.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
	}
}

func TestErrorString(t *testing.T) {
	at := diag.Position{File: "data/snapshots/2024-Q4.csv", Line: 5, Column: 3}
	tests := []struct {
		name string
		err  diag.Error
		want string
	}{
		{
			"field and value",
			diag.Error{Pos: at, Code: diag.CodeType, Field: "value", Value: "12,5", Msg: "not a number: write 12.5"},
			`data/snapshots/2024-Q4.csv:5:3: value "12,5": not a number: write 12.5`,
		},
		{
			"field with empty value",
			diag.Error{Pos: at, Code: diag.CodeConstraint, Field: "unit", Msg: "required: write a unit code"},
			`data/snapshots/2024-Q4.csv:5:3: unit "": required: write a unit code`,
		},
		{
			"no field, no value",
			diag.Error{Pos: diag.Position{File: "data/units.csv"}, Code: diag.CodeSource, Msg: "file not found"},
			`data/units.csv: file not found`,
		},
		{
			"value only",
			diag.Error{Pos: diag.Position{File: "data/units.csv", Line: 1, Column: 4}, Code: diag.CodeDupLabel, Value: "code", Msg: "duplicate column name"},
			`data/units.csv:1:4: "code": duplicate column name`,
		},
		{
			"line without column",
			diag.Error{Pos: diag.Position{File: "data/units.csv", Line: 9}, Code: diag.CodeBlankRow, Msg: "blank row"},
			`data/units.csv:9: blank row`,
		},
		{
			"value with quotes",
			diag.Error{Pos: at, Field: "name_vi", Value: `Xã "Bằng Lãng"`, Msg: "unsafe"},
			`data/snapshots/2024-Q4.csv:5:3: name_vi "Xã \"Bằng Lãng\"": unsafe`,
		},
		{
			"value with a line break and a tab",
			diag.Error{Pos: at, Field: "note", Value: "dòng 1\ndòng 2\tx", Msg: "contains a line break"},
			`data/snapshots/2024-Q4.csv:5:3: note "dòng 1\ndòng 2\tx": contains a line break`,
		},
		{
			"value with a backslash and an invisible character",
			diag.Error{Pos: at, Field: "note", Value: "a\\b\u200b", Msg: "x"},
			`data/snapshots/2024-Q4.csv:5:3: note "a\\b\u200b": x`,
		},
		{
			"Vietnamese stays readable",
			diag.Error{Pos: at, Field: "unit", Value: "Đồng Lạc", Msg: "unknown unit"},
			`data/snapshots/2024-Q4.csv:5:3: unit "Đồng Lạc": unknown unit`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestListEmpty(t *testing.T) {
	var l diag.List
	if err := l.Err(); err != nil {
		t.Errorf("empty List.Err() = %v, want nil", err)
	}
	if l.Len() != 0 || len(l.Errors()) != 0 {
		t.Errorf("empty List has Len %d, Errors %v", l.Len(), l.Errors())
	}
	if got := diag.All(nil); got != nil {
		t.Errorf("All(nil) = %v, want nil", got)
	}
}

func pos(file string, line, col int) diag.Position {
	return diag.Position{File: file, Line: line, Column: col}
}

func TestListSortsStable(t *testing.T) {
	var l diag.List
	// Added out of order; the three at b.csv:2:3 keep the order they were added in.
	l.Add(&diag.Error{Pos: pos("b.csv", 2, 3), Msg: "first at b:2:3"})
	l.Add(&diag.Error{Pos: pos("a.csv", 10, 1), Msg: "a:10"})
	l.Addf(pos("b.csv", 2, 3), diag.CodeType, msgSecond, "b:2:3")
	l.Add(&diag.Error{Pos: pos("a.csv", 9, 4), Msg: "a:9"})
	l.Add(&diag.Error{Pos: pos("b.csv", 2, 3), Msg: "third at b:2:3"})
	l.Add(&diag.Error{Pos: pos("a.csv", 0, 0), Msg: "a file"})
	l.Add(&diag.Error{Pos: pos("b.csv", 1, 8), Msg: "b:1:8"})

	want := []string{
		"a.csv: a file",
		"a.csv:9:4: a:9",
		"a.csv:10:1: a:10",
		"b.csv:1:8: b:1:8",
		"b.csv:2:3: first at b:2:3",
		"b.csv:2:3: second at b:2:3",
		"b.csv:2:3: third at b:2:3",
	}
	if l.Len() != len(want) {
		t.Errorf("Len() = %d, want %d", l.Len(), len(want))
	}
	if got := messages(l.Errors()); !slices.Equal(got, want) {
		t.Errorf("Errors() =\n%q\nwant\n%q", got, want)
	}

	err := l.Err()
	if err == nil {
		t.Fatal("Err() = nil with problems recorded")
	}
	u, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("Err() is %T, want an error with Unwrap() []error", err)
	}
	var got []string
	for _, e := range u.Unwrap() {
		got = append(got, e.Error())
	}
	if !slices.Equal(got, want) {
		t.Errorf("Err().Unwrap() =\n%q\nwant\n%q", got, want)
	}
	if got := messages(diag.All(err)); !slices.Equal(got, want) {
		t.Errorf("All(Err()) =\n%q\nwant\n%q", got, want)
	}

	// Addf records the code and leaves field and value empty.
	var second *diag.Error
	for _, e := range l.Errors() {
		if e.Msg == "second at b:2:3" {
			second = e
		}
	}
	if second == nil || second.Code != diag.CodeType || second.Field != "" || second.Value != "" {
		t.Errorf("Addf recorded %+v", second)
	}
}

func TestListErrorsDoesNotReorderList(t *testing.T) {
	var l diag.List
	l.Add(&diag.Error{Pos: pos("b.csv", 1, 1), Msg: "b"})
	l.Add(&diag.Error{Pos: pos("a.csv", 1, 1), Msg: "a"})
	_ = l.Errors()
	var m diag.List
	m.Merge(&l)
	m.Add(&diag.Error{Pos: pos("a.csv", 1, 1), Msg: "a again"})
	want := []string{"a.csv:1:1: a", "a.csv:1:1: a again", "b.csv:1:1: b"}
	if got := messages(m.Errors()); !slices.Equal(got, want) {
		t.Errorf("after Merge, Errors() = %q, want %q", got, want)
	}
	if l.Len() != 2 || m.Len() != 3 {
		t.Errorf("Len: l = %d, m = %d; want 2, 3", l.Len(), m.Len())
	}
}

func TestAllWalksWrappedAndJoined(t *testing.T) {
	e1 := &diag.Error{Pos: pos("a.csv", 1, 1), Msg: "one"}
	e2 := &diag.Error{Pos: pos("a.csv", 2, 1), Msg: "two"}
	e3 := &diag.Error{Pos: pos("a.csv", 3, 1), Msg: "three"}
	e4 := &diag.Error{Pos: pos("a.csv", 4, 1), Msg: "four"}
	var l diag.List
	l.Add(e4)
	l.Add(e3)

	tests := []struct {
		name string
		err  error
		want []*diag.Error
	}{
		{"bare", e1, []*diag.Error{e1}},
		{"plain error", errors.New("disk full"), nil},
		{"wrapped", fmt.Errorf("load: %w", e1), []*diag.Error{e1}},
		{"wrapped twice", fmt.Errorf("build: %w", fmt.Errorf("load: %w", e2)), []*diag.Error{e2}},
		{"joined", errors.Join(e1, errors.New("other"), e2), []*diag.Error{e1, e2}},
		{"wrapped join", fmt.Errorf("load: %w", errors.Join(e2, e1)), []*diag.Error{e2, e1}},
		{"join of wrapped", errors.Join(fmt.Errorf("x: %w", e1), fmt.Errorf("y: %w", e2)), []*diag.Error{e1, e2}},
		{"multiple %w", fmt.Errorf("%w and %w", e1, e2), []*diag.Error{e1, e2}},
		{"list inside join", errors.Join(e1, l.Err(), e2), []*diag.Error{e1, e3, e4, e2}},
		{"wrapped fs error", fmt.Errorf("read: %w", fs.ErrNotExist), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diag.All(tt.err)
			if !slices.Equal(got, tt.want) {
				t.Errorf("All = %v, want %v", messages(got), messages(tt.want))
			}
		})
	}
}

func TestErrorsAs(t *testing.T) {
	e := &diag.Error{Pos: pos("a.csv", 1, 1), Msg: "one"}
	var target *diag.Error
	if !errors.As(fmt.Errorf("load: %w", e), &target) || target != e {
		t.Errorf("errors.As did not find the *Error through a wrap")
	}
}

func TestOriginCell(t *testing.T) {
	row := pos("data/units.csv", 4, 1)
	o := diag.NewColumns("data/units.csv", "code", "name_vi").Origin(4, diag.Place{Line: 4, Column: 1}, diag.Place{Line: 4, Column: 7})
	tests := []struct {
		origin diag.Origin
		cell   string
		want   diag.Position
	}{
		{o, "name_vi", pos("data/units.csv", 4, 7)},
		{o, "code", pos("data/units.csv", 4, 1)},
		{o, "parent", row},                      // unknown cell: the row
		{o, "", row},                            // empty name too
		{diag.Origin{Row: row}, "name_vi", row}, // no cells recorded
		{diag.Origin{}, "name_vi", diag.Position{}},
	}
	for _, tt := range tests {
		if got := tt.origin.Cell(tt.cell); got != tt.want {
			t.Errorf("Cell(%q) = %v, want %v", tt.cell, got, tt.want)
		}
	}
	if o.Row != row {
		t.Errorf("Row = %v, want %v", o.Row, row)
	}
}

// TestOriginCellOnLaterLine places the cells after a quoted line break on
// the line they start on, not on the row's.
func TestOriginCellOnLaterLine(t *testing.T) {
	const f = "data/snapshots/2024-Q4.csv"
	o := diag.NewColumns(f, "unit", "note", "source").Origin(7,
		diag.Place{Line: 7, Column: 1}, diag.Place{Line: 7, Column: 7}, diag.Place{Line: 8, Column: 4})
	want := map[string]diag.Position{"unit": pos(f, 7, 1), "note": pos(f, 7, 7), "source": pos(f, 8, 4)}
	got := map[string]diag.Position{}
	for name, p := range o.Cells() {
		got[name] = p
		if p != o.Cell(name) {
			t.Errorf("Cells gives %v for %s, Cell %v", p, name, o.Cell(name))
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cells (-want +got):\n%s", diff)
	}
}

// TestColumnsManyRows makes more Origins than one block of storage holds
// and checks that none is overwritten by a later one.
func TestColumnsManyRows(t *testing.T) {
	cols := diag.NewColumns("f.csv", "a", "b", "c")
	const n = 10000
	origins := make([]diag.Origin, n)
	for i := range n {
		line := i + 2
		origins[i] = cols.Origin(line, diag.Place{Line: line, Column: 1}, diag.Place{Line: line, Column: i%50 + 3}, diag.Place{Line: line + i%2, Column: i})
	}
	for i, o := range origins {
		line := i + 2
		if got, want := o.Cell("b"), pos("f.csv", line, i%50+3); got != want {
			t.Fatalf("row %d: b at %v, want %v", i, got, want)
		}
		if got, want := o.Cell("c"), pos("f.csv", line+i%2, i); got != want {
			t.Fatalf("row %d: c at %v, want %v", i, got, want)
		}
	}
}

func TestOriginEqual(t *testing.T) {
	p := diag.Place{Line: 2, Column: 1}
	q := diag.Place{Line: 2, Column: 5}
	ab := diag.NewColumns("f.csv", "a", "b")
	a := ab.Origin(2, p, q)
	for _, tt := range []struct {
		name string
		o    diag.Origin
		want bool
	}{
		{"itself", a, true},
		{"another row, same cells", ab.Origin(2, p, q), true},
		{"other Columns, other order", diag.NewColumns("f.csv", "b", "a").Origin(2, q, p), true},
		{"a cell elsewhere", ab.Origin(2, p, diag.Place{Line: 2, Column: 6}), false},
		{"a cell on another line", ab.Origin(2, p, diag.Place{Line: 3, Column: 5}), false},
		{"fewer cells", diag.NewColumns("f.csv", "a").Origin(2, p), false},
		{"more cells", diag.NewColumns("f.csv", "a", "b", "c").Origin(2, p, q, q), false},
		{"no cells", diag.Origin{Row: a.Row}, false},
		{"another file", diag.NewColumns("g.csv", "a", "b").Origin(2, p, q), false},
	} {
		if got := a.Equal(tt.o); got != tt.want {
			t.Errorf("%s: Equal = %v, want %v", tt.name, got, tt.want)
		}
		if got := tt.o.Equal(a); got != tt.want {
			t.Errorf("%s: Equal, reversed = %v, want %v", tt.name, got, tt.want)
		}
	}
	if !(diag.Origin{Row: a.Row}).Equal(diag.Origin{Row: a.Row}) {
		t.Error("two Origins without cells and with the same row differ")
	}
	if !cmp.Equal(a, ab.Origin(2, p, q)) {
		t.Error("go-cmp does not use Equal")
	}
}

// TestOriginJSON keeps the JSON form of an Origin to its row: cell
// positions are for messages, not for output.
func TestOriginJSON(t *testing.T) {
	o := diag.NewColumns("f.csv", "a").Origin(3, diag.Place{Line: 3, Column: 4})
	got, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"row":{"file":"f.csv","line":3,"column":1}}`; string(got) != want {
		t.Errorf("JSON = %s, want %s", got, want)
	}
}

func TestColumnsOriginWrongCount(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Origin with too few cells did not panic")
		}
	}()
	diag.NewColumns("f.csv", "a", "b").Origin(2, diag.Place{Line: 2, Column: 1})
}

func messages(errs []*diag.Error) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}

// Test messages, in the two languages.
var (
	msgSecond     = msg.New("thứ hai ở %s", "second at %s")
	msgNotANumber = msg.New("không phải là số: hãy viết %s, %s", "not a number: write %s, %s")
	msgWithADot   = msg.New("dùng dấu chấm", "with a dot")
	msgNoSnapshot = msg.New("không có số liệu cho kỳ %s", "no snapshot for period %s")
)

func TestLineAndLanguages(t *testing.T) {
	at := pos("data/snapshots/2024-Q4.csv", 5, 3)
	e := diag.Newf(at, diag.CodeType, "value", "12,5", msgNotANumber, "12.5", msgWithADot.With())
	for lang, want := range map[string]string{
		"en": `data/snapshots/2024-Q4.csv:5:3: type-error: value "12,5": not a number: write 12.5, with a dot`,
		"vi": `data/snapshots/2024-Q4.csv:5:3: type-error: value "12,5": không phải là số: hãy viết 12.5, dùng dấu chấm`,
	} {
		if got := e.Line(lang); got != want {
			t.Errorf("Line(%q) =\n%s\nwant\n%s", lang, got, want)
		}
	}
	// Error() stays the English line without the code, for Go callers.
	if got, want := e.Error(), `data/snapshots/2024-Q4.csv:5:3: value "12,5": not a number: write 12.5, with a dot`; got != want {
		t.Errorf("Error() = %s, want %s", got, want)
	}
	if e.Text.Message() != msgNotANumber || e.Msg != e.Text.String() {
		t.Errorf("Newf kept %v, Msg %q", e.Text, e.Msg)
	}
	// Made without a Text: Msg in every language; no code: the line leaves it out.
	u := &diag.Error{Pos: diag.Position{File: "data/units.csv"}, Msg: "test: 100% untranslated"}
	if got := u.Line("vi"); got != "data/units.csv: test: 100% untranslated" {
		t.Errorf("untranslated Line = %q", got)
	}
}

func TestAddfIsTranslatable(t *testing.T) {
	var l diag.List
	l.Addf(pos("content/bao-cao/2023-Q1.md", 0, 0), diag.CodeForeignKey, msgNoSnapshot, "2023-Q1")
	e := l.Errors()[0]
	if e.Text.Message() != msgNoSnapshot || len(e.Text.Args()) != 1 {
		t.Errorf("Addf kept %v", e.Text)
	}
	if got := e.Message("vi"); got != "không có số liệu cho kỳ 2023-Q1" {
		t.Errorf("Message(vi) = %q", got)
	}
	if got := e.Message("en"); got != "no snapshot for period 2023-Q1" {
		t.Errorf("Message(en) = %q", got)
	}
}
