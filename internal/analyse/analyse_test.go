package analyse

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func TestSeries(t *testing.T) {
	const q4 = "snapshots/2024-Q4.csv"
	tests := []struct {
		name  string
		setup func(f *fixture)
		want  map[string][]string // "unit indicator" → shown points
	}{{
		name: "reported figure wins over a roll-up",
		setup: func(f *fixture) {
			f.units("D", "C1<D")
			f.row("2024-Q4", "C1", "VB01", "1/2")
			f.row("2024-Q4", "D", "VB01", "17/20", "ước")
		},
		want: map[string][]string{
			"D VB01":  {`2024-Q4 85 (17/20) note="ước" from ` + q4 + ":3"},
			"C1 VB01": {"2024-Q4 50 (1/2) from " + q4 + ":2"},
		},
	}, {
		name: "percent roll-up is the ratio of sums, not the mean of percents",
		setup: func(f *fixture) {
			f.units("D", "C1<D", "C2<D", "A1<D") // A1 never reports VB01: not expected
			f.row("2024-Q4", "C1", "VB01", "1/2")
			f.row("2024-Q4", "C2", "VB01", "90/100")
			f.row("2024-Q4", "A1", "HT04", "3")
		},
		want: map[string][]string{
			// Σnum/Σden = 91/102 = 89.2%; the mean of 50% and 90% would be 70%.
			"D VB01": {fmt.Sprintf("2024-Q4 %s (91/102) rolled-up 2 of 2 from %s:2 %s:3", num(100*91.0/102), q4, q4)},
			// The agency is the only unit that reports HT04, so it is complete.
			"D HT04": {"2024-Q4 3 rolled-up 1 of 1 from " + q4 + ":4"},
		},
	}, {
		name: "nested roll-up: district from commune from villages",
		setup: func(f *fixture) {
			f.units("D", "C1<D", "C2<D", "V1<C1", "V2<C1")
			f.row("2024-Q4", "C2", "VB01", "18/20")
			f.row("2024-Q4", "V2", "VB01", "1/6")
			f.row("2024-Q4", "V1", "VB01", "3/4")
		},
		want: map[string][]string{
			"C1 VB01": {"2024-Q4 40 (4/10) rolled-up 2 of 2 from " + q4 + ":3 " + q4 + ":4"},
			// 22/30, not the mean of 40% and 90% (65%) nor of 75%, 16.7% and 90%.
			// From the 3 units that report, C2, V1 and V2: C1's total is
			// not a report.
			"D VB01": {fmt.Sprintf("2024-Q4 %s (22/30) rolled-up 3 of 3 from %s:2 %s:3 %s:4", num(100*22.0/30), q4, q4, q4)},
		},
	}, {
		name: "percent roll-up refused when a child lacks numerator or denominator",
		setup: func(f *fixture) {
			f.units("D", "C1<D", "C2<D")
			f.row("2024-Q3", "C1", "VB01", "50") // a bare percent: cannot be weighted
			f.row("2024-Q3", "C2", "VB01", "9/10")
			f.row("2024-Q4", "C1", "VB01", "") // missing is not refusing
			f.row("2024-Q4", "C2", "VB01", "9/10")
		},
		want: map[string][]string{
			"D VB01":  {"2024-Q4 90 (9/10) rolled-up 1 of 2 from " + q4 + ":3"},
			"C1 VB01": {"2024-Q3 50 from snapshots/2024-Q3.csv:2"},
		},
	}, {
		name: "count roll-up only when every expected child reported",
		setup: func(f *fixture) {
			f.units("D", "C1<D", "C2<D", "A1<D") // A1 never reports HT04
			f.row("2024-Q3", "C1", "HT04", "3")
			f.row("2024-Q3", "C2", "HT04", "4")
			f.row("2024-Q3", "A1", "VB01", "1/1")
			f.row("2024-Q4", "C1", "HT04", "5")
			f.row("2024-Q4", "C2", "HT04", "") // partial: no district total
		},
		want: map[string][]string{
			"D HT04": {"2024-Q3 7 rolled-up 2 of 2 from snapshots/2024-Q3.csv:2 snapshots/2024-Q3.csv:3"},
			"D VB01": {"2024-Q3 100 (1/1) rolled-up 1 of 1 from snapshots/2024-Q3.csv:4"},
		},
	}, {
		name: "nested count roll-up only when every unit below that reports it did",
		setup: func(f *fixture) {
			f.units("P", "D1<P", "D2<P", "C1<D1", "C2<D1", "C3<D2")
			f.row("2024-Q3", "C2", "HT04", "5")
			f.row("2024-Q4", "C1", "HT04", "1")
			f.row("2024-Q4", "C3", "HT04", "2")
		},
		want: map[string][]string{
			// D1 never has both of its communes, so it never has a total.
			// P has none either: C1 and C2 report the count, and a total
			// of C1 and C3 would leave C2 out; D1 having no total does
			// not excuse its communes.
			"D2 HT04": {"2024-Q4 2 rolled-up 1 of 1 from " + q4 + ":3"},
		},
	}, {
		name: "count given as x/y sums both parts",
		setup: func(f *fixture) {
			f.units("D", "C1<D", "C2<D")
			f.row("2024-Q4", "C1", "HT03", "1/1")
			f.row("2024-Q4", "C2", "HT03", "0/1")
		},
		want: map[string][]string{
			"D HT03": {"2024-Q4 1 (1/2) rolled-up 2 of 2 from " + q4 + ":2 " + q4 + ":3"},
		},
	}, {
		name: "number never rolled up",
		setup: func(f *fixture) {
			f.units("D", "C1<D", "C2<D")
			f.row("2024-Q3", "C1", "DX01", "10")
			f.row("2024-Q3", "C2", "DX01", "20")
			f.row("2024-Q4", "C1", "DX01", "11")
			f.row("2024-Q4", "C2", "DX01", "21")
			f.row("2024-Q4", "D", "DX01", "0.8002")
		},
		want: map[string][]string{
			"D DX01": {"2024-Q4 0.8002 from " + q4 + ":4"},
		},
	}, {
		name: "missing values and gaps are absent, not zero",
		setup: func(f *fixture) {
			f.units("D", "C1<D")
			f.row("2024-Q1", "C1", "VB01", "1/2")
			f.row("2024-Q2", "C1", "VB01", "")
			f.row("2024-Q3", "D", "HT04", "1") // the period exists, C1 has no row
			f.row("2024-Q4", "C1", "VB01", "3/4")
		},
		want: map[string][]string{
			"C1 VB01": {
				"2024-Q1 50 (1/2) from snapshots/2024-Q1.csv:2",
				"2024-Q4 75 (3/4) from " + q4 + ":2",
			},
			"D VB01": {
				"2024-Q1 50 (1/2) rolled-up 1 of 1 from snapshots/2024-Q1.csv:2",
				"2024-Q4 75 (3/4) rolled-up 1 of 1 from " + q4 + ":2",
			},
		},
	}, {
		name: "sources list every contributing row, sorted, recursively",
		setup: func(f *fixture) {
			f.units("D", "C1<D", "C2<D", "V1<C1", "V2<C1", "V3<C1")
			f.row("2024-Q4", "V3", "VB01", "1/1")
			f.row("2024-Q4", "C2", "VB01", "1/1")
			f.row("2024-Q4", "V2", "VB01", "")    // missing: not a source
			f.row("2024-Q4", "V1", "VB01", "1/3") // before V3 in file order of units
		},
		want: map[string][]string{
			"C1 VB01": {"2024-Q4 50 (2/4) rolled-up 2 of 2 from " + q4 + ":2 " + q4 + ":5"},
			// V1, V3 and C2; V2 has never given a value.
			"D VB01": {fmt.Sprintf("2024-Q4 %s (3/5) rolled-up 3 of 3 from %s:2 %s:3 %s:5", num(100*3.0/5), q4, q4, q4)},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture().
				indicator("VB01", model.Percent, model.Up).
				indicator("HT03", model.Count, model.Up).
				indicator("HT04", model.Count, model.Down).
				indicator("DX01", model.Number, model.Up)
			tt.setup(f)
			a := Run(f.build())
			// Every unit and indicator not listed must have no figure.
			for _, u := range a.Dataset().Units {
				for _, ind := range a.Dataset().Indicators {
					key := u.Code + " " + ind.Code
					got := showAll(a.Series(u.Code, ind.Code))
					want, listed := tt.want[key]
					if !listed {
						if len(got) != 0 && !hasReportedOnly(a.Series(u.Code, ind.Code)) {
							t.Errorf("%s: unexpected roll-up %q", key, got)
						}
						continue
					}
					if !slices.Equal(got, want) {
						t.Errorf("%s:\n got %q\nwant %q", key, got, want)
					}
				}
			}
		})
	}
}

// hasReportedOnly reports whether every point is the unit's own, so tests
// need list only the figures they are about.
func hasReportedOnly(pts []Point) bool {
	for _, p := range pts {
		if p.RolledUp {
			return false
		}
	}
	return true
}

func TestPercentRollUpIsNotMeanOfPercents(t *testing.T) {
	f := newFixture().indicator("DV02", model.Percent, model.Up).units("D", "C1<D", "C2<D", "C3<D")
	f.row("2025-Q1", "C1", "DV02", "3/4")     // 75%
	f.row("2025-Q1", "C2", "DV02", "1/10")    // 10%
	f.row("2025-Q1", "C3", "DV02", "180/200") // 90%
	p, ok := Run(f.build()).At("D", "DV02", period.MustParse("2025-Q1"))
	if !ok {
		t.Fatal("no district figure")
	}
	ratio := 100 * (3.0 + 1 + 180) / (4 + 10 + 200)
	mean := (75.0 + 10 + 90) / 3
	if p.Value != ratio {
		t.Errorf("value = %v, want Σnum/Σden = %v", p.Value, ratio)
	}
	if p.Value == mean {
		t.Errorf("value = %v is the mean of percents", p.Value)
	}
	if *p.Numerator != 184 || *p.Denominator != 214 {
		t.Errorf("ratio = %v/%v, want 184/214", *p.Numerator, *p.Denominator)
	}
}

func TestPeriodsAndAt(t *testing.T) {
	f := newFixture().indicator("VB01", model.Percent, model.Up).units("D")
	f.row("2024-Q4", "D", "VB01", "1/2")
	f.row("2023", "D", "VB01", "1/4")
	f.row("2024-Q2", "D", "VB01", "")
	a := Run(f.build())
	got := fmt.Sprint(a.Periods())
	if want := "[2023 2024-Q2 2024-Q4]"; got != want {
		t.Errorf("Periods() = %s, want %s", got, want)
	}
	if got := a.Latest().String(); got != "2024-Q4" {
		t.Errorf("Latest() = %s, want 2024-Q4", got)
	}
	if p, ok := a.At("D", "VB01", period.MustParse("2023")); !ok || p.Value != 25 {
		t.Errorf("At(2023) = %v, %v; want 25, true", p.Value, ok)
	}
	for _, tc := range []struct{ unit, ind, p string }{
		{"D", "VB01", "2024-Q2"}, // nil value
		{"D", "VB01", "2024-Q3"}, // no snapshot
		{"X", "VB01", "2024-Q4"}, // unknown unit
		{"D", "XX99", "2024-Q4"}, // unknown indicator
	} {
		if p, ok := a.At(tc.unit, tc.ind, period.MustParse(tc.p)); ok {
			t.Errorf("At(%s, %s, %s) = %v, want none", tc.unit, tc.ind, tc.p, p.Value)
		}
	}
	if got := Run(&model.Dataset{}).Latest(); !got.IsZero() {
		t.Errorf("Latest() of empty dataset = %v, want zero", got)
	}
}

func TestSummaryChange(t *testing.T) {
	f := newFixture().indicator("VB01", model.Percent, model.Up).units("D")
	f.row("2024-Q1", "D", "VB01", "60/100")
	f.row("2024-Q2", "D", "VB01", "")
	f.row("2024-Q3", "D", "VB01", "")
	f.row("2024-Q4", "D", "VB01", "725/1000")
	f.target("VB01", "*", 2025, 80)
	a := Run(f.build())

	ptr := func(p *Point) string {
		if p == nil {
			return "-"
		}
		return p.Period.String()
	}
	fl := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return strconv.FormatFloat(*v, 'f', 4, 64)
	}
	tests := []struct {
		p    string
		want string // current previous change status
	}{
		{"2024-Q1", "2024-Q1 - - not-enough-data"}, // one figure: no pace yet
		{"2024-Q2", "- 2024-Q1 - no-data"},
		{"2024-Q4", "2024-Q4 2024-Q1 12.5000 on-track"}, // across the gap: 72.5 − 60 points; 16.7 a year reaches 80 in 2025
		{"2025-Q1", "- 2024-Q4 - no-data"},              // after the last snapshot
		{"2023-Q4", "- - - no-data"},
	}
	for _, tt := range tests {
		s := a.Summary("D", "VB01", period.MustParse(tt.p))
		got := fmt.Sprintf("%s %s %s %s", ptr(s.Current), ptr(s.Previous), fl(s.Change), s.Status)
		if got != tt.want {
			t.Errorf("Summary(%s) = %s, want %s", tt.p, got, tt.want)
		}
		if s.Target == nil || s.Target.Value != 80 {
			t.Errorf("Summary(%s).Target = %v, want the 2025 target of 80", tt.p, s.Target)
		}
		if s.Unit != "D" || s.Indicator != "VB01" || s.Period != period.MustParse(tt.p) {
			t.Errorf("Summary(%s) names %s %s %s", tt.p, s.Unit, s.Indicator, s.Period)
		}
	}
}

func TestTarget(t *testing.T) {
	f := newFixture().indicator("VB02", model.Percent, model.Up).indicator("VB03", model.Percent, model.Up).
		indicator("HT01", model.Percent, model.Up).units("D", "C1<D", "C2<D")
	f.target("VB02", "*", 2030, 90)
	f.target("VB02", "*", 2025, 80)
	f.target("VB02", "C1", 2025, 60) // overrides * for 2025 only
	f.target("VB03", "C2", 2023, 50) // a unit's own target, no * at all
	f.target("VB03", "C2", 2021, 40)
	a := Run(f.build())
	tests := []struct {
		unit, ind string
		year      int
		want      string // "year:value" or "none"
	}{
		{"D", "VB02", 2024, "2025:80"},  // nearest future year
		{"D", "VB02", 2025, "2025:80"},  // the year itself
		{"D", "VB02", 2026, "2030:90"},  // next one
		{"D", "VB02", 2031, "2030:90"},  // all past: the latest
		{"C1", "VB02", 2024, "2025:60"}, // unit override
		{"C1", "VB02", 2026, "2030:90"}, // * still applies to later years
		{"C1", "VB02", 2035, "2030:90"},
		{"C2", "VB02", 2025, "2025:80"}, // another unit keeps *
		{"C2", "VB03", 2020, "2021:40"},
		{"C2", "VB03", 2022, "2023:50"},
		{"C2", "VB03", 2024, "2023:50"}, // past-year fallback
		{"C1", "VB03", 2022, "none"},    // C2's target is not C1's
		{"D", "HT01", 2024, "none"},
	}
	for _, tt := range tests {
		got := "none"
		if tg, ok := a.Target(tt.unit, tt.ind, tt.year); ok {
			got = fmt.Sprintf("%d:%g", tg.Year, tg.Value)
			if tg.Indicator != tt.ind {
				t.Errorf("Target(%s, %s, %d) is for %s", tt.unit, tt.ind, tt.year, tg.Indicator)
			}
		}
		if got != tt.want {
			t.Errorf("Target(%s, %s, %d) = %s, want %s", tt.unit, tt.ind, tt.year, got, tt.want)
		}
	}
}

func TestStatus(t *testing.T) {
	tests := []struct {
		name    string
		measure model.Measure
		dir     model.Direction
		value   string // "" for missing
		target  float64
		noTgt   bool
		want    Status
		rolled  bool // the value is the child's, so D's figure is a roll-up
	}{
		{"up above", model.Percent, model.Up, "85", 80, false, Achieved, false},
		{"up equal", model.Percent, model.Up, "80", 80, false, Achieved, false},
		{"up below, one figure", model.Percent, model.Up, "79.9", 80, false, NotEnoughData, false},
		{"down below", model.Count, model.Down, "3", 5, false, Achieved, false},
		{"down equal", model.Count, model.Down, "5", 5, false, Achieved, false},
		{"down above, one figure", model.Count, model.Down, "7", 5, false, NotEnoughData, false},
		{"shown as 100% counts as 100%", model.Percent, model.Up, "99.96", 100, false, Achieved, false},
		{"half rounds up", model.Percent, model.Up, "99.95", 100, false, Achieved, false},
		{"shown as 99.9% is short", model.Percent, model.Up, "99.94", 100, false, NotEnoughData, false},
		{"rolled-up ratio 1999/2000 = 99.95%", model.Percent, model.Up, "1999/2000", 100, false, Achieved, true},
		{"down percent shown equal", model.Percent, model.Down, "5.04", 5, false, Achieved, false},
		{"number to two decimals", model.Number, model.Up, "0.795", 0.8, false, Achieved, false},
		{"number short", model.Number, model.Up, "0.7949", 0.8, false, NotEnoughData, false},
		{"no target", model.Percent, model.Up, "50", 0, true, NoTarget, false},
		{"no data", model.Percent, model.Up, "", 80, false, NoData, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture().indicator("X", tt.measure, tt.dir).units("D", "C<D")
			unit := "D"
			if tt.rolled {
				unit = "C"
			}
			f.row("2025-Q4", unit, "X", tt.value)
			if !tt.noTgt {
				f.target("X", "*", 2025, tt.target)
			}
			s := Run(f.build()).Summary("D", "X", period.MustParse("2025-Q4"))
			if s.Status != tt.want {
				t.Errorf("status = %s, want %s (current %v)", s.Status, tt.want, s.Current)
			}
			if tt.rolled && (s.Current == nil || !s.Current.RolledUp) {
				t.Errorf("want a rolled-up current figure, got %v", s.Current)
			}
		})
	}
}

// TestDeterministic checks that Run gives the same figures every time and
// leaves the dataset untouched, and that callers cannot disturb it.
func TestDeterministic(t *testing.T) {
	build := func() *model.Dataset {
		f := newFixture().indicator("VB01", model.Percent, model.Up).indicator("HT04", model.Count, model.Down)
		f.units("D", "C1<D", "C2<D", "C3<D", "V1<C3", "V2<C3")
		for i, p := range []string{"2024-Q4", "2024-Q2", "2024-Q3"} {
			for j, u := range []string{"C1", "C2", "V1", "V2"} {
				f.row(p, u, "VB01", fmt.Sprintf("%d/%d", i+j, 10+i))
				f.row(p, u, "HT04", strconv.Itoa(i*j))
			}
		}
		// A snapshot whose rows leave Period unset gets the snapshot's.
		f.rows["2025-Q1"] = append(f.rows["2025-Q1"], model.Observation{Unit: "C1", Indicator: "HT04", Value: new(float64)})
		f.ord = append(f.ord, "2025-Q1")
		return f.build()
	}
	ds := build()
	a, b := Run(ds), Run(build())
	if !reflect.DeepEqual(ds, build()) {
		t.Fatal("Run modified the dataset")
	}
	for _, u := range ds.Units {
		for _, ind := range ds.Indicators {
			if x, y := a.Series(u.Code, ind.Code), b.Series(u.Code, ind.Code); !reflect.DeepEqual(x, y) {
				t.Errorf("%s %s differs between runs:\n%q\n%q", u.Code, ind.Code, showAll(x), showAll(y))
			}
		}
	}
	if _, ok := a.At("C1", "HT04", period.MustParse("2025-Q1")); !ok {
		t.Error("row without a period was dropped")
	}
	s := a.Series("D", "VB01")
	if len(s) != 3 {
		t.Fatalf("D VB01 has %d points, want 3", len(s))
	}
	s[0].Value = -1
	slices.Reverse(s)
	if got := a.Series("D", "VB01"); got[0].Value == -1 || got[0].Period.String() != "2024-Q2" {
		t.Error("changing the returned series changed the analysis")
	}
	ps := a.Periods()
	ps[0] = period.Period{}
	if a.Periods()[0].IsZero() {
		t.Error("changing Periods() changed the analysis")
	}
}
