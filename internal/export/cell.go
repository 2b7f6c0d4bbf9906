package export

import (
	"bytes"
	"strings"
)

// formulaStart are the characters that make a spreadsheet read a cell as a
// formula (or, for tab and CR, that Excel drops before reading one).
const formulaStart = "=+-@\t\r"

// Safe is the one rule against formula injection (OWASP's "CSV
// injection"), for every cell of every CSV served: text that a spreadsheet
// would run as a formula gets a leading apostrophe, so it is shown as
// written. A plain number ("-2.5") is a number, not a formula, and is left
// as it is.
func Safe(s string) string {
	if s == "" || !strings.ContainsRune(formulaStart, rune(s[0])) || plainNumber(s) {
		return s
	}
	return "'" + s
}

// Unsafe undoes Safe, for reading back a file this package wrote.
func Unsafe(s string) string {
	if len(s) > 1 && s[0] == '\'' && Safe(s[1:]) == s {
		return s[1:]
	}
	return s
}

// plainNumber reports a decimal number with an optional sign: digits, an
// optional dot and digits. Nothing else ("-2+3", "+cmd", "-") is one.
func plainNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	ip, fp, dot := strings.Cut(s, ".")
	return ip != "" && digits(ip) && (!dot || (fp != "" && digits(fp)))
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// cell is one CSV cell: text, or a number written bare.
type cell struct {
	s   string
	num bool
}

func txt(s string) cell { return cell{s: s} }

// csvOut writes the CSV files journalists download: a UTF-8 BOM (Excel
// needs it to read UTF-8), then records. Every non-empty text cell is
// quoted and made Safe; numbers are bare. LibreOffice's "Format quoted
// field as text" import option then keeps codes ("02020"), periods and
// counts such as "8/8" as text, while numbers stay numbers. An empty cell
// is written empty: missing, never zero.
type csvOut struct{ buf bytes.Buffer }

func newCSV() *csvOut {
	c := &csvOut{}
	c.buf.WriteString("\uFEFF")
	return c
}

func (c *csvOut) header(names []string) {
	cells := make([]cell, len(names))
	for i, n := range names {
		cells[i] = txt(n)
	}
	c.record(cells)
}

func (c *csvOut) record(cells []cell) { c.line(cells, "\n") }

// line writes a record ended by eol.
func (c *csvOut) line(cells []cell, eol string) {
	for i, x := range cells {
		if i > 0 {
			c.buf.WriteByte(',')
		}
		writeCell(&c.buf, x)
	}
	c.buf.WriteString(eol)
}

func writeCell(b *bytes.Buffer, x cell) {
	switch {
	case x.s == "":
	case x.num && plainNumber(x.s):
		b.WriteString(x.s)
	default:
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(Safe(x.s), `"`, `""`))
		b.WriteByte('"')
	}
}

func (c *csvOut) bytes() []byte { return c.buf.Bytes() }
