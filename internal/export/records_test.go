package export

import (
	"bytes"
	"os"
	"testing"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/validate"
)

// TestRecordsMatchTags: the per-indicator and figures files, written from
// records for speed, are byte for byte what gocsv writes from the rows'
// struct tags, for the test dataset and the repository's sample (notes,
// sources, roll-ups, missing values, formula-like text).
func TestRecordsMatchTags(t *testing.T) {
	t.Parallel()
	ds, err := load.Dataset(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	if err := validate.Dataset(ds, validate.Options{}); err != nil {
		t.Fatal(err)
	}
	for name, a := range map[string]*analyse.Analysis{"test": analyse.Run(dataset(false)), "sample": analyse.Run(ds)} {
		fw := newFiguresWriter()
		var all []figureRow
		for _, ind := range a.Dataset().Indicators {
			rows := indicatorRows(a, ind)
			got, err := rowsCSV(rows)
			if err != nil {
				t.Fatal(err)
			}
			want, err := writeCSV(rows)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s %s: records\n%s\ntags\n%s", name, ind.Code, got, want)
			}
			if err := fw.add(ind, rows); err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				all = append(all, figureOf(ind, r))
			}
		}
		got, n, err := fw.done()
		if err != nil {
			t.Fatal(err)
		}
		want, err := writeCSV(all)
		if err != nil {
			t.Fatal(err)
		}
		if n != len(all) || !bytes.Equal(got, want) {
			t.Errorf("%s figures: %d rows, records and tags differ:\n%.400s\n%.400s", name, n, got, want)
		}
	}
}
