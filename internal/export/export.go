// Package export writes the files journalists download: the input CSVs as
// published, and one CSV per indicator with every figure the site shows,
// including district roll-ups, so each published number can be recomputed.
package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
	"github.com/minhbach/minhbach/internal/source"
)

// File is one downloadable file.
type File struct {
	Path   string // slash path under the site root, e.g. "du-lieu/snapshots/2024-Q4.csv"
	Kind   string // "indicators", "units", "targets", "snapshot", "indicator" or "figures"
	Key    string // the period of a snapshot, the code of an indicator
	Rows   int    // data rows, header excluded
	Data   []byte
	Size   int // len(Data), kept when Data is released after writing
	SHA256 string
}

// Files returns every download: the input files byte for byte (what staff
// published, checksummed), then one derived CSV per indicator, then the
// figures file that holds them all.
func Files(site fs.FS, a *analyse.Analysis) ([]File, error) {
	ds := a.Dataset()
	inputs := []struct{ name, kind, key string }{
		{"data/indicators.csv", "indicators", ""},
		{"data/units.csv", "units", ""},
		{"data/targets.csv", "targets", ""},
	}
	for _, s := range ds.Snapshots {
		inputs = append(inputs, struct{ name, kind, key string }{s.File, "snapshot", s.Period.String()})
	}
	var out []File
	for _, in := range inputs {
		b, err := fs.ReadFile(site, in.name)
		if err != nil {
			if in.kind == "targets" && errors.Is(err, fs.ErrNotExist) {
				continue // targets.csv is optional
			}
			return nil, err
		}
		out = append(out, newFile(route.InputCopy(in.name), in.kind, in.key, dataRows(b), b))
	}
	// One indicator's rows at a time: they make its own file and the next
	// chunk of the figures file, so a national build never holds every
	// row of every indicator at once.
	figures := newFiguresWriter()
	for _, ind := range ds.Indicators {
		rows := indicatorRows(a, ind)
		b, err := rowsCSV(rows)
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", ind.Code, err)
		}
		out = append(out, newFile(route.IndicatorCSV(ind.Code), "indicator", ind.Code, len(rows), b))
		if err := figures.add(ind, rows); err != nil {
			return nil, fmt.Errorf("export %s: %w", FiguresPath, err)
		}
	}
	b, n, err := figures.done()
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", FiguresPath, err)
	}
	out = append(out, newFile(FiguresPath, "figures", "", n, b))
	return out, nil
}

// dataRows counts the data rows of an input CSV: its lines that are not
// blank (encoding/csv skips those), less the header. Validation forbids
// line breaks inside cells, and the last line may lack its line break.
func dataRows(b []byte) int {
	n := 0
	for line := range bytes.Lines(b) {
		if len(bytes.TrimRight(line, "\r\n")) > 0 {
			n++
		}
	}
	return n - 1
}

func newFile(p, kind, key string, rows int, b []byte) File {
	sum := sha256.Sum256(b)
	return File{Path: p, Kind: kind, Key: key, Rows: max(rows, 0), Data: b, Size: len(b), SHA256: hex.EncodeToString(sum[:])}
}

// row is one line of a per-indicator CSV. Column names are ASCII keys;
// the Vietnamese names are in the text columns.
type row struct {
	Period      string `csv:"period"`
	Unit        string `csv:"unit"`
	UnitName    text   `csv:"unit_name"`
	Parent      string `csv:"parent"` // roll-ups sum the rows whose parent is this unit
	Indicator   string `csv:"indicator"`
	Value       num    `csv:"value"`
	Numerator   num    `csv:"numerator"`
	Denominator num    `csv:"denominator"`
	Method      string `csv:"method"`    // reported or rolled-up
	Reporting   string `csv:"reporting"` // for roll-ups: "18/20", the units below that reported / that report it (analyse's Coverage)
	Note        text   `csv:"note"`
	Source      text   `csv:"source"` // file:line of the row(s) the figure comes from
}

// rowColumns are the columns of a per-indicator file: the figures file's,
// less the indicator's name.
var rowColumns = []string{
	"period", "unit", "unit_name", "parent", "indicator",
	"value", "numerator", "denominator", "method", "reporting", "note", "source",
}

// record is the row as CSV cells, in rowColumns' order. The two files that
// grow with the data write records directly rather than through gocsv's
// reflection, which was a tenth of a national build's CPU;
// TestRecordsMatchTags checks they match the struct tags.
func (r row) record() []string {
	return []string{r.Period, r.Unit, r.UnitName.cell(), r.Parent, r.Indicator,
		r.Value.cell(), r.Numerator.cell(), r.Denominator.cell(), r.Method, r.Reporting, r.Note.cell(), r.Source.cell()}
}

// rowsCSV writes a per-indicator file: BOM, header, records.
func rowsCSV(rows []row) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	if len(rows) > 0 {
		if err := w.Write(rowColumns); err != nil {
			return nil, err
		}
	}
	for _, r := range rows {
		if err := w.Write(r.record()); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// text is a free-text cell. Spreadsheets run cells that start with = + - @
// or a tab as formulas, so such text gets a leading apostrophe (OWASP).
type text string

func (t text) MarshalCSV() (string, error) { return t.cell(), nil }

func (t text) cell() string {
	s := string(t)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// num is an optional number printed in full precision with a dot, so a
// journalist recomputing a ratio gets exactly what we computed from.
type num struct{ v *float64 }

func (n num) MarshalCSV() (string, error) { return n.cell(), nil }

func (n num) cell() string {
	if n.v == nil {
		return ""
	}
	return strconv.FormatFloat(*n.v, 'f', -1, 64)
}

// indicatorRows lists every figure of ind: units in file order, periods
// ascending.
func indicatorRows(a *analyse.Analysis, ind model.Indicator) []row {
	ds := a.Dataset()
	var rows []row
	for _, u := range ds.Units {
		for _, p := range a.Series(u.Code, ind.Code) {
			v := p.Value
			r := row{
				Period: p.Period.String(), Unit: u.Code, UnitName: text(u.Name.VI), Parent: u.Parent, Indicator: ind.Code,
				Value: num{&v}, Numerator: num{p.Numerator}, Denominator: num{p.Denominator},
				Method: "reported", Note: text(p.Note), Source: text(sources(p.Sources)),
			}
			if p.RolledUp {
				r.Method = "rolled-up"
				r.Reporting = fmt.Sprintf("%d/%d", p.Reporting, p.Expected)
				// The contributing rows are in this file: those of the same
				// period whose parent is this unit.
				r.Source = text(fmt.Sprintf("sum of the rows of units with parent %s", u.Code))
			}
			rows = append(rows, r)
		}
	}
	return rows
}

func sources(ps []source.Position) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = fmt.Sprintf("%s:%d", p.File, p.Line) // the row, as a spreadsheet numbers it
	}
	return strings.Join(parts, "; ")
}
