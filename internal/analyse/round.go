package analyse

import (
	"math"
	"strconv"
	"strings"
)

// roundHalfUp rounds v to places decimals, halves away from zero, working
// on the shortest decimal form of v: that is the number people see and
// type, so 99.95 rounds to 100.0 as in Excel and on the page, even though
// the float64 nearest to 99.95 is a little below it.
func roundHalfUp(v float64, places int) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || places < 0 {
		return v
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) <= places {
		return v
	}
	digits := []byte(whole + frac[:places])
	if frac[places] >= '5' {
		digits = increment(digits)
	}
	n := len(digits) - places
	out := string(digits[:n])
	if places > 0 {
		out += "." + string(digits[n:])
	}
	r, err := strconv.ParseFloat(out, 64)
	if err != nil { // cannot happen: out is plain digits
		return v
	}
	if v < 0 {
		r = -r
	}
	return r
}

// increment adds one to a string of decimal digits.
func increment(d []byte) []byte {
	for i := len(d) - 1; i >= 0; i-- {
		if d[i] < '9' {
			d[i]++
			return d
		}
		d[i] = '0'
	}
	return append([]byte{'1'}, d...)
}
