package importer

// Text exports (CSV, "Unicode Text"): their encoding and delimiter are
// found from the bytes, and cells keep the line and column an editor shows.

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/load"
)

// decode turns the bytes of a text file into NFC text: UTF-8 (with or
// without a byte order mark), UTF-16 with a byte order mark (Excel
// "Unicode Text"), or else Windows-1258 (Excel "CSV" on Vietnamese
// Windows), whose decoding leaves tone marks as combining characters.
func decode(name string, data []byte, errs *diag.List) (string, bool) {
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			errs.Add(diag.Newf(diag.Position{File: name}, diag.CodeEncoding, "", "", msgBadUTF16))
			return "", false
		}
		s = string(b)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		b, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			errs.Add(diag.Newf(diag.Position{File: name}, diag.CodeEncoding, "", "", msgBadUTF16))
			return "", false
		}
		s = string(b)
	case bytes.Count(data[:min(len(data), 4096)], []byte{0}) > min(len(data), 4096)/8:
		// Text has no NUL bytes; UTF-16 has one in every other byte.
		errs.Add(diag.Newf(diag.Position{File: name}, diag.CodeEncoding, "", "", msgUTF16NoBOM))
		return "", false
	case utf8.Valid(data):
		s = strings.TrimPrefix(string(data), "\uFEFF")
	default:
		b, err := charmap.Windows1258.NewDecoder().Bytes(data)
		if err != nil {
			errs.Add(diag.Newf(diag.Position{File: name}, diag.CodeEncoding, "", "", msgBadUTF16))
			return "", false
		}
		s = string(b)
	}
	// U+FFFD: a byte sequence that is not text in the encoding found
	// (charmap decodes Windows-1258's few unused bytes to it).
	if i := strings.IndexRune(s, utf8.RuneError); i >= 0 {
		line := strings.Count(s[:i], "\n") + 1
		col := utf8.RuneCountInString(s[strings.LastIndexByte(s[:i], '\n')+1:i]) + 1
		errs.Add(diag.Newf(diag.Position{File: name, Line: line, Column: col}, diag.CodeEncoding, "", "", msgNotText))
		return "", false
	}
	return norm.NFC.String(s), true
}

var delimiters = []rune{',', ';', '\t'}

// readText reads a CSV or tab-separated text file.
func readText(name string, data []byte, score func([]string) int, errs *diag.List) *grid {
	text, ok := decode(name, data, errs)
	if !ok {
		return nil
	}
	if strings.TrimSpace(text) == "" {
		errs.Add(diag.Newf(diag.Position{File: name}, diag.CodeSource, "", "", msgEmpty))
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
			errs.Add(diag.Newf(diag.Position{File: name}, diag.CodeSource, "", "", msgCannotRead, err.Error()))
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
func (x *lineIndex) quoteError(name string, comma rune, pe *csv.ParseError) *diag.Error {
	switch {
	case errors.Is(pe.Err, csv.ErrQuote) && x.byteAt(pe.Line, pe.Column) == '"':
		return diag.Newf(x.pos(name, pe.Line, pe.Column), diag.CodeFormat, "", "", load.MsgAfterQuote)
	case errors.Is(pe.Err, csv.ErrQuote):
		return diag.Newf(x.pos(name, pe.StartLine, x.openQuote(pe.StartLine, comma)), diag.CodeFormat, "", "", load.MsgOpenQuote)
	}
	return diag.Newf(x.pos(name, pe.Line, pe.Column), diag.CodeFormat, "", "", load.MsgStrayQuote)
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

func (x *lineIndex) pos(file string, line, byteCol int) diag.Position {
	if line < 1 || line > len(x.starts) {
		return diag.Position{File: file, Line: max(line, 1), Column: 1}
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
	return diag.Position{File: file, Line: line, Column: x.runes + 1}
}
