package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
)

// FiguresPath is where the file of every published figure lives. Each
// build publishes it, and the next build reads it back from the published
// site to list the figures that were corrected since (see ReadFigures).
var FiguresPath = route.Download("figures.csv")

// FiguresXLSXPath is the workbook of every published figure.
var FiguresXLSXPath = route.Download("figures.xlsx")

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
// period whose parent is unit, which are in the same file. Published and
// Erratum keep it in English, as files before the Vietnamese ones were
// written; sourceIn says it in a file's language.
func rolledUpSource(unit string) string { return msgRolledUp.With(unit).In(string(model.EN)) }

// sourceIn is a source as the files of lang write it.
func sourceIn(lang model.Lang, s string) string {
	if unit, ok := rolledUpUnit(s); ok {
		return msgRolledUp.With(unit).In(string(lang))
	}
	return s
}

// rolledUpUnit reads the unit of a roll-up's source in either language.
func rolledUpUnit(s string) (string, bool) {
	for _, lang := range model.Langs {
		if unit, ok := strings.CutPrefix(s, msgRolledUp.With("").In(string(lang))); ok && unit != "" {
			return unit, true
		}
	}
	return "", false
}

// Same reports whether p and q publish the same figure: the same value
// as published (rounded to places, as the files and pages show it; older
// files printed it in full) and, when given, the same numerator and
// denominator, to the last bit.
func (p Published) Same(q Published, places int) bool {
	eq := func(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	return decimal.Round(p.Value, places) == decimal.Round(q.Value, places) && eq(p.Numerator, q.Numerator) && eq(p.Denominator, q.Denominator)
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
		p.Source = canonicalSource(Unsafe(cell("source")))
		out[Key{Unit: cell("unit"), Indicator: cell("indicator"), Period: cell("period")}] = p
	}
	return out, nil
}

// canonicalSource is a source read back from a file of either language,
// as Published and Erratum keep it.
func canonicalSource(s string) string {
	if unit, ok := rolledUpUnit(s); ok {
		return rolledUpSource(unit)
	}
	return s
}
