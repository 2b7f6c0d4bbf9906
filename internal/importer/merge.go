package importer

// A period assembled from many files: communes report separately, so a
// later import for the same period adds its units' figures to the
// snapshot instead of replacing it. A figure that is already there with
// another value is a conflict, never overwritten unless asked.

import (
	"bytes"
	"encoding/csv"
	"io"
	"io/fs"
	"math"
	"strings"

	"github.com/minhbach/minhbach/internal/diag"
)

// CodeConflict is a unit and indicator given two different figures: by
// two files of one import, or by a file and the snapshot already there.
const CodeConflict = "value-conflict"

type cellKey struct{ unit, ind int }

// merge returns the snapshot's records: those of the period's snapshot in
// fsys, if any, with the new files' records (recs, one list per file)
// added. A new figure for a unit and indicator the snapshot has is a
// conflict unless it is the same figure (then the snapshot's row is kept
// as it is), its unit is in --replace (every row of the unit in the
// snapshot gives way to the new files'), or --force is given (every new
// figure replaces the snapshot's). Two files of one import that give a
// unit and indicator different figures are a conflict whatever the flags.
func (im *importer) merge(fsys fs.FS, recs [][]record) []record {
	replace := im.replaceUnits()
	// The new figures, one per unit and indicator.
	fresh := map[cellKey]record{}
	var order []cellKey
	for _, file := range recs {
		for _, r := range file {
			k := cellKey{r.unit, r.ind}
			prev, ok := fresh[k]
			switch {
			case !ok:
				fresh[k] = r
				order = append(order, k)
			case !sameFigure(prev, r):
				im.add(diag.Newf(r.origin, CodeConflict, "", figure(r), msgConflictFiles,
					im.ds.Units[r.unit].Code, im.ds.Indicators[r.ind].Code, figure(prev), prev.origin.String()))
			}
		}
	}
	var out []record
	seen := map[cellKey]bool{}
	for _, old := range im.existing(fsys) {
		k := cellKey{old.unit, old.ind}
		r, ok := fresh[k]
		switch {
		case replace[old.unit]:
			im.res.Replaced++
			continue
		case !ok:
			im.res.Kept++
			out = append(out, old)
			continue
		case sameFigure(old, r):
			im.res.Kept++
			out = append(out, old)
			seen[k] = true
			continue
		case im.opt.Force:
			im.res.Replaced++
			continue
		}
		code := im.ds.Units[old.unit].Code
		im.add(diag.Newf(r.origin, CodeConflict, "", figure(r), msgConflict,
			code, im.ds.Indicators[old.ind].Code, figure(old), old.origin.String(), old.src))
	}
	for _, k := range order {
		if !seen[k] {
			im.res.Added++
			out = append(out, fresh[k])
		}
	}
	return out
}

// replaceUnits resolves --replace: unit codes or names, each of one unit.
func (im *importer) replaceUnits() map[int]bool {
	out := map[int]bool{}
	for _, s := range im.opt.Replace {
		i, cands, _ := im.units.match(s)
		if i < 0 {
			near := im.units.list(cands)
			if near == "" {
				near = "-"
			}
			im.add(diag.Newf(diag.Position{File: "data/units.csv"}, CodeUnitNotFound, "", s, msgReplaceUnit, near))
			continue
		}
		out[i] = true
	}
	return out
}

// existing returns the rows of the period's snapshot in fsys (none when
// there is none), as records at their lines of the snapshot.
func (im *importer) existing(fsys fs.FS) []record {
	rel := im.res.Path
	var snap []record
	blankValue := rawBlankValues(fsys, rel)
	for _, sn := range im.ds.Snapshots {
		if sn.File != rel {
			continue
		}
		for _, o := range sn.Observations {
			u, ok1 := unitIndex(im, o.Unit)
			i, ok2 := indIndex(im, o.Indicator)
			if !ok1 || !ok2 {
				continue // reported by the self-check
			}
			r := record{unit: u, ind: i, value: o.Value, num: o.Numerator, den: o.Denominator,
				note: o.Note, src: o.Source, kept: true, origin: o.At.Row, pos: map[string]diag.Position{}, text: map[string]string{}}
			if blankValue[o.At.Row.Line] {
				r.value = nil // the loader computed it from the numerator and denominator
			}
			for name, p := range o.At.Cells() {
				r.pos[name] = p
			}
			snap = append(snap, r)
		}
	}
	return snap
}

// rawBlankValues returns the lines of the snapshot rel whose value cell is
// empty: the loader fills a percent's value in from its numerator and
// denominator, and a kept row is written back as it was.
func rawBlankValues(fsys fs.FS, rel string) map[int]bool {
	out := map[int]bool{}
	data, err := fs.ReadFile(fsys, rel)
	if err != nil {
		return out
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return out
	}
	col := -1
	for i, h := range head {
		if strings.TrimSpace(h) == "value" {
			col = i
		}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF || err != nil {
			return out
		}
		if col >= 0 && col < len(rec) && strings.TrimSpace(rec[col]) == "" {
			line, _ := r.FieldPos(0)
			out[line] = true
		}
	}
}

func unitIndex(im *importer, code string) (int, bool) {
	for i, u := range im.ds.Units {
		if u.Code == code {
			return i, true
		}
	}
	return 0, false
}

func indIndex(im *importer, code string) (int, bool) {
	for i, ind := range im.ds.Indicators {
		if ind.Code == code {
			return i, true
		}
	}
	return 0, false
}

// sameFigure reports whether two records give the same figure: the same
// numerator and denominator, and the same value where both give one (a
// percent given as 14/16 and as 14/16 with 87.5 is the same figure).
func sameFigure(a, b record) bool {
	if !sameNum(a.num, b.num) || !sameNum(a.den, b.den) {
		return false
	}
	if a.value == nil || b.value == nil {
		return a.value == nil && b.value == nil || a.num != nil && a.den != nil
	}
	return sameNum(a.value, b.value)
}

func sameNum(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) < 1e-9
}

// figure prints a record's figure for a message: "87.5", "14/16", "87.5
// (14/16)", or "-" for none.
func figure(r record) string {
	var s string
	if r.value != nil {
		s = format(*r.value)
	}
	if r.num != nil && r.den != nil {
		frac := format(*r.num) + "/" + format(*r.den)
		if s == "" {
			return frac
		}
		return s + " (" + frac + ")"
	}
	if s == "" {
		return "-"
	}
	return s
}
