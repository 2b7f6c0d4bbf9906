// Package export writes the files journalists download: spreadsheet-safe
// copies of the input CSVs, and per language one CSV and one workbook per
// indicator and for every figure the site shows, including district
// roll-ups, with numerators and denominators so each published number can
// be recomputed.
package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"iter"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
	"github.com/minhbach/minhbach/internal/xlsx"
)

// File is one downloadable file.
type File struct {
	Path   string // slash path under the site root, e.g. "du-lieu/snapshots/2024-Q4.csv"
	Kind   string // "indicators", "units", "targets", "snapshot", "indicator", "figures" or "corrections"
	Key    string // the period of a snapshot, the code of an indicator
	Format string // "csv" or "xlsx"
	// Lang is the language of the file's texts (names, sources), "" for
	// the copies of the input files, which hold both languages.
	Lang model.Lang
	// Input is, for the copy of an input file, the original's path in the
	// site folder ("data/units.csv"); Inputs has its original bytes.
	Input  string
	Rows   int // data rows, header excluded
	Data   []byte
	Size   int // len(Data), kept when Data is released after writing
	SHA256 string
}

// Options are what the downloads say about themselves beyond the data.
type Options struct {
	// Built is the build's date, from the injected clock: the workbooks'
	// about sheet and document properties say it.
	Built time.Time
	// Sites are the site's title and licence per language.
	Sites map[model.Lang]Meta
	// Cache, when set, keeps the indicator workbooks between the builds
	// of one process (a preview): see Cache.
	Cache *Cache
}

// Meta is the site's title and licence in one language.
type Meta struct{ Title, Licence string }

// Files returns every download: a spreadsheet-safe copy of each input
// file (see Inputs for the originals), then in each language one CSV and
// one workbook per indicator, then the figures file and workbook that hold
// them all. The Vietnamese files are at the route's paths, the English
// ones under en/ (route.InLang).
func Files(ctx context.Context, site fs.FS, a *analyse.Analysis, opt Options) ([]File, error) {
	ds := a.Dataset()
	inputs, err := Inputs(site, ds)
	if err != nil {
		return nil, err
	}
	var out []File
	for _, in := range inputs {
		f, err := inputFile(in)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	for _, lang := range model.Langs {
		files, err := langFiles(ctx, a, lang, opt)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	return out, nil
}

// langFiles are the derived downloads of one language. One indicator's
// rows at a time: they make its own files and the next chunk of the
// figures files, so a national build never holds every row of every
// indicator at once as rows.
func langFiles(ctx context.Context, a *analyse.Analysis, lang model.Lang, opt Options) ([]File, error) {
	var out []File
	figures := newCSV()
	book := newFiguresBook(a, lang, opt, xlsx.MaxRows-1)
	n := 0
	for one := range indicatorFiles(ctx, a, lang, opt) {
		if one.err != nil {
			return nil, one.err
		}
		out = append(out, one.files...)
		if n == 0 && len(one.rows) > 0 {
			figures.header(FigureColumns)
		}
		for _, r := range one.rows {
			figures.record(r.cells(true))
		}
		n += len(one.rows)
		book.add(one.ind, one.rows)
	}
	csvFile := langFile(lang, FiguresPath, "figures", "", "csv", n, figures.bytes())
	wb, err := book.done(csvFile.SHA256)
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", FiguresXLSXPath, err)
	}
	return append(out, csvFile, langFile(lang, FiguresXLSXPath, "figures", "", "xlsx", n, wb)), nil
}

// oneIndicator is an indicator's rows and its own CSV and workbook.
type oneIndicator struct {
	ind   model.Indicator
	rows  []row
	files []File
	err   error
}

// indicatorFiles yields each indicator's files in catalogue order, made on
// as many goroutines as there are processors (the workbooks are most of an
// export's time). A slot is freed when its result is taken, so no more
// than that many indicators' rows are held at once.
func indicatorFiles(ctx context.Context, a *analyse.Analysis, lang model.Lang, opt Options) iter.Seq[oneIndicator] {
	return func(yield func(oneIndicator) bool) {
		inds := a.Dataset().Indicators
		slots := make(chan struct{}, runtime.GOMAXPROCS(0))
		results := make([]chan oneIndicator, len(inds))
		for i := range results {
			results[i] = make(chan oneIndicator, 1)
		}
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			for i, ind := range inds {
				select {
				case slots <- struct{}{}:
				case <-stop:
					return
				}
				go func() { results[i] <- indicatorFile(ctx, a, ind, lang, opt) }()
			}
		}()
		for i := range inds {
			one := <-results[i]
			<-slots
			if !yield(one) || one.err != nil {
				return
			}
		}
	}
}

// indicatorFile makes ind's rows, CSV and workbook.
func indicatorFile(ctx context.Context, a *analyse.Analysis, ind model.Indicator, lang model.Lang, opt Options) oneIndicator {
	if err := ctx.Err(); err != nil {
		return oneIndicator{err: err}
	}
	rows := indicatorRows(a, ind, lang)
	c := newCSV()
	if len(rows) > 0 {
		c.header(rowColumns)
	}
	for _, r := range rows {
		c.record(r.cells(false))
	}
	csvFile := langFile(lang, route.IndicatorCSV(ind.Code), "indicator", ind.Code, "csv", len(rows), c.bytes())
	wb, err := opt.Cache.workbook(workbookKey(ind, lang, csvFile.SHA256, opt), func() ([]byte, error) {
		return indicatorWorkbook(ind, lang, rows, csvFile.SHA256, opt)
	})
	if err != nil {
		return oneIndicator{err: fmt.Errorf("export %s: %w", ind.Code, err)}
	}
	return oneIndicator{ind: ind, rows: rows,
		files: []File{csvFile, langFile(lang, route.IndicatorXLSX(ind.Code), "indicator", ind.Code, "xlsx", len(rows), wb)}}
}

// langFile is a derived download of lang, at p in that language's part
// of the site.
func langFile(lang model.Lang, p, kind, key, format string, rows int, b []byte) File {
	f := newFile(route.InLang(string(lang), p), kind, key, rows, b)
	f.Lang, f.Format = lang, format
	return f
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

// row is one figure of a download, in the language of its file.
type row struct {
	Period, Unit, UnitName, Parent, Indicator, IndicatorName string
	// Value is the figure as published: rounded (decimal) to Decimals
	// places, the rule of every page.
	Value       float64
	Decimals    int
	Numerator   *float64
	Denominator *float64
	Method      string // reported or rolled-up
	Reporting   string // for roll-ups: "18/20", the units below that reported / that report it (analyse's Coverage)
	Note        string
	Source      string // file:line of the row(s) the figure comes from
}

// cells is the row as CSV cells, in rowColumns' order, or FigureColumns'
// when withName (the figures file names the indicator).
func (r row) cells(withName bool) []cell {
	c := []cell{txt(r.Period), txt(r.Unit), txt(r.UnitName), txt(r.Parent), txt(r.Indicator)}
	if withName {
		c = append(c, txt(r.IndicatorName))
	}
	return append(c, cell{s: decimal.Split(r.Value, r.Decimals).String(), num: true},
		numCell(r.Numerator), numCell(r.Denominator), txt(r.Method), txt(r.Reporting), txt(r.Note), txt(r.Source))
}

// numCell is an optional number in full precision with a dot, so a
// journalist recomputing a ratio gets exactly what we computed from.
func numCell(v *float64) cell {
	if v == nil {
		return cell{}
	}
	return cell{s: strconv.FormatFloat(*v, 'f', -1, 64), num: true}
}

// indicatorRows lists every figure of ind, texts in lang: units in file
// order, periods ascending.
func indicatorRows(a *analyse.Analysis, ind model.Indicator, lang model.Lang) []row {
	ds := a.Dataset()
	var rows []row
	places := ind.Measure.Decimals()
	for _, u := range ds.Units {
		for _, p := range a.Series(u.Code, ind.Code) {
			r := row{
				Period: p.Period.String(), Unit: u.Code, UnitName: u.Name.In(lang), Parent: u.Parent,
				Indicator: ind.Code, IndicatorName: ind.Name.In(lang),
				Value: decimal.Round(p.Value, places), Decimals: places, Numerator: p.Numerator, Denominator: p.Denominator,
				Method: "reported", Note: p.Note, Source: sources(p.Sources),
			}
			if p.RolledUp {
				r.Method = "rolled-up"
				r.Reporting = fmt.Sprintf("%d/%d", p.Reporting, p.Expected)
				// The contributing rows are in this file: those of the same
				// period whose parent is this unit.
				r.Source = sourceIn(lang, rolledUpSource(u.Code))
			}
			rows = append(rows, r)
		}
	}
	return rows
}

func sources(ps []diag.Position) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = fmt.Sprintf("%s:%d", p.File, p.Line) // the row, as a spreadsheet numbers it
	}
	return strings.Join(parts, "; ")
}
