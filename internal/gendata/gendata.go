// Package gendata generates synthetic minhbach sites, for tests and
// benchmarks: data/indicators.csv, data/units.csv, data/targets.csv, one
// data/snapshots/<quarter>.csv per quarter and a hugo.toml, all valid for
// minhbach check. It can also write the same figures in the long format of
// the plain-Hugo benchmark (observations.csv, indicators.csv, units.csv),
// so that both tools build from the same numbers.
//
// The output depends only on the Options: figures come from a PCG
// generator seeded with Options.Seed, every list is written in a fixed
// order, and no clock is read. Quarters end at 2024-Q4 (2026-Q3 for the
// national size), so no period of a generated site lies in the future.
//
// The figures follow the plain-Hugo benchmark's gen_data.py: each percent
// starts at 15–60% of its target and moves towards it unit by unit, with
// noise; numerators and denominators come from a unit size of 40 to 2,500.
// Some indicators are counts or numbers instead, about 2% of figures are
// missing (an empty row with a note), and about 28% of percents are given
// as numerator and denominator only.
package gendata

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Size names a preset site.
type Size string

// The presets: 1x is gen_data.py's default (30 indicators, 24 units, 12
// quarters); the 10x sizes multiply one dimension by ten; national is Viet
// Nam after the 2025 reform, 34 provinces and 3,321 communes.
const (
	Size1x            Size = "1x"
	Size10xIndicators Size = "10x-indicators"
	Size10xUnits      Size = "10x-units"
	SizeNational      Size = "national"
)

// Sizes lists the presets.
func Sizes() []Size { return []Size{Size1x, Size10xIndicators, Size10xUnits, SizeNational} }

// Options choose the site.
type Options struct {
	Size     Size
	Seed     uint64
	Quarters int // 0: the size's default, 12 (national 20)
}

// MaxQuarters bounds Options.Quarters: fifty years of quarters.
const MaxQuarters = 200

// National counts.
const (
	NationalProvinces = 34
	NationalCommunes  = 3321
)

// shape is what a size means.
type shape struct {
	indicators int
	units      int // reporting units (communes)
	quarters   int // default
	last       int // last quarter, as year*4 + quarter - 1
	national   bool
}

func (o Options) shape() (shape, error) {
	var s shape
	switch o.Size {
	case Size1x:
		s = shape{indicators: 30, units: 24, quarters: 12}
	case Size10xIndicators:
		s = shape{indicators: 300, units: 24, quarters: 12}
	case Size10xUnits:
		s = shape{indicators: 30, units: 240, quarters: 12}
	case SizeNational:
		s = shape{indicators: 20, units: NationalCommunes, quarters: 20, national: true}
	default:
		names := make([]string, 0, 4)
		for _, z := range Sizes() {
			names = append(names, string(z))
		}
		return s, fmt.Errorf("unknown size %q: use one of %s", o.Size, strings.Join(names, ", "))
	}
	// gen_data.py's periods run from 2022-Q1; the national site ends with
	// the last quarter that has begun by the end of 2026-Q3.
	s.last = 2024*4 + 3
	if s.national {
		s.last = 2026*4 + 2
	}
	switch {
	case o.Quarters < 0 || o.Quarters > MaxQuarters:
		return s, fmt.Errorf("quarters: %d: give 1 to %d (0 for the size's default)", o.Quarters, MaxQuarters)
	case o.Quarters > 0:
		s.quarters = o.Quarters
	}
	return s, nil
}

// Indicator is a row of data/indicators.csv.
type Indicator struct {
	Code, Group, NameVI, NameEN, Measure, Direction string
	DefinitionVI, DefinitionEN                      string
	target                                          float64 // where percents head; < 0 none
}

// Unit is a row of data/units.csv.
type Unit struct {
	Code, NameVI, NameEN, Kind, Parent string
	office                             string // the source column of its rows; "" if it does not report
}

// Target is a row of data/targets.csv.
type Target struct {
	Indicator, Unit  string
	Year             int
	Value            float64
	BasisVI, BasisEN string
}

// How a figure is written.
const (
	formAll     uint8 = iota // value, numerator and denominator (or just the value)
	formRatio                // numerator and denominator only
	formMissing              // no figure: an empty row with a note
)

// cell is one figure: a percent's numerator and denominator, or a value.
type cell struct {
	value    float64
	num, den int32
	form     uint8
	estimate bool // noted as an estimate
}

// Site is a generated site, held in memory until written.
type Site struct {
	Options    Options // as given, with Quarters resolved
	Indicators []Indicator
	Units      []Unit // the top unit first, parents before children
	Periods    []string
	Targets    []Target

	reporters []int  // indices in Units of the units that report, in order
	cells     []cell // [period][reporter][indicator]
}

// Reporters is the number of units that report figures.
func (s *Site) Reporters() int { return len(s.reporters) }

// Rows is the number of snapshot rows, over every period.
func (s *Site) Rows() int { return len(s.cells) }

func (s *Site) cell(p, r, i int) *cell {
	return &s.cells[(p*len(s.reporters)+r)*len(s.Indicators)+i]
}

// Generate makes the site described by opt.
func Generate(opt Options) (*Site, error) {
	sh, err := opt.shape()
	if err != nil {
		return nil, err
	}
	opt.Quarters = sh.quarters
	s := &Site{Options: opt}
	s.indicators(sh.indicators)
	if sh.national {
		s.nationalUnits()
	} else {
		s.districtUnits(sh.units)
	}
	for q := sh.last - sh.quarters + 1; q <= sh.last; q++ {
		s.Periods = append(s.Periods, fmt.Sprintf("%d-Q%d", q/4, q%4+1))
	}
	s.targets(sh.last/4 + 1)
	s.figures()
	return s, nil
}

// indicators makes n indicators: every sixth a count or number, the others
// percents in gen_data.py's order, with "(nhóm k)" after a name when the
// list comes round again.
func (s *Site) indicators(n int) {
	np, no := 0, 0
	for i := range n {
		ind := Indicator{Code: fmt.Sprintf("CD%03d", i+1), Direction: "up"}
		var round int
		if i%6 == 5 {
			k := others[no%len(others)]
			round = no / len(others)
			no++
			ind.NameVI, ind.NameEN, ind.Group = k.vi, k.en, k.group
			ind.Measure, ind.Direction, ind.target = k.measure, k.direction, k.target
			ind.DefinitionVI, ind.DefinitionEN = definitionCountVI, definitionCountEN
			if k.measure == "number" {
				ind.DefinitionVI, ind.DefinitionEN = definitionNumberVI, definitionNumberEN
			}
		} else {
			k := percents[np%len(percents)]
			round = np / len(percents)
			np++
			ind.NameVI, ind.NameEN, ind.Group = k.vi, k.en, k.group
			ind.Measure, ind.target = "percent", k.target
			ind.DefinitionVI, ind.DefinitionEN = definitionPercentVI, definitionPercentEN
		}
		if round > 0 {
			ind.NameVI += fmt.Sprintf(" (nhóm %d)", round+1)
			ind.NameEN += fmt.Sprintf(" (group %d)", round+1)
		}
		s.Indicators = append(s.Indicators, ind)
	}
}

// reporter adds a unit that reports figures.
func (s *Site) reporter(code, name string, k unitKind, parent string) {
	s.reporters = append(s.reporters, len(s.Units))
	s.Units = append(s.Units, Unit{
		Code: code, NameVI: k.prefix + " " + name, NameEN: name + " " + k.en, Kind: k.kind, Parent: parent,
		office: k.office + " " + name,
	})
}

// districtUnits makes one district and n communes, wards and townships
// under it, named as gen_data.py names them.
func (s *Site) districtUnits(n int) {
	const top = "900"
	s.Units = append(s.Units, Unit{Code: top, NameVI: "Huyện Mô Phỏng", NameEN: "Mô Phỏng district", Kind: "district"})
	for u := range n {
		name := places[u%len(places)]
		if u >= len(places) {
			name += " " + suffixes[(u/len(places))%len(suffixes)]
		}
		if u >= len(places)*(len(suffixes)+1) {
			name += " " + strconv.Itoa(u)
		}
		k := commune
		switch {
		case u%6 == 0:
			k = ward
		case u%11 == 0:
			k = township
		}
		s.reporter(fmt.Sprintf("%05d", 20000+3*u), name, k, top)
	}
}

// nationalUnits makes Viet Nam, its 34 provinces and 3,321 communes and
// wards, shared out evenly between the provinces.
func (s *Site) nationalUnits() {
	const top = "VN"
	s.Units = append(s.Units, Unit{Code: top, NameVI: "Việt Nam", NameEN: "Viet Nam", Kind: "country"})
	for p := range NationalProvinces {
		name := places[(p*7)%len(places)] + " " + suffixes[p%len(suffixes)]
		s.Units = append(s.Units, Unit{Code: fmt.Sprintf("%02d", p+1), NameVI: "Tỉnh " + name, NameEN: name + " province", Kind: "province", Parent: top})
	}
	c := 0
	for p := range NationalProvinces {
		n := NationalCommunes / NationalProvinces
		if p < NationalCommunes%NationalProvinces {
			n++
		}
		for j := range n {
			name := places[j%len(places)]
			if j >= len(places) {
				name += " " + suffixes[(j/len(places))%len(suffixes)]
			}
			k := commune
			if c%6 == 0 {
				k = ward
			}
			s.reporter(fmt.Sprintf("%05d", 3*c+1), name, k, fmt.Sprintf("%02d", p+1))
			c++
		}
	}
}

// targets sets a target for two percents in three, due by the year after
// the last period, a later one for every fourth, and one for a single
// unit; counts and numbers that must fall get a ceiling.
func (s *Site) targets(year int) {
	later := max(2030, year+3)
	for i, ind := range s.Indicators {
		b := bases[i%len(bases)]
		en := ""
		if i%2 == 0 {
			en = b.en
		}
		add := func(unit string, year int, v float64) {
			s.Targets = append(s.Targets, Target{Indicator: ind.Code, Unit: unit, Year: year, Value: v, BasisVI: b.vi, BasisEN: en})
		}
		switch {
		case ind.target < 0:
		case ind.Measure != "percent":
			add("*", year, ind.target)
		case i%3 != 2:
			add("*", year, ind.target)
			if i%4 == 0 {
				add("*", later, math.Min(100, ind.target+10))
			}
			if i == 0 {
				add(s.Units[s.reporters[0]].Code, year, math.Min(100, ind.target+5))
			}
		}
	}
}

// figures draws every figure. The values come from one stream, drawn in
// gen_data.py's order (indicator, unit, period); how each is written
// (missing, numerator and denominator only, noted as an estimate) from a
// second, so that the values do not depend on it.
func (s *Site) figures() {
	seed := s.Options.Seed
	val := rand.New(rand.NewPCG(seed, 0x6d696e6862616368)) // "minhbach"
	form := rand.New(rand.NewPCG(seed, 0x67656e64617461))  // "gendata"
	uniform := func(a, b float64) float64 { return a + (b-a)*val.Float64() }
	nq, nr := len(s.Periods), len(s.reporters)
	s.cells = make([]cell, len(s.Periods)*nr*len(s.Indicators))
	for i, ind := range s.Indicators {
		var start float64
		if ind.Measure == "percent" {
			start = uniform(0.15, 0.6) * ind.target
		}
		for r := range nr {
			switch {
			case ind.Measure == "percent":
				level := math.Max(1, start*uniform(0.6, 1.3))
				slope := uniform(0, (ind.target-start)/float64(max(1, nq))*1.6)
				size := float64(40 + val.IntN(2461))
				for p := range nq {
					share := min(100, max(0, level+slope*float64(p)+3*val.NormFloat64()))
					den := max(1, int32(size*uniform(0.8, 1.25)))
					num := int32(math.Round(float64(den) * share / 100))
					*s.cell(p, r, i) = cell{num: num, den: den}
				}
			case ind.Measure == "number": // days, falling
				level, slope := uniform(4, 15), uniform(0, 0.25)
				for p := range nq {
					v := math.Max(0.5, level-slope*float64(p)+0.4*val.NormFloat64())
					*s.cell(p, r, i) = cell{value: math.Round(10*v) / 10}
				}
			case ind.Direction == "down":
				base, fall := float64(1+val.IntN(30)), uniform(0, 0.08)
				for p := range nq {
					v := math.Max(0, base*(1-fall*float64(p))) + math.Sqrt(base)/2*val.NormFloat64()
					*s.cell(p, r, i) = cell{value: math.Max(0, math.Round(v))}
				}
			default:
				base, growth := float64(20+val.IntN(400)), uniform(0, 0.06)
				for p := range nq {
					v := base*(1+growth*float64(p)) + math.Sqrt(base)*val.NormFloat64()
					*s.cell(p, r, i) = cell{value: math.Max(0, math.Round(v))}
				}
			}
		}
	}
	for k := range s.cells {
		c := &s.cells[k]
		x := form.Float64()
		switch {
		case x < 0.02:
			c.form = formMissing
		case x < 0.30 && c.den > 0:
			c.form = formRatio
		}
		c.estimate = c.form != formMissing && form.Float64() < 0.01
	}
}
