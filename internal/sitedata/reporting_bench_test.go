package sitedata

import (
	"fmt"
	"testing"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// nationalReporting is 3,321 communes under one top unit reporting 15
// indicators in two quarters; in the second, every commune leaves a third
// of its rows empty, so the reporting page has some 16,000 stale rows, each
// pointing at its empty line: the case where a scan of the snapshot per
// stale row would be quadratic.
func nationalReporting() *model.Dataset {
	const communes, indicators = 3321, 15
	ds := &model.Dataset{Units: []model.Unit{{Code: "VN", Name: model.Text{VI: "Cả nước"}}}}
	for i := range indicators {
		ds.Indicators = append(ds.Indicators, model.Indicator{Code: fmt.Sprintf("I%02d", i), Measure: model.Count, Direction: model.Up})
	}
	for c := range communes {
		ds.Units = append(ds.Units, model.Unit{Code: fmt.Sprintf("C%05d", c), Name: model.Text{VI: fmt.Sprintf("Xã %d", c)}, Parent: "VN"})
	}
	for q := range 2 {
		p := period.Period{Year: 2024, Kind: period.Quarter, N: q + 1}
		s := model.Snapshot{Period: p, File: "data/snapshots/" + p.String() + ".csv"}
		for c, u := range ds.Units[1:] {
			for i, ind := range ds.Indicators {
				o := model.Observation{Period: p, Unit: u.Code, Indicator: ind.Code,
					At: diag.Origin{Row: diag.Position{File: s.File, Line: len(s.Observations) + 2}}}
				if q == 0 || (c+i)%3 != 0 {
					v := float64(c % 7)
					o.Value = &v
				}
				s.Observations = append(s.Observations, o)
			}
		}
		ds.Snapshots = append(ds.Snapshots, s)
	}
	return ds
}

// BenchmarkReporting computes the reporting status page of
// nationalReporting: the work is linear in the rows.
func BenchmarkReporting(b *testing.B) {
	a := analyse.Run(nationalReporting())
	bl := &builder{a: a, ds: a.Dataset(), lang: model.VI}
	b.ReportAllocs()
	var p *ReportingParams
	for b.Loop() {
		p = bl.reportingParams()
	}
	b.StopTimer()
	if len(p.Stale) < 16000 || p.Stale[0].Row == "" {
		b.Fatalf("%d stale rows, the first on line %q", len(p.Stale), p.Stale[0].Row)
	}
}
