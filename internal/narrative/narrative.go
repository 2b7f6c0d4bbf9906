// Package narrative writes the factual part of a period's report from fixed
// sentence templates, in Vietnamese and English. It never invents: every
// number in the text is an analysis figure, formatted by internal/locale,
// and marked with the indicator it belongs to so the site can link it.
package narrative

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// Span is a run of text. When Indicator is set, the text is a figure of
// that indicator, and the site links it to the indicator's page.
type Span struct {
	Text      string
	Indicator string
}

// Paragraph is a sequence of spans.
type Paragraph struct {
	Spans []Span
}

// String returns the paragraph's plain text.
func (p Paragraph) String() string {
	var b strings.Builder
	for _, s := range p.Spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

type para struct{ spans []Span }

func (p *para) text(format string, args ...any) {
	p.spans = append(p.spans, Span{Text: fmt.Sprintf(format, args...)})
}

func (p *para) figure(text, indicator string) {
	p.spans = append(p.spans, Span{Text: text, Indicator: indicator})
}

// Summary describes the top unit's figures in period p: an opening
// sentence, then one sentence per indicator with a value.
func Summary(a *analyse.Analysis, lang model.Lang, p period.Period) []Paragraph {
	ds := a.Dataset()
	top := ds.Top()
	vi := lang == model.VI
	var withData int
	var body []Paragraph
	for _, ind := range ds.Indicators {
		s := a.Summary(top.Code, ind.Code, p)
		if s.Current == nil {
			continue
		}
		withData++
		body = append(body, sentence(lang, ind, s))
	}
	var open para
	if vi {
		open.text("Đến %s, %s có số liệu của %d/%d chỉ số.", locale.Period(lang, p), lowerFirst(top.Name.In(lang)), withData, len(ds.Indicators))
	} else {
		open.text("As of %s, %s had figures for %d of %d indicators.", locale.Period(lang, p), top.Name.In(lang), withData, len(ds.Indicators))
	}
	return append([]Paragraph{{Spans: open.spans}}, body...)
}

func sentence(lang model.Lang, ind model.Indicator, s analyse.Summary) Paragraph {
	vi := lang == model.VI
	c := s.Current
	var p para
	p.text("%s: ", ind.Name.In(lang))
	p.figure(locale.Value(lang, ind.Measure, c.Value), ind.Code)
	if c.Numerator != nil && c.Denominator != nil && ind.Measure == model.Percent {
		p.text(" (%s)", locale.Ratio(lang, *c.Numerator, *c.Denominator))
	}
	if s.Change != nil && s.Previous != nil {
		if vi {
			p.text(", %s so với %s", locale.Change(lang, ind.Measure, locale.Delta(ind.Measure, s.Previous.Value, c.Value)), locale.Period(lang, s.Previous.Period))
		} else {
			p.text(", %s from %s", locale.Change(lang, ind.Measure, locale.Delta(ind.Measure, s.Previous.Value, c.Value)), locale.Period(lang, s.Previous.Period))
		}
	}
	if t := s.Target; t != nil {
		target := locale.Value(lang, ind.Measure, t.Value)
		if ind.Direction == model.Down { // the target is a ceiling
			target = map[bool]string{true: "không quá ", false: "at most "}[vi] + target
		}
		switch {
		case vi && s.Status == analyse.Achieved:
			p.text("; đạt mục tiêu %s đến năm %d (%s)", target, t.Year, t.Basis.In(lang))
		case vi:
			p.text("; chưa đạt mục tiêu %s đến năm %d (%s)", target, t.Year, t.Basis.In(lang))
		case s.Status == analyse.Achieved:
			p.text("; target of %s by %d met (%s)", target, t.Year, t.Basis.In(lang))
		default:
			p.text("; target of %s by %d not yet met (%s)", target, t.Year, t.Basis.In(lang))
		}
	}
	p.text(".")
	return Paragraph{Spans: p.spans}
}

// lowerFirst lower-cases the first letter of a name used mid-sentence
// ("Huyện Chợ Đồn" → "huyện Chợ Đồn"), as Vietnamese writes unit titles,
// but leaves abbreviations alone ("UBND huyện" stays).
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
