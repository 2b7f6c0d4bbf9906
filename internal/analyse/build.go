package analyse

import (
	"slices"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// builder computes every series of an Analysis bottom-up: each unit's
// children are finished before the unit itself, so a roll-up reads its
// children's figures (themselves possibly roll-ups) once, never
// recursively. Its scratch slices are reused across units.
type builder struct {
	a      *Analysis
	own    [][]*model.Observation
	state  []uint8 // 0 new, 1 in progress, 2 done
	nP     int
	pIdx   map[period.Period]int
	acc    []accum
	ownAt  []*model.Observation
	srcs   [][]diag.Position
	oneSrc []diag.Position // backing array for reported figures' sources
}

// accum is what the children of one unit contribute in one period.
type accum struct {
	n        int     // children with a figure
	sum      float64 // Σ value
	num, den float64 // Σ numerator, Σ denominator
	noRatio  bool    // some child's figure lacks a numerator or denominator
	nSrc     int     // Σ len(child sources)
	keep     bool    // the roll-up is published
}

func newBuilder(a *Analysis) *builder {
	ds := a.ds
	b := &builder{a: a}

	// Periods: every snapshot's, plus any observation's own period
	// (normally the same), so no observation is dropped.
	seen := make(map[period.Period]bool)
	for _, s := range ds.Snapshots {
		if !s.Period.IsZero() && !seen[s.Period] {
			seen[s.Period] = true
			a.periods = append(a.periods, s.Period)
		}
		for j := range s.Observations {
			if p := s.Observations[j].Period; !p.IsZero() && !seen[p] {
				seen[p] = true
				a.periods = append(a.periods, p)
			}
		}
	}
	slices.SortFunc(a.periods, period.Period.Compare)
	pIdx := make(map[period.Period]int, len(a.periods))
	for k, p := range a.periods {
		pIdx[p] = k
	}
	b.nP = len(a.periods)

	nU := len(ds.Units)

	// Own observations with a value, grouped by unit and indicator. Counted
	// first so that all groups share one backing array.
	cell := func(o *model.Observation) (int, bool) {
		u, ok := a.idx.UnitPos(o.Unit)
		if !ok || o.Value == nil {
			return 0, false
		}
		i, ok := a.idx.IndicatorPos(o.Indicator)
		if !ok {
			return 0, false
		}
		return u*a.nInd + i, true
	}
	counts := make([]int, nU*a.nInd)
	total := 0
	for _, s := range ds.Snapshots {
		for j := range s.Observations {
			if c, ok := cell(&s.Observations[j]); ok {
				counts[c]++
				total++
			}
		}
	}
	backing := make([]*model.Observation, total)
	b.own = make([][]*model.Observation, nU*a.nInd)
	a.reports = make([]bool, nU*a.nInd)
	off := 0
	for c, n := range counts {
		b.own[c] = backing[off : off : off+n]
		off += n
		a.reports[c] = n > 0 // a row of its own with a value: a report
	}
	b.oneSrc = make([]diag.Position, 0, total)
	for si := range ds.Snapshots {
		s := &ds.Snapshots[si]
		for j := range s.Observations {
			o := &s.Observations[j]
			if o.Period.IsZero() {
				// Work on a copy that carries the snapshot's period, so
				// that the dataset is left untouched.
				cp := *o
				cp.Period = s.Period
				o = &cp
			}
			if c, ok := cell(o); ok {
				b.own[c] = append(b.own[c], o)
			}
		}
	}

	a.series = make([]series, nU*a.nInd)
	b.state = make([]uint8, nU)
	b.acc = make([]accum, b.nP)
	b.ownAt = make([]*model.Observation, b.nP)
	b.srcs = make([][]diag.Position, b.nP)
	b.pIdx = pIdx
	b.newCovers()
	return b
}

func (b *builder) run() {
	for u := range b.a.ds.Units {
		b.visit(u)
	}
	b.countReporters()
}

// visit computes unit u after its children. A unit met again while in
// progress (a cycle, which validation rejects) is skipped, so Run always
// ends.
func (b *builder) visit(u int) {
	if b.state[u] != 0 {
		return
	}
	b.state[u] = 1
	kids := b.a.idx.ChildrenAt(u)
	for _, c := range kids {
		b.visit(c)
	}
	for i := range b.a.nInd {
		if len(kids) > 0 {
			b.cover(u, i)
		}
		b.a.series[u*b.a.nInd+i] = b.build(u, i)
	}
	b.state[u] = 2
}

// build computes the series of unit u for indicator i.
func (b *builder) build(u, i int) series {
	a := b.a
	ind := &a.ds.Indicators[i]
	clear(b.ownAt)
	for _, o := range b.own[u*a.nInd+i] {
		if k, ok := b.pIdx[o.Period]; ok && b.ownAt[k] == nil { // first row wins on duplicates
			b.ownAt[k] = o
		}
	}

	kids := a.idx.ChildrenAt(u)
	rollable := len(kids) > 0 && (ind.Measure == model.Percent || ind.Measure == model.Count)
	cv := &a.below[u*a.nInd+i]
	if rollable {
		clear(b.acc)
		for _, c := range kids {
			cs := &a.series[c*a.nInd+i]
			for j := range cs.points {
				pt := &cs.points[j]
				acc := &b.acc[cs.at[j]]
				acc.n++
				acc.sum += pt.Value
				acc.nSrc += len(pt.Sources)
				if pt.Numerator != nil && pt.Denominator != nil {
					acc.num += *pt.Numerator
					acc.den += *pt.Denominator
				} else {
					acc.noRatio = true
				}
			}
		}
		anyKept := false
		for k := range b.acc {
			acc := &b.acc[k]
			if b.ownAt[k] != nil || acc.n == 0 {
				continue
			}
			switch ind.Measure {
			case model.Percent:
				// Only Σnum/Σden is honest; a child without them would
				// force an average of percentages, so publish nothing.
				acc.keep = !acc.noRatio && acc.den > 0
			case model.Count:
				// A partial sum would understate the total: every unit
				// below that reports the count must have.
				acc.keep = cv.reported[k] == cv.expected
			}
			if acc.keep {
				anyKept = true
				b.srcs[k] = make([]diag.Position, 0, acc.nSrc)
			}
		}
		if anyKept {
			for _, c := range kids {
				cs := &a.series[c*a.nInd+i]
				for j := range cs.points {
					if k := cs.at[j]; b.acc[k].keep {
						b.srcs[k] = append(b.srcs[k], cs.points[j].Sources...)
					}
				}
			}
		}
	}

	n := 0
	for k := range b.nP {
		if b.ownAt[k] != nil || (rollable && b.acc[k].keep) {
			n++
		}
	}
	if n == 0 {
		return series{}
	}
	s := series{points: make([]Point, 0, n), at: make([]int, 0, n)}
	for k, p := range b.a.periods {
		if o := b.ownAt[k]; o != nil {
			b.oneSrc = append(b.oneSrc, o.At.Row)
			m := len(b.oneSrc)
			s.points = append(s.points, Point{
				Period:      p,
				Value:       *o.Value,
				Numerator:   o.Numerator,
				Denominator: o.Denominator,
				Sources:     b.oneSrc[m-1 : m : m],
				Note:        o.Note,
			})
			s.at = append(s.at, k)
			continue
		}
		if !rollable || !b.acc[k].keep {
			continue
		}
		acc := &b.acc[k]
		pt := Point{
			Period:    p,
			RolledUp:  true,
			Reporting: cv.reported[k],
			Expected:  cv.expected,
			Sources:   b.srcs[k],
		}
		slices.SortFunc(pt.Sources, diag.Position.Compare)
		b.srcs[k] = nil
		if ind.Measure == model.Percent {
			pt.Value = 100 * acc.num / acc.den
		} else {
			pt.Value = acc.sum
		}
		if !acc.noRatio {
			nd := &[2]float64{acc.num, acc.den}
			pt.Numerator, pt.Denominator = &nd[0], &nd[1]
		}
		s.points = append(s.points, pt)
		s.at = append(s.at, k)
	}
	return s
}
