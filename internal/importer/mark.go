package importer

// The file's decimal mark, decided once from all its cells (a number such
// as 1.234 reads two ways), then used to read every cell.

import (
	"strings"

	"github.com/minhbach/minhbach/internal/diag"
)

// decideMark finds the file's decimal mark from the cells that can only
// be read one way, and reports cells that cannot be read without it.
func (im *importer) decideMark(g *grid, ps []pending) Mark {
	if im.opt.Decimal != MarkUnknown {
		return im.opt.Decimal
	}
	type seen struct {
		c   cell
		tok string
	}
	var comma, dot, amb []seen
	for _, p := range ps {
		for _, c := range []*cell{p.value, p.num, p.den} {
			if c == nil || c.num || c.follower {
				continue
			}
			_, nums := lex(c.text)
			for _, n := range nums {
				n = strings.TrimPrefix(n, "-")
				switch {
				case ambiguous(n):
					amb = append(amb, seen{*c, n})
				case evidence(n) == MarkComma:
					comma = append(comma, seen{*c, n})
				case evidence(n) == MarkDot:
					dot = append(dot, seen{*c, n})
				}
			}
		}
	}
	switch {
	case len(comma) > 0 && len(dot) > 0:
		major, minor, mark := comma, dot, MarkComma
		if len(dot) > len(comma) {
			major, minor, mark = dot, comma, MarkDot
		}
		for _, s := range minor {
			at := g.at(major[0].c).String()
			if mark == MarkComma {
				im.add(diag.Newf(g.at(s.c), CodeAmbiguousDecimal, "", clip(s.c.text), msgMixedComma, major[0].tok, at))
			} else {
				im.add(diag.Newf(g.at(s.c), CodeAmbiguousDecimal, "", clip(s.c.text), msgMixedDot, major[0].tok, at))
			}
		}
		return mark
	case len(comma) > 0:
		return MarkComma
	case len(dot) > 0:
		return MarkDot
	}
	for _, s := range amb {
		whole := strings.NewReplacer(".", "", ",", "").Replace(s.tok)
		frac := strings.ReplaceAll(s.tok, ",", ".")
		im.add(diag.Newf(g.at(s.c), CodeAmbiguousDecimal, "", clip(s.c.text), msgAmbiguousDec, whole, frac))
	}
	return MarkUnknown
}

// tok reads one cell with the file's mark.
func (im *importer) tok(c *cell) token {
	if c == nil {
		return token{kind: kEmpty}
	}
	if c.num {
		v, ok := parseNum(strings.TrimPrefix(c.text, "-"), MarkDot)
		if strings.HasPrefix(c.text, "-") {
			v = -v
		}
		if !ok { // cannot happen: the text is strconv's
			return token{kind: kBad}
		}
		if c.pct {
			return token{kind: kPercent, v: excel(v * 100)}
		}
		return token{kind: kNumber, v: v}
	}
	text := c.text
	if c.follower && text == "" {
		text = c.mergedVal
	}
	k, nums := lex(text)
	t := token{kind: k, nums: nums}
	switch k {
	case kNumber, kPercent:
		v, ok := parseNum(nums[0], im.res.Mark)
		if !ok {
			t.kind = kBad
		}
		t.v = v
	case kRatio:
		n, ok1 := parseNum(nums[0], im.res.Mark)
		d, ok2 := parseNum(nums[1], im.res.Mark)
		if !ok1 || !ok2 {
			t.kind = kBad
		}
		t.num, t.den = n, d
	}
	return t
}

// numberHint is how to write a number in this file.
func (im *importer) numberHint() string {
	if im.res.Mark == MarkDot {
		return "85.5"
	}
	return "85,5"
}
