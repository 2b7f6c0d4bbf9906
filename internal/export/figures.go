package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
)

// FiguresPath is where the file of every published figure lives. Each
// build publishes it, and the next build reads it back from the published
// site to list the figures that were corrected since (see ReadFigures).
var FiguresPath = route.Download("figures.csv")

// FigureColumns are the columns of the figures file, in order. The data
// page documents each of them; they are also the contract ReadFigures
// relies on, so a column may be added but never renamed.
var FigureColumns = []string{
	"period", "unit", "unit_name", "parent", "indicator", "indicator_name",
	"value", "numerator", "denominator", "method", "reporting", "note", "source",
}

// record is the row as CSV cells, in FigureColumns' order (see row.record).
func (r figureRow) record() []string {
	return []string{r.Period, r.Unit, r.UnitName.cell(), r.Parent, r.Indicator, r.IndicatorName.cell(),
		r.Value.cell(), r.Numerator.cell(), r.Denominator.cell(), r.Method, r.Reporting, r.Note.cell(), r.Source.cell()}
}

// figureRow is one line of the figures file: a per-indicator row with the
// indicator's name, so the file reads on its own.
type figureRow struct {
	Period        string `csv:"period"`
	Unit          string `csv:"unit"`
	UnitName      text   `csv:"unit_name"`
	Parent        string `csv:"parent"`
	Indicator     string `csv:"indicator"`
	IndicatorName text   `csv:"indicator_name"`
	Value         num    `csv:"value"`
	Numerator     num    `csv:"numerator"`
	Denominator   num    `csv:"denominator"`
	Method        string `csv:"method"`
	Reporting     string `csv:"reporting"`
	Note          text   `csv:"note"`
	Source        text   `csv:"source"`
}

// figuresWriter writes every figure of every indicator, in the order of
// the per-indicator files (indicators, then units, in file order; periods
// ascending), so the file is the same for the same data. It is fed one
// indicator's rows at a time.
type figuresWriter struct {
	buf bytes.Buffer
	w   *csv.Writer
	n   int
}

func newFiguresWriter() *figuresWriter {
	f := &figuresWriter{}
	f.buf.WriteString("\uFEFF")
	f.w = csv.NewWriter(&f.buf)
	return f
}

func (f *figuresWriter) add(ind model.Indicator, rs []row) error {
	if len(rs) == 0 {
		return nil
	}
	rows := make([]figureRow, len(rs))
	for i, r := range rs {
		rows[i] = figureOf(ind, r)
	}
	if f.n == 0 {
		if err := f.w.Write(FigureColumns); err != nil { // the header, once
			return err
		}
	}
	f.n += len(rows)
	for _, r := range rows {
		if err := f.w.Write(r.record()); err != nil {
			return err
		}
	}
	return nil
}

// figureOf is a per-indicator row with the indicator's name.
func figureOf(ind model.Indicator, r row) figureRow {
	return figureRow{
		Period: r.Period, Unit: r.Unit, UnitName: r.UnitName, Parent: r.Parent,
		Indicator: r.Indicator, IndicatorName: text(ind.Name.VI),
		Value: r.Value, Numerator: r.Numerator, Denominator: r.Denominator,
		Method: r.Method, Reporting: r.Reporting, Note: r.Note, Source: r.Source,
	}
}

func (f *figuresWriter) done() ([]byte, int, error) {
	f.w.Flush()
	return f.buf.Bytes(), f.n, f.w.Error()
}

// writeCSV writes rows with a header and the BOM Excel needs to read
// UTF-8.
func writeCSV(rows any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	if err := load.WriteCSV(w, rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Key names one figure: a unit's value of an indicator in a period.
type Key struct {
	Unit, Indicator, Period string
}

// Published is one figure as a figures file published it.
type Published struct {
	Value       float64
	Numerator   *float64
	Denominator *float64
	Method      string // "reported" or "rolled-up"
	Reporting   string // roll-ups: the units below that reported / that report it, "20/21"
	Source      string
}

// rolledUpSource is the source a roll-up cites: the rows of the same
// period whose parent is unit, which are in the same file.
func rolledUpSource(unit string) string {
	return fmt.Sprintf("sum of the rows of units with parent %s", unit)
}

// Same reports whether p and q publish the same figure: the same value
// and, when given, the same numerator and denominator, to the last bit
// (the file prints numbers in full precision).
func (p Published) Same(q Published) bool {
	eq := func(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	return p.Value == q.Value && eq(p.Numerator, q.Numerator) && eq(p.Denominator, q.Denominator)
}

// ReadFigures reads a figures file back, by column name, so files written
// by an older or newer minhbach with more columns still read.
func ReadFigures(b []byte) (map[Key]Published, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", FiguresPath)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, need := range []string{"period", "unit", "indicator", "value", "numerator", "denominator", "method", "source"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s: no column %q", FiguresPath, need)
		}
	}
	out := make(map[Key]Published, len(recs)-1)
	for i, rec := range recs[1:] {
		if len(rec) != len(recs[0]) {
			return nil, fmt.Errorf("%s:%d: %d cells, want %d", FiguresPath, i+2, len(rec), len(recs[0]))
		}
		cell := func(name string) string { return rec[col[name]] }
		var p Published
		if p.Value, err = strconv.ParseFloat(cell("value"), 64); err != nil {
			return nil, fmt.Errorf("%s:%d: value: %w", FiguresPath, i+2, err)
		}
		for name, dst := range map[string]**float64{"numerator": &p.Numerator, "denominator": &p.Denominator} {
			if s := cell(name); s != "" {
				v, err := strconv.ParseFloat(s, 64)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %s: %w", FiguresPath, i+2, name, err)
				}
				*dst = &v
			}
		}
		p.Method = cell("method")
		if i, ok := col["reporting"]; ok {
			p.Reporting = rec[i]
		}
		p.Source = strings.TrimPrefix(cell("source"), "'")
		out[Key{Unit: cell("unit"), Indicator: cell("indicator"), Period: cell("period")}] = p
	}
	return out, nil
}
