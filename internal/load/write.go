package load

// The files the build publishes are written from row structs with the same
// library that reads the inputs, so that gocsv, its global settings and its
// hazards stay in this one package.

import (
	"encoding/csv"

	"github.com/gocarina/gocsv"
)

// WriteCSV writes rows, a slice of structs whose fields carry csv tags, to
// w: a header, then one record per struct (nothing at all when rows is
// empty). A field's type may print itself with a MarshalCSV() (string,
// error) method. (Reading's hazard, gocsv taking an empty cell for 0, does
// not arise in writing.)
func WriteCSV(w *csv.Writer, rows any) error {
	return gocsv.MarshalCSV(rows, gocsv.NewSafeCSVWriter(w))
}
