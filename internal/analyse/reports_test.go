package analyse

import (
	"slices"
	"testing"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// Who is expected to report what: those with a row of their own with a
// value, in any period, including the top unit; never through a total.
func TestExpected(t *testing.T) {
	f := newFixture().
		indicator("VB01", model.Percent, model.Up).
		indicator("HT04", model.Count, model.Down).
		indicator("NL02", model.Count, model.Up)
	f.units("D", "C1<D", "C2<D", "V1<C1", "V2<C1", "A1<D")
	f.row("2024-Q3", "V1", "VB01", "1/2")
	f.row("2024-Q3", "V2", "VB01", "1/2")
	f.row("2024-Q3", "C2", "VB01", "3/4")
	f.row("2024-Q4", "V1", "VB01", "2/2")
	f.row("2024-Q4", "V2", "VB01", "") // an empty row is not a report
	f.row("2024-Q4", "A1", "HT04", "3")
	f.row("2024-Q4", "D", "NL02", "2") // the district reports this one itself
	a := Run(f.build())
	q3, q4 := period.MustParse("2024-Q3"), period.MustParse("2024-Q4")

	for ind, want := range map[string][]string{
		"VB01": {"C2", "V1", "V2"}, // not C1 nor D: their figures are totals
		"HT04": {"A1"},
		"NL02": {"D"},
		"XX":   nil,
	} {
		if got := a.Expected(ind); !slices.Equal(got, want) {
			t.Errorf("Expected(%s) = %v, want %v", ind, got, want)
		}
		for _, u := range a.Dataset().Units {
			if got := a.Expects(u.Code, ind); got != slices.Contains(want, u.Code) {
				t.Errorf("Expects(%s, %s) = %v", u.Code, ind, got)
			}
		}
	}
	for _, tc := range []struct {
		unit string
		p    period.Period
		want bool
	}{{"V1", q3, true}, {"V2", q4, false}, {"C2", q4, false}, {"C1", q3, false}, {"nobody", q3, false}} {
		if got := a.Reported(tc.unit, "VB01", tc.p); got != tc.want {
			t.Errorf("Reported(%s, VB01, %s) = %v", tc.unit, tc.p, got)
		}
	}
	for _, tc := range []struct {
		unit, ind   string
		p           period.Period
		n, expected int
	}{
		{"D", "VB01", q3, 3, 3},
		{"D", "VB01", q4, 1, 3},
		{"C1", "VB01", q4, 1, 2},
		{"V1", "VB01", q4, 0, 0}, // nobody below
		{"D", "NL02", q4, 0, 0},  // D's own report is not below it
		{"D", "HT04", q3, 0, 1},
		{"D", "VB01", period.MustParse("2020"), 0, 3},
		{"nobody", "VB01", q4, 0, 0},
	} {
		n, expected := a.Coverage(tc.unit, tc.ind, tc.p)
		if n != tc.n || expected != tc.expected {
			t.Errorf("Coverage(%s, %s, %s) = %d/%d, want %d/%d", tc.unit, tc.ind, tc.p, n, expected, tc.n, tc.expected)
		}
		// A rolled-up figure is published with its coverage.
		if pt, ok := a.At(tc.unit, tc.ind, tc.p); ok && pt.RolledUp && (pt.Reporting != n || pt.Expected != expected) {
			t.Errorf("%s %s %s: published %d/%d, Coverage %d/%d", tc.unit, tc.ind, tc.p, pt.Reporting, pt.Expected, n, expected)
		}
	}
	if pt, _ := a.At("D", "VB01", q4); !pt.Partial() {
		t.Errorf("D VB01 Q4 %+v is partial", pt)
	}
	if pt, _ := a.At("D", "VB01", q3); pt.Partial() {
		t.Errorf("D VB01 Q3 %+v is complete", pt)
	}
}

// A period is complete when enough of the units that report at all sent
// at least one figure: the site leads with the latest complete one.
func TestReportersAndComplete(t *testing.T) {
	f := newFixture().indicator("VB01", model.Percent, model.Up).indicator("HT04", model.Count, model.Down)
	f.units("D", "C1<D", "C2<D", "C3<D", "C4<D", "A1<D")
	for _, u := range []string{"C1", "C2", "C3", "C4"} {
		f.row("2024-Q4", u, "VB01", "1/2")
	}
	f.row("2024-Q4", "A1", "HT04", "3")
	f.row("2025-Q1", "C1", "VB01", "2/2")
	f.row("2025-Q1", "C2", "VB01", "2/2")
	f.row("2025-Q1", "C3", "VB01", "2/2")
	f.row("2025-Q1", "A1", "HT04", "") // an empty row is not a report
	a := Run(f.build())
	q4, q1 := period.MustParse("2024-Q4"), period.MustParse("2025-Q1")
	for _, tc := range []struct {
		p           period.Period
		n, expected int
	}{{q4, 5, 5}, {q1, 3, 5}} {
		if n, of := a.Reporters(tc.p); n != tc.n || of != tc.expected {
			t.Errorf("Reporters(%s) = %d/%d, want %d/%d", tc.p, n, of, tc.n, tc.expected)
		}
	}
	for _, tc := range []struct {
		threshold float64
		want      period.Period
	}{{100, q4}, {61, q4}, {60, q1}, {0, q1}} {
		if got, ok := a.LatestComplete(tc.threshold); !ok || got != tc.want {
			t.Errorf("LatestComplete(%v) = %s, %v; want %s", tc.threshold, got, ok, tc.want)
		}
	}
}

// Only the periods after the latest complete one are still being
// assembled; an earlier period below threshold is closed.
func TestOpen(t *testing.T) {
	f := newFixture().indicator("VB01", model.Percent, model.Up)
	f.units("D", "C1<D", "C2<D", "C3<D")
	for _, u := range []string{"C1", "C2"} {
		f.row("2024-Q3", u, "VB01", "1/2") // 2/3: never completed
		f.row("2025-Q1", u, "VB01", "1/2") // 2/3: coming in
		f.row("2025-Q2", u, "VB01", "1/2") // 2/3: coming in
	}
	for _, u := range []string{"C1", "C2", "C3"} {
		f.row("2024-Q4", u, "VB01", "1/2")
	}
	a := Run(f.build())
	for _, tc := range []struct {
		p         string
		threshold float64
		want      bool
	}{
		{"2024-Q3", 100, false}, {"2024-Q4", 100, false}, {"2025-Q1", 100, true}, {"2025-Q2", 100, true},
		{"2024-Q3", 60, false}, {"2025-Q2", 60, false}, // complete at 60%
		{"2023", 100, false}, // no such period
	} {
		if got := a.Open(period.MustParse(tc.p), tc.threshold); got != tc.want {
			t.Errorf("Open(%s, %v) = %v, want %v", tc.p, tc.threshold, got, tc.want)
		}
	}
	// With no complete period, only the latest is open.
	g := newFixture().indicator("VB01", model.Percent, model.Up)
	g.units("D", "C1<D", "C2<D")
	g.row("2024-Q3", "C1", "VB01", "1/2")
	g.row("2024-Q4", "C2", "VB01", "1/2")
	b := Run(g.build())
	if b.Open(period.MustParse("2024-Q3"), 100) || !b.Open(period.MustParse("2024-Q4"), 100) {
		t.Errorf("no complete period: Open(Q3) = %v, Open(Q4) = %v; want false, true", b.Open(period.MustParse("2024-Q3"), 100), b.Open(period.MustParse("2024-Q4"), 100))
	}
}
