package export

import (
	"encoding/json"
	"fmt"
	"path"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
)

// indicatorDoc is the JSON of one indicator: its metadata, the units its
// figures are of, its targets and its series. The series rows are the
// CSV's rows, with the same numbers as the CSV's cells (copied as JSON
// number literals, never re-formatted), so the two files cannot disagree.
// Structs, not maps: the key order is fixed.
type indicatorDoc struct {
	Indicator indicatorMeta `json:"indicator"`
	CSV       string        `json:"csv"` // the CSV beside this file, relative to it
	Units     []unitMeta    `json:"units"`
	Targets   []targetMeta  `json:"targets"`
	Series    []seriesRow   `json:"series"`
}

type indicatorMeta struct {
	Code       string     `json:"code"`
	Group      string     `json:"group"`
	Name       model.Text `json:"name"`
	Measure    string     `json:"measure"`  // percent (0–100), count or number
	Decimals   int        `json:"decimals"` // the site shows values to this many places
	Direction  string     `json:"direction"`
	Definition model.Text `json:"definition"`
	Source     model.Text `json:"source"`
}

type unitMeta struct {
	Code   string     `json:"code"`
	Name   model.Text `json:"name"`
	Kind   string     `json:"kind"`
	Parent string     `json:"parent"`
}

type targetMeta struct {
	Unit  string     `json:"unit"` // a unit code, or * for every unit
	Year  int        `json:"year"`
	Value float64    `json:"value"`
	Basis model.Text `json:"basis"`
}

// seriesRow is a row of the per-indicator CSV; a missing number is null.
// Texts are as written: JSON is not run as a formula.
type seriesRow struct {
	Period      string       `json:"period"`
	Unit        string       `json:"unit"`
	Value       *json.Number `json:"value"`
	Numerator   *json.Number `json:"numerator"`
	Denominator *json.Number `json:"denominator"`
	Method      string       `json:"method"`
	Reporting   string       `json:"reporting"`
	Note        string       `json:"note"`
	Source      string       `json:"source"`
}

// JSONFiles returns the JSON of every indicator, each beside its CSV.
func JSONFiles(a *analyse.Analysis) ([]File, error) {
	var out []File
	for _, ind := range a.Dataset().Indicators {
		rows := indicatorRows(a, ind, model.VI) // beside the Vietnamese CSV, the same cells
		b, err := indicatorJSON(a, ind, rows)
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", route.IndicatorJSON(ind.Code), err)
		}
		out = append(out, newFile(route.IndicatorJSON(ind.Code), "json", ind.Code, len(rows), b))
	}
	return out, nil
}

func indicatorJSON(a *analyse.Analysis, ind model.Indicator, rows []row) ([]byte, error) {
	idx := a.Index()
	doc := indicatorDoc{
		Indicator: indicatorMeta{
			Code: ind.Code, Group: ind.Group, Name: ind.Name, Measure: string(ind.Measure),
			Decimals: ind.Measure.Decimals(), Direction: string(ind.Direction),
			Definition: ind.Definition, Source: ind.Source,
		},
		CSV:     path.Base(route.IndicatorCSV(ind.Code)),
		Units:   []unitMeta{},
		Targets: []targetMeta{},
		Series:  make([]seriesRow, 0, len(rows)),
	}
	seen := map[string]bool{}
	for _, r := range rows {
		if !seen[r.Unit] {
			seen[r.Unit] = true
			if u, ok := idx.Unit(r.Unit); ok {
				doc.Units = append(doc.Units, unitMeta{Code: u.Code, Name: u.Name, Kind: u.Kind, Parent: u.Parent})
			}
		}
		doc.Series = append(doc.Series, seriesRow{
			Period: r.Period, Unit: r.Unit,
			Value: number(cell{s: decimal.Split(r.Value, r.Decimals).String()}), Numerator: number(numCell(r.Numerator)), Denominator: number(numCell(r.Denominator)),
			Method: r.Method, Reporting: r.Reporting, Note: string(r.Note), Source: string(r.Source),
		})
	}
	for _, t := range a.Dataset().Targets {
		if t.Indicator == ind.Code {
			doc.Targets = append(doc.Targets, targetMeta{Unit: t.Unit, Year: t.Year, Value: t.Value, Basis: t.Basis})
		}
	}
	return json.Marshal(doc)
}

// number is a CSV number cell as a JSON number, nil when empty.
func number(c cell) *json.Number {
	s := c.s
	if s == "" {
		return nil
	}
	j := json.Number(s)
	return &j
}
