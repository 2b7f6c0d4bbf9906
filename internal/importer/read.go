package importer

// Reading the input: the file, whole and size-checked, then a grid of
// cells per table whatever the format, each cell with its position.

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/locale"
)

// MaxSize is the largest file import reads. A commune's workbook is a few
// tens of kilobytes, and a valid snapshot has at most one row per unit and
// indicator (a few hundred rows). The whole file is held in memory because
// the decimal mark and the layout are decided from all of it, so anything
// larger is refused, from its size alone, before it is read.
const MaxSize = 8 << 20

// readFile reads the input file whole. A file larger than MaxSize is
// refused from its size, before a byte is read.
func readFile(name string) ([]byte, *diag.Error) {
	filePos := diag.Position{File: name}
	st, err := os.Stat(name)
	if err != nil {
		return nil, diag.Newf(filePos, diag.CodeSource, "", "", msgCannotOpen, plainIOError(err))
	}
	if st.IsDir() {
		return nil, diag.Newf(filePos, diag.CodeSource, "", "", msgIsDir)
	}
	if st.Size() > MaxSize {
		return nil, diag.Newf(filePos, CodeSizeLimit, "", "", msgSizeLimit, locale.Size(st.Size()), MaxSize>>20)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, diag.Newf(filePos, diag.CodeSource, "", "", msgCannotOpen, plainIOError(err))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	f.Close()
	if err != nil {
		return nil, diag.Newf(filePos, diag.CodeSource, "", "", msgCannotRead, plainIOError(err))
	}
	if len(data) > MaxSize { // grew since Stat
		return nil, diag.Newf(filePos, CodeSizeLimit, "", "", msgSizeLimit, locale.Size(len(data)), MaxSize>>20)
	}
	return data, nil
}

// plainIOError is the OS's own words for err ("permission denied"),
// without the operation and path, which messages put in plainer words.
func plainIOError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

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

func (g *grid) pos(line, col int) diag.Position {
	return diag.Position{File: g.file, Sheet: g.sheet, Line: line, Column: col}
}

func (g *grid) at(c cell) diag.Position { return g.pos(c.line, c.col) }

// filePos is the position of the whole file (or worksheet).
func (g *grid) filePos() diag.Position { return diag.Position{File: g.file, Sheet: g.sheet} }

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
func read(name string, data []byte, opt *Options, score func([]string) int, errs *diag.List) []*grid {
	filePos := diag.Position{File: name}
	if len(data) == 0 {
		errs.Add(diag.Newf(filePos, diag.CodeSource, "", "", msgEmpty))
		return nil
	}
	switch ext := strings.ToLower(filepath.Ext(name)); {
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		errs.Add(diag.Newf(filePos, diag.CodeSource, "", "", msgOldExcel))
		return nil
	case ext == ".xlsx" || ext == ".xlsm" || bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if ext != ".xlsx" && ext != ".xlsm" {
			errs.Add(diag.Newf(filePos, diag.CodeSource, "", "", msgZipNotXLSX))
			return nil
		}
		return readWorkbook(name, data, opt.Sheet, errs)
	case ext == ".csv" || ext == ".txt" || ext == ".tsv":
		g := readText(name, data, score, errs)
		if g == nil {
			return nil
		}
		if opt.Sheet != "" {
			errs.Add(diag.Newf(filePos, diag.CodeSource, "", opt.Sheet, msgSheetOnText))
		}
		return []*grid{g}
	default:
		errs.Add(diag.Newf(filePos, diag.CodeSource, "", "", msgExtension, ext))
		return nil
	}
}
