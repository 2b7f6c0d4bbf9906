package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
)

// Input is one input file exactly as staff published it. The site serves
// a spreadsheet-safe copy of it (see Files); the original bytes are for
// those who verify, e.g. in the bulk archive of every download.
type Input struct {
	Name string // its path in the site folder: "data/snapshots/2024-Q4.csv"
	Kind string // "indicators", "units", "targets" or "snapshot"
	Key  string // the period of a snapshot
	Data []byte // byte for byte
}

// numericColumns are the input columns that hold numbers; every other
// column of an input file is text (codes keep their leading zeros).
var numericColumns = map[string]bool{"value": true, "numerator": true, "denominator": true, "year": true}

// Inputs reads the input files of ds from site, byte for byte:
// indicators.csv, units.csv, targets.csv when there is one, then the
// snapshots in period order.
func Inputs(site fs.FS, ds *model.Dataset) ([]Input, error) {
	list := []Input{
		{Name: "data/indicators.csv", Kind: "indicators"},
		{Name: "data/units.csv", Kind: "units"},
		{Name: "data/targets.csv", Kind: "targets"},
	}
	for _, s := range ds.Snapshots {
		list = append(list, Input{Name: s.File, Kind: "snapshot", Key: s.Period.String()})
	}
	var out []Input
	for _, in := range list {
		b, err := fs.ReadFile(site, in.Name)
		if err != nil {
			if in.Kind == "targets" && errors.Is(err, fs.ErrNotExist) {
				continue // targets.csv is optional
			}
			return nil, err
		}
		in.Data = b
		out = append(out, in)
	}
	return out, nil
}

// inputCopy is the copy of an input file the site serves: with a BOM,
// every text cell quoted and Safe, numbers bare, line for line, so that a
// row's file:line (the source column of the figures) is the same in the
// copy as in the original. A blank line stays blank.
func inputCopy(in Input) ([]byte, error) {
	out := newCSV()
	var numeric []bool
	header := true
	for line := range bytes.Lines(bytes.TrimPrefix(in.Data, []byte("\uFEFF"))) {
		body := bytes.TrimRight(line, "\r\n")
		eol := line[len(body):]
		if len(body) == 0 {
			out.buf.Write(eol)
			continue
		}
		// Validation forbids line breaks inside cells, so a line is a
		// record.
		r := csv.NewReader(bytes.NewReader(body))
		rec, err := r.Read()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in.Name, err)
		}
		cells := make([]cell, len(rec))
		for i, s := range rec {
			cells[i] = cell{s: s, num: !header && i < len(numeric) && numeric[i] && plainNumber(s)}
		}
		if header {
			numeric = make([]bool, len(rec))
			for i, name := range rec {
				numeric[i] = numericColumns[name]
			}
			header = false
		}
		if len(eol) == 0 {
			eol = []byte("\n")
		}
		out.line(cells, string(eol))
	}
	return out.bytes(), nil
}

func inputFile(in Input) (File, error) {
	b, err := inputCopy(in)
	if err != nil {
		return File{}, err
	}
	f := newFile(route.InputCopy(in.Name), in.Kind, in.Key, dataRows(in.Data), b)
	f.Input, f.Format = in.Name, "csv"
	return f, nil
}
