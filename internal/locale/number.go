package locale

import (
	"math"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/model"
)

// decimalsFor is how many decimals each measure is shown and compared with.
func decimalsFor(m model.Measure) int {
	switch m {
	case model.Percent:
		return 1
	case model.Count:
		return 0
	}
	return 2
}

// rounded is a non-negative decimal split at the decimal mark, plus a sign.
type rounded struct {
	neg       bool
	int, frac string // digits only; frac has exactly the requested length
}

// roundDecimal rounds |v| half-up at decimals places on its shortest decimal
// representation, so 1.005 → 1.01 and 2.675 → 2.68 although their binary
// values lie just below. v must be finite; decimals < 0 counts as 0. A
// result that is all zeros is never negative, so -0.04 → "0".
func roundDecimal(v float64, decimals int) rounded {
	decimals = max(decimals, 0)
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	ip, fp, _ := strings.Cut(s, ".")
	if len(fp) <= decimals {
		fp += strings.Repeat("0", decimals-len(fp))
		return rounded{neg: v < 0 && !allZero(ip+fp), int: ip, frac: fp}
	}
	up := fp[decimals] >= '5'
	digits := []byte(ip + fp[:decimals])
	if up {
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
	n := len(digits) - decimals
	r := rounded{int: string(digits[:n]), frac: string(digits[n:])}
	r.neg = v < 0 && !allZero(r.int+r.frac)
	return r
}

func allZero(s string) bool { return strings.Trim(s, "0") == "" }

// Round rounds v half-up (away from zero) to decimals places, working on
// the shortest decimal representation of v rather than on v·10ⁿ in binary:
// Round(2.5, 0) = 3, Round(0.125, 2) = 0.13, Round(1.005, 2) = 1.01,
// Round(-2.5, 0) = -3, as Excel's ROUND gives. NaN and ±Inf are returned
// unchanged; decimals < 0 counts as 0.
func Round(v float64, decimals int) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r := roundDecimal(v, decimals)
	s := r.int
	if r.frac != "" {
		s += "." + r.frac
	}
	f, _ := strconv.ParseFloat(s, 64) // digits only: cannot fail
	if r.neg {
		f = -f
	}
	return f
}

// marks returns the decimal mark and the thousands separator.
func marks(lang model.Lang) (decimal, group string) {
	if isEN(lang) {
		return ".", ","
	}
	return ",", "."
}

// format prints r with the separators of lang and an ASCII minus.
func format(lang model.Lang, r rounded) string {
	dec, grp := marks(lang)
	var b strings.Builder
	if r.neg {
		b.WriteByte('-')
	}
	for i, c := range []byte(r.int) {
		if i > 0 && (len(r.int)-i)%3 == 0 {
			b.WriteString(grp)
		}
		b.WriteByte(c)
	}
	if r.frac != "" {
		b.WriteString(dec)
		b.WriteString(r.frac)
	}
	return b.String()
}

// Number prints v rounded half-up with exactly decimals digits after the
// mark: vi "1.234.567,5", en "1,234,567.5". Negative values take an ASCII
// "-"; NaN and ±Inf print as Missing.
func Number(lang model.Lang, v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Missing
	}
	return format(lang, roundDecimal(v, decimals))
}

// Compact is Number with trailing zeros (and a bare mark) dropped, for
// prose and tiles where "90,0" would look like false precision: 90 → "90",
// 98.60 → "98,6".
func Compact(lang model.Lang, v float64, maxDecimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Missing
	}
	r := roundDecimal(v, maxDecimals)
	r.frac = strings.TrimRight(r.frac, "0")
	return format(lang, r)
}

// Percent prints v (on the 0–100 scale) with at most one decimal and no
// space before "%" in either language: "90%", vi "90,5%", en "90.5%".
// 99.95 prints "100%", never "99,9%".
func Percent(lang model.Lang, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Missing
	}
	return Compact(lang, v, decimalsFor(model.Percent)) + "%"
}

// Value prints v as measure m is shown everywhere on the site: percents via
// Percent, counts as whole numbers with thousands separators, other numbers
// with up to two decimals.
func Value(lang model.Lang, m model.Measure, v float64) string {
	switch m {
	case model.Percent:
		return Percent(lang, v)
	case model.Count:
		return Number(lang, v, 0)
	}
	return Compact(lang, v, decimalsFor(model.Number))
}

// Ratio prints "45/48" (vi "1.200/1.500", en "1,200/1,500"), the way reports
// give a percent's numerator and denominator so that readers can recompute
// it. Fractional parts, which counts should not have, keep up to two
// decimals rather than being hidden.
func Ratio(lang model.Lang, num, den float64) string {
	if math.IsNaN(num) || math.IsInf(num, 0) || math.IsNaN(den) || math.IsInf(den, 0) {
		return Missing
	}
	return Compact(lang, num, 2) + "/" + Compact(lang, den, 2)
}
