// Package decimal rounds numbers as people and spreadsheets do: half away
// from zero, on the number's shortest decimal form. 99.95 is stored as a
// float64 a little below 99.95, yet everyone reads and types 99.95, so it
// must round to 100.0 on the page, in a chart, and when deciding whether a
// target is met. Every stage rounds through this package, so they agree.
package decimal

import (
	"math"
	"strconv"
	"strings"
)

// Digits is a rounded non-negative decimal split at the decimal mark, with
// its sign: the form number formatting needs.
type Digits struct {
	Neg       bool
	Int, Frac string // digits only; Frac has exactly the requested length
}

// Split rounds |v| half-up at places decimals on its shortest decimal
// representation, so 1.005 → 1.01 and 2.675 → 2.68 although their binary
// values lie just below. v must be finite; places < 0 counts as 0. A result
// that is all zeros is never negative, so -0.04 → "0".
func Split(v float64, places int) Digits {
	places = max(places, 0)
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	ip, fp, _ := strings.Cut(s, ".")
	if len(fp) <= places {
		fp += strings.Repeat("0", places-len(fp))
		return Digits{Neg: v < 0 && !allZero(ip+fp), Int: ip, Frac: fp}
	}
	digits := []byte(ip + fp[:places])
	if fp[places] >= '5' {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i >= 0 {
			digits[i]++
		} else {
			digits = append([]byte{'1'}, digits...)
		}
	}
	n := len(digits) - places
	d := Digits{Int: string(digits[:n]), Frac: string(digits[n:])}
	d.Neg = v < 0 && !allZero(d.Int+d.Frac)
	return d
}

func allZero(s string) bool { return strings.Trim(s, "0") == "" }

// Round rounds v half away from zero to places decimals: Round(2.5, 0) = 3,
// Round(0.125, 2) = 0.13, Round(1.005, 2) = 1.01, Round(-2.5, 0) = -3, as
// Excel's ROUND gives. NaN and ±Inf are returned unchanged; a zero result
// is +0; places < 0 counts as 0.
func Round(v float64, places int) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	f, _ := strconv.ParseFloat(Split(v, places).String(), 64) // digits only: cannot fail
	return f
}

// String is the rounded number with a dot and exactly the requested
// decimals, as data files write it: "-12.50", "96.1", "7".
func (d Digits) String() string {
	s := d.Int
	if d.Frac != "" {
		s += "." + d.Frac
	}
	if d.Neg {
		s = "-" + s
	}
	return s
}
