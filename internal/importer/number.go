package importer

// Numbers as written in cells (85,5; 1.234; 90%; 45/48), read without
// knowing the file's decimal mark yet.

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Mark is a file's decimal mark.
type Mark int

const (
	MarkUnknown Mark = iota // not declared, and nothing in the file shows it
	MarkComma               // 85,5 and 1.234 (Vietnamese)
	MarkDot                 // 85.5 and 1,234 (English)
)

func (m Mark) String() string {
	switch m {
	case MarkComma:
		return "comma"
	case MarkDot:
		return "dot"
	}
	return "unknown"
}

// MarshalText names the mark in JSON reports.
func (m Mark) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// ParseMark reads the --decimal flag.
func ParseMark(s string) (Mark, bool) {
	switch s {
	case "":
		return MarkUnknown, true
	case "comma":
		return MarkComma, true
	case "dot":
		return MarkDot, true
	}
	return MarkUnknown, false
}

var (
	intRE = regexp.MustCompile(`^[0-9]+$`)
	// A separator followed by exactly three digits could group thousands
	// or mark decimals: 1.234 is 1234 in Vietnamese and 1.234 in English.
	ambiguousRE = regexp.MustCompile(`^[1-9][0-9]{0,2}[.,][0-9]{3}$`)
	// Forms that can only be read one way.
	commaOnlyRE = regexp.MustCompile(`^([0-9]+,([0-9]{1,2}|[0-9]{4,})|[0-9]{1,3}(\.[0-9]{3})+,[0-9]+|[0-9]{1,3}(\.[0-9]{3}){2,}|0,[0-9]+)$`)
	dotOnlyRE   = regexp.MustCompile(`^([0-9]+\.([0-9]{1,2}|[0-9]{4,})|[0-9]{1,3}(,[0-9]{3})+\.[0-9]+|[0-9]{1,3}(,[0-9]{3}){2,}|0\.[0-9]+)$`)
	// How each mark writes a number, with optional thousands groups.
	commaNumRE = regexp.MustCompile(`^([0-9]+|[0-9]{1,3}(\.[0-9]{3})+)(,[0-9]+)?$`)
	dotNumRE   = regexp.MustCompile(`^([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]+)?$`)
)

// evidence says what a bare number (no sign, no %) shows about the mark.
func evidence(s string) Mark {
	switch {
	case intRE.MatchString(s), ambiguousRE.MatchString(s):
		return MarkUnknown
	case commaOnlyRE.MatchString(s):
		return MarkComma
	case dotOnlyRE.MatchString(s):
		return MarkDot
	}
	return MarkUnknown
}

// ambiguous reports whether s reads differently under the two marks.
func ambiguous(s string) bool { return ambiguousRE.MatchString(s) }

// parseNum reads a bare number written with mark m; ok is false when it is
// not a number in that convention. With MarkUnknown only forms that read
// the same both ways (and forms that show their mark) are accepted.
func parseNum(s string, m Mark) (float64, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if m == MarkUnknown {
		if ambiguous(s) {
			return 0, false
		}
		m = evidence(s)
		if m == MarkUnknown {
			m = MarkDot // an integer: either reading
		}
	}
	var t string
	switch m {
	case MarkComma:
		if !commaNumRE.MatchString(s) {
			return 0, false
		}
		t = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	default:
		if !dotNumRE.MatchString(s) {
			return 0, false
		}
		t = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// excel rounds a stored number to the 15 significant digits Excel shows,
// so 3.0000000000000004 (floating-point residue of a formula) reads 3.
func excel(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// format writes a number as the canonical snapshot wants: a dot, no
// thousands separator, no exponent.
func format(v float64) string {
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// kind is what a cell holds.
type kind int

const (
	kEmpty   kind = iota // nothing: no row is written
	kMissing             // "-", "x", "không có số liệu": a row with an empty value
	kNumber              // a plain number
	kPercent             // a number with a % sign (or a percent-formatted Excel cell)
	kRatio               // "45/48": numerator and denominator
	kText                // words: qualitative, not a figure
	kBad                 // looks like a number but cannot be read
)

// token is one cell read as a figure.
type token struct {
	kind     kind
	v        float64 // kNumber, kPercent
	num, den float64 // kRatio
	nums     []string
}

var (
	missingWords = map[string]bool{"-": true, "--": true, "–": true, "—": true, "x": true, "k": true, "n/a": true, "...": true, "…": true}
	missingKeys  = map[string]bool{
		"khong co so lieu": true, "chua co so lieu": true, "khong co": true, "khong co du lieu": true,
		"chua co du lieu": true, "khong bao cao": true, "chua bao cao": true, "khong so lieu": true,
	}
	percentRE = regexp.MustCompile(`^(-?[0-9][0-9.,]*)\s*%$`)
	ratioRE   = regexp.MustCompile(`^([0-9][0-9.,]*)\s*/\s*([0-9][0-9.,]*)$`)
	plainRE   = regexp.MustCompile(`^-?[0-9][0-9.,]*$`)
	// Scientific notation, as Excel shows a long number: a number badly
	// exported, not words (keeping it as a note would lose the figure).
	scientificRE = regexp.MustCompile(`^-?[0-9][0-9.,]*[eE][+-]?[0-9]+$`)
	letterRE     = regexp.MustCompile(`\pL|[~≈<>≥≤]`)
)

// lex splits a text cell into its kind and the bare numbers in it, before
// the file's mark is known.
func lex(s string) (kind, []string) {
	s = strings.Join(strings.Fields(s), " ")
	switch {
	case s == "":
		return kEmpty, nil
	case missingWords[strings.ToLower(s)], missingKeys[labelKey(s)]:
		return kMissing, nil
	}
	if m := percentRE.FindStringSubmatch(s); m != nil {
		return kPercent, []string{m[1]}
	}
	if m := ratioRE.FindStringSubmatch(s); m != nil {
		return kRatio, []string{m[1], m[2]}
	}
	if plainRE.MatchString(s) {
		return kNumber, []string{s}
	}
	if scientificRE.MatchString(s) {
		return kBad, nil
	}
	if letterRE.MatchString(s) {
		return kText, nil
	}
	return kBad, nil
}
