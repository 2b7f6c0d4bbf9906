package importer

// Pass two of a conversion: each figure's cells, read with the file's
// mark, become a record of the snapshot, or a problem at the cell.

import (
	"slices"
	"strings"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
)

// record is one row of the snapshot, with where each of its cells came
// from in the input.
type record struct {
	unit, ind       int
	scope           int
	value, num, den *float64
	note, src       string
	pos             map[string]diag.Position // by snapshot column
	// origin is the input cell the record came from: its first figure's,
	// else its unit's. The snapshot's source column cites it, and a
	// problem with no cell of its own is reported there.
	origin diag.Position
	// text is each figure's cell as written, for messages: "1.234,5",
	// not the 1234.5 written to the snapshot.
	text map[string]string
	// kept marks a row of the period's snapshot already there: src is
	// its source column, written as it is.
	kept bool
}

type fraction struct {
	v    float64
	pos  diag.Position
	text string
}

// convert is pass two: it reads every figure with the file's mark, checks
// total rows against the units above them, and returns the records.
func (im *importer) convert(g *grid, ps []pending) []record {
	var recs []record
	var totals []record
	var totalAt []pending
	plain := map[int][]fraction{} // percent values written without %, per indicator
	for _, p := range ps {
		ind := im.ds.Indicators[p.ind]
		rec := record{unit: p.unit, ind: p.ind, scope: p.scope, note: p.note, src: p.src, pos: map[string]diag.Position{
			"unit": g.at(p.unitCell), "indicator": g.at(p.indCell),
		}, text: map[string]string{}}
		if p.noteCell != nil {
			rec.pos["note"] = g.at(*p.noteCell)
		}
		has := false
		if p.value != nil && p.value.date {
			im.add(diag.Newf(g.at(*p.value), diag.CodeType, "value", p.value.text, msgDateCell, p.value.text))
		} else if p.value != nil && !mergedFollower(p.value, p.total) {
			rec.pos["value"] = g.at(*p.value)
			t := im.tok(p.value)
			if t.kind != kEmpty || p.noteOnly {
				// An empty value cell is not where a figure given as
				// numerator and denominator came from.
				rec.origin = g.at(*p.value)
			}
			rec.written("value", p.value)
			ok := im.value(g, p, ind, t, &rec, plain)
			has = has || ok
		} else if p.value != nil {
			im.add(diag.Newf(g.at(*p.value), CodeMergedValue, "", clip(p.value.mergedVal), msgMergedValue))
		}
		for _, part := range []struct {
			c     *cell
			field string
			dst   **float64
		}{{p.num, "numerator", &rec.num}, {p.den, "denominator", &rec.den}} {
			if part.c == nil {
				continue
			}
			if part.c.date {
				im.add(diag.Newf(g.at(*part.c), diag.CodeType, part.field, part.c.text, msgDateCell, part.c.text))
				continue
			}
			if mergedFollower(part.c, p.total) {
				im.add(diag.Newf(g.at(*part.c), CodeMergedValue, part.field, clip(part.c.mergedVal), msgMergedValue))
				continue
			}
			t := im.tok(part.c)
			if t.kind == kEmpty {
				continue
			}
			rec.pos[part.field] = g.at(*part.c)
			rec.written(part.field, part.c)
			if rec.origin == (diag.Position{}) {
				rec.origin = g.at(*part.c)
			}
			switch t.kind {
			case kMissing:
				has = true
			case kNumber:
				if *part.dst != nil {
					im.add(diag.Newf(g.at(*part.c), diag.CodeRow, part.field, clip(part.c.text), msgRatioAndCols))
					continue
				}
				v := t.v
				*part.dst = &v
				has = true
			default:
				if e := controlChar(g.at(*part.c), part.field, part.c.text); e != nil {
					im.add(e)
				} else {
					im.add(diag.Newf(g.at(*part.c), diag.CodeType, part.field, clip(part.c.text), msgNotCount))
				}
			}
		}
		if !has && !p.noteOnly {
			continue
		}
		if rec.origin == (diag.Position{}) {
			rec.origin = g.at(p.unitCell)
		}
		if p.total {
			totals = append(totals, rec)
			totalAt = append(totalAt, p)
			continue
		}
		recs = append(recs, rec)
	}
	im.checkFractions(plain)
	im.checkTotals(recs, totals, totalAt)
	return recs
}

// mergedFollower reports a figure cell of a unit's row covered by a
// merged range that starts on another row: one figure shown for several
// units, which import does not copy ("-" merged down is kept: no figure
// for any of them).
func mergedFollower(c *cell, total bool) bool {
	return c.follower && c.text == "" && c.mergedVal != "" && !total && !isMissing(c.mergedVal)
}

func isMissing(s string) bool {
	k, _ := lex(s)
	return k == kMissing
}

// value reads a value cell into rec; it reports whether the cell gave
// anything to write (a figure, or an explicit "no figure").
func (im *importer) value(g *grid, p pending, ind model.Indicator, t token, rec *record, plain map[int][]fraction) bool {
	c := *p.value
	pos := g.at(c)
	text := clip(c.eff())
	switch t.kind {
	case kEmpty:
		return false
	case kMissing:
		return true
	case kNumber:
		v := t.v
		if ind.Measure == model.Percent && !c.pct {
			if im.opt.Fraction {
				if v < 0 || v > 1 {
					im.add(diag.Newf(pos, diag.CodeConstraint, "value", text, msgNotFraction, format(v)))
					return false
				}
				v = excel(v * 100)
			} else if !p.total {
				plain[p.ind] = append(plain[p.ind], fraction{v, pos, text})
			}
		}
		rec.value = &v
		return true
	case kPercent:
		if ind.Measure != model.Percent {
			im.add(diag.Newf(pos, diag.CodeType, "value", text, msgPercentSign, ind.Code, string(ind.Measure)))
			return false
		}
		v := t.v
		rec.value = &v
		return true
	case kRatio:
		if ind.Measure != model.Percent {
			im.add(diag.Newf(pos, diag.CodeType, "value", text, msgRatioNotPct, ind.Code, string(ind.Measure)))
			return false
		}
		if !allEmpty(p.num, p.den) {
			im.add(diag.Newf(pos, diag.CodeRow, "value", text, msgRatioAndCols))
			return false
		}
		n, d := t.num, t.den
		rec.num, rec.den = &n, &d
		rec.pos["numerator"], rec.pos["denominator"] = pos, pos
		rec.written("numerator", &c)
		rec.written("denominator", &c)
		return true
	case kText:
		if im.opt.KeepText && !p.total {
			rec.note = joinNotes(strings.Join(strings.Fields(c.eff()), " "), rec.note)
			rec.pos["note"] = pos
			return true
		}
		im.add(diag.Newf(pos, CodeQualitative, "value", text, msgQualitative))
		return false
	default:
		if e := controlChar(pos, "value", c.eff()); e != nil {
			im.add(e)
			return false
		}
		im.add(diag.Newf(pos, diag.CodeType, "value", text, msgNotNumber, im.numberHint()))
		return false
	}
}

// written keeps the text of a figure's cell as written in a text file or
// a workbook's text cell (a workbook number is shown as its figure).
func (r *record) written(field string, c *cell) {
	if c != nil && !c.num {
		r.text[field] = clip(c.eff())
	}
}

// controlChar reports a cell with a control character, which Excel does
// not show: the cell looks like a figure there, so "not a number" alone
// would not help.
func controlChar(pos diag.Position, field, s string) *diag.Error {
	why := load.Forbidden(s)
	if why.IsZero() {
		return nil
	}
	value := s
	if r := []rune(s); len(r) > 60 {
		value = string(r[:60]) + "…"
	}
	return diag.New(pos, diag.CodeForbidden, field, value, why)
}

// checkFractions reports the percents written without % that lie
// strictly between 0 and 1: 0,9 is more likely 90% than 0.9%, and import
// does not guess, even when other figures of the indicator are plain
// percents (a commune that writes 0,95 beside 100 has mixed the two).
func (im *importer) checkFractions(plain map[int][]fraction) {
	inds := make([]int, 0, len(plain))
	for ind := range plain {
		inds = append(inds, ind)
	}
	slices.Sort(inds)
	for _, ind := range inds {
		fs := plain[ind]
		all := true
		for _, f := range fs {
			all = all && f.v >= 0 && f.v <= 1
		}
		for _, f := range fs {
			if f.v <= 0 || f.v >= 1 {
				continue
			}
			if all {
				im.add(diag.Newf(f.pos, CodeAmbiguousPercent, "value", f.text, msgLooksFrac, format(f.v), format(excel(f.v*100))))
			} else {
				im.add(diag.Newf(f.pos, CodeAmbiguousPercent, "value", f.text, msgSmallPercent, format(f.v), format(excel(f.v*100))))
			}
		}
	}
}
