package importer

// Pass one of a conversion: each row under the headings is classified
// (blank, group heading, total, unit, signature block) and each figure's
// cells are collected, before the decimal mark is known.

import (
	"slices"
	"strings"

	"github.com/minhbach/minhbach/internal/diag"
)

// pending is one figure found in pass one, before the decimal mark is
// known: a unit's (or a total row's) cells for one indicator.
type pending struct {
	total, grand bool
	scope        int // group of rows a subtotal covers
	unit         int // -1 for a total row
	unitCell     cell
	ind          int
	indCell      cell
	value        *cell
	num, den     *cell
	note         string
	noteCell     *cell
	noteOnly     bool // no figure, only a note: written as an empty figure
	src          string
	line         int
}

// group is the columns of one indicator in a wide table.
type group struct {
	ind                   int
	value, num, den, note int // column index or -1
}

func (im *importer) groups(t *table) []group {
	var out []group
	at := map[int]int{}
	for i, c := range t.cols {
		if c.ind < 0 {
			continue
		}
		k, ok := at[c.ind]
		if !ok {
			k = len(out)
			at[c.ind] = k
			out = append(out, group{ind: c.ind, value: -1, num: -1, den: -1, note: -1})
		}
		switch c.role {
		case rValue:
			out[k].value = i
		case rNum:
			out[k].num = i
		case rDen:
			out[k].den = i
		case rNote:
			out[k].note = i
		}
	}
	return out
}

// colsOf returns the columns with role r that belong to no indicator.
func colsOf(t *table, r role) []int {
	var out []int
	for i, c := range t.cols {
		if c.role == r && c.ind < 0 {
			out = append(out, i)
		}
	}
	return out
}

// rows is pass one: it classifies each row under the headings (blank,
// group heading, total, unit, footer), fills unit names down where that
// is safe and collects each figure's cells.
func (im *importer) rows(t *table) []pending {
	g := t.g
	unitCols, ignoreCols := colsOf(t, rUnit), colsOf(t, rIgnore)
	noteCols, srcCols := colsOf(t, rNote), colsOf(t, rSource)
	indCols := colsOf(t, rIndicator)
	figCols := append(append(colsOf(t, rValue), colsOf(t, rNum)...), colsOf(t, rDen)...)
	groups := im.groups(t)
	for _, gr := range groups {
		for _, i := range []int{gr.value, gr.num, gr.den} {
			if i >= 0 {
				figCols = append(figCols, i)
			}
		}
	}
	joinText := func(r row, cols []int) (string, *cell) {
		var parts []string
		var at *cell
		for _, i := range cols {
			c := g.get(r, i)
			if s := strings.Join(strings.Fields(c.text), " "); s != "" {
				parts = append(parts, s)
				if at == nil {
					at = &c
				}
			}
		}
		return strings.Join(parts, "; "), at
	}

	var out []pending
	last := -1 // unit of the block being read; -1 none, -2 a name that did not match
	// Why no name is filled down (when last is -1), and the cell of the
	// last name written, for the message of a row without one.
	stop, lastAt := stopStart, diag.Position{}
	scope := 0
	for _, r := range g.rows[min(t.first, len(g.rows)):] {
		if blank(r) {
			last, stop = -1, stopBlank
			continue
		}
		if im.footer(t, r) {
			break
		}
		unitText, unitCell := firstTextCell(g, r, unitCols)
		sttText, _ := firstTextCell(g, r, ignoreCols)
		label := unitText
		if label == "" {
			label = sttText
		}
		if label == "" {
			for _, c := range r.cells {
				if s := strings.TrimSpace(c.eff()); s != "" {
					label = s
					break
				}
			}
		}
		figures := false
		for _, i := range append(slices.Clone(figCols), indCols...) {
			if strings.TrimSpace(g.get(r, i).eff()) != "" {
				figures = true // a merged follower too: reported as merged-value
			}
		}
		for _, gr := range groups {
			if gr.note >= 0 && strings.TrimSpace(g.get(r, gr.note).eff()) != "" {
				figures = true // an indicator's own note, kept without a figure
			}
		}
		matched, _, _ := im.units.match(unitText)
		lk := labelKey(label)
		switch {
		case matched < 0 && totalRE.MatchString(lk):
			im.res.Totals++
			grand := !subtotalRE.MatchString(lk)
			out = append(out, im.figures(t, r, groups, indCols, pending{total: true, grand: grand, scope: scope, unit: -1, unitCell: unitCell, line: r.line})...)
			if !grand {
				scope++
			}
			last, stop = -1, stopTotal
			continue
		case matched < 0 && (groupRE.MatchString(unitText) || groupRE.MatchString(sttText) || (romanRE.MatchString(sttText) && !figures)):
			im.res.Groups++
			scope++
			last, stop = -1, stopGroup
			continue
		case !figures:
			if unitText != "" && matched < 0 {
				im.res.Groups++ // a heading without a numeral: "Khối xã"
				scope++
				last, stop = -1, stopGroup
			} else if matched >= 0 {
				last, lastAt = matched, g.at(unitCell) // a block's first row may hold only the name
			}
			continue
		}
		unit := matched
		filled := false
		switch {
		case unitText != "" && unitCell.follower && unitCell.text == "":
			filled = true // a merged cell: the name is written once for the block
		case unitText != "":
		case !t.wide && last != -1 && sttText == "":
			unit, filled = last, true
		default:
			im.add(im.noUnit(g.at(unitCell), t.wide, last, stop, lastAt, sttText != ""))
			continue
		}
		if unitText != "" && unit < 0 {
			_, cands, amb := im.units.match(unitText)
			switch {
			case amb && im.units.sharedCode(unitText):
				im.add(diag.Newf(g.at(unitCell), CodeUnitAmbiguous, "", clip(unitText), msgUnitDupCode, im.units.list(cands)))
			case amb:
				im.add(diag.Newf(g.at(unitCell), CodeUnitAmbiguous, "", clip(unitText), msgUnitAmbig, im.units.list(cands)))
			case len(cands) > 0:
				im.add(diag.Newf(g.at(unitCell), CodeUnitNotFound, "", clip(unitText), msgUnitNearBy, im.units.list(cands)))
			default:
				im.add(diag.Newf(g.at(unitCell), CodeUnitNotFound, "", clip(unitText), msgUnitNotFound))
			}
			last = -2
			continue
		}
		if unit == -2 {
			continue // the block's name was reported on its first row
		}
		last = unit
		if !filled {
			lastAt = g.at(unitCell)
		}
		note, noteAt := joinText(r, noteCols)
		src, _ := joinText(r, srcCols)
		ps := im.figures(t, r, groups, indCols, pending{unit: unit, unitCell: unitCell, scope: scope, note: note, noteCell: noteAt, src: src, line: r.line})
		if filled && len(ps) > 0 {
			im.res.Filled++
		}
		out = append(out, ps...)
	}
	return out
}

// figures collects the cells of each indicator on row r.
func (im *importer) figures(t *table, r row, groups []group, indCols []int, base pending) []pending {
	g := t.g
	ptr := func(i int) *cell {
		if i < 0 {
			return nil
		}
		c := g.get(r, i)
		return &c
	}
	one := func(cols []int) int {
		if len(cols) == 0 {
			return -1
		}
		return cols[0]
	}
	var out []pending
	if !t.wide {
		p := base
		p.value, p.num, p.den = ptr(one(colsOf(t, rValue))), ptr(one(colsOf(t, rNum))), ptr(one(colsOf(t, rDen)))
		// A row without a figure but with a note ("chưa báo cáo") is kept,
		// as an empty figure with its note, as "-" would be.
		p.noteOnly = allEmpty(p.value, p.num, p.den)
		if p.noteOnly && (p.note == "" || p.total) {
			return nil
		}
		var text string
		text, p.indCell = firstTextCell(g, r, indCols)
		if text == "" && p.noteOnly {
			return nil
		}
		if text == "" {
			im.add(diag.Newf(g.at(p.indCell), diag.CodeConstraint, "", "", msgNoIndicator))
			return nil
		}
		i, cands, amb := im.inds.match(text)
		if r, j := im.indicatorHeading(text); i < 0 && r == rValue {
			i = j
		}
		switch {
		case i >= 0:
		case amb && im.inds.sharedCode(text):
			im.add(diag.Newf(g.at(p.indCell), CodeIndicatorAmbig, "", clip(text), msgIndDupCode, im.inds.list(cands)))
			return nil
		case amb:
			im.add(diag.Newf(g.at(p.indCell), CodeIndicatorAmbig, "", clip(text), msgIndAmbig, im.inds.list(cands)))
			return nil
		case len(cands) > 0:
			im.add(diag.Newf(g.at(p.indCell), CodeIndicatorNotFound, "", clip(text), msgIndNearBy, im.inds.list(cands)))
			return nil
		default:
			im.add(diag.Newf(g.at(p.indCell), CodeIndicatorNotFound, "", clip(text), msgIndNotFound))
			return nil
		}
		p.ind = i
		return []pending{p}
	}
	for _, gr := range groups {
		p := base
		p.ind = gr.ind
		col := gr.value
		if col < 0 {
			col = max(gr.num, gr.den)
		}
		if col < 0 {
			continue // only a note column: reported by checkColumns
		}
		p.indCell = t.cols[col].label
		p.value, p.num, p.den = ptr(gr.value), ptr(gr.num), ptr(gr.den)
		own := false // a note of this indicator's own, not the row's
		if gr.note >= 0 {
			if s := strings.Join(strings.Fields(g.get(r, gr.note).text), " "); s != "" {
				p.note = joinNotes(s, p.note)
				p.noteCell = ptr(gr.note)
				own = true
			}
		}
		if p.noteOnly = allEmpty(p.value, p.num, p.den); p.noteOnly && (!own || p.total) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func firstTextCell(g *grid, r row, cols []int) (string, cell) {
	for _, i := range cols {
		c := g.get(r, i)
		if s := strings.TrimSpace(c.eff()); s != "" {
			return s, c
		}
	}
	if len(cols) > 0 {
		return "", g.get(r, cols[0])
	}
	return "", cell{line: r.line, col: 1}
}

func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// allEmpty reports whether none of the cells has text. A merged cell's
// follower counts as written: its value is the range's.
func allEmpty(cs ...*cell) bool {
	for _, c := range cs {
		if c != nil && strings.TrimSpace(c.eff()) != "" {
			return false
		}
	}
	return true
}

func blank(r row) bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c.text) != "" {
			return false
		}
	}
	return true
}

// Why a unit's name is not filled down onto a row without one.
const (
	stopStart = iota // no name above it in the table
	stopBlank        // a blank row above it ends the block
	stopGroup        // so does a group heading
	stopTotal        // and a total row
)

// noUnit is the problem of a row with figures and no unit name, saying
// why the name above it was not filled down and what to do. The message
// names no cell of its own row, so that the rows of one block give the
// same problem, reported once with their range.
func (im *importer) noUnit(at diag.Position, wide bool, last, stop int, lastAt diag.Position, stt bool) *diag.Error {
	switch {
	case wide:
		return diag.Newf(at, diag.CodeConstraint, "", "", msgNoUnitWide)
	case last >= 0 && stt:
		return diag.Newf(at, diag.CodeConstraint, "", "", msgNoUnitSTT, im.ds.Units[last].Name.VI, lastAt.String())
	case stop == stopBlank:
		return diag.Newf(at, diag.CodeConstraint, "", "", msgNoUnitBlank)
	case stop == stopGroup:
		return diag.Newf(at, diag.CodeConstraint, "", "", msgNoUnitGroup)
	case stop == stopTotal:
		return diag.Newf(at, diag.CodeConstraint, "", "", msgNoUnitTotal)
	}
	return diag.Newf(at, diag.CodeConstraint, "", "", msgNoUnit)
}
