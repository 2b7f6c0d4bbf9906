package analyse_test

import (
	"fmt"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// A district that does not report its own figure gets one rolled up from
// its communes: Σnumerator / Σdenominator, listing the rows it comes from.
func Example_rollUp() {
	q4 := period.MustParse("2024-Q4")
	row := func(line int, unit string, num, den float64) model.Observation {
		v := 100 * num / den
		return model.Observation{
			Period: q4, Unit: unit, Indicator: "DV02",
			Value: &v, Numerator: &num, Denominator: &den,
			At: diag.Origin{Row: diag.Position{File: "snapshots/2024-Q4.csv", Line: line}},
		}
	}
	ds := &model.Dataset{
		Indicators: []model.Indicator{{Code: "DV02", Measure: model.Percent, Direction: model.Up}},
		Units: []model.Unit{
			{Code: "064"},
			{Code: "02020", Parent: "064"},
			{Code: "02023", Parent: "064"},
			{Code: "02026", Parent: "064"},
		},
		Targets: []model.Target{{Indicator: "DV02", Unit: model.AllUnits, Year: 2025, Value: 80}},
		Snapshots: []model.Snapshot{{Period: q4, Observations: []model.Observation{
			row(2, "02020", 45, 50), // 90%
			row(3, "02023", 3, 10),  // 30%
		}}},
	}
	a := analyse.Run(ds)
	s := a.Summary("064", "DV02", q4)
	p := s.Current
	fmt.Printf("%.1f%% = %g/%g, from %d of %d communes\n", p.Value, *p.Numerator, *p.Denominator, p.Reporting, p.Expected)
	fmt.Println("rows:", p.Sources)
	fmt.Printf("target %g%% by %d: %s\n", s.Target.Value, s.Target.Year, s.Status)
	// Output:
	// 80.0% = 48/60, from 2 of 2 communes
	// rows: [snapshots/2024-Q4.csv:2 snapshots/2024-Q4.csv:3]
	// target 80% by 2025: achieved
}
