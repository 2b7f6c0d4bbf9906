// Package locale prints the numbers, changes, periods and dates of the site
// and of the generated narrative so that Vietnamese reads the way staff
// write it (decimal comma, thousands dot, "điểm phần trăm", NĐ 30/2020 date
// lines) and English states the same facts.
//
// Every function is pure and safe for concurrent use, except Abbrev, which
// tracks first use within one text. Any Lang other than model.EN is treated
// as Vietnamese, the default language every input must have (as
// model.Text.In does).
//
// Rounding is half-up (away from zero), as Excel and staff do, on the
// shortest decimal representation of the float, and happens before
// formatting: golang.org/x/text rounds half-to-even, so it is used here only
// for collation and Unicode normalisation.
//
// Minus signs: Number, Compact, Percent and Value write an ASCII "-" so that
// figures copied from the site paste into a spreadsheet as numbers;
// SignedChange, which is display-only, writes U+2212 "−" to line up with "+".
// Values that are not finite print as Missing.
package locale

import "github.com/minhbach/minhbach/internal/model"

// Missing is printed for NaN and ±Inf instead of Go's "NaN" or "+Inf".
const Missing = "–" // U+2013 en dash

// isEN reports whether lang asks for English; everything else is Vietnamese.
func isEN(lang model.Lang) bool { return lang == model.EN }
