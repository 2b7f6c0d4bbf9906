package analyse

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// series builds points from "period=value" pairs.
func seriesOf(spec string) []Point {
	var pts []Point
	for f := range strings.FieldsSeq(spec) {
		p, v, _ := strings.Cut(f, "=")
		pts = append(pts, Point{Period: period.MustParse(p), Value: mustFloat(v)})
	}
	return pts
}

func TestAssess(t *testing.T) {
	pct := model.Indicator{Code: "P", Measure: model.Percent, Direction: model.Up}
	pctDown := model.Indicator{Code: "PD", Measure: model.Percent, Direction: model.Down}
	cntDown := model.Indicator{Code: "CD", Measure: model.Count, Direction: model.Down}
	num := model.Indicator{Code: "N", Measure: model.Number, Direction: model.Up}
	target := func(year int, v float64) *model.Target { return &model.Target{Year: year, Value: v} }
	tests := []struct {
		name   string
		ind    model.Indicator
		series string
		target *model.Target
		// status, baseline period, pace (%.4f), projected year, deadline passed
		want string
	}{
		// Not enough to judge.
		{"no figures", pct, "", target(2025, 80), "no-data - - - false"},
		{"no target", pct, "2023-Q4=10 2024-Q4=20", nil, "no-target - - - false"},
		{"single data point", pct, "2024-Q4=50", target(2025, 80), "not-enough-data - - - false"},
		// Achieved, as published.
		{"target already met", pct, "2023-Q4=90 2024-Q4=95", target(2025, 80), "achieved - - - false"},
		{"met at the only point", pct, "2024-Q4=80", target(2025, 80), "achieved - - - false"},
		{"met after rounding", pct, "2023-Q4=70 2024-Q4=79.95", target(2025, 80), "achieved - - - false"},
		{"met earlier, fallen back since", pct, "2023-Q4=85 2024-Q4=78", target(2025, 80), "moving-away 2023-Q4 -7.0000 - false"},
		{"met earlier, still above the baseline", pct, "2023-Q4=60 2024-Q2=82 2024-Q4=79", target(2025, 80), "on-track 2023-Q4 19.0000 2025 false"},
		// Up: pace (current − baseline) / years between period ends.
		// 60 → 70 in one year: 10 a year, the 10 missing take a year: end of 2025.
		{"on track, reached exactly at the deadline", pct, "2023-Q4=60 2024-Q4=70", target(2025, 80), "on-track 2023-Q4 10.0000 2025 false"},
		{"on track with a quarter to spare", pct, "2024-Q1=60 2024-Q4=75", target(2025, 80), "on-track 2024-Q1 20.0000 2025 false"},
		{"off track: too slow", pct, "2023-Q4=60 2024-Q4=65", target(2025, 80), "off-track 2023-Q4 5.0000 2027 false"},
		{"off track: not moving", pct, "2023-Q4=60 2024-Q2=64 2024-Q4=60", target(2025, 80), "off-track 2023-Q4 0.0000 - false"},
		{"off track: a change that rounds away", pct, "2023-Q4=60.01 2024-Q4=60.04", target(2025, 80), "off-track 2023-Q4 0.0000 - false"},
		{"moving away", pct, "2023-Q1=70 2024-Q4=60", target(2025, 80), "moving-away 2023-Q1 -5.7143 - false"},
		{"baseline is the first point, not the previous one", pct, "2023-Q4=50 2024-Q3=75 2024-Q4=70", target(2025, 80), "on-track 2023-Q4 20.0000 2025 false"},
		{"half-year periods", pct, "2023-H2=40 2024-H2=60", target(2025, 80), "on-track 2023-H2 20.0000 2025 false"},
		{"years", pct, "2022=40 2024=60", target(2026, 80), "on-track 2022 10.0000 2026 false"},
		// Down: a decreasing indicator, the target is a ceiling.
		{"decreasing indicator on track", cntDown, "2023-Q4=40 2024-Q4=20", target(2025, 10), "on-track 2023-Q4 -20.0000 2025 false"},
		{"decreasing indicator off track", cntDown, "2023-Q4=40 2024-Q4=35", target(2025, 10), "off-track 2023-Q4 -5.0000 2029 false"},
		{"decreasing indicator rising: moving away", cntDown, "2023-Q4=20 2024-Q4=25", target(2025, 10), "moving-away 2023-Q4 5.0000 - false"},
		{"decreasing indicator achieved", cntDown, "2023-Q4=20 2024-Q4=10", target(2025, 10), "achieved - - - false"},
		{"decreasing percent, met after rounding", pctDown, "2023-Q4=9 2024-Q4=5.04", target(2025, 5), "achieved - - - false"},
		// Target year in the past.
		{"deadline passed, not met", pct, "2025-Q1=60 2026-Q2=70", target(2025, 80), "off-track 2025-Q1 8.0000 2027 true"},
		{"deadline passed, moving away", pct, "2025-Q1=70 2026-Q2=60", target(2025, 80), "off-track 2025-Q1 -8.0000 - true"},
		{"deadline passed but met", pct, "2025-Q1=70 2026-Q2=85", target(2025, 80), "achieved - - - false"},
		{"the deadline's own last quarter is not past", pct, "2025-Q1=60 2025-Q4=70", target(2025, 80), "off-track 2025-Q1 13.3333 2026 false"},
		// Projections far away are not given.
		{"a century away", pct, "2023-Q4=10 2024-Q4=11", target(2025, 80), "off-track 2023-Q4 1.0000 2093 false"},
		{"beyond a century", pct, "2023-Q4=10 2024-Q4=10.1", target(2025, 80), "off-track 2023-Q4 0.1000 - false"},
		// Numbers compare at two decimals.
		{"number on track", num, "2023-Q4=0.5 2024-Q4=0.65", target(2025, 0.8), "on-track 2023-Q4 0.1500 2025 false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(tt.ind, seriesOf(tt.series), tt.target)
			if got := showAssessment(a); got != tt.want {
				t.Errorf("Assess = %s\n          want %s", got, tt.want)
			}
			// The projected year must agree with the status it explains.
			if a.Status == OnTrack && (a.Projected == nil || *a.Projected > tt.target.Year) {
				t.Errorf("on track but projected %v after %d", a.Projected, tt.target.Year)
			}
			if a.Status == OffTrack && !a.DeadlinePassed && a.Projected != nil && *a.Projected <= tt.target.Year {
				t.Errorf("off track but projected %d, by %d", *a.Projected, tt.target.Year)
			}
		})
	}
}

func showAssessment(a Assessment) string {
	base, pace, proj := "-", "-", "-"
	if a.Baseline != nil {
		base = a.Baseline.Period.String()
	}
	if a.Pace != nil {
		pace = strconv.FormatFloat(*a.Pace, 'f', 4, 64)
	}
	if a.Projected != nil {
		proj = strconv.Itoa(*a.Projected)
	}
	return fmt.Sprintf("%s %s %s %s %v", a.Status, base, pace, proj, a.DeadlinePassed)
}

// TestSummaryProgress checks that Summary assesses the series as it was
// at the period asked for, against the target for that period's year.
func TestSummaryProgress(t *testing.T) {
	f := newFixture().indicator("VB01", model.Percent, model.Up).units("D")
	f.row("2023-Q4", "D", "VB01", "40")
	f.row("2024-Q4", "D", "VB01", "60")
	f.row("2025-Q4", "D", "VB01", "70")
	f.row("2026-Q4", "D", "VB01", "95")
	f.target("VB01", "*", 2025, 80)
	f.target("VB01", "*", 2024, 50)
	a := Run(f.build())
	tests := []struct{ p, want string }{
		{"2023-Q4", "not-enough-data - - - false"},          // first figure, against the 2024 target of 50
		{"2024-Q4", "achieved - - - false"},                 // 60 ≥ 50, the 2024 target
		{"2025-Q4", "off-track 2023-Q4 15.0000 2026 false"}, // 70 < 80; 15 a year from 40 in 2023
		{"2026-Q4", "achieved - - - false"},                 // the 2025 target still applies, and is met late
	}
	for _, tt := range tests {
		s := a.Summary("D", "VB01", period.MustParse(tt.p))
		got := showAssessment(Assessment{Status: s.Status, Baseline: s.Baseline, Pace: s.Pace, Projected: s.Projected, DeadlinePassed: s.DeadlinePassed})
		if got != tt.want {
			t.Errorf("Summary(%s) = %s, want %s", tt.p, got, tt.want)
		}
	}
	// Past the deadline and still short.
	f = newFixture().indicator("VB01", model.Percent, model.Up).units("D")
	f.row("2025-Q2", "D", "VB01", "60")
	f.row("2026-Q2", "D", "VB01", "70")
	f.target("VB01", "*", 2025, 80)
	s := Run(f.build()).Summary("D", "VB01", period.MustParse("2026-Q2"))
	if s.Status != OffTrack || !s.DeadlinePassed || s.Target.Year != 2025 {
		t.Errorf("past the deadline: status %s, deadline passed %v, target %d", s.Status, s.DeadlinePassed, s.Target.Year)
	}
}
