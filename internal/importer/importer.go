// Package importer turns what district staff actually receive from
// communes — Excel workbooks, "CSV" saved by Vietnamese Excel, "Unicode
// Text" exports — into the canonical snapshot data/snapshots/<period>.csv
// that package load reads.
//
// It is lenient about layout (title lines, Vietnamese headings, merged
// cells, group headings, total rows, one column per indicator) and strict
// about meaning: a number that could be read two ways, a percent written
// in words, a unit name that fits several units are errors with a hint,
// never a guess. Nothing is written unless the whole file converts and the
// result passes the same loader and validator as every snapshot.
package importer

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/publish"
)

// Error codes import adds to those of package diag.
const (
	CodeSizeLimit         = "size-limit"
	CodeMojibake          = "mojibake"
	CodeAmbiguousDecimal  = "ambiguous-decimal"
	CodeAmbiguousPercent  = "ambiguous-percent"
	CodeQualitative       = "qualitative-value"
	CodeUnitNotFound      = "unit-not-found"
	CodeUnitAmbiguous     = "unit-ambiguous"
	CodeIndicatorNotFound = "indicator-not-found"
	CodeIndicatorAmbig    = "indicator-ambiguous"
	CodeTotalMismatch     = "total-mismatch"
	CodeMergedValue       = "merged-value"
	CodeExists            = "snapshot-exists"
)

// Options say what to import and how to read it.
type Options struct {
	Files    []string      // the input files as given; problems name them so
	Site     string        // the site folder (for Import)
	Period   period.Period // the snapshot's period
	Sheet    string        // worksheet to read; default: the first with a heading row
	Decimal  Mark          // the decimal mark, when the file cannot show it
	Fraction bool          // percents written as fractions: 0,9 is 90%
	KeepText bool          // keep words such as "gần 100%" as a note, with no value
	Force    bool          // the new figures replace those of the snapshot that differ
	Replace  []string      // units (codes or names) whose figures in the snapshot the new ones replace
	Today    time.Time     // for the future-period check; zero skips it
}

// Result describes a conversion.
type Result struct {
	Path       string `json:"path"`             // the snapshot, relative to the site, with slashes
	Sheet      string `json:"sheet,omitempty"`  // the worksheet read (of the first file); empty for a text file
	Wide       bool   `json:"wide"`             // one column per indicator (else one row per figure), in the first file
	Mark       Mark   `json:"decimal"`          // the decimal mark used for text cells, in the first file
	Files      int    `json:"files"`            // files read
	Rows       int    `json:"rows"`             // rows written
	Units      int    `json:"units"`            // distinct units
	Indicators int    `json:"indicators"`       // distinct indicators
	Groups     int    `json:"group_rows"`       // group-heading rows skipped
	Totals     int    `json:"total_rows"`       // total rows checked and skipped
	Unchecked  int    `json:"unchecked_totals"` // total figures that could not be recomputed (percents without numerator and denominator)
	Filled     int    `json:"filled_down"`      // unit cells filled down from the row above
	// Merging with the period's snapshot already there: its rows kept as
	// they were (an identical new figure included), the new rows added,
	// and its rows replaced (--replace, --force).
	Kept     int    `json:"kept"`
	Added    int    `json:"added"`
	Replaced int    `json:"replaced"`
	Data     []byte `json:"-"` // the snapshot file
}

// SnapshotPath is where the snapshot of p goes, relative to the site.
func SnapshotPath(p period.Period) string { return "data/snapshots/" + p.String() + ".csv" }

// Import converts opt.Files and writes the snapshot into opt.Site, all or
// nothing: on any problem nothing is written and the error joins every
// *diag.Error found. When the period's snapshot exists, the new figures
// are added to it (see merge).
func Import(opt Options) (*Result, error) {
	var errs diag.List
	var ins []input
	for _, f := range opt.Files {
		data, e := readFile(f)
		if e != nil {
			errs.Add(e)
			continue
		}
		ins = append(ins, input{f, data})
	}
	if errs.Len() > 0 {
		return nil, errs.Err()
	}
	rel := SnapshotPath(opt.Period)
	target := filepath.Join(opt.Site, filepath.FromSlash(rel))
	_, statErr := os.Lstat(target)
	res, err := convertAll(ins, os.DirFS(opt.Site), opt)
	if err != nil {
		return nil, err
	}
	if err := publish.WriteFile(target, res.Data, publish.FileOptions{Replace: statErr == nil}); err != nil {
		if errors.Is(err, fs.ErrExist) {
			errs.Add(diag.Newf(diag.Position{File: rel}, CodeExists, "", "", msgExists))
		} else {
			errs.Add(diag.Newf(diag.Position{File: rel}, diag.CodeSource, "", "", msgCannotWrite, plainIOError(err)))
		}
		return nil, errs.Err()
	}
	return res, nil
}

// input is one file to convert: its name as given, and its bytes.
type input struct {
	name string
	data []byte
}

// importer holds one conversion's state.
type importer struct {
	opt   Options
	name  string // input file name as given
	ds    *model.Dataset
	units *matcher
	inds  *matcher
	errs  diag.List
	// done marks cells already reported, so one mistake is one problem.
	done map[diag.Position]bool
	more int // problems found beyond maxProblems
	res  Result
}

func (im *importer) add(e *diag.Error) {
	// Only cells: problems of the whole file (a period overlapping two
	// snapshots) are distinct at the same position.
	if e.Pos.Line > 0 && im.done[e.Pos] {
		return
	}
	if im.errs.Len() >= maxProblems {
		im.more++
		return
	}
	im.done[e.Pos] = true
	im.errs.Add(e)
}

// maxProblems is how many problems one run reports: a file with more is
// the wrong file, or one mistake repeated, and a longer list helps no one.
const maxProblems = 200

// Convert reads data (the file name, as given, names positions) against
// the units and indicators of the site in fsys and returns the snapshot
// without writing it: the period's snapshot in fsys, if any, with the
// file's figures added (see merge). The snapshot has passed load and
// validate together with the site's other snapshots.
func Convert(name string, data []byte, fsys fs.FS, opt Options) (*Result, error) {
	return convertAll([]input{{name, data}}, fsys, opt)
}

// convertAll converts each input, merges their records with the period's
// snapshot in fsys, and checks the result. Repeated problems are
// collapsed (see diag.Collapse).
func convertAll(ins []input, fsys fs.FS, opt Options) (*Result, error) {
	var errs diag.List
	ds, err := load.Dataset(fsys)
	rel := SnapshotPath(opt.Period)
	for _, e := range diag.All(err) {
		// The lists, and the snapshot the figures are added to, must read.
		if e.Pos.File == "data/units.csv" || e.Pos.File == "data/indicators.csv" || e.Pos.File == rel {
			errs.Add(e)
		}
	}
	if ds == nil || len(ds.Units) == 0 || len(ds.Indicators) == 0 {
		if errs.Len() == 0 {
			errs.Add(diag.Newf(diag.Position{File: "data/units.csv"}, diag.CodeSource, "", "", msgNoLists))
		}
		return nil, collapse(&errs)
	}
	var ue, ie []entry
	for _, u := range ds.Units {
		ue = append(ue, entry{u.Code, u.Name.VI})
	}
	for _, ind := range ds.Indicators {
		ie = append(ie, entry{ind.Code, ind.Name.VI})
	}
	units, inds := newMatcher(ue, true), newMatcher(ie, false)
	fin := &importer{opt: opt, ds: ds, units: units, inds: inds, done: map[diag.Position]bool{}}
	fin.res.Path = rel
	var recs [][]record
	n, tooMany := 0, false
	for i, in := range ins {
		im := &importer{opt: opt, name: in.name, ds: ds, units: units, inds: inds, done: map[diag.Position]bool{}}
		out := im.convertFile(in.data)
		errs.Merge(&im.errs)
		recs = append(recs, out)
		n += len(out)
		tooMany = tooMany || im.more > 0
		r := &fin.res
		if i == 0 {
			r.Sheet, r.Wide, r.Mark = im.res.Sheet, im.res.Wide, im.res.Mark
		}
		r.Files++
		r.Groups += im.res.Groups
		r.Totals += im.res.Totals
		r.Unchecked += im.res.Unchecked
		r.Filled += im.res.Filled
	}
	// With the files' own problems, the snapshot is still checked, so
	// that every problem is reported in one run; unless one file had too
	// many to list.
	if !tooMany && n > 0 {
		out := fin.merge(fsys, recs)
		fin.write(out)
		fin.selfCheck(fsys, out)
		errs.Merge(&fin.errs)
	}
	if errs.Len() > 0 {
		return nil, collapse(&errs)
	}
	res := fin.res
	return &res, nil
}

// collapse returns the problems of l with repeated ones collapsed.
func collapse(l *diag.List) error {
	var out diag.List
	for _, e := range diag.Collapse(l.Errors()) {
		out.Add(e)
	}
	return out.Err()
}

// convertFile converts one file and returns its records, one per unit
// and indicator (a second figure is reported); its problems are in
// im.errs. It returns none when there are too many problems to list.
func (im *importer) convertFile(data []byte) []record {
	opt, name := im.opt, im.name
	grids := read(name, data, &opt, im.score, &im.errs)
	if len(grids) == 0 {
		return nil
	}
	// Old-font text is looked for only in the grid read: a workbook may
	// keep an old sheet typed in TCVN3 beside the one to import. With no
	// table found, it explains why no heading was recognised.
	var t *table
	var tableErrs diag.List
	for _, g := range grids {
		if t = im.findTable(g, &tableErrs); t != nil {
			break
		}
	}
	if t != nil && im.mojibake([]*grid{t.g}) || t == nil && im.mojibake(grids) {
		return nil
	}
	im.errs.Merge(&tableErrs)
	if t == nil {
		pos := diag.Position{File: name}
		if len(grids) == 1 {
			pos = grids[0].filePos()
		}
		im.errs.Add(diag.Newf(pos, diag.CodeMissing, "", "", msgNoHeader, maxTitleRows))
		return nil
	}
	im.res.Sheet, im.res.Wide = t.g.sheet, t.wide
	pend := im.rows(t)
	im.res.Mark = im.decideMark(t.g, pend)
	recs := im.convert(t.g, pend)
	out := im.unique(recs)
	switch {
	case im.more > 0:
		im.errs.Add(diag.Newf(t.g.filePos(), diag.CodeSource, "", "", msgTooMany, im.more, maxProblems))
	case len(out) == 0 && im.errs.Len() == 0:
		im.errs.Add(diag.Newf(t.g.filePos(), diag.CodeSource, "", "", msgNoFigures))
	}
	if im.more > 0 {
		return nil
	}
	return out
}

// Lists returns the units and indicators that names are matched against:
// the site's data/units.csv and data/indicators.csv, with their problems
// (those of the snapshots are not the lists').
func Lists(fsys fs.FS) ([]model.Unit, []model.Indicator, error) {
	var errs diag.List
	ds, err := load.Dataset(fsys)
	for _, e := range diag.All(err) {
		if e.Pos.File == "data/units.csv" || e.Pos.File == "data/indicators.csv" {
			errs.Add(e)
		}
	}
	if errs.Len() == 0 && (ds == nil || len(ds.Units) == 0 || len(ds.Indicators) == 0) {
		errs.Add(diag.Newf(diag.Position{File: "data/units.csv"}, diag.CodeSource, "", "", msgNoLists))
	}
	if errs.Len() > 0 {
		return nil, nil, errs.Err()
	}
	return ds.Units, ds.Indicators, nil
}
