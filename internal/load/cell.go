package load

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/minhbach/minhbach/internal/msg"
)

// The cell types below are what gocsv fills. Each one keeps the text as
// written and, instead of failing, the problem it found: gocsv stops at the
// first error, and staff need every bad cell of a file in one report.
// gocsv's own converters never see a value (they read "" as 0 and "1,234"
// as 1.234).

// code is an indicator or unit code. It is kept exactly as written, spaces
// included: the validator judges codes, so that data built by other means
// (an importer) is held to the same rules.
type code struct{ s string }

func (c *code) UnmarshalCSV(s string) error { c.s = s; return nil }

// text is free text. Spaces at either end are trimmed: they are invisible
// in a spreadsheet and carry no meaning.
type text struct{ s string }

func (t *text) UnmarshalCSV(s string) error { t.s = strings.TrimSpace(s); return nil }

// number is a decimal written strictly as -?digits[.digits]. An empty cell
// is a missing figure, never zero. It is kept small (gocsv copies each
// cell's value): why is only allocated for a cell that is not a number.
type number struct {
	raw string
	v   float64   // the number, when raw is one
	why *msg.Text // why raw is not a number; nil when it is, or is empty
}

func (n *number) UnmarshalCSV(s string) error {
	*n = number{raw: s}
	if s == "" {
		return nil
	}
	v, why := parseNumber(s)
	if !why.IsZero() {
		n.why = &why // only here, so that a good number allocates nothing
		return nil
	}
	n.v = v
	return nil
}

// year is a four-digit year. An empty cell leaves ok false with no why.
type year struct {
	raw string
	v   int
	ok  bool
	why msg.Text
}

var yearRE = regexp.MustCompile(`^[0-9]{4}$`)

func (y *year) UnmarshalCSV(s string) error {
	*y = year{raw: s}
	switch {
	case s == "":
	case yearRE.MatchString(s):
		y.v, _ = strconv.Atoi(s)
		y.ok = true
	default:
		y.why = msgNotYear.With()
	}
	return nil
}

var (
	// 12,5 and 0,75: a decimal comma, as Vietnamese spreadsheets write.
	decimalCommaRE = regexp.MustCompile(`^-?[0-9]+,[0-9]+$`)
	// 1,234: a thousands separator or a decimal comma; it cannot be told.
	ambiguousCommaRE = regexp.MustCompile(`^-?[0-9]{1,3},[0-9]{3}$`)
	// 1,234,567 and 1,234.5: English thousands separators.
	commaThousandsRE = regexp.MustCompile(`^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`)
	// 1.234.567 and 1.234,5: Vietnamese thousands separators.
	dotThousandsRE = regexp.MustCompile(`^-?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$`)
	exponentRE     = regexp.MustCompile(`^-?[0-9]*\.?[0-9]+[eE][-+]?[0-9]+$`)
	hexRE          = regexp.MustCompile(`^-?0[xXoObB][0-9a-fA-F_]+$`)
	bareDotRE      = regexp.MustCompile(`^-?([0-9]+\.|\.[0-9]+)$`)
)

// parseNumber reads a strictly written decimal. On failure it returns a
// message in plain words with a hint on how to write the number instead.
func parseNumber(s string) (float64, msg.Text) {
	if plainDecimal(s) {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(v, 0) {
			return 0, msgTooBig.With()
		}
		return v, msg.Text{}
	}
	return 0, numberHint(s)
}

// plainDecimal reports whether s is written -?digits[.digits], the only
// form a number may take. It is a loop rather than a regular expression:
// it runs on every figure of every snapshot.
func plainDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, dot := strings.Cut(s, ".")
	return digits(whole) && (!dot || digits(frac))
}

// digits reports whether s is one or more ASCII digits.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// numberHint says how to write s as a number: the number it most likely
// means, and each change made to get there, each a Text of its own so
// the message can be given whole in Vietnamese.
func numberHint(s string) msg.Text {
	var how []msg.Text // what to change, in plain words
	t := s
	if strings.ContainsFunc(t, unicode.IsSpace) {
		t = strings.Join(strings.Fields(t), "")
		how = append(how, msgNoSpaces.With())
	}
	if strings.Contains(t, "%") {
		t = strings.ReplaceAll(t, "%", "")
		how = append(how, msgNoPercent.With())
	}
	if strings.HasPrefix(t, "+") {
		t = t[1:]
		how = append(how, msgNoPlus.With())
	}
	if strings.Contains(t, "_") && plainDecimal(strings.ReplaceAll(t, "_", "")) {
		t = strings.ReplaceAll(t, "_", "")
		how = append(how, msgNoUnderscores.With())
	}
	switch {
	case plainDecimal(t):
	case ambiguousCommaRE.MatchString(t):
		plain := strings.ReplaceAll(t, ",", "")
		dotted := strings.ReplaceAll(t, ",", ".")
		if len(how) == 0 {
			return msgCommaEither.With(plain, dotted)
		}
		return msgCommaEitherHow.With(plain, dotted, joinHow(how))
	case decimalCommaRE.MatchString(t):
		t = strings.ReplaceAll(t, ",", ".")
		how = append([]msg.Text{msgWithDot.With()}, how...)
	case commaThousandsRE.MatchString(t):
		t = strings.ReplaceAll(t, ",", "")
		how = append(how, msgNoThousands.With())
	case dotThousandsRE.MatchString(t):
		t = strings.ReplaceAll(t, ".", "")
		t = strings.ReplaceAll(t, ",", ".")
		how = append(how, msgNoThousands.With())
		if strings.Contains(t, ".") {
			how = append(how, msgDotDecimals.With())
		}
	case isNaNOrInf(t):
		return msgLeaveEmpty.With()
	case exponentRE.MatchString(t):
		return msgExponent.With()
	case hexRE.MatchString(t):
		return msgNotDecimal.With()
	case bareDotRE.MatchString(t):
		t = strings.TrimSuffix(t, ".")
		if i := strings.Index(t, "."); i >= 0 && (i == 0 || t[i-1] == '-') {
			t = t[:i] + "0" + t[i:]
		}
		how = append(how, msgBothSides.With())
	default:
		return msgDigitsOnly.With()
	}
	if len(how) == 0 {
		return msgWrite.With(t)
	}
	return msgWriteHow.With(t, joinHow(how))
}

// joinHow turns [with a dot, without %] into "with a dot and without %".
func joinHow(how []msg.Text) msg.Text {
	switch len(how) {
	case 0:
		return msg.Text{}
	case 1:
		return how[0]
	case 2:
		return msgAnd.With(how[0], how[1])
	}
	return msgList.With(how[0], joinHow(how[1:]))
}

func isNaNOrInf(s string) bool {
	s = strings.ToLower(strings.TrimLeft(s, "+-"))
	return s == "nan" || s == "inf" || s == "infinity"
}
