// Package narrative writes the factual part of a period's report from fixed
// sentence templates, in Vietnamese and English. It never invents: every
// number in the text is an analysis figure, formatted by internal/locale,
// in a span of its own that says what it is (Kind), of which indicator,
// unit and period, so the site can link it and the tests can check it.
package narrative

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// Kind says what a span's text is.
type Kind string

const (
	Text       Kind = ""            // plain words
	Name       Kind = "name"        // an indicator's name or code: linked, not a number
	Value      Kind = "value"       // the figure of Unit for Indicator in Period
	Ratio      Kind = "ratio"       // its numerator/denominator
	Change     Kind = "change"      // the change since the previous figure
	Target     Kind = "target"      // the target value that applies in Period
	TargetYear Kind = "target-year" // the year it is due
	Pace       Kind = "pace"        // the change per year since the baseline
	Projected  Kind = "projected"   // the year the target is reached at that pace
	Coverage   Kind = "coverage"    // a partial total: units that reported / units that report it
	Tally      Kind = "tally"       // a number of indicators (with figures, with a target, of a status)
)

// Span is a run of text. When Indicator is set, the site links the text to
// that indicator's page; Unit and Period then say whose figure it is.
type Span struct {
	Text      string
	Kind      Kind
	Indicator string
	Unit      string
	Period    period.Period
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

// Report is the generated text of one period, in three parts so that the
// staff's own text can replace the summary and keep the rest.
type Report struct {
	Summary []Paragraph // one short paragraph: how many figures, how they stand against their targets
	// Headlines are the figures themselves, one list item each, as the
	// article gives them ("100% CBCCVC được trang bị máy tính"): a list a
	// reader scans on a phone, not one sentence of twenty clauses. None
	// on a catalogue of more than maxListed indicators.
	Headlines  []Paragraph
	Indicators []Paragraph // one paragraph per indicator with a figure
	Limits     []Paragraph // off-track indicators, missing figures and units
}

// All returns every paragraph in reading order.
func (r Report) All() []Paragraph {
	return slices.Concat(r.Summary, r.Headlines, r.Indicators, r.Limits)
}

// Summary is the opening paragraph of period p's report.
func Summary(a *analyse.Analysis, lang model.Lang, p period.Period) []Paragraph {
	return For(a, lang, p).Summary
}

// For writes the report of the top unit for period p. Abbreviations are
// spelled out at first use in the summary and again in the rest, which
// must read on its own when the staff replace the summary.
func For(a *analyse.Analysis, lang model.Lang, p period.Period) Report {
	w := &writer{a: a, ds: a.Dataset(), lang: lang, p: p, top: a.Index().Top()}
	for _, ind := range w.ds.Indicators {
		s := a.Summary(w.top.Code, ind.Code, p)
		w.sums = append(w.sums, s)
	}
	summary, headlines := w.summary()
	return Report{Summary: summary, Headlines: headlines, Indicators: w.indicators(), Limits: w.limits()}
}

type writer struct {
	a    *analyse.Analysis
	ds   *model.Dataset
	lang model.Lang
	p    period.Period
	top  *model.Unit
	sums []analyse.Summary // the top unit's, in indicator order
	ab   *abbreviator      // of the section being written
}

// tr picks the sentence template of the language.
func (w *writer) tr(vi, en string) string {
	if w.lang == model.EN {
		return en
	}
	return vi
}

type para struct {
	spans []Span
}

func (p *para) text(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	if n := len(p.spans); n > 0 && p.spans[n-1].Kind == Text {
		p.spans[n-1].Text += s
		return
	}
	p.spans = append(p.spans, Span{Text: s})
}

func (p *para) add(s Span) { p.spans = append(p.spans, s) }

func (p *para) done() Paragraph { return Paragraph{Spans: p.spans} }

// claim is a span for a number of indicator ind, unit and the period.
func (w *writer) claim(kind Kind, text string, ind model.Indicator, unit string) Span {
	return Span{Text: text, Kind: kind, Indicator: ind.Code, Unit: unit, Period: w.p}
}

// summary is the short opening ("Đến quý IV/2024, huyện Chợ Đồn có số
// liệu của 12/12 chỉ số; trong 5 chỉ số có mục tiêu, …") and the headline
// figures, one item each: "100% cán bộ, công chức, viên chức (CBCCVC) được
// trang bị máy tính", "90% văn bản … được ký số (mục tiêu 100% đến năm 2025
// theo Quyết định số 942/QĐ-TTg)".
func (w *writer) summary() ([]Paragraph, []Paragraph) {
	w.ab = newAbbreviator(w.lang)
	period := locale.Period(w.lang, w.p)
	if w.figures() == 0 {
		var p para
		p.text("%s", w.tr(
			fmt.Sprintf("Đến %s, %s chưa có số liệu của chỉ số nào.", period, locale.MidSentence(w.lang, w.top.Name.In(w.lang))),
			fmt.Sprintf("As of %s, %s had no figures yet.", period, w.top.Name.In(w.lang))))
		return []Paragraph{p.done()}, nil
	}
	lead := w.overview()
	if w.figures() > maxListed {
		return lead, nil
	}
	var items []Paragraph
	for i, ind := range w.ds.Indicators {
		s := w.sums[i]
		if s.Current == nil {
			continue
		}
		var p para
		before, after := clause(w.lang, ind)
		p.text("%s", upperFirst(w.ab.apply(before)))
		p.add(w.claim(Value, locale.Value(w.lang, ind.Measure, s.Current.Value), ind, w.top.Code))
		p.text("%s", w.ab.apply(after))
		w.coverage(&p, ind, s)
		if t := s.Target; t != nil {
			p.text("%s", w.tr(" (mục tiêu ", " (target "))
			w.target(&p, ind, s)
			p.text(" %s)", w.tr("theo "+shortBasis(w.lang, t.Basis.In(w.lang)), "under "+shortBasis(w.lang, t.Basis.In(w.lang))))
		}
		items = append(items, p.done())
	}
	return lead, items
}

// coverage follows a partial total with who it comes from, "(27/28 đơn
// vị đã báo cáo)", so the text never states 27 units' rate as the whole
// district's (the wording is locale.Coverage, the counts analyse's).
func (w *writer) coverage(p *para, ind model.Indicator, s analyse.Summary) {
	c := s.Current
	if c == nil || !c.Partial() {
		return
	}
	p.text(" (")
	p.add(w.claim(Coverage, locale.Coverage(w.lang, c.Reporting, c.Expected), ind, s.Unit))
	p.text(")")
}

// maxListed is the most figures the summary lists one by one. A longer
// catalogue (a ministry's hundreds of indicators) is summed up by counts
// alone: a list of 300 items is read by no one.
const maxListed = 20

// figures counts the indicators with a figure in the period.
func (w *writer) figures() int {
	n := 0
	for _, s := range w.sums {
		if s.Current != nil {
			n++
		}
	}
	return n
}

// overview is the summary of a long catalogue: "Đến quý IV/2024, huyện
// có số liệu của 290/300 chỉ số; trong 250 chỉ số có mục tiêu, 120 đã đạt,
// 50 đúng tiến độ, 70 chậm tiến độ và 10 đi ngược mục tiêu." Each
// indicator's own figure is in the paragraphs and table that follow.
func (w *writer) overview() []Paragraph {
	count := map[analyse.Status]int{}
	targets := 0
	for _, s := range w.sums {
		if s.Current == nil {
			continue
		}
		count[s.Status]++
		if s.Status != analyse.NoTarget {
			targets++
		}
	}
	var p para
	period := locale.Period(w.lang, w.p)
	p.text("%s", w.tr(
		fmt.Sprintf("Đến %s, %s có số liệu của ", period, locale.MidSentence(w.lang, w.top.Name.In(w.lang))),
		fmt.Sprintf("As of %s, %s had figures for ", period, w.top.Name.In(w.lang))))
	p.add(w.tally(w.figures()))
	p.text("%s", w.tr("/", " of "))
	p.add(w.tally(len(w.sums)))
	p.text("%s", w.tr(" chỉ số", " indicators"))
	if targets > 0 {
		p.text("%s", w.tr("; trong ", "; of the "))
		p.add(w.tally(targets))
		p.text("%s", w.tr(" chỉ số có mục tiêu, ", " with a target, "))
	}
	type part struct {
		status analyse.Status
		vi, en string
	}
	var parts []part
	for _, st := range []part{
		{analyse.Achieved, "đã đạt", "achieved"},
		{analyse.OnTrack, "đúng tiến độ", "on track"},
		{analyse.OffTrack, "chậm tiến độ", "off track"},
		{analyse.MovingAway, "đi ngược mục tiêu", "moving away"},
		{analyse.NotEnoughData, "chưa đủ số liệu để đánh giá", "not yet assessable"},
	} {
		if count[st.status] > 0 && targets > 0 {
			parts = append(parts, st)
		}
	}
	for k, st := range parts {
		switch {
		case k == 0:
		case k == len(parts)-1:
			p.text("%s", w.tr(" và ", " and "))
		default:
			p.text(", ")
		}
		p.add(w.tally(count[st.status]))
		p.text(" %s", w.tr(st.vi, st.en))
	}
	p.text(".")
	return []Paragraph{p.done()}
}

// tally is a span for a number of indicators (with figures, with a
// target, of one status), not a figure of any: it links nowhere.
func (w *writer) tally(n int) Span { return Span{Text: w.count(n), Kind: Tally, Period: w.p} }

// count writes a whole number: 1.234 ("1,234").
func (w *writer) count(n int) string { return locale.Number(w.lang, float64(n), 0) }

// target writes "100% đến năm 2025" ("at most 10 by 2025" for a ceiling).
func (w *writer) target(p *para, ind model.Indicator, s analyse.Summary) {
	if ind.Direction == model.Down {
		p.text("%s", w.tr("không quá ", "at most "))
	}
	p.add(w.claim(Target, locale.Value(w.lang, ind.Measure, s.Target.Value), ind, s.Unit))
	p.text("%s", w.tr(" đến năm ", " by "))
	p.add(w.claim(TargetYear, fmt.Sprint(s.Target.Year), ind, s.Unit))
}

// indicators writes one paragraph per indicator with a figure: the value,
// its change, the target and progress towards it, and the units lagging
// furthest behind.
func (w *writer) indicators() []Paragraph {
	w.ab = newAbbreviator(w.lang)
	var out []Paragraph
	for i, ind := range w.ds.Indicators {
		s := w.sums[i]
		if s.Current == nil {
			continue
		}
		var p para
		p.add(Span{Text: w.ab.apply(ind.Name.In(w.lang)), Kind: Name, Indicator: ind.Code})
		p.text(": ")
		p.add(w.claim(Value, locale.Value(w.lang, ind.Measure, s.Current.Value), ind, s.Unit))
		// A total from only some of the units says so, beside its ratio:
		// "96,1% (539/561; 27/28 đơn vị đã báo cáo)".
		if c := s.Current; c.Numerator != nil && c.Denominator != nil && ind.Measure == model.Percent {
			p.text(" (")
			p.add(w.claim(Ratio, locale.Ratio(w.lang, *c.Numerator, *c.Denominator), ind, s.Unit))
			if c.Partial() {
				p.text("; ")
				p.add(w.claim(Coverage, locale.Coverage(w.lang, c.Reporting, c.Expected), ind, s.Unit))
			}
			p.text(")")
		} else {
			w.coverage(&p, ind, s)
		}
		if s.Previous != nil {
			p.text(", ")
			p.add(w.claim(Change, locale.Change(w.lang, ind.Measure, locale.Delta(ind.Measure, s.Previous.Value, s.Current.Value)), ind, s.Unit))
			p.text(" %s %s", w.tr("so với", "from"), locale.Period(w.lang, s.Previous.Period))
		}
		p.text(".")
		if s.Target != nil {
			p.text("%s", w.tr(" Mục tiêu ", " Target: "))
			w.target(&p, ind, s)
			p.text(" (%s): ", s.Target.Basis.In(w.lang))
			w.progress(&p, ind, s)
			p.text(".")
		}
		w.lagging(&p, ind, s)
		out = append(out, p.done())
	}
	return out
}

// progress words the status, with the pace and projected year that
// explain it.
func (w *writer) progress(p *para, ind model.Indicator, s analyse.Summary) {
	since := ""
	if s.Baseline != nil {
		since = locale.Period(w.lang, s.Baseline.Period)
	}
	pace := func() {
		p.add(w.claim(Pace, PaceText(w.lang, ind.Measure, *s.Pace), ind, s.Unit))
		p.text("%s", w.tr(" mỗi năm kể từ "+since, " a year since "+since))
	}
	projected := func() {
		if s.Projected == nil {
			p.text("%s", w.tr(", còn rất lâu mới đạt", ", it would take many decades"))
			return
		}
		p.text("%s", w.tr(", dự kiến đạt vào năm ", ", it would be reached in "))
		p.add(w.claim(Projected, fmt.Sprint(*s.Projected), ind, s.Unit))
	}
	switch s.Status {
	case analyse.Achieved:
		p.text("%s", w.tr("đã đạt", "met"))
	case analyse.NotEnoughData:
		p.text("%s", w.tr("chưa đủ số liệu để đánh giá tiến độ (mới có số liệu của một kỳ)", "not enough data to assess progress (one period so far)"))
	case analyse.MovingAway:
		p.text("%s", w.tr("đang đi ngược mục tiêu, ", "moving away from it, "))
		pace()
	case analyse.OnTrack:
		p.text("%s", w.tr("đúng tiến độ; với tốc độ bình quân ", "on track; at the average pace, "))
		pace()
		projected()
	case analyse.OffTrack:
		switch {
		case s.DeadlinePassed:
			p.text("%s", w.tr("đã quá hạn mà chưa đạt", "the deadline has passed and it is not met"))
			switch {
			case s.Projected != nil:
				p.text("%s", w.tr("; với tốc độ bình quân ", "; at the average pace, "))
				pace()
				projected()
			case s.Pace != nil && *s.Pace != 0:
				p.text("; ")
				pace()
			}
		case *s.Pace == 0:
			p.text("%s", w.tr("chậm tiến độ, không thay đổi kể từ "+since, "off track, unchanged since "+since))
		default:
			p.text("%s", w.tr("chậm tiến độ; với tốc độ bình quân ", "off track; at the average pace, "))
			pace()
			projected()
		}
	}
}

// PaceText is "tăng 11 điểm phần trăm" or "giảm 38,3": one decimal more
// than a count's figures, so a slow pace does not print as no change.
func PaceText(lang model.Lang, m model.Measure, pace float64) string {
	if pace == 0 {
		return map[bool]string{true: "unchanged", false: "không đổi"}[lang == model.EN]
	}
	// A pace is a small number of points a year; give it the decimals it
	// needs so a slow drift never reads as "unchanged" next to a status
	// that says it is moving.
	places := max(m.Decimals(), 1)
	for decimal.Round(pace, places) == 0 && places < 6 {
		places++
	}
	amount := locale.Compact(lang, math.Abs(pace), places)
	up := pace > 0
	var s string
	if lang == model.EN {
		s = map[bool]string{true: "rising ", false: "falling "}[up] + amount
		if m == model.Percent {
			s += " percentage points"
		}
		return s
	}
	s = map[bool]string{true: "tăng ", false: "giảm "}[up] + amount
	if m == model.Percent {
		s += " điểm phần trăm"
	}
	return s
}

// laggards is how many units a paragraph names.
const laggards = 3

// lagging names the top unit's children furthest from their target, or
// without one, furthest behind the top unit's own rate. A count without a
// target is not compared: a commune's count is not comparable with the
// district's total.
func (w *writer) lagging(p *para, ind model.Indicator, top analyse.Summary) {
	if top.Target == nil && ind.Measure == model.Count {
		return
	}
	places := ind.Measure.Decimals()
	type lag struct {
		unit *model.Unit
		s    analyse.Summary
		gap  float64 // how far behind, positive
	}
	var lags []lag
	for _, u := range w.a.Index().Children(w.top.Code) {
		s := w.a.Summary(u.Code, ind.Code, w.p)
		if s.Current == nil {
			continue
		}
		v := decimal.Round(s.Current.Value, places)
		ref := decimal.Round(top.Current.Value, places)
		if top.Target != nil {
			if s.Target == nil {
				continue
			}
			ref = decimal.Round(s.Target.Value, places)
		}
		gap := ref - v
		if ind.Direction == model.Down {
			gap = -gap
		}
		if gap > 0 {
			lags = append(lags, lag{u, s, gap})
		}
	}
	if len(lags) == 0 {
		return
	}
	slices.SortStableFunc(lags, func(x, y lag) int {
		if c := cmp.Compare(y.gap, x.gap); c != 0 {
			return c
		}
		return locale.Compare(w.lang, x.unit.Name.In(w.lang), y.unit.Name.In(w.lang))
	})
	lags = lags[:min(len(lags), laggards)]
	switch {
	case top.Target != nil:
		p.text("%s", w.tr(" Đơn vị còn xa mục tiêu nhất: ", " Furthest from the target: "))
	case ind.Direction == model.Down:
		p.text("%s", w.tr(" Đơn vị cao hơn mức chung nhiều nhất: ", " Furthest above the overall figure: "))
	default:
		p.text("%s", w.tr(" Đơn vị thấp hơn mức chung nhiều nhất: ", " Furthest below the overall figure: "))
	}
	for i, l := range lags {
		switch {
		case i == 0:
		case i == len(lags)-1:
			p.text("%s", w.tr(" và ", " and "))
		default:
			p.text(", ")
		}
		p.text("%s (", w.ab.apply(locale.MidSentence(w.lang, l.unit.Name.In(w.lang))))
		p.add(w.claim(Value, locale.Value(w.lang, ind.Measure, l.s.Current.Value), ind, l.unit.Code))
		p.text(")")
	}
	p.text(".")
}

// limits lists what the figures do not show well: indicators off track or
// moving away from their targets, those that cannot be assessed, those
// without a figure, and the units that did not report.
func (w *writer) limits() []Paragraph {
	w.ab = newAbbreviator(w.lang)
	period := locale.Period(w.lang, w.p)
	var off, away, unassessed, missing []int
	assessed := 0
	for i, s := range w.sums {
		switch s.Status {
		case analyse.OffTrack:
			off = append(off, i)
		case analyse.MovingAway:
			away = append(away, i)
		case analyse.NotEnoughData:
			unassessed = append(unassessed, i)
		case analyse.NoData:
			missing = append(missing, i)
		}
		if s.Status != analyse.NoData && s.Status != analyse.NoTarget {
			assessed++
		}
	}
	var out []Paragraph
	if assessed > 0 {
		var p para
		if len(off)+len(away)+len(unassessed) == 0 {
			p.text("%s", w.tr("Không có chỉ số nào chậm tiến độ so với mục tiêu.", "No indicator is off track."))
		}
		w.list(&p, w.tr("Chậm tiến độ so với mục tiêu: ", "Off track: "), off, func(i int) {
			if w.sums[i].DeadlinePassed {
				p.text("%s", w.tr(" (đã quá hạn năm ", " (deadline "))
				p.add(w.claim(TargetYear, fmt.Sprint(w.sums[i].Target.Year), w.ds.Indicators[i], w.top.Code))
				p.text(")")
			}
		})
		w.list(&p, w.tr("Đi ngược mục tiêu: ", "Moving away from the target: "), away, nil)
		w.list(&p, w.tr("Chưa đủ số liệu để đánh giá tiến độ: ", "Not enough data to assess progress: "), unassessed, nil)
		out = append(out, p.done())
	}

	var p para
	w.list(&p, w.tr("Chưa có số liệu "+period+": ", "No figure for "+period+": "), missing, nil)
	if !w.units(&p) {
		if len(p.spans) > 0 {
			p.text(" ")
		}
		p.text("%s", w.tr("Các đơn vị đã gửi đủ số liệu "+period+".", "Every unit reported all its figures for "+period+"."))
	}
	return append(out, p.done())
}

// list writes "Label: name; name." for the indicators at idx, calling
// more after each name.
func (w *writer) list(p *para, label string, idx []int, more func(int)) {
	if len(idx) == 0 {
		return
	}
	if len(p.spans) > 0 {
		p.text(" ")
	}
	p.text("%s", label)
	for k, i := range idx {
		if k > 0 {
			p.text("; ")
		}
		ind := w.ds.Indicators[i]
		p.add(Span{Text: w.ab.apply(ind.Name.In(w.lang)), Kind: Name, Indicator: ind.Code})
		if more != nil {
			more(i)
		}
	}
	p.text(".")
}

// units writes the units expected to report an indicator (they reported
// it before or after) that did not in this period, each with the codes of
// what they did not send. It reports whether there were any.
func (w *writer) units(p *para) bool {
	type gap struct {
		unit  model.Unit
		codes []model.Indicator
		all   bool
	}
	var gaps []gap
	for _, u := range w.ds.Units {
		g := gap{unit: u}
		reports := 0
		for _, ind := range w.ds.Indicators {
			if !w.a.Expects(u.Code, ind.Code) {
				continue
			}
			reports++
			if !w.a.Reported(u.Code, ind.Code, w.p) {
				g.codes = append(g.codes, ind)
			}
		}
		if len(g.codes) > 0 {
			g.all = len(g.codes) == reports
			gaps = append(gaps, g)
		}
	}
	if len(gaps) == 0 {
		return false
	}
	if len(p.spans) > 0 {
		p.text(" ")
	}
	p.text("%s", w.tr("Đơn vị chưa gửi số liệu "+locale.Period(w.lang, w.p)+": ", "Units that did not report for "+locale.Period(w.lang, w.p)+": "))
	for k, g := range gaps {
		if k > 0 {
			p.text("; ")
		}
		p.text("%s (", w.ab.apply(locale.MidSentence(w.lang, g.unit.Name.In(w.lang))))
		if g.all {
			p.text("%s", w.tr("toàn bộ chỉ số", "all indicators"))
		} else {
			for j, ind := range g.codes {
				if j > 0 {
					p.text(", ")
				}
				p.add(Span{Text: ind.Code, Kind: Name, Indicator: ind.Code})
			}
		}
		p.text(")")
	}
	p.text(".")
	return true
}
