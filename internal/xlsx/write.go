package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
)

// MaxRows is the most rows a worksheet holds, header included (Excel's and
// LibreOffice's limit).
const MaxRows = 1048576

// MaxSheetName is the longest worksheet name Excel accepts.
const MaxSheetName = 31

// Value is one cell to write: text, a number shown with a fixed number of
// decimals, or nothing.
type Value struct {
	kind     byte // 0 empty, 't' text, 'n' number
	text     string
	number   float64
	decimals int
}

// Text is a text cell: what it holds is shown as written, never read as a
// number, a date or a formula (codes such as "02020", periods, "8/8").
func Text(s string) Value { return Value{kind: 't', text: s} }

// Number is a numeric cell whose format shows decimals places, so the
// spreadsheet shows the figure as published and computes with it.
func Number(v float64, decimals int) Value {
	return Value{kind: 'n', number: v, decimals: max(decimals, 0)}
}

// Column is a column of a worksheet: its header and width in characters.
type Column struct {
	Header string
	Width  float64
}

// Props describe a workbook in its document properties.
type Props struct {
	Title, Subject, Creator, Language string
	// Created is the build's date, from the injected clock: the workbook's
	// bytes depend on nothing else but its content.
	Created time.Time
}

// Writer writes a workbook, one worksheet at a time, rows streamed so a
// sheet of a million rows is not held as cells.
type Writer struct {
	f      *excelize.File
	sheets int
	open   *SheetWriter
	styles map[string]int // by number format, "@" for text
	header int
}

// NewWriter starts a workbook.
func NewWriter(p Props) (*Writer, error) {
	f := excelize.NewFile()
	// excelize writes the parts of several streamed sheets in map order;
	// sortedZip writes every part in name order, so two builds of the same
	// workbook give the same bytes.
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w} })
	stamp := p.Created.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: p.Title, Subject: p.Subject, Creator: p.Creator, LastModifiedBy: p.Creator,
		Language: p.Language, Created: stamp, Modified: stamp,
	}); err != nil {
		return nil, err
	}
	w := &Writer{f: f, styles: map[string]int{}}
	var err error
	if w.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: 49,
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return nil, err
	}
	return w, nil
}

// SheetWriter writes the rows of one worksheet.
type SheetWriter struct {
	w    *Writer
	sw   *excelize.StreamWriter
	cols int
	row  int
}

// Sheet adds a worksheet with a bold header row that stays in view
// (frozen) and the columns' widths. The previous sheet must be closed.
func (w *Writer) Sheet(name string, cols []Column) (*SheetWriter, error) {
	if w.open != nil {
		return nil, errors.New("xlsx: previous sheet not closed")
	}
	if w.sheets == 0 {
		if err := w.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := w.f.NewSheet(name); err != nil {
		return nil, err
	}
	w.sheets++
	sw, err := w.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, c := range cols {
		if c.Width > 0 {
			if err := sw.SetColWidth(i+1, i+1, c.Width); err != nil {
				return nil, err
			}
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	s := &SheetWriter{w: w, sw: sw, cols: len(cols)}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: w.header, Value: c.Header}
	}
	if err := s.put(head); err != nil {
		return nil, err
	}
	w.open = s
	return s, nil
}

// Row writes the next row. A sheet holds at most MaxRows rows.
func (s *SheetWriter) Row(vals ...Value) error {
	row := make([]any, len(vals))
	for i, v := range vals {
		switch v.kind {
		case 't':
			st, err := s.w.style("@")
			if err != nil {
				return err
			}
			row[i] = excelize.Cell{StyleID: st, Value: v.text}
		case 'n':
			st, err := s.w.style(numberFormat(v.decimals))
			if err != nil {
				return err
			}
			row[i] = excelize.Cell{StyleID: st, Value: v.number}
		}
	}
	return s.put(row)
}

func (s *SheetWriter) put(row []any) error {
	if s.row >= MaxRows {
		return fmt.Errorf("xlsx: sheet %s: more than %d rows", s.sw.Sheet, MaxRows)
	}
	s.row++
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	return s.sw.SetRow(cell, row)
}

// Close ends the sheet.
func (s *SheetWriter) Close() error {
	s.w.open = nil
	return s.sw.Flush()
}

// numberFormat shows grouped thousands and exactly decimals places; the
// spreadsheet draws the marks of the reader's locale (96,1 in vi-VN).
func numberFormat(decimals int) string {
	if decimals == 0 {
		return "#,##0"
	}
	return "#,##0." + strings.Repeat("0", decimals)
}

func (w *Writer) style(format string) (int, error) {
	if id, ok := w.styles[format]; ok {
		return id, nil
	}
	st := &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}
	if format == "@" {
		st.NumFmt = 49 // text: what is typed over it stays text too
	} else {
		st.CustomNumFmt = &format
	}
	id, err := w.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	w.styles[format] = id
	return id, nil
}

// WriteTo writes the workbook and releases it.
func (w *Writer) WriteTo(out io.Writer) (int64, error) {
	defer w.f.Close()
	if w.open != nil {
		return 0, errors.New("xlsx: sheet not closed")
	}
	// The first sheet is the active one already; SetActiveSheet would
	// parse every streamed sheet back.
	return w.f.WriteTo(out)
}

// Bytes is the workbook's bytes.
func (w *Writer) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	_, err := w.WriteTo(&buf)
	return buf.Bytes(), err
}

// flaters keeps deflate writers between workbooks: each holds about 1 MB
// of tables, and a build writes two workbooks per indicator and language.
var flaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(io.Discard, flate.DefaultCompression) // fails only for a bad level
	return fw
}}

// sortedZip is a zip writer that compresses each part as excelize writes
// it and writes the parts in name order at Close, with no time stamps.
type sortedZip struct {
	w     io.Writer
	parts []*zipPart
	cur   *zipPart
	fw    *flate.Writer // reused: parts are written one after the other
}

type zipPart struct {
	name string
	data bytes.Buffer
	fw   *flate.Writer
	crc  uint32
	size uint64
}

func (p *zipPart) Write(b []byte) (int, error) {
	p.crc = crc32.Update(p.crc, crc32.IEEETable, b)
	p.size += uint64(len(b))
	return p.fw.Write(b)
}

func (z *sortedZip) finish() error {
	if z.cur == nil {
		return nil
	}
	err := z.cur.fw.Close()
	z.cur = nil
	return err
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name}
	if z.fw == nil {
		z.fw = flaters.Get().(*flate.Writer)
	}
	z.fw.Reset(&p.data)
	p.fw = z.fw
	z.parts = append(z.parts, p)
	z.cur = p
	return p, nil
}

func (z *sortedZip) AddFS(fs.FS) error { return errors.New("xlsx: AddFS not supported") }

func (z *sortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	// [Content_Types].xml sorts first, as the format expects.
	slices.SortFunc(z.parts, func(a, b *zipPart) int { return strings.Compare(a.name, b.name) })
	if z.fw != nil {
		flaters.Put(z.fw)
		z.fw = nil
	}
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc,
			CompressedSize64: uint64(p.data.Len()), UncompressedSize64: p.size}
		fw, err := zw.CreateRaw(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(p.data.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}
