// Package load reads the site's data/ directory into a model.Dataset.
//
// It is strict about the file format: encoding, quoting, header, the shape
// of every row and the way numbers are written. It does not judge values
// (codes, ranges, references between files): package validate does, so that
// every problem of a run is reported together and data made by other means
// is held to the same rules. Each file goes through encoding/csv, which
// gives cell positions, then through gocsv into row structs made of the
// strict cell types of cell.go, a few thousand rows at a time, so that a
// large snapshot costs little more memory than the records it becomes.
package load

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// File names, relative to the site directory.
const (
	indicatorsFile = "data/indicators.csv"
	unitsFile      = "data/units.csv"
	targetsFile    = "data/targets.csv"
	snapshotsDir   = "data/snapshots"
)

// maxFileSize bounds what is read into memory, for each file. Checking a
// snapshot of short rows costs about 30 bytes of memory per byte of file
// (each row becomes a record with its figures and cell positions), and up
// to 50 when every row has a problem to report; this limit keeps check and
// build under 1 GB on a staff laptop. A snapshot of every commune in the
// country with twenty indicators takes about 2.5 MB, so anything larger is
// most likely a wrong file copied in.
const maxFileSize = 16 << 20

// Columns of each file, in the order of the contract (the files may order
// them freely).
var (
	indicatorColumns = []string{"code", "group", "name_vi", "name_en", "unit", "direction", "definition_vi", "definition_en", "source_vi", "source_en"}
	unitColumns      = []string{"code", "name_vi", "name_en", "kind", "parent"}
	targetColumns    = []string{"indicator", "unit", "year", "value", "basis_vi", "basis_en"}
	snapshotColumns  = []string{"unit", "indicator", "value", "numerator", "denominator", "note", "source"}
)

type indicatorRow struct {
	Code         code `csv:"code"`
	Group        code `csv:"group"`
	NameVI       text `csv:"name_vi"`
	NameEN       text `csv:"name_en"`
	Unit         code `csv:"unit"`
	Direction    code `csv:"direction"`
	DefinitionVI text `csv:"definition_vi"`
	DefinitionEN text `csv:"definition_en"`
	SourceVI     text `csv:"source_vi"`
	SourceEN     text `csv:"source_en"`
}

type unitRow struct {
	Code   code `csv:"code"`
	NameVI text `csv:"name_vi"`
	NameEN text `csv:"name_en"`
	Kind   text `csv:"kind"`
	Parent code `csv:"parent"`
}

type targetRow struct {
	Indicator code   `csv:"indicator"`
	Unit      code   `csv:"unit"`
	Year      year   `csv:"year"`
	Value     number `csv:"value"`
	BasisVI   text   `csv:"basis_vi"`
	BasisEN   text   `csv:"basis_en"`
}

type snapshotRow struct {
	Unit        code   `csv:"unit"`
	Indicator   code   `csv:"indicator"`
	Value       number `csv:"value"`
	Numerator   number `csv:"numerator"`
	Denominator number `csv:"denominator"`
	Note        text   `csv:"note"`
	Source      text   `csv:"source"`
}

// Dataset reads data/ from fsys (rooted at the site directory). It returns
// what it could read even when it also returns an error, so that
// validation can still run and every problem is reported in one go. Rows
// that could not be read (a bad number, the wrong number of cells, a
// missing column) are left out of the dataset. The error joins
// *diag.Error values.
func Dataset(fsys fs.FS) (*model.Dataset, error) {
	l := &loader{fsys: fsys}
	ds := &model.Dataset{}

	ds.Indicators = readFile(l, indicatorsFile, indicatorColumns, true, false, "", func(r *row, x indicatorRow) model.Indicator {
		return model.Indicator{
			Code:       r.code("code", x.Code),
			Group:      r.code("group", x.Group),
			Name:       model.Text{VI: x.NameVI.s, EN: x.NameEN.s},
			Measure:    model.Measure(r.code("unit", x.Unit)),
			Direction:  model.Direction(r.code("direction", x.Direction)),
			Definition: model.Text{VI: x.DefinitionVI.s, EN: x.DefinitionEN.s},
			Source:     model.Text{VI: x.SourceVI.s, EN: x.SourceEN.s},
			At:         r.origin(),
		}
	})

	ds.Units = readFile(l, unitsFile, unitColumns, true, false, "", func(r *row, x unitRow) model.Unit {
		return model.Unit{
			Code:   r.code("code", x.Code),
			Name:   model.Text{VI: x.NameVI.s, EN: x.NameEN.s},
			Kind:   r.text(x.Kind),
			Parent: r.code("parent", x.Parent),
			At:     r.origin(),
		}
	})

	// Targets are optional: a site may have none yet. A file that exists
	// needs its header, but may have no rows.
	ds.Targets = readFile(l, targetsFile, targetColumns, false, true, "", func(r *row, x targetRow) model.Target {
		r.required("year", x.Year.raw, msgMissingYear.With())
		r.required("value", x.Value.raw, msgMissingTarget.With())
		v := r.number("value", x.Value)
		tg := model.Target{
			Indicator: r.code("indicator", x.Indicator),
			Unit:      r.code("unit", x.Unit),
			Year:      r.year("year", x.Year),
			Basis:     model.Text{VI: x.BasisVI.s, EN: x.BasisEN.s},
			At:        r.origin(),
		}
		if v != nil {
			tg.Value = *v
		}
		return tg
	})

	// Snapshot rows are read against the indicators as validation checks
	// them: of two with one code, the first.
	ds.Snapshots = l.readSnapshots(model.NewIndex(ds))
	return ds, l.errs.Err()
}

// loader is the state of one Dataset call.
type loader struct {
	fsys fs.FS
	errs diag.List
	strs interner // shared by every file: codes repeat from file to file
}

// readSnapshots reads every data/snapshots/<period>.csv in name order and
// returns them sorted by period.
func (l *loader) readSnapshots(idx *model.Index) []model.Snapshot {
	errs := &l.errs
	entries, err := fs.ReadDir(l.fsys, snapshotsDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs.Add(diag.Newf(diag.Position{File: snapshotsDir}, diag.CodeSource, "", "", msgReadFolder, plainIOError(err)))
		return nil
	}
	var snaps []model.Snapshot
	found := false
	for _, e := range entries {
		name := e.Name()
		file := path.Join(snapshotsDir, name)
		if strings.HasPrefix(name, ".") || strings.HasPrefix(strings.ToUpper(name), "README") {
			continue // notes for people, and editor or system files
		}
		found = true
		ext := path.Ext(name)
		if e.IsDir() || ext != ".csv" {
			if !e.IsDir() && strings.EqualFold(ext, ".csv") {
				errs.Add(diag.Newf(diag.Position{File: file}, diag.CodeSource, "", "", msgNotCSVName))
				continue
			}
			errs.Add(diag.Newf(diag.Position{File: file}, diag.CodeSource, "", "",
				msgNotSnapshot, snapshotsDir))
			continue
		}
		p, err := period.Parse(strings.TrimSuffix(name, ext))
		if err != nil {
			errs.Add(diag.Newf(diag.Position{File: file}, diag.CodeSource, "", "",
				msgNotPeriod))
			continue
		}
		snap := model.Snapshot{Period: p, File: file}
		snap.Observations = readFile(l, file, snapshotColumns, true, false, p.String(), func(r *row, x snapshotRow) model.Observation {
			o := model.Observation{
				Period:      p,
				Unit:        r.code("unit", x.Unit),
				Indicator:   r.code("indicator", x.Indicator),
				Value:       r.number("value", x.Value),
				Numerator:   r.number("numerator", x.Numerator),
				Denominator: r.number("denominator", x.Denominator),
				Note:        r.text(x.Note),
				Source:      r.text(x.Source),
				At:          r.origin(),
			}
			if ind, ok := idx.Indicator(o.Indicator); ok {
				if v, ok := percent(&o, ind.Measure); ok {
					o.Value = r.st.float(v)
				}
			}
			return o
		})
		snaps = append(snaps, snap)
	}
	if !found {
		errs.Add(diag.Newf(diag.Position{File: snapshotsDir}, diag.CodeSource, "", "",
			msgNoSnapshots, snapshotsDir))
	}
	slices.SortStableFunc(snaps, func(a, b model.Snapshot) int { return a.Period.Compare(b.Period) })
	return snaps
}

// percent computes the value of a percent given only as numerator and
// denominator. It gives none when the pair is impossible (the validator
// reports it), so that one mistake is not also reported as a value out of
// range.
func percent(o *model.Observation, m model.Measure) (float64, bool) {
	if m != model.Percent || o.Value != nil || o.Numerator == nil || o.Denominator == nil {
		return 0, false
	}
	n, d := *o.Numerator, *o.Denominator
	if d <= 0 || n < 0 || n > d {
		return 0, false
	}
	return 100 * n / d, true
}

// readFile reads and checks one CSV file and converts its rows with conv,
// through the row struct T of cell types. A missing file is an error only
// when required. period is the period of a snapshot file, "" for the other
// files: only snapshots can be made with minhbach import, and the hints
// that suggest it name the period.
func readFile[T, M any](l *loader, file string, columns []string, required, allowEmpty bool, period string, conv func(*row, T) M) []M {
	data := l.read(file, required)
	if data == nil {
		return nil
	}
	c := &converter[T, M]{conv: conv, errs: &l.errs, store: store{strs: &l.strs}}
	readTable(file, data, columns, allowEmpty, period, &l.errs, c.chunk)
	return c.records()
}

// read returns the bytes of file, or nil after reporting why it cannot.
//
// The file's size is checked before it is read: a file over the limit is
// refused without being read, so a wrong file copied into data/ (a video, a
// database dump) costs nothing. The read itself is bounded too, for files
// whose size is not known in advance.
func (l *loader) read(file string, required bool) []byte {
	errs := &l.errs
	pos := diag.Position{File: file}
	f, err := l.fsys.Open(file)
	if errors.Is(err, fs.ErrNotExist) {
		if required {
			errs.Add(diag.Newf(pos, diag.CodeSource, "", "", msgNotFound))
		}
		return nil
	}
	if err != nil {
		errs.Add(diag.Newf(pos, diag.CodeSource, "", "", msgCannotOpen, plainIOError(err)))
		return nil
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > maxFileSize {
		errs.Add(tooLarge(pos, info.Size()))
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		errs.Add(diag.Newf(pos, diag.CodeSource, "", "", msgCannotRead, plainIOError(err)))
		return nil
	}
	if len(data) > maxFileSize {
		errs.Add(diag.Newf(pos, diag.CodeSizeLimit, "", "",
			msgTooLargeRead, maxFileSize>>20))
		return nil
	}
	return data
}

// tooLarge reports a file of the given size, over maxFileSize.
func tooLarge(pos diag.Position, size int64) *diag.Error {
	const mb = 1 << 20
	return diag.Newf(pos, diag.CodeSizeLimit, "", "",
		msgTooLarge,
		(size+mb-1)/mb, maxFileSize/mb)
}

// plainIOError drops the path from an I/O error: the position already
// names the file, relative to the site.
func plainIOError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
