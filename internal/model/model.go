// Package model holds the domain types every stage shares: indicators,
// administrative units, targets and the observations of each snapshot. It
// has no I/O and no third-party imports.
package model

import (
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/period"
)

// Lang is a content language code ("vi", "en").
type Lang string

const (
	VI Lang = "vi"
	EN Lang = "en"
)

// Langs lists the languages every text is given in, default first.
var Langs = []Lang{VI, EN}

// Text is a string given in each language.
type Text struct {
	VI string `json:"vi"`
	EN string `json:"en"`
}

// In returns the text in lang, falling back to Vietnamese, the language
// every input must have.
func (t Text) In(lang Lang) string {
	if lang == EN && t.EN != "" {
		return t.EN
	}
	return t.VI
}

// Measure is what an indicator's values count.
type Measure string

const (
	Percent Measure = "percent" // 0–100, may carry numerator and denominator
	Count   Measure = "count"   // non-negative integer
	Number  Measure = "number"  // any real number (scores, ranks)
)

// Valid reports whether m is one of the known measures.
func (m Measure) Valid() bool { return m == Percent || m == Count || m == Number }

// Decimals is how many decimal places figures of m are published with, and
// so compared with their targets at: what the reader sees is what counts.
func (m Measure) Decimals() int {
	switch m {
	case Percent:
		return 1
	case Count:
		return 0
	}
	return 2
}

// Direction says which way is better.
type Direction string

const (
	Up   Direction = "up"
	Down Direction = "down"
)

// Valid reports whether d is one of the known directions.
func (d Direction) Valid() bool { return d == Up || d == Down }

// Better reports whether a is better than b in direction d.
func (d Direction) Better(a, b float64) bool {
	if d == Down {
		return a < b
	}
	return a > b
}

// Meets reports whether value reaches target in direction d.
func (d Direction) Meets(value, target float64) bool {
	if d == Down {
		return value <= target
	}
	return value >= target
}

// Indicator is one row of data/indicators.csv.
type Indicator struct {
	Code       string
	Group      string
	Name       Text
	Measure    Measure
	Direction  Direction
	Definition Text
	Source     Text
	At         diag.Origin
}

// Unit is an administrative unit or agency: one row of data/units.csv.
type Unit struct {
	Code   string
	Name   Text
	Kind   string // district, township, commune, agency…
	Parent string // empty for the top unit
	At     diag.Origin
}

// AllUnits is the unit code of a target that applies to every unit.
const AllUnits = "*"

// Target is one row of data/targets.csv: the value an indicator should
// reach by the end of Year, and the decision that set it.
type Target struct {
	Indicator string
	Unit      string // a unit code or AllUnits
	Year      int
	Value     float64
	Basis     Text
	At        diag.Origin
}

// Observation is one row of a snapshot. Value is nil when the figure is
// missing; it is never silently zero. For percents given only as
// numerator and denominator, the loader fills Value with their ratio.
type Observation struct {
	Period      period.Period
	Unit        string
	Indicator   string
	Value       *float64
	Numerator   *float64
	Denominator *float64
	Note        string
	Source      string
	At          diag.Origin // file and line of the row, and of each cell
}

// Snapshot is one data/snapshots/<period>.csv file.
type Snapshot struct {
	Period       period.Period
	File         string // path as given to the user, relative to the site
	Observations []Observation
}

// Dataset is everything read from data/, validated. NewIndex finds its
// units and indicators by code and walks its unit tree.
type Dataset struct {
	Indicators []Indicator // in file order
	Units      []Unit      // in file order; the top unit has no parent
	Targets    []Target
	Snapshots  []Snapshot // sorted by period
}
