// Package analyse turns a validated dataset into the figures the pages and
// the narrative print: each unit's value for each indicator and period,
// either as reported or rolled up from its children, with the change since
// the previous figure and how it stands against its target.
//
// Every figure can be recomputed by hand from the CSV rows listed in its
// Sources. A rolled-up percentage is Σnumerator / Σdenominator over those
// rows, never an average of percentages, and a roll-up that cannot be
// computed that way is left out rather than estimated.
package analyse

import (
	"cmp"
	"slices"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// Point is one figure for a unit, indicator and period.
type Point struct {
	Period      period.Period
	Value       float64
	Numerator   *float64 // for percents (and counts given as x/y), when known: reported or summed
	Denominator *float64
	RolledUp    bool // computed from the unit's children, not reported by the unit itself
	// Reporting and Expected are, for roll-ups, the Coverage of the
	// figure: how many of the units below the unit that are expected to
	// report the indicator reported it in the period ("18 of 20 units").
	Reporting int
	Expected  int
	// Sources are the rows the figure comes from: the unit's own row, or
	// every contributing row of its descendants, sorted by position.
	Sources []diag.Position
	Note    string // the row's note (reported figures only)
}

// Status is how a figure stands against its target; see Assess for the
// progress statuses.
type Status string

const (
	Achieved Status = "achieved" // the figure, as published, reaches the target
	NoTarget Status = "no-target"
	NoData   Status = "no-data" // no value in the period asked for
)

// Summary is a unit's figure for one indicator in one period, with what
// came before and how it stands against its target.
type Summary struct {
	Unit, Indicator string
	Period          period.Period
	Current         *Point        // nil when the unit has no value in Period
	Previous        *Point        // the latest point strictly before Period, if any
	Change          *float64      // raw Current.Value − Previous.Value (points for percents); to print it, use locale.Delta, which rounds as the figures are shown
	Target          *model.Target // the target for Period.Year, if any (also when Current is nil)
	Status          Status
	// Baseline, Pace, Projected and DeadlinePassed explain Status: see
	// Assessment. They describe the series up to Period only, so an old
	// report keeps the status it had when it was the latest.
	Baseline       *Point
	Pace           *float64
	Projected      *int
	DeadlinePassed bool
}

// Analysis holds every figure of a dataset. It is computed once by Run and
// never changed afterwards, so it is safe for concurrent reads.
type Analysis struct {
	ds      *model.Dataset
	idx     *model.Index
	periods []period.Period
	nInd    int
	series  []series // by unit*nInd + indicator
	reports []bool   // by unit*nInd + indicator: the unit is expected to report the indicator (Expects)
	below   []cover  // by unit*nInd + indicator: who reports it below the unit (Coverage)
	// reporters is how many units report at all, reporting by period how
	// many of them did (Reporters).
	reporters int
	reporting []int
	targets   map[targetKey][]model.Target
}

// series is the figures of one unit and indicator, sorted by period; at
// holds the index in Analysis.periods of each point, so roll-ups can
// accumulate children by period without lookups.
type series struct {
	points []Point
	at     []int
}

type targetKey struct{ indicator, unit string }

// Run computes every figure of ds. ds must have passed validation; Run
// does not modify it, and the Analysis refers to it, so it must not be
// modified afterwards either.
func Run(ds *model.Dataset) *Analysis {
	a := &Analysis{
		ds:      ds,
		idx:     model.NewIndex(ds),
		nInd:    len(ds.Indicators),
		targets: make(map[targetKey][]model.Target),
	}
	a.indexTargets()
	b := newBuilder(a)
	b.run()
	return a
}

func (a *Analysis) indexTargets() {
	for _, t := range a.ds.Targets {
		k := targetKey{t.Indicator, t.Unit}
		a.targets[k] = append(a.targets[k], t)
	}
	for _, ts := range a.targets {
		// Stable, so that of two targets for the same year (which
		// validation rejects) the first in the file wins.
		slices.SortStableFunc(ts, func(x, y model.Target) int { return cmp.Compare(x.Year, y.Year) })
	}
}

// Dataset returns the dataset the analysis was computed from.
func (a *Analysis) Dataset() *model.Dataset { return a.ds }

// Index finds the dataset's units and indicators by code, and walks its
// unit tree. It is built once, by Run.
func (a *Analysis) Index() *model.Index { return a.idx }

// Periods returns every snapshot period, sorted ascending.
func (a *Analysis) Periods() []period.Period { return slices.Clone(a.periods) }

// Latest returns the last snapshot period, or the zero Period when there
// are no snapshots.
func (a *Analysis) Latest() period.Period {
	if len(a.periods) == 0 {
		return period.Period{}
	}
	return a.periods[len(a.periods)-1]
}

// points returns the shared, sorted figures of unit and indicator.
func (a *Analysis) points(unit, indicator string) []Point {
	u, ok := a.idx.UnitPos(unit)
	if !ok {
		return nil
	}
	i, ok := a.idx.IndicatorPos(indicator)
	if !ok {
		return nil
	}
	return a.series[u*a.nInd+i].points
}

// Series returns the unit's figures for the indicator, sorted by period;
// periods without a value are absent. The slice is the caller's, but the
// numerators, denominators and sources it points to are shared and must
// not be modified.
func (a *Analysis) Series(unit, indicator string) []Point {
	return slices.Clone(a.points(unit, indicator))
}

// At returns the unit's figure for the indicator in period p, if it has one.
func (a *Analysis) At(unit, indicator string, p period.Period) (Point, bool) {
	pts := a.points(unit, indicator)
	j, ok := search(pts, p)
	if !ok {
		return Point{}, false
	}
	return pts[j], true
}

// Partial reports whether p is a total of fewer units than are expected to
// report its indicator: the page and the text must say so, or the reader
// takes 27 units' rate for the whole district's.
func (p Point) Partial() bool { return p.RolledUp && p.Reporting < p.Expected }

// search finds the point for p, or where it would be inserted.
func search(pts []Point, p period.Period) (int, bool) {
	return slices.BinarySearchFunc(pts, p, func(pt Point, p period.Period) int { return pt.Period.Compare(p) })
}

// Summary returns the unit's figure for the indicator in period p, the
// latest figure before it, the change between the two and the progress
// towards the target for p's year (see Assess).
func (a *Analysis) Summary(unit, indicator string, p period.Period) Summary {
	s := Summary{Unit: unit, Indicator: indicator, Period: p, Status: NoData}
	pts := a.points(unit, indicator)
	j, found := search(pts, p)
	if found {
		cur := pts[j]
		s.Current = &cur
	}
	if j > 0 {
		prev := pts[j-1]
		s.Previous = &prev
	}
	if s.Current != nil && s.Previous != nil {
		ch := s.Current.Value - s.Previous.Value
		s.Change = &ch
	}
	if t, ok := a.Target(unit, indicator, p.Year); ok {
		s.Target = &t
	}
	var upTo []Point
	if found {
		upTo = pts[:j+1]
	}
	var ind model.Indicator
	if def, ok := a.idx.Indicator(indicator); ok {
		ind = *def
	}
	as := Assess(ind, upTo, s.Target)
	s.Status, s.Baseline, s.Pace, s.Projected, s.DeadlinePassed = as.Status, as.Baseline, as.Pace, as.Projected, as.DeadlinePassed
	return s
}

// Target returns the target that a figure of the unit for the indicator in
// year is measured against. The candidates are the unit's own targets and,
// for years it has none of its own, the targets for every unit ("*"). Of
// those, the one due soonest at or after year is chosen; when all fell due
// before year, the latest one still applies.
func (a *Analysis) Target(unit, indicator string, year int) (model.Target, bool) {
	own := a.targets[targetKey{indicator, unit}]
	var all []model.Target
	if unit != model.AllUnits {
		all = a.targets[targetKey{indicator, model.AllUnits}]
	}
	var best model.Target
	found := false
	consider := func(t model.Target) {
		switch {
		case !found:
			best, found = t, true
		case best.Year >= year:
			if t.Year >= year && t.Year < best.Year {
				best = t
			}
		default: // best is in the past
			if t.Year >= year || t.Year > best.Year {
				best = t
			}
		}
	}
	// Both lists are sorted by year; a later duplicate year never replaces
	// an earlier one, and a unit's own target is considered first.
	for _, t := range own {
		consider(t)
	}
	for _, t := range all {
		if !hasYear(own, t.Year) {
			consider(t)
		}
	}
	return best, found
}

func hasYear(ts []model.Target, year int) bool {
	_, ok := slices.BinarySearchFunc(ts, year, func(t model.Target, y int) int { return cmp.Compare(t.Year, y) })
	return ok
}
