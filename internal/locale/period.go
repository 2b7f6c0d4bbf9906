package locale

import (
	"fmt"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// roman numbers quarters, as Vietnamese reports write them ("quý IV/2024").
var roman = [...]string{"", "I", "II", "III", "IV"}

// valid reports whether p is a period this package can name.
func valid(p period.Period) bool {
	switch p.Kind {
	case period.Year:
		return true
	case period.Half:
		return p.N >= 1 && p.N <= 2
	case period.Quarter:
		return p.N >= 1 && p.N <= 4
	case period.Month:
		return p.N >= 1 && p.N <= 12
	}
	return false
}

// Period names p in running text, lower case as it stands mid-sentence
// (capitalise at the start of a sentence):
//
//	vi: "năm 2024", "6 tháng đầu năm 2025", "6 tháng cuối năm 2025",
//	    "quý IV/2024", "tháng 3/2025"
//	en: "2024", "H1 2025", "H2 2025", "Q4 2024", "March 2025"
//
// An invalid or zero period prints as Missing.
func Period(lang model.Lang, p period.Period) string {
	if !valid(p) {
		return Missing
	}
	if isEN(lang) {
		switch p.Kind {
		case period.Year:
			return fmt.Sprint(p.Year)
		case period.Half:
			return fmt.Sprintf("H%d %d", p.N, p.Year)
		case period.Quarter:
			return fmt.Sprintf("Q%d %d", p.N, p.Year)
		default:
			return fmt.Sprintf("%s %d", time.Month(p.N), p.Year)
		}
	}
	switch p.Kind {
	case period.Year:
		return fmt.Sprintf("năm %d", p.Year)
	case period.Half:
		return fmt.Sprintf("6 tháng %s năm %d", half(p.N), p.Year)
	case period.Quarter:
		return fmt.Sprintf("quý %s/%d", roman[p.N], p.Year)
	default:
		return fmt.Sprintf("tháng %d/%d", p.N, p.Year)
	}
}

func half(n int) string {
	if n == 1 {
		return "đầu"
	}
	return "cuối"
}

// PeriodShort names p in the few characters a chart axis or a table
// header on a narrow phone can spare:
//
//	vi: "2024", "6T đầu 2025", "6T cuối 2025", "IV/2024", "T3/2025"
//	en: "2024", "H1 2025", "H2 2025", "Q4 2024", "Mar 2025"
//
// The Vietnamese forms are the abbreviations of official reports: a quarter
// is its Roman numeral (months are never Roman in Vietnamese, so "IV/2024"
// cannot be misread), "T3" is the usual short "tháng 3", and "6T" the usual
// short "6 tháng". Where a screen reader may meet the short form (a table
// header), give Period as its accessible name or title.
func PeriodShort(lang model.Lang, p period.Period) string {
	if !valid(p) {
		return Missing
	}
	if isEN(lang) {
		if p.Kind == period.Month {
			return fmt.Sprintf("%.3s %d", time.Month(p.N), p.Year)
		}
		return Period(lang, p)
	}
	switch p.Kind {
	case period.Year:
		return fmt.Sprint(p.Year)
	case period.Half:
		return fmt.Sprintf("6T %s %d", half(p.N), p.Year)
	case period.Quarter:
		return fmt.Sprintf("%s/%d", roman[p.N], p.Year)
	default:
		return fmt.Sprintf("T%d/%d", p.N, p.Year)
	}
}

// Date prints the calendar date of t, in t's own location: vi "05/01/2025"
// (dd/mm/yyyy, zero-padded: one form, although sources mix "03/6/2020"),
// en "5 January 2025" (day-month order, which no English reader misreads).
func Date(lang model.Lang, t time.Time) string {
	y, m, d := t.Date()
	if isEN(lang) {
		return fmt.Sprintf("%d %s %d", d, m, y)
	}
	return fmt.Sprintf("%02d/%02d/%d", d, int(m), y)
}

// DateLine prints the place-and-date line of an administrative document as
// NĐ 30/2020/NĐ-CP, Appendix I prescribes: "Chợ Đồn, ngày 05 tháng 01 năm
// 2025". Only days below 10 and the months 1 and 2 take a leading zero
// ("ngày 15 tháng 3 năm 2025"), so that no digit can be prepended to forge
// another date. The place is normalised to NFC; the date is t's own.
func DateLine(place string, t time.Time) string {
	y, m, d := t.Date()
	month := fmt.Sprint(int(m))
	if m <= time.February {
		month = "0" + month
	}
	return fmt.Sprintf("%s, ngày %02d tháng %s năm %d", norm.NFC.String(place), d, month, y)
}
