package locale

import (
	"math"
	"strings"

	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/model"
)

// Change describes a difference between two values of measure m in words,
// for running text:
//
//	vi: "tăng 2,5 điểm phần trăm", "giảm 1.200", "không đổi"
//	en: "up 2.5 percentage points", "down 1,200", "unchanged"
//
// A difference of percents is a number of percentage points and is never
// written with "%" ("tăng 5%" would mean a relative rise). The delta is
// rounded as values of m are shown (one decimal for percents, none for
// counts, two otherwise) before deciding it is unchanged, so the words
// always agree with the printed figures.
func Change(lang model.Lang, m model.Measure, delta float64) string {
	if math.IsNaN(delta) || math.IsInf(delta, 0) {
		return Missing
	}
	d := m.Decimals()
	r := decimal.Split(delta, d)
	if isZero(r) {
		if isEN(lang) {
			return "unchanged"
		}
		return "không đổi"
	}
	neg := r.Neg
	amount := Compact(lang, math.Abs(delta), d)
	if isEN(lang) {
		s := "up "
		if neg {
			s = "down "
		}
		s += amount
		if m == model.Percent {
			if amount == "1" {
				s += " percentage point"
			} else {
				s += " percentage points"
			}
		}
		return s
	}
	s := "tăng "
	if neg {
		s = "giảm "
	}
	s += amount
	if m == model.Percent {
		s += " điểm phần trăm"
	}
	return s
}

// SignedChange is the compact form of Change for tiles and table cells:
// percents "+2,5 điểm" (vi) / "+2.5 pts" (en), counts and numbers "+3",
// "−1.200". Decreases take the typographic minus U+2212 so that "+" and "−"
// line up; a delta that rounds to zero is the word "không đổi" / "no
// change", whatever the measure: a bare "0" beside a count ("2 0") reads
// as another number (20), and "0 điểm" as little better. "%" is never used,
// for the same reason as in Change.
func SignedChange(lang model.Lang, m model.Measure, delta float64) string {
	if math.IsNaN(delta) || math.IsInf(delta, 0) {
		return Missing
	}
	d := m.Decimals()
	r := decimal.Split(delta, d)
	if isZero(r) {
		if isEN(lang) {
			return "no change"
		}
		return "không đổi"
	}
	sign := "+"
	if r.Neg {
		sign = "\u2212"
	}
	amount := Compact(lang, math.Abs(delta), d)
	s := sign + amount
	if m == model.Percent {
		switch {
		case !isEN(lang):
			s += " điểm"
		case amount == "1":
			s += " pt"
		default:
			s += " pts"
		}
	}
	return s
}

// Delta is the difference cur − prev as a reader computes it from the
// printed figures: both are rounded as values of m are shown before
// subtracting, so 85,04% → 86,06% (shown 85,0% and 86,1%) is +1,1 points,
// not +1,0.
func Delta(m model.Measure, prev, cur float64) float64 {
	d := m.Decimals()
	return decimal.Round(decimal.Round(cur, d)-decimal.Round(prev, d), d)
}

// isZero reports whether rounded digits are all zeros.
func isZero(d decimal.Digits) bool { return strings.Trim(d.Int+d.Frac, "0") == "" }
