package sitedata

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// longCatalogue is a district T with communes A and B and n percent
// indicators I001…, reported over two quarters; commune B misses every
// fifth indicator in Q4, and every third indicator has a target.
func longCatalogue(n int) *model.Dataset {
	ds := &model.Dataset{Units: []model.Unit{
		{Code: "T", Name: model.Text{VI: "Huyện T", EN: "T district"}, Kind: "district"},
		{Code: "A", Name: model.Text{VI: "Xã A", EN: "A commune"}, Kind: "commune", Parent: "T"},
		{Code: "B", Name: model.Text{VI: "Xã B", EN: "B commune"}, Kind: "commune", Parent: "T"},
	}}
	f := func(v float64) *float64 { return &v }
	for i := range n {
		code := fmt.Sprintf("I%03d", i+1)
		ds.Indicators = append(ds.Indicators, model.Indicator{Code: code, Name: model.Text{VI: "Chỉ số " + code, EN: "Indicator " + code}, Measure: model.Percent, Direction: model.Up})
		if i%3 == 0 {
			ds.Targets = append(ds.Targets, model.Target{Indicator: code, Unit: model.AllUnits, Year: 2025, Value: 80})
		}
	}
	for q, p := range []string{"2024-Q3", "2024-Q4"} {
		s := model.Snapshot{Period: period.MustParse(p), File: "data/snapshots/" + p + ".csv"}
		line := 1
		for i, ind := range ds.Indicators {
			for _, u := range []string{"A", "B"} {
				if u == "B" && q == 1 && i%5 == 0 {
					continue
				}
				line++
				num, den := float64(10+q+i%7), 20.0
				s.Observations = append(s.Observations, model.Observation{
					Period: s.Period, Unit: u, Indicator: ind.Code, Value: f(num / den * 100), Numerator: f(num), Denominator: f(den),
					At: diag.Origin{Row: diag.Position{File: s.File, Line: line, Column: 1}},
				})
			}
		}
		ds.Snapshots = append(ds.Snapshots, s)
	}
	return ds
}

// TestLongCatalogueSplitsIntoParts: with more indicators than a page
// lists, every page that lists them all gives its parts instead, and each
// part's page lists its own run of the catalogue — together, every
// indicator once.
func TestLongCatalogueSplitsIntoParts(t *testing.T) {
	t.Parallel()
	ds := longCatalogue(90) // three parts of 30
	vi, en, _ := docs(t, Input{Analysis: analyse.Run(ds)})
	codes := func(from, to int) []string {
		var out []string
		for _, ind := range ds.Indicators[from:to] {
			out = append(out, ind.Code)
		}
		return out
	}
	wantParts := func(base string, cur int) []PartLink {
		var out []PartLink
		for k := range 3 {
			out = append(out, PartLink{
				Title: fmt.Sprintf("I%03d–I%03d", 30*k+1, 30*k+30), Path: fmt.Sprintf("%s/phan-%d/", base, k+1),
				Count: 30, Current: k+1 == cur,
			})
		}
		return out
	}

	if d := cmp.Diff(wantParts("chi-so", 0), vi.Home.Parts); d != "" || vi.Home.Tiles != nil {
		t.Errorf("home: tiles %d, parts (-want +got):\n%s", len(vi.Home.Tiles), d)
	}
	for k := 1; k <= 3; k++ {
		var l IndicatorList
		p := page(t, vi, fmt.Sprintf("chi-so/phan-%d", k), &l)
		var got []string
		for _, tile := range l.Tiles {
			got = append(got, tile.Code)
		}
		if d := cmp.Diff(codes(30*(k-1), 30*k), got); d != "" {
			t.Errorf("chi-so part %d tiles (-want +got):\n%s", k, d)
		}
		if p.Part != fmt.Sprintf("%d/3", k) || p.Layout != "part" {
			t.Errorf("chi-so part %d: Part %q, Layout %q", k, p.Part, p.Layout)
		}
	}

	var u UnitParams
	page(t, vi, "don-vi/a", &u)
	if d := cmp.Diff(wantParts("don-vi/a", 0), u.Parts); d != "" || u.Rows != nil {
		t.Errorf("unit page: rows %d, parts (-want +got):\n%s", len(u.Rows), d)
	}
	page(t, vi, "don-vi/a/phan-2", &u)
	var got []string
	for _, r := range u.Rows {
		got = append(got, r.Code)
	}
	if d := cmp.Diff(codes(30, 60), got); d != "" {
		t.Errorf("unit part 2 rows (-want +got):\n%s", d)
	}
	if d := cmp.Diff(wantParts("don-vi/a", 2), u.Parts); d != "" {
		t.Errorf("unit part 2 parts (-want +got):\n%s", d)
	}

	// The scorecard counts the whole catalogue; its parts count their rows.
	var card ScorecardParams
	page(t, vi, "the-diem/b", &card)
	if card.Rows != nil || card.Bases != nil || card.Sources != nil || card.Reported != 90-18 {
		t.Errorf("scorecard of B: %d rows, reported %d (want 72), bases %v, sources %v", len(card.Rows), card.Reported, card.Bases, card.Sources)
	}
	reported, targets := 0, 0
	for k := 1; k <= 3; k++ {
		var pc ScorecardParams
		page(t, vi, fmt.Sprintf("the-diem/b/phan-%d", k), &pc)
		reported += pc.Reported
		targets += pc.Targets
		if len(pc.Rows) != 30 || len(pc.Sources) != 1 {
			t.Errorf("scorecard part %d: %d rows, sources %v", k, len(pc.Rows), pc.Sources)
		}
	}
	if reported != card.Reported || targets != card.Targets {
		t.Errorf("parts report %d figures and %d targets, the scorecard %d and %d", reported, targets, card.Reported, card.Targets)
	}

	// The report keeps its summary and limits; each part has the paragraph
	// and the row of each of its indicators, and nothing else.
	var rp ReportParams
	page(t, en, "bao-cao/2024-q4", &rp)
	if rp.Summary == nil || rp.Limits == nil || rp.Details != nil || rp.Rows != nil || len(rp.Parts) != 3 {
		t.Errorf("report: summary %v, limits %v, %d details, %d rows, %d parts", rp.Summary != nil, rp.Limits != nil, len(rp.Details), len(rp.Rows), len(rp.Parts))
	}
	want := "As of Q4 2024, T district had figures for 90 of 90 indicators; of the 30 with a target, "
	if got := spansText(rp.Summary); len(got) < len(want) || got[:len(want)] != want {
		t.Errorf("summary of a long catalogue = %q, want it to start %q", got, want)
	}
	for k := 1; k <= 3; k++ {
		var part ReportParams
		page(t, en, fmt.Sprintf("bao-cao/2024-q4/phan-%d", k), &part)
		var named []string
		for _, para := range part.Details {
			named = append(named, "I"+para.Spans[0].Text[len("Indicator I"):])
		}
		if d := cmp.Diff(codes(30*(k-1), 30*k), named); d != "" {
			t.Errorf("report part %d paragraphs (-want +got):\n%s", k, d)
		}
		if len(part.Rows) != 30 || part.Summary != nil || part.Limits != nil || part.Editorial {
			t.Errorf("report part %d: %d rows, summary %v, limits %v", k, len(part.Rows), part.Summary != nil, part.Limits != nil)
		}
	}

	// Reporting status: the total on the section page, the rows on the parts.
	var rs, full ReportingParams
	page(t, vi, "tinh-trang", &rs)
	if rs.Rows != nil || len(rs.Total) != 2 || len(rs.Parts) != 3 {
		t.Errorf("reporting section: %d rows, total %v, %d parts", len(rs.Rows), rs.Total, len(rs.Parts))
	}
	var all []CompletenessRow
	for k := 1; k <= 3; k++ {
		page(t, vi, fmt.Sprintf("tinh-trang/phan-%d", k), &full)
		all = append(all, full.Rows...)
	}
	if len(all) != 90 || all[0].Code != "I001" || all[89].Code != "I090" || all[0].Cells[1].Text != "1/2" || all[1].Cells[1].Text != "2/2" {
		t.Errorf("reporting rows over the parts: %d, first %+v", len(all), all[0])
	}

	// Nothing else is split, and no page is listed twice.
	var paths []string
	for _, p := range vi.Pages {
		paths = append(paths, p.Path)
	}
	if n := len(paths); n != len(slices.Compact(slices.Sorted(slices.Values(paths)))) {
		t.Errorf("%d pages, some path twice", n)
	}
}

// TestShortCatalogueIsNotSplit: a district's catalogue stays on one page.
func TestShortCatalogueIsNotSplit(t *testing.T) {
	t.Parallel()
	vi, _, _ := docs(t, Input{Analysis: analyse.Run(longCatalogue(maxPerPage))})
	for _, p := range vi.Pages {
		if p.Part != "" || p.Layout != "" && p.Layout != "releases" {
			t.Errorf("page %s is a part (%q, layout %q)", p.Path, p.Part, p.Layout)
		}
	}
	if len(vi.Home.Tiles) != maxPerPage || vi.Home.Parts != nil {
		t.Errorf("home: %d tiles, parts %v", len(vi.Home.Tiles), vi.Home.Parts)
	}
}

func spansText(ps []Paragraph) string {
	s := ""
	for _, p := range ps {
		for _, sp := range p.Spans {
			s += sp.Text
		}
	}
	return s
}
