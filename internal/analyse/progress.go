package analyse

import (
	"math"

	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/model"
)

// Progress statuses, in the spirit of Open SDG's progress measure. A
// figure with a target is exactly one of Achieved, OnTrack, OffTrack,
// MovingAway or NotEnoughData; NoTarget and NoData say why there is no
// assessment at all.
const (
	OnTrack       Status = "on-track"        // at the current pace it reaches the target by the target year
	OffTrack      Status = "off-track"       // improving too slowly, not at all, or past the deadline
	MovingAway    Status = "moving-away"     // worse than at the baseline
	NotEnoughData Status = "not-enough-data" // a target, but only one figure so far
)

// Statuses lists every Status, best first, for legends and translations.
var Statuses = []Status{Achieved, OnTrack, OffTrack, MovingAway, NotEnoughData, NoTarget, NoData}

// maxProjection is how far ahead a projected year is still given: a
// target more than a century away at the current pace is, for a reader,
// never reached.
const maxProjection = 100

// Assessment is how a series stands against its target at its last point.
type Assessment struct {
	Status Status
	// Baseline is the first figure of the series, from which the pace is
	// measured; nil when there are fewer than two figures.
	Baseline *Point
	// Pace is the change per year from the baseline to the current figure,
	// in the indicator's unit (percentage points for percents), signed as
	// the values move: −8 means "falling 8 a year" whatever the direction.
	// Nil when there are fewer than two figures.
	Pace *float64
	// Projected is the year in which the target would be reached if the
	// pace held; nil when it is already reached, never would be at this
	// pace, or not within a century.
	Projected *int
	// DeadlinePassed is set when the current period ends after the target
	// year and the target is not reached.
	DeadlinePassed bool
}

// Assess judges pts, a series sorted by period whose last point is the
// current figure, against target t.
//
// Every comparison uses the figures as published, rounded to the
// indicator's decimals, so a reader can redo it from the page: the pace
// is (current − baseline) / (years between the ends of their periods),
// and the projected year is when current + pace × years reaches the
// target. Two published points suffice to recompute it; a least-squares
// slope would need every intermediate figure and would still be dragged
// by the same first and last quarters of administrative data.
func Assess(ind model.Indicator, pts []Point, t *model.Target) Assessment {
	switch {
	case len(pts) == 0:
		return Assessment{Status: NoData}
	case t == nil:
		return Assessment{Status: NoTarget}
	}
	places := ind.Measure.Decimals()
	cur := pts[len(pts)-1]
	v := decimal.Round(cur.Value, places)
	goal := decimal.Round(t.Value, places)
	if ind.Direction.Meets(v, goal) {
		return Assessment{Status: Achieved}
	}
	var out Assessment
	base := pts[0]
	years := cur.Period.Time() - base.Period.Time()
	if len(pts) < 2 || years <= 0 {
		out.Status = NotEnoughData
		return out
	}
	v0 := decimal.Round(base.Value, places)
	pace := (v - v0) / years
	out.Baseline, out.Pace = &base, &pace

	// In "improvement" terms, where more is always better.
	better, gap := pace, goal-v
	if ind.Direction == model.Down {
		better, gap = -pace, v-goal
	}
	if better > 0 {
		// The end of year Y is Y+1 on the period time axis, so a point
		// reached at 2025.4 is reached during 2025.
		at := cur.Period.Time() + gap/better
		if year := int(math.Ceil(at-1e-6)) - 1; at-cur.Period.Time() <= maxProjection {
			out.Projected = &year
		}
	}
	out.DeadlinePassed = cur.Period.Time() > float64(t.Year+1)+1e-6
	switch {
	case out.DeadlinePassed:
		out.Status = OffTrack
	case better < 0:
		out.Status = MovingAway
	case out.Projected != nil && *out.Projected <= t.Year:
		out.Status = OnTrack
	default:
		out.Status = OffTrack
	}
	return out
}
