// Package validate checks a model.Dataset for everything a single cell's
// syntax cannot show: codes that are safe to publish, required texts,
// values within their measure's range, references between files, unique
// keys, the unit tree and the snapshot periods.
//
// It reports every problem it finds, each at the cell it concerns, so that
// staff can fix a whole file in one pass. It works on any Dataset, not only
// one read by package load, so an importer is held to the same rules.
package validate

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/msg"
)

// Options tune the checks.
type Options struct {
	// Today is the build date: snapshots of a period that starts after it
	// are rejected. Zero skips the check (the clock is injected, never
	// read here).
	Today time.Time
}

// Files named in problems that concern a whole file and have no record to
// take a position from.
const (
	indicatorsFile = "data/indicators.csv"
	unitsFile      = "data/units.csv"
)

// Text limits, in characters: names are shown in headings and charts;
// other text (definitions, notes, bases) in paragraphs.
const (
	maxName = 500
	maxText = 5000
	maxCode = 64
)

// agreement is how far, in percentage points, a percent's value may be
// from 100 × numerator ÷ denominator: figures are rounded to one decimal.
const agreement = 0.05

// Dataset checks everything that needs more than one cell: code syntax,
// required texts, ranges, references between files, unique keys, the unit
// tree and the snapshot periods. The error joins *diag.Error values in
// file and position order.
func Dataset(ds *model.Dataset, opt Options) error {
	c := &checker{ds: ds, opt: opt, idx: model.NewIndex(ds)}
	c.indicators()
	c.units()
	c.targets()
	c.snapshots()
	c.periods()
	return c.errs.Err()
}

type checker struct {
	ds   *model.Dataset
	opt  Options
	errs diag.List
	// idx finds a record by code (the first with the code), without a
	// scan for each row of a snapshot.
	idx *model.Index
}

// add reports a problem at the cell col of a record.
func (c *checker) add(at diag.Origin, code, col, value string, m *msg.Message, args ...any) {
	c.errs.Add(diag.Newf(at.Cell(col), code, col, clip(value), m, args...))
}

// addP reports a problem, given as a Text, at the cell col of a record.
func (c *checker) addP(at diag.Origin, code, col, value string, t msg.Text) {
	c.errs.Add(diag.New(at.Cell(col), code, col, clip(value), t))
}

// clip shortens a value quoted in a message: a 1 MB cell must not become
// a 1 MB line of the report.
func clip(s string) string {
	const n = 60
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// isCode reports whether s is ^[A-Za-z0-9][A-Za-z0-9_-]*$. It is a loop
// rather than a regular expression: it runs on two cells of every row of
// every snapshot.
func isCode(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		case (b == '_' || b == '-') && i > 0:
		default:
			return false
		}
	}
	return s != ""
}

// reservedCode reports whether s is a device name that Windows refuses as
// a file name, whatever the extension: con, prn, aux, nul, com0 to com9 or
// lpt0 to lpt9, in any case. Codes become folder names of the site.
func reservedCode(s string) bool {
	switch len(s) {
	case 3:
		for _, w := range []string{"con", "prn", "aux", "nul"} {
			if strings.EqualFold(s, w) {
				return true
			}
		}
	case 4:
		p := s[:3]
		return (strings.EqualFold(p, "com") || strings.EqualFold(p, "lpt")) && '0' <= s[3] && s[3] <= '9'
	}
	return false
}

// codeProblem says why s cannot be a code, with the problem's code, or
// "" when it can. Codes become URL path segments and folder names, so
// they are plain ASCII; a code that would escape its folder or that
// Windows cannot store is unsafe-path rather than a plain constraint.
func codeProblem(s string) (string, msg.Text) {
	switch {
	case s == "":
		return diag.CodeConstraint, msgMissingCode.With()
	case strings.TrimSpace(s) != s:
		return diag.CodeConstraint, msgSpaces.With()
	case strings.ContainsAny(s, `/\`) || strings.Contains(s, ".."):
		return diag.CodeUnsafePath, msgUnsafePath.With()
	case utf8.RuneCountInString(s) > maxCode:
		return diag.CodeConstraint, msgCodeTooLong.With(maxCode)
	case !isCode(s):
		return diag.CodeConstraint, msgBadCode.With()
	case reservedCode(s):
		return diag.CodeUnsafePath, msgReserved.With()
	}
	return "", msg.Text{}
}

// code checks a code cell and reports whether it is well formed, so that
// references are only looked up for codes that could exist.
func (c *checker) code(at diag.Origin, col, s string) bool {
	if code, why := codeProblem(s); code != "" {
		c.addP(at, code, col, s, why)
		return false
	}
	return true
}

// text checks a text's length and, when missing is not zero, that it is
// given: missing is then the message for an empty cell.
func (c *checker) text(at diag.Origin, col, s string, limit int, missing msg.Text) {
	if s == "" && !missing.IsZero() {
		c.addP(at, diag.CodeConstraint, col, s, missing)
		return
	}
	if n := utf8.RuneCountInString(s); n > limit {
		c.add(at, diag.CodeConstraint, col, s, msgTooLong, n, limit)
	}
}

// optional is the missing message of a text that may be empty.
var optional msg.Text

// keys finds duplicate codes, exact or differing only in case. Codes that
// differ only in case would be one folder on Windows and macOS and are
// easily mistaken, so they collide too. Exact duplicates are the records
// the index does not find by their code.
type keys struct {
	what string // "indicator", "unit"
	fold map[string]keyOwner
}

type keyOwner struct {
	code string
	at   diag.Origin
}

func newKeys(what string) *keys {
	return &keys{what: what, fold: map[string]keyOwner{}}
}

// check checks the code of the record whose origin is at; first is the
// origin of the first record with the code, the one the index finds.
// Both point into the dataset, so the record is a duplicate exactly when
// they differ.
func (k *keys) check(c *checker, at *diag.Origin, col, code string, first *diag.Origin) {
	if prev := first; prev != at {
		if k.what == "indicator" {
			c.add(*at, diag.CodePrimaryKey, col, code, msgDupIndicator, prev.Row.Line)
		} else {
			c.add(*at, diag.CodePrimaryKey, col, code, msgDupUnit, prev.Row.Line)
		}
		return
	}
	f := strings.ToLower(code)
	if prev, ok := k.fold[f]; ok {
		c.add(*at, diag.CodeSlugCollide, col, code,
			msgDupFolded, prev.code, prev.at.Row.Line)
		return
	}
	k.fold[f] = keyOwner{code, *at}
}

func (c *checker) indicators() {
	seen := newKeys("indicator")
	for i := range c.ds.Indicators {
		ind := &c.ds.Indicators[i]
		at := ind.At
		if c.code(at, "code", ind.Code) {
			first, _ := c.idx.Indicator(ind.Code)
			seen.check(c, &ind.At, "code", ind.Code, &first.At)
		}
		if ind.Group == "" {
			c.add(at, diag.CodeConstraint, "group", "", msgMissingGroup)
		} else {
			c.code(at, "group", ind.Group)
		}
		c.text(at, "name_vi", ind.Name.VI, maxName, msgMissingName.With())
		c.text(at, "name_en", ind.Name.EN, maxName, optional)
		c.text(at, "definition_vi", ind.Definition.VI, maxText, optional)
		c.text(at, "definition_en", ind.Definition.EN, maxText, optional)
		c.text(at, "source_vi", ind.Source.VI, maxText, optional)
		c.text(at, "source_en", ind.Source.EN, maxText, optional)
		if m := string(ind.Measure); !ind.Measure.Valid() {
			if w := nearMiss(m, "percent", "count", "number"); w != "" {
				c.add(at, diag.CodeConstraint, "unit", m, msgMeasureNear, w)
			} else {
				c.add(at, diag.CodeConstraint, "unit", m, msgMeasure)
			}
		}
		if d := string(ind.Direction); !ind.Direction.Valid() {
			if w := nearMiss(d, "up", "down"); w != "" {
				c.add(at, diag.CodeConstraint, "direction", d, msgDirectionNear, w)
			} else {
				c.add(at, diag.CodeConstraint, "direction", d, msgDirection)
			}
		}
	}
}

// nearMiss finds the word of a list that s differs from only by case or
// spaces, the near misses people make; "" when there is none.
func nearMiss(s string, words ...string) string {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, w := range words {
		if t == w {
			return w
		}
	}
	return ""
}

func (c *checker) units() {
	seen := newKeys("unit")
	var top *model.Unit
	for i := range c.ds.Units {
		u := &c.ds.Units[i]
		if c.code(u.At, "code", u.Code) {
			first, _ := c.idx.Unit(u.Code)
			seen.check(c, &u.At, "code", u.Code, &first.At)
		}
		c.text(u.At, "name_vi", u.Name.VI, maxName, msgMissingName.With())
		c.text(u.At, "name_en", u.Name.EN, maxName, optional)
		c.text(u.At, "kind", u.Kind, maxName, optional)
		switch {
		case u.Parent == "" && top == nil:
			top = u
		case u.Parent == "":
			c.add(u.At, diag.CodeConstraint, "parent", "",
				msgSecondTop, top.Code, top.At.Row.Line)
		case c.code(u.At, "parent", u.Parent):
			if !c.hasUnit(u.Parent) {
				c.add(u.At, diag.CodeForeignKey, "parent", u.Parent, msgUnknownParent, unitsFile)
			}
		}
	}
	// No units at all is the loader's to report: it knows why (a missing
	// or empty file).
	if top == nil && len(c.ds.Units) > 0 {
		c.errs.Add(diag.Newf(diag.Position{File: fileOf(c.ds.Units[0].At, unitsFile)}, diag.CodeConstraint, "", "",
			msgNoTop))
	}
	c.cycles()
}

func (c *checker) hasUnit(code string) bool { _, ok := c.idx.Unit(code); return ok }

func fileOf(at diag.Origin, fallback string) string {
	if at.Row.File != "" {
		return at.Row.File
	}
	return fallback
}

// cycles reports units whose parent chain loops instead of reaching the
// top unit, once per loop, at the loop's first unit in the file.
func (c *checker) cycles() {
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]int, len(c.ds.Units))
	for start := range c.ds.Units {
		var path []int
		i := start
		for {
			if state[i] == done {
				break
			}
			if state[i] == onPath {
				c.reportCycle(path, i)
				break
			}
			state[i] = onPath
			path = append(path, i)
			next, ok := c.idx.UnitPos(c.ds.Units[i].Parent)
			if !ok || c.ds.Units[i].Parent == "" {
				break
			}
			i = next
		}
		for _, j := range path {
			state[j] = done
		}
	}
}

func (c *checker) reportCycle(path []int, from int) {
	var loop []int
	for k, j := range path {
		if j == from {
			loop = path[k:]
			break
		}
	}
	first := 0
	for k, j := range loop {
		if c.ds.Units[j].At.Row.Compare(c.ds.Units[loop[first]].At.Row) < 0 {
			first = k
		}
	}
	names := make([]string, 0, len(loop)+1)
	for k := range len(loop) + 1 {
		names = append(names, c.ds.Units[loop[(first+k)%len(loop)]].Code)
	}
	u := c.ds.Units[loop[first]]
	c.add(u.At, diag.CodeConstraint, "parent", u.Parent,
		msgLoop, strings.Join(names, " → "))
}

func (c *checker) targets() {
	type key struct {
		ind, unit string
		year      int
	}
	seen := map[key]diag.Origin{}
	for _, t := range c.ds.Targets {
		at := t.At
		ind, indOK := c.indicator(at, "indicator", t.Indicator)
		if t.Unit != model.AllUnits {
			c.unit(at, "unit", t.Unit)
		}
		if t.Year < 1900 || t.Year > 2200 {
			c.add(at, diag.CodeConstraint, "year", strconv.Itoa(t.Year), msgYearRange)
		}
		if indOK {
			c.value(at, "value", t.Value, ind)
		}
		c.text(at, "basis_vi", t.Basis.VI, maxText, msgMissingBasis.With())
		c.text(at, "basis_en", t.Basis.EN, maxText, optional)
		k := key{t.Indicator, t.Unit, t.Year}
		if prev, ok := seen[k]; ok {
			c.errs.Add(diag.Newf(at.Row, diag.CodePrimaryKey, "", "",
				msgDupTarget, t.Indicator, t.Unit, t.Year, prev.Row.Line))
			continue
		}
		seen[k] = at
	}
}

// indicator checks a reference to an indicator and returns it when found.
func (c *checker) indicator(at diag.Origin, col, code string) (*model.Indicator, bool) {
	if !c.code(at, col, code) {
		return nil, false
	}
	ind, ok := c.idx.Indicator(code)
	if !ok && len(c.ds.Indicators) > 0 { // no indicators at all is reported on its own
		c.add(at, diag.CodeForeignKey, col, code, msgUnknownIndicator, indicatorsFile)
	}
	return ind, ok
}

func (c *checker) unit(at diag.Origin, col, code string) {
	if !c.code(at, col, code) {
		return
	}
	if !c.hasUnit(code) && len(c.ds.Units) > 0 {
		c.add(at, diag.CodeForeignKey, col, code, msgUnknownUnit, unitsFile)
	}
}

// value checks v against the range of ind's measure.
func (c *checker) value(at diag.Origin, col string, v float64, ind *model.Indicator) {
	switch ind.Measure {
	case model.Percent:
		if v < 0 || v > 100 {
			c.add(at, diag.CodeConstraint, col, format(v), msgPercentRange, ind.Code)
		}
	case model.Count:
		if v < 0 || v != math.Trunc(v) {
			s := format(v)
			if thousands := strings.ReplaceAll(s, ".", ""); v >= 1 && len(s)-strings.IndexByte(s, '.') == 4 {
				c.add(at, diag.CodeConstraint, col, s,
					msgNotCountDot, ind.Code, strings.TrimLeft(thousands, "0"))
				break
			}
			c.add(at, diag.CodeConstraint, col, s, msgNotCount, ind.Code)
		}
	}
}

// format writes a number as the loader reads it, without exponent.
func format(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func (c *checker) snapshots() {
	// A row's unit and indicator are numbered, so that the key that finds
	// a second row for the pair is one small integer rather than two
	// strings: a snapshot can have a million rows.
	units, indicators := numbering{}, numbering{}
	for _, s := range c.ds.Snapshots {
		seen := make(map[uint64]int, len(s.Observations)) // line of the first row of each pair
		for i := range s.Observations {
			o := &s.Observations[i]
			at := o.At
			c.unit(at, "unit", o.Unit)
			ind, indOK := c.indicator(at, "indicator", o.Indicator)
			c.text(at, "note", o.Note, maxText, optional)
			c.text(at, "source", o.Source, maxText, optional)
			k := uint64(units.of(o.Unit))<<32 | uint64(indicators.of(o.Indicator))
			if line, ok := seen[k]; ok {
				c.errs.Add(diag.Newf(at.Row, diag.CodePrimaryKey, "", "",
					msgDupRow, o.Unit, o.Indicator, line))
			} else {
				seen[k] = at.Row.Line
			}
			if indOK {
				c.observation(o, ind)
			}
		}
	}
}

// numbering gives each code a number, in the order they come.
type numbering map[string]uint32

func (n numbering) of(code string) uint32 {
	id, ok := n[code]
	if !ok {
		id = uint32(len(n))
		n[code] = id
	}
	return id
}

// observation checks a row's figures against its indicator.
func (c *checker) observation(o *model.Observation, ind *model.Indicator) {
	at := o.At
	if !ind.Measure.Valid() {
		return // reported on the indicator
	}
	if o.Numerator != nil || o.Denominator != nil {
		if !c.ratio(o, ind) {
			return // the value would only repeat the ratio's problem
		}
	}
	if o.Value != nil {
		c.value(at, "value", *o.Value, ind)
	}
}

// ratio checks numerator and denominator and, when all three figures are
// given, that they agree. It returns false when the pair is unusable.
func (c *checker) ratio(o *model.Observation, ind *model.Indicator) bool {
	at, num, den := o.At, o.Numerator, o.Denominator
	switch {
	case ind.Measure != model.Percent:
		col, v := "numerator", num
		if num == nil {
			col, v = "denominator", den
		}
		c.add(at, diag.CodeRow, col, format(*v),
			msgRatioNotPercent, ind.Code, string(ind.Measure))
		return true // the value is still checked on its own
	case den == nil:
		c.add(at, diag.CodeRow, "numerator", format(*num), msgNoDenominator)
		return false
	case num == nil:
		c.add(at, diag.CodeRow, "denominator", format(*den), msgNoNumerator)
		return false
	case *den <= 0:
		c.add(at, diag.CodeRow, "denominator", format(*den), msgZeroDenominator)
		return false
	case *num < 0:
		c.add(at, diag.CodeRow, "numerator", format(*num), msgNegativeNumerator)
		return false
	case *num > *den:
		c.add(at, diag.CodeRow, "numerator", format(*num),
			msgPartOverWhole, format(*den))
		return false
	}
	if o.Value != nil {
		want := 100 * *num / *den
		if math.Abs(*o.Value-want) > agreement {
			c.add(at, diag.CodeRow, "value", format(*o.Value),
				msgRatioMismatch, format(*num), format(*den), format(decimal.Round(want, 2)))
			return false
		}
	}
	return true
}

// periods checks the snapshot files as a set: no two may cover the same
// days, and none may be for a period that has not begun.
func (c *checker) periods() {
	snaps := c.ds.Snapshots
	for j := range snaps {
		for i := range j {
			if snaps[i].Period.Overlaps(snaps[j].Period) {
				c.errs.Add(diag.Newf(diag.Position{File: snaps[j].File}, diag.CodeOverlap, "", "",
					msgOverlap, snaps[j].Period.String(), snaps[i].File, snaps[i].Period.String()))
			}
		}
	}
	if c.opt.Today.IsZero() {
		return
	}
	y, m, d := c.opt.Today.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	for _, s := range snaps {
		if start := s.Period.Start(); start.After(today) {
			c.errs.Add(diag.Newf(diag.Position{File: s.File}, diag.CodeConstraint, "", "",
				msgNotStarted, s.Period.String(), locale.Day(start), locale.Day(today)))
		}
	}
}
