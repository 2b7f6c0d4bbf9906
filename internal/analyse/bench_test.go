package analyse

import (
	"fmt"
	"testing"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// nationalDataset is a synthetic country: 1 top unit, 63 provinces, 700
// districts and 3,321 communes, where only the communes report, for 15
// indicators (10 percents with numerator and denominator, 3 counts, 2
// numbers) over 8 quarters.
func nationalDataset() *model.Dataset {
	const (
		provinces = 63
		districts = 700
		communes  = 3321
		nPercent  = 10
		nCount    = 3
		nNumber   = 2
		quarters  = 8
	)
	ds := &model.Dataset{}
	for i := range nPercent + nCount + nNumber {
		m := model.Percent
		switch {
		case i >= nPercent+nCount:
			m = model.Number
		case i >= nPercent:
			m = model.Count
		}
		ds.Indicators = append(ds.Indicators, model.Indicator{Code: fmt.Sprintf("I%02d", i), Measure: m, Direction: model.Up})
		ds.Targets = append(ds.Targets, model.Target{Indicator: fmt.Sprintf("I%02d", i), Unit: model.AllUnits, Year: 2025, Value: 80})
	}
	ds.Units = append(ds.Units, model.Unit{Code: "VN"})
	for p := range provinces {
		ds.Units = append(ds.Units, model.Unit{Code: fmt.Sprintf("P%02d", p), Parent: "VN"})
	}
	for d := range districts {
		ds.Units = append(ds.Units, model.Unit{Code: fmt.Sprintf("D%03d", d), Parent: fmt.Sprintf("P%02d", d%provinces)})
	}
	var leaves []string
	for c := range communes {
		code := fmt.Sprintf("C%05d", c)
		leaves = append(leaves, code)
		ds.Units = append(ds.Units, model.Unit{Code: code, Parent: fmt.Sprintf("D%03d", c%districts)})
	}
	for q := range quarters {
		p := period.Period{Year: 2024 + q/4, Kind: period.Quarter, N: q%4 + 1}
		file := "snapshots/" + p.String() + ".csv"
		snap := model.Snapshot{Period: p, File: file}
		line := 2
		for ci, c := range leaves {
			for ii, ind := range ds.Indicators {
				o := model.Observation{Period: p, Unit: c, Indicator: ind.Code, At: diag.Origin{Row: diag.Position{File: file, Line: line}}}
				line++
				den := float64(10 + (ci+ii)%40)
				num := float64((ci*7 + ii*3 + q) % int(den+1))
				switch ind.Measure {
				case model.Percent:
					v := 100 * num / den
					o.Value, o.Numerator, o.Denominator = &v, &num, &den
				default:
					o.Value = &num
				}
				snap.Observations = append(snap.Observations, o)
			}
		}
		ds.Snapshots = append(ds.Snapshots, snap)
	}
	return ds
}

func BenchmarkRun(b *testing.B) {
	ds := nationalDataset()
	b.ReportAllocs()
	var a *Analysis
	for b.Loop() {
		a = Run(ds)
	}
	b.StopTimer()
	p, ok := a.At("VN", "I00", a.Latest())
	if !ok || p.Reporting != 3321 || p.Expected != 3321 || len(p.Sources) != 3321 {
		b.Fatalf("top figure: %v, reporting %d, %d sources", ok, p.Reporting, len(p.Sources))
	}
	if _, ok := a.At("VN", "I10", a.Latest()); !ok {
		b.Fatal("no national count")
	}
}
