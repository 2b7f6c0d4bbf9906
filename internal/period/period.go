// Package period parses and orders reporting periods: years, halves,
// quarters and months, named as in snapshot file names ("2024-Q4").
package period

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/minhbach/minhbach/internal/msg"
)

// Kind is the length of a reporting period.
type Kind int

const (
	Year Kind = iota + 1
	Half
	Quarter
	Month
)

// Period is one reporting period. N is the half (1–2), quarter (1–4) or
// month (1–12) within Year; it is 0 for a whole year.
type Period struct {
	Year int
	Kind Kind
	N    int
}

var (
	msgNotPeriod = msg.New(
		"kỳ %q: hãy viết YYYY, YYYY-H1, YYYY-Q1 hoặc YYYY-MM (ví dụ 2024-Q4)",
		"period %q: want YYYY, YYYY-H1, YYYY-Q1 or YYYY-MM (for example 2024-Q4)")
	msgYearRange = msg.New(
		"kỳ %q: năm nằm ngoài khoảng cho phép: hãy viết năm từ 1900 đến 2200",
		"period %q: year out of range: write a year from 1900 to 2200")
	msgMonth = msg.New(
		"kỳ %q: tháng phải từ 01 đến 12",
		"period %q: month must be 01 to 12")
)

var pattern = regexp.MustCompile(`^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$`)

// Parse reads the canonical names YYYY, YYYY-H1/H2, YYYY-Q1…Q4 and YYYY-MM.
// Anything else (lower case, "Q4-2024", "2024-13") is an error, because file
// names are keys that must sort and compare exactly. The error is said in
// either language (see package msg).
func Parse(s string) (Period, error) {
	m := pattern.FindStringSubmatch(s)
	if m == nil {
		return Period{}, msgNotPeriod.Err(s)
	}
	y, _ := strconv.Atoi(m[1])
	if y < 1900 || y > 2200 {
		return Period{}, msgYearRange.Err(s)
	}
	switch suffix := m[2]; {
	case suffix == "":
		return Period{Year: y, Kind: Year}, nil
	case suffix[0] == 'H':
		return Period{Year: y, Kind: Half, N: int(suffix[1] - '0')}, nil
	case suffix[0] == 'Q':
		return Period{Year: y, Kind: Quarter, N: int(suffix[1] - '0')}, nil
	default:
		mo, _ := strconv.Atoi(suffix)
		if mo < 1 || mo > 12 {
			return Period{}, msgMonth.Err(s)
		}
		return Period{Year: y, Kind: Month, N: mo}, nil
	}
}

// MustParse is Parse for constants in tests and examples.
func MustParse(s string) Period {
	p, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return p
}

// String returns the canonical name, the inverse of Parse.
func (p Period) String() string {
	switch p.Kind {
	case Year:
		return strconv.Itoa(p.Year)
	case Half:
		return fmt.Sprintf("%d-H%d", p.Year, p.N)
	case Quarter:
		return fmt.Sprintf("%d-Q%d", p.Year, p.N)
	case Month:
		return fmt.Sprintf("%d-%02d", p.Year, p.N)
	}
	return ""
}

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p.Kind == 0 }

// months returns the first month (1-based) and the number of months.
func (p Period) months() (first, n int) {
	switch p.Kind {
	case Half:
		return 6*(p.N-1) + 1, 6
	case Quarter:
		return 3*(p.N-1) + 1, 3
	case Month:
		return p.N, 1
	}
	return 1, 12
}

// Start is the first day of the period.
func (p Period) Start() time.Time {
	first, _ := p.months()
	return time.Date(p.Year, time.Month(first), 1, 0, 0, 0, 0, time.UTC)
}

// End is the last day of the period.
func (p Period) End() time.Time {
	first, n := p.months()
	return time.Date(p.Year, time.Month(first+n), 0, 0, 0, 0, 0, time.UTC)
}

// Compare orders periods by their end date, then longer first, so that a
// year sorts after its Q4 ("2024" covers more than "2024-Q4" and ends the
// same day).
func (p Period) Compare(q Period) int {
	if c := p.End().Compare(q.End()); c != 0 {
		return c
	}
	return cmp.Compare(q.Kind, p.Kind)
}

// Overlaps reports whether p and q share any day.
func (p Period) Overlaps(q Period) bool {
	return !p.End().Before(q.Start()) && !q.End().Before(p.Start())
}

// Fraction is how far through its year the period ends, from 0 (exclusive)
// to 1: Q2 is 0.5. Progress projections use it to place a period on a
// continuous time axis.
func (p Period) Fraction() float64 {
	first, n := p.months()
	return float64(first+n-1) / 12
}

// Time returns the period's end on a continuous year axis: 2024-Q2 ends at
// 2024.5 and 2024-Q4 (like the whole of 2024) at 2025.0, which is also
// where a target "by 2024" falls due.
func (p Period) Time() float64 { return float64(p.Year) + p.Fraction() }

// MarshalText makes Period a JSON string in its canonical form.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText parses the canonical form.
func (p *Period) UnmarshalText(b []byte) error {
	q, err := Parse(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}
