package sitedata

import (
	"strings"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/narrative"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

// Descriptions: every page's <meta name="description"> and Open Graph
// description, written from the page's own content in its language, at
// most descMax characters (what search engines show).

const descMax = 160

// clip shortens s to at most descMax characters at a word boundary, with
// an ellipsis when it cut anything.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= descMax {
		return s
	}
	r := []rune(s)[:descMax-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > descMax/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// firstSentence is the text of ps up to its first full stop followed by a
// space (or all of it).
func firstSentence(ps []narrative.Paragraph) string {
	if len(ps) == 0 {
		return ""
	}
	s := ps[0].String()
	if i := strings.Index(s, ". "); i > 0 {
		s = s[:i+1]
	}
	return s
}

// latestText is the generated report text of the latest period, whose
// paragraph per indicator gives its figure and status.
func (b *builder) latestText() narrative.Report {
	b.textOnce.Do(func() { b.textMemo = narrative.For(b.a, b.lang, b.a.Latest()) })
	return b.textMemo
}

// descIndicator is the indicator's latest figure, its change and its
// status against the target, as the report words them.
func (b *builder) descIndicator(ind model.Indicator) string {
	for _, p := range b.latestText().Indicators {
		if len(p.Spans) > 0 && p.Spans[0].Indicator == ind.Code {
			// The report may abbreviate the name; the page's title has it
			// in full, so the description starts from the figure.
			return clip(ind.Name.In(b.lang) + ", " + b.top().Name.In(b.lang) + ", " + b.latestLabel() + strings.TrimPrefix(p.String(), p.Spans[0].Text))
		}
	}
	return clip(ind.Name.In(b.lang) + ", " + b.top().Name.In(b.lang) + ": " + b.t("chưa có số liệu.", "no figures yet."))
}

// descUnit is the unit's name, the unit it belongs to and what its page
// gives.
func (b *builder) descUnit(u model.Unit) string {
	s := u.Name.In(b.lang)
	if parent, ok := b.a.Index().Parent(u.Code); ok {
		s += b.t(" ("+parent.Name.In(b.lang)+")", " ("+parent.Name.In(b.lang)+")")
	}
	return clip(s + b.t(": số liệu từng chỉ số đến "+b.latestLabel()+", thay đổi, mục tiêu và số liệu các kỳ trước.",
		": each indicator's figures as of "+b.latestLabel()+", changes, targets and earlier periods."))
}

// descScorecard is the unit's one-page scorecard.
func (b *builder) descScorecard(u model.Unit) string {
	return clip(b.t("Bảng điểm một trang, in được, của "+u.Name.In(b.lang)+" đến "+b.latestLabel()+": giá trị, thay đổi, mục tiêu và tình trạng từng chỉ số.",
		"One-page printable scorecard of "+u.Name.In(b.lang)+" as of "+b.latestLabel()+": each indicator's value, change, target and status."))
}

// descReport is the first sentence of the period's generated summary.
func (b *builder) descReport(p period.Period) string {
	if s := firstSentence(narrative.Summary(b.a, b.lang, p)); s != "" {
		return clip(s)
	}
	return clip(b.t("Kết quả ", "Results for ") + locale.Period(b.lang, p) + ", " + b.top().Name.In(b.lang))
}

// descHome says whose figures the site gives, then opens the latest
// summary.
func (b *builder) descHome() string {
	return clip(b.t("Chỉ số chính quyền số của ", "Digital government indicators of ") + b.top().Name.In(b.lang) + ". " + firstSentence(b.latestText().Summary))
}

// descSection describes a section page.
func (b *builder) descSection(sec route.Section) string {
	top, latest := b.top().Name.In(b.lang), b.latestLabel()
	var vi, en string
	switch sec {
	case route.Indicators:
		vi, en = "Các chỉ số chính quyền số của "+top+" đến "+latest+": giá trị, thay đổi và tình trạng so với mục tiêu.",
			"The digital government indicators of "+top+" as of "+latest+": values, changes and status against targets."
	case route.Units:
		vi, en = "Các đơn vị của "+top+" và số liệu của từng đơn vị đến "+latest+".",
			"The units of "+top+" and each unit's figures as of "+latest+"."
	case route.Reports:
		vi, en = "Báo cáo từng kỳ về chính quyền số của "+top+", mới nhất "+latest+".",
			"Each period's report on digital government in "+top+", the latest "+latest+"."
	case route.Data:
		vi, en = "Tải về mọi số liệu của "+top+": CSV, Excel, JSON, gói dữ liệu và tổng kiểm SHA-256.",
			"Download every figure of "+top+": CSV, Excel, JSON, a data package and SHA-256 checksums."
	case route.Reporting:
		vi, en = "Đơn vị nào đã báo cáo chỉ số nào, từng kỳ; ai còn thiếu trong "+latest+".",
			"Which units reported which indicators, period by period; who is missing in "+latest+"."
	case route.Changes:
		vi, en = "Số liệu của "+top+" thay đổi thế nào so với kỳ trước, số liệu mới và các đính chính.",
			"How the figures of "+top+" changed from the previous period, new figures and corrections."
	case route.Scorecards:
		vi, en = "Bảng điểm một trang, in được, của từng đơn vị thuộc "+top+".",
			"A one-page printable scorecard for each unit of "+top+"."
	case route.Search:
		vi, en = "Tìm chỉ số, đơn vị và báo cáo của "+top+", gõ có dấu hoặc không dấu.",
			"Find the indicators, units and reports of "+top+", with or without Vietnamese diacritics."
	}
	return clip(b.t(vi, en))
}

func (b *builder) top() *model.Unit { return b.a.Index().Top() }

func (b *builder) latestLabel() string { return locale.Period(b.lang, b.a.Latest()) }

// HomeDescription is the home page's description: the first sentence of
// the latest summary (Hugo makes the home page, not the content adapter).
func (s *Site) HomeDescription(lang string) (string, error) {
	ls, err := s.lang(lang)
	if err != nil {
		return "", err
	}
	return ls.b.descHome(), nil
}

// SitePreview is the path of the preview image of a language's pages
// that have none of their own.
func (s *Site) SitePreview(lang string) string { return route.InLang(lang, route.SitePreview) }
