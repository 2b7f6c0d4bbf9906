package locale

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/model"
)

// marks returns the decimal mark and the thousands separator.
func marks(lang model.Lang) (decimal, group string) {
	if isEN(lang) {
		return ".", ","
	}
	return ",", "."
}

// format prints r with the separators of lang and an ASCII minus.
func format(lang model.Lang, r decimal.Digits) string {
	dec, grp := marks(lang)
	var b strings.Builder
	if r.Neg {
		b.WriteByte('-')
	}
	for i, c := range []byte(r.Int) {
		if i > 0 && (len(r.Int)-i)%3 == 0 {
			b.WriteString(grp)
		}
		b.WriteByte(c)
	}
	if r.Frac != "" {
		b.WriteString(dec)
		b.WriteString(r.Frac)
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
	return format(lang, decimal.Split(v, decimals))
}

// Compact is Number with trailing zeros (and a bare mark) dropped, for
// prose and tiles where "90,0" would look like false precision: 90 → "90",
// 98.60 → "98,6".
func Compact(lang model.Lang, v float64, maxDecimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Missing
	}
	r := decimal.Split(v, maxDecimals)
	r.Frac = strings.TrimRight(r.Frac, "0")
	return format(lang, r)
}

// Percent prints v (on the 0–100 scale) with at most one decimal and no
// space before "%" in either language: "90%", vi "90,5%", en "90.5%".
// 99.95 prints "100%", never "99,9%".
func Percent(lang model.Lang, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Missing
	}
	return Compact(lang, v, model.Percent.Decimals()) + "%"
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
	return Compact(lang, v, model.Number.Decimals())
}

// Exact prints v in full, unrounded, with the marks of lang: vi
// "1.234,5678", en "1,234.5678". It is for a correction below the shown
// precision, which would otherwise read "90% → 90%".
func Exact(lang model.Lang, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Missing
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	ip, fp, _ := strings.Cut(s, ".")
	return format(lang, decimal.Digits{Neg: v < 0, Int: ip, Frac: fp})
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

// Megabytes prints a size of n bytes in megabytes of 2^20 bytes, as file
// managers count them and as the size limits are set, with one decimal:
// vi "1,5", en "1.5".
func Megabytes(lang model.Lang, n int64) string { return Number(lang, float64(n)/(1<<20), 1) }

// Seconds prints d in seconds with one decimal: vi "2,5", en "2.5".
func Seconds(lang model.Lang, d time.Duration) string { return Number(lang, d.Seconds(), 1) }

// Coverage words who a rolled-up figure comes from: vi "27/28 đơn vị đã báo
// cáo", en "27 of 28 units reported". Every page, chart, table and the
// report text say a partial total this one way (the counts come from
// analyse.Coverage).
func Coverage(lang model.Lang, reported, expected int) string {
	r, e := Number(lang, float64(reported), 0), Number(lang, float64(expected), 0)
	if lang == model.EN {
		return r + " of " + e + " units reported"
	}
	return r + "/" + e + " đơn vị đã báo cáo"
}

// CoverageOf words a coverage published as "27/28" (the downloads'
// reporting column) as Coverage does; text that is not two counts is
// returned as it is.
func CoverageOf(lang model.Lang, ratio string) string {
	got, of, ok := strings.Cut(ratio, "/")
	r, err1 := strconv.Atoi(got)
	e, err2 := strconv.Atoi(of)
	if !ok || err1 != nil || err2 != nil {
		return ratio
	}
	return Coverage(lang, r, e)
}
