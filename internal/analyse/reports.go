package analyse

import (
	"slices"

	"github.com/minhbach/minhbach/internal/period"
)

// Who reports what. A unit is expected to report an indicator when it has
// reported it, with a row of its own that gives a value, in any period; a
// total rolled up from other units' rows is not a report. units.csv lists
// agencies that never report commune figures, so "every unit" would be
// wrong: the data itself is the only list of who reports what.
//
// This is the one definition the site uses: the reporting status page, the
// coverage of every rolled-up figure ("from 3/8 units") on the pages, in
// the report text and in the downloads, and whether a count is summed at
// all, all come from Expects, Reported and Coverage.

// cover is who reports an indicator below one unit: how many of its
// descendants are expected to report it, and per period (by index in
// Analysis.periods) how many did.
type cover struct {
	expected int
	reported []int
}

// Expects reports whether unit is expected to report indicator: whether
// it has reported it itself in any period.
func (a *Analysis) Expects(unit, indicator string) bool {
	c, ok := a.cell(unit, indicator)
	return ok && a.reports[c]
}

// Expected returns the codes of the units expected to report indicator
// (see Expects), in the order of units.csv.
func (a *Analysis) Expected(indicator string) []string {
	i, ok := a.idx.IndicatorPos(indicator)
	if !ok {
		return nil
	}
	var out []string
	for u := range a.ds.Units {
		if a.reports[u*a.nInd+i] {
			out = append(out, a.ds.Units[u].Code)
		}
	}
	return out
}

// Reported reports whether unit reported indicator itself in period p: a
// row of its own with a value, not a total rolled up from other units.
func (a *Analysis) Reported(unit, indicator string, p period.Period) bool {
	pt, ok := a.At(unit, indicator, p)
	return ok && !pt.RolledUp
}

// Coverage is who reported indicator in period p among the units below
// unit (its children, their children and so on): how many of those
// expected to report it did, and how many are expected. It is the "3/8"
// that a figure rolled up for unit is published with (Point.Reporting and
// Point.Expected), and a count is only rolled up when the two are equal.
func (a *Analysis) Coverage(unit, indicator string, p period.Period) (reported, expected int) {
	c, ok := a.cell(unit, indicator)
	if !ok {
		return 0, 0
	}
	cv := a.below[c]
	if k, ok := a.periodAt(p); ok && cv.reported != nil {
		reported = cv.reported[k]
	}
	return reported, cv.expected
}

// cell is the position of unit and indicator in the per-cell slices.
func (a *Analysis) cell(unit, indicator string) (int, bool) {
	u, ok := a.idx.UnitPos(unit)
	if !ok {
		return 0, false
	}
	i, ok := a.idx.IndicatorPos(indicator)
	if !ok {
		return 0, false
	}
	return u*a.nInd + i, true
}

// periodAt is the index of p in a.periods.
func (a *Analysis) periodAt(p period.Period) (int, bool) {
	return slices.BinarySearchFunc(a.periods, p, period.Period.Compare)
}

// newCovers gives every unit with children its covers, one per indicator,
// sharing one backing array.
func (b *builder) newCovers() {
	a := b.a
	nU := len(a.ds.Units)
	a.below = make([]cover, nU*a.nInd)
	withKids := 0
	for u := range nU {
		if len(a.idx.ChildrenAt(u)) > 0 {
			withKids++
		}
	}
	backing := make([]int, withKids*a.nInd*b.nP)
	for u := range nU {
		if len(a.idx.ChildrenAt(u)) == 0 {
			continue
		}
		for i := range a.nInd {
			a.below[u*a.nInd+i].reported, backing = backing[:b.nP:b.nP], backing[b.nP:]
		}
	}
}

// cover counts who reports indicator i below unit u, from its children's
// own reports and their covers, which are complete: children are built
// first.
func (b *builder) cover(u, i int) {
	a := b.a
	cv := &a.below[u*a.nInd+i]
	for _, c := range a.idx.ChildrenAt(u) {
		cell := c*a.nInd + i
		if a.reports[cell] {
			cv.expected++
		}
		cs := &a.series[cell]
		for j := range cs.points {
			if !cs.points[j].RolledUp {
				cv.reported[cs.at[j]]++
			}
		}
		cc := &a.below[cell]
		cv.expected += cc.expected
		for k, n := range cc.reported {
			cv.reported[k] += n
		}
	}
}

// Reporters is who reported for period p among the units that report at
// all: how many units expected to report some indicator (Expects) reported
// at least one of them in p, and how many such units there are. A quarter
// assembled from communes' files one by one is "1/28" until they are all
// in; the site leads with it only once it reaches the site's threshold
// (Complete). The counts are made once, by Run (countReporters).
func (a *Analysis) Reporters(p period.Period) (reported, expected int) {
	if k, ok := a.periodAt(p); ok {
		reported = a.reporting[k]
	}
	return reported, a.reporters
}

// countReporters counts, for Reporters, the units that report at all and
// per period those that gave a figure of their own, in one pass over the
// series.
func (b *builder) countReporters() {
	a := b.a
	a.reporting = make([]int, len(a.periods))
	did := make([]bool, len(a.periods))
	for u := range a.ds.Units {
		clear(did)
		expects := false
		for i := range a.nInd {
			cell := u*a.nInd + i
			if !a.reports[cell] {
				continue
			}
			expects = true
			s := &a.series[cell]
			for j := range s.points {
				if !s.points[j].RolledUp {
					did[s.at[j]] = true
				}
			}
		}
		if !expects {
			continue
		}
		a.reporters++
		for k, d := range did {
			if d {
				a.reporting[k]++
			}
		}
	}
}

// Complete reports whether at least threshold percent of the units that
// report (see Reporters) reported for p. A threshold of 100 (the default
// of a site) asks for every one of them.
func (a *Analysis) Complete(p period.Period, threshold float64) bool {
	n, of := a.Reporters(p)
	return float64(n)*100 >= threshold*float64(of)
}

// LatestComplete is the latest period that is Complete at threshold, and
// whether there is one.
func (a *Analysis) LatestComplete(threshold float64) (period.Period, bool) {
	for i := len(a.periods) - 1; i >= 0; i-- {
		if a.Complete(a.periods[i], threshold) {
			return a.periods[i], true
		}
	}
	return period.Period{}, false
}

// Open reports whether period p is still being assembled: below threshold
// and later than the latest complete period. An earlier period below
// threshold, with a complete one after it, is closed: the units missing
// from it are not expected to report it any more, so it is shown as
// incomplete ("28/29 đơn vị đã báo cáo"), not as being updated, and check
// does not warn about it at every run. With no complete period at all,
// the latest is the open one.
func (a *Analysis) Open(p period.Period, threshold float64) bool {
	if _, ok := a.periodAt(p); !ok || a.Complete(p, threshold) {
		return false
	}
	if c, ok := a.LatestComplete(threshold); ok {
		return p.Compare(c) > 0
	}
	return p == a.Latest()
}
