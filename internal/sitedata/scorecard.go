package sitedata

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
)

// The scorecards section holds one printable page per unit. A scorecard is a
// page of its own rather than the unit page printed: staff print it to
// file or hand out, so it carries what a sheet of paper needs (period,
// sources, legal bases, licence, the address of the page) and nothing a
// printer cannot use (navigation, charts, lists of links).

// ScorecardParams is what a unit's scorecard shows: every indicator the
// unit has figures for, in the latest period, on one A4 page.
type ScorecardParams struct {
	Unit     string             `json:"unit"`
	Code     string             `json:"code"`
	Kind     string             `json:"kind"`
	Parent   string             `json:"parent,omitempty"` // the parent unit's name
	UnitPath string             `json:"unit_path"`
	Period   string             `json:"period"`
	Rows     []UnitIndicatorRow `json:"rows"`
	Reported int                `json:"reported"`  // rows with a value in Period
	Targets  int                `json:"targets"`   // rows with a target and a value
	Achieved int                `json:"achieved"`  // of Targets, those achieved
	RolledUp bool               `json:"rolled_up"` // some value is summed from other units
	Bases    []string           `json:"bases,omitempty"`
	Sources  []SourceLines      `json:"sources,omitempty"`
	// Parts is set on a site with too many indicators for one page: the
	// scorecard then counts every indicator and lists its parts, each a
	// printable scorecard of its own rows.
	Parts []PartLink `json:"parts,omitempty"`
	// History is Rows' figures over time: a row per period, anchored,
	// and a value per row of Rows, in their order.
	History []HistoryPeriod `json:"history,omitempty"`
}

// HistoryPeriod is one period of a scorecard's history table.
type HistoryPeriod struct {
	ID     string   `json:"id"`
	Period string   `json:"period"` // short: "IV/2024"
	Long   string   `json:"long"`   // what the short form stands for: "quý IV/2024"
	Values []string `json:"values"` // "" when missing
}

// SourceLines names the rows of one snapshot a scorecard's reported values
// come from: "data/snapshots/2024-Q4.csv", lines "5–16".
type SourceLines struct {
	File  string `json:"file"`
	Lines string `json:"lines"`
	One   bool   `json:"one,omitempty"` // a single line: "line 2", not "lines 2"
}

// scorecardPages are the one-page A4 scorecards of the units, and the list
// of them.
func (b *builder) scorecardPages() []Page {
	pages := []Page{{Path: route.Scorecards.Path(), Kind: "section", Weight: route.Scorecards.Weight(), TitleI18n: "sectionScorecards", Description: b.descSection(route.Scorecards), view: b.unitList}}
	for i, u := range b.ds.Units {
		page := Page{
			Path: route.Scorecard(u.Code), Weight: i + 1, TitleI18n: "scorecardTitle", TitleArgs: map[string]string{"unit": u.Name.In(b.lang)},
			Description: b.descScorecard(u),
			view:        func() (any, error) { return b.scorecardParams(u, nil), nil },
		}
		pages = append(pages, page)
		pages = append(pages, b.partPages(page, "", func(pt *part) func() (any, error) {
			return func() (any, error) { return b.scorecardParams(u, pt), nil }
		})...)
	}
	return pages
}

// scorecardParams is the unit's scorecard, or the scorecard of one part
// (pt) of the catalogue. The scorecard of a split catalogue counts every
// indicator and lists none: its parts do.
func (b *builder) scorecardParams(u model.Unit, pt *part) *ScorecardParams {
	latest := b.a.Latest()
	p := &ScorecardParams{
		Unit: u.Name.In(b.lang), Code: u.Code, Kind: u.Kind,
		UnitPath: route.Link(route.Unit(u.Code)), Period: locale.Period(b.lang, latest),
	}
	if parent, ok := b.a.Index().Parent(u.Code); ok {
		p.Parent = locale.MidSentence(b.lang, parent.Name.In(b.lang)) // after the kind: "Xã, huyện Chợ Đồn"
	}
	split := b.parts() != nil
	if split {
		p.Parts = b.partLinks(route.Scorecard(u.Code), pt)
	}
	refs := map[string]int{}
	lines := map[string][]int{}
	for _, r := range b.unitRows(u, b.indicatorsOf(pt)) {
		if r.Figure.Value != "" {
			p.Reported++
			if r.Figure.Target != "" {
				p.Targets++
				if r.Figure.Status == "achieved" {
					p.Achieved++
				}
			}
		}
		if split && pt == nil {
			continue
		}
		row := r
		if r.Figure.Basis != "" {
			if refs[r.Figure.Basis] == 0 {
				p.Bases = append(p.Bases, r.Figure.Basis)
				refs[r.Figure.Basis] = len(p.Bases)
			}
			row.Ref = refs[r.Figure.Basis]
		}
		p.RolledUp = p.RolledUp || r.Figure.RolledUp
		p.Rows = append(p.Rows, row)
		if cur, ok := b.a.At(u.Code, r.Code, latest); ok && !cur.RolledUp {
			for _, s := range cur.Sources {
				lines[s.File] = append(lines[s.File], s.Line)
			}
		}
	}
	p.History = b.historyByPeriod(p.Rows)
	for _, f := range slices.Sorted(maps.Keys(lines)) {
		ls := lineRanges(lines[f])
		p.Sources = append(p.Sources, SourceLines{File: f, Lines: ls, One: !strings.ContainsAny(ls, ",–")})
	}
	return p
}

// lineRanges writes line numbers as ranges: 5, 6, 7, 9 → "5–7, 9".
func lineRanges(ls []int) string {
	ls = slices.Compact(slices.Sorted(slices.Values(ls)))
	var parts []string
	for i := 0; i < len(ls); {
		j := i
		for j+1 < len(ls) && ls[j+1] == ls[j]+1 {
			j++
		}
		s := strconv.Itoa(ls[i])
		if j > i {
			s += "–" + strconv.Itoa(ls[j])
		}
		parts = append(parts, s)
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// historyByPeriod turns the rows' histories round: a row per period, from
// the first period any row has a figure for.
func (b *builder) historyByPeriod(rows []UnitIndicatorRow) []HistoryPeriod {
	periods := b.a.Periods()
	_, short := b.periodIndex()
	first := len(periods)
	for _, r := range rows {
		first = min(first, len(periods)-len(r.History))
	}
	var out []HistoryPeriod
	for i := first; i < len(periods); i++ {
		hp := HistoryPeriod{ID: route.PeriodAnchor(periods[i]), Period: short[i], Long: locale.Period(b.lang, periods[i]), Values: make([]string, len(rows))}
		for j, r := range rows {
			// r.History runs to the latest period and starts at the row's first.
			if k := i - (len(periods) - len(r.History)); k >= 0 {
				hp.Values[j] = r.History[k].Figure.Value
			}
		}
		out = append(out, hp)
	}
	return out
}
