package importer

// The snapshot: one record per unit and indicator, in the order of the
// site's lists, written as canonical CSV.

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"slices"

	"github.com/minhbach/minhbach/internal/diag"
)

var snapshotHeader = []string{"unit", "indicator", "value", "numerator", "denominator", "note", "source"}

// unique drops (and reports) a second figure for the same unit and
// indicator in one file.
func (im *importer) unique(recs []record) []record {
	type key struct{ unit, ind int }
	first := map[key]record{}
	var out []record
	for _, r := range recs {
		k := key{r.unit, r.ind}
		if prev, ok := first[k]; ok {
			im.add(diag.Newf(r.origin, diag.CodePrimaryKey, "", "", msgDuplicate,
				im.ds.Units[r.unit].Code, im.ds.Indicators[r.ind].Code, prev.origin.String()))
			continue
		}
		first[k] = r
		out = append(out, r)
	}
	return out
}

// write orders the records as units.csv and indicators.csv list them and
// writes the snapshot into im.res.Data, in that order (out is sorted in
// place). A new record's source column cites its file's base name and
// cell (after the text of a Nguồn column, if any); a record kept from the
// snapshot keeps its own.
func (im *importer) write(out []record) {
	slices.SortStableFunc(out, func(a, b record) int {
		if a.unit != b.unit {
			return a.unit - b.unit
		}
		return a.ind - b.ind
	})
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(snapshotHeader)
	units, inds := map[int]bool{}, map[int]bool{}
	for _, r := range out {
		units[r.unit], inds[r.ind] = true, true
		src := r.src
		if !r.kept {
			at := r.origin
			at.File = filepath.Base(at.File)
			src = at.String()
			if r.src != "" {
				src = r.src + " (" + src + ")"
			}
		}
		w.Write([]string{im.ds.Units[r.unit].Code, im.ds.Indicators[r.ind].Code, num(r.value), num(r.num), num(r.den), r.note, src})
	}
	w.Flush()
	im.res.Data = buf.Bytes()
	im.res.Rows, im.res.Units, im.res.Indicators = len(out), len(units), len(inds)
}
func num(v *float64) string {
	if v == nil {
		return ""
	}
	return format(*v)
}
