package sitedata

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

// The small dataset of these tests, by hand. District T has communes A, B,
// C and an agency G that never reports. P is a percent, K a count, N a
// number reported once, Z an indicator nobody has reported.
//
//	        Q2          Q3            Q4
//	A  P  5/10=50%   11/20=55%     12/20=60%
//	A  K  3          2             1
//	A  N  4          –             –
//	B  P  6/10=60%   13/20=65%     empty row (line 4)
//	B  K  4          –             5
//	C  P  7/10=70%   15/20=75%     –  (C sends nothing in Q4)
//
// Expected to report (have ever reported): P {A,B,C}, K {A,B}, N {A}, Z {}.
func pagesDataset(prevVersion bool) *model.Dataset {
	f := func(v float64) *float64 { return &v }
	type o struct {
		unit, ind   string
		line        int
		v, num, den *float64
		note        string
	}
	snap := func(p string, rows ...o) model.Snapshot {
		s := model.Snapshot{Period: period.MustParse(p), File: "data/snapshots/" + p + ".csv"}
		for _, r := range rows {
			s.Observations = append(s.Observations, model.Observation{
				Period: s.Period, Unit: r.unit, Indicator: r.ind, Value: r.v, Numerator: r.num, Denominator: r.den, Note: r.note,
				At: diag.Origin{Row: diag.Position{File: s.File, Line: r.line, Column: 1}},
			})
		}
		return s
	}
	ds := &model.Dataset{
		Indicators: []model.Indicator{
			{Code: "P", Name: model.Text{VI: "Tỷ lệ P", EN: "Share P"}, Measure: model.Percent, Direction: model.Up},
			{Code: "K", Name: model.Text{VI: "Số K", EN: "Count K"}, Measure: model.Count, Direction: model.Down},
			{Code: "N", Name: model.Text{VI: "Điểm N", EN: "Score N"}, Measure: model.Number, Direction: model.Up},
			{Code: "Z", Name: model.Text{VI: "Chỉ số Z", EN: "Indicator Z"}, Measure: model.Percent, Direction: model.Up},
		},
		Units: []model.Unit{
			{Code: "T", Name: model.Text{VI: "Huyện T", EN: "T district"}, Kind: "district"},
			{Code: "A", Name: model.Text{VI: "Xã A", EN: "A commune"}, Kind: "commune", Parent: "T"},
			{Code: "B", Name: model.Text{VI: "Xã B", EN: "B commune"}, Kind: "commune", Parent: "T"},
			{Code: "C", Name: model.Text{VI: "Xã C", EN: "C commune"}, Kind: "commune", Parent: "T"},
			{Code: "G", Name: model.Text{VI: "Phòng G", EN: "G division"}, Kind: "agency", Parent: "T"},
		},
		Targets: []model.Target{{Indicator: "P", Unit: model.AllUnits, Year: 2025, Value: 60, Basis: model.Text{VI: "Quyết định 942", EN: "Decision 942"}}},
		Snapshots: []model.Snapshot{
			snap("2024-Q2",
				o{"A", "P", 2, f(50), f(5), f(10), ""}, o{"A", "K", 3, f(3), nil, nil, ""}, o{"A", "N", 4, f(4), nil, nil, ""},
				o{"B", "P", 5, f(60), f(6), f(10), ""}, o{"B", "K", 6, f(4), nil, nil, ""},
				o{"C", "P", 7, f(70), f(7), f(10), ""}),
			snap("2024-Q3",
				o{"A", "P", 2, f(55), f(11), f(20), ""}, o{"A", "K", 3, f(2), nil, nil, ""},
				o{"B", "P", 4, f(65), f(13), f(20), ""},
				o{"C", "P", 5, f(75), f(15), f(20), ""}),
			snap("2024-Q4",
				o{"A", "P", 2, f(60), f(12), f(20), ""}, o{"A", "K", 3, f(1), nil, nil, ""},
				o{"B", "P", 4, nil, nil, nil, "chưa tổng hợp xong"}, o{"B", "K", 5, f(5), nil, nil, ""}),
		},
	}
	if prevVersion {
		// What the previous build published: up to Q3, with A's P of Q3
		// as 10/20 and a K of 9 for B in Q3, both since corrected.
		ds.Snapshots = ds.Snapshots[:2]
		q3 := &ds.Snapshots[1]
		q3.Observations[0].Value, q3.Observations[0].Numerator = f(50), f(10)
		q3.Observations = append(q3.Observations, snap("2024-Q3", o{"B", "K", 6, f(9), nil, nil, ""}).Observations...)
	}
	return ds
}

// figuresOf is the figures file a build of ds publishes.
func figuresOf(t *testing.T, ds *model.Dataset) []byte {
	t.Helper()
	fsys := fstest.MapFS{"data/indicators.csv": {}, "data/units.csv": {}}
	for _, s := range ds.Snapshots {
		fsys[s.File] = &fstest.MapFile{}
	}
	files, err := export.Files(context.Background(), fsys, analyse.Run(ds), export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path == export.FiguresPath {
			return f.Data
		}
	}
	t.Fatal("no figures file")
	return nil
}

func TestReportingStatus(t *testing.T) {
	vi, en, _ := docs(t, Input{Analysis: analyse.Run(pagesDataset(false))})
	var got ReportingParams
	page(t, vi, "tinh-trang", &got)
	full := func(n, of int) Cell {
		return Cell{Text: itoa(n) + "/" + itoa(of), State: "full"}
	}
	part := func(n, of int) Cell {
		return Cell{Text: itoa(n) + "/" + itoa(of), State: "partial"}
	}
	none := func(of int) Cell { return Cell{Text: "0/" + itoa(of), State: "none"} }
	dash := Cell{Text: "–"}
	want := ReportingParams{
		Latest:  "quý IV/2024",
		Periods: []PeriodHead{{"II/2024", "quý II/2024"}, {"III/2024", "quý III/2024"}, {"IV/2024", "quý IV/2024"}},
		Rows: []CompletenessRow{
			{Code: "P", Indicator: "Tỷ lệ P", Path: "chi-so/p/", Cells: []Cell{full(3, 3), full(3, 3), part(1, 3)}},
			{Code: "K", Indicator: "Số K", Path: "chi-so/k/", Cells: []Cell{full(2, 2), part(1, 2), full(2, 2)}},
			{Code: "N", Indicator: "Điểm N", Path: "chi-so/n/", Cells: []Cell{full(1, 1), none(1), none(1)}},
			{Code: "Z", Indicator: "Chỉ số Z", Path: "chi-so/z/", Cells: []Cell{dash, dash, dash}},
		},
		// 3+2+1 expected per period; reported 6, 4 (P 3, K 1), 3 (P 1, K 2).
		Total:    []Cell{full(6, 6), part(4, 6), part(3, 6)},
		Complete: false,
		// C sent nothing in Q4; G never reports, so is not missing.
		MissingUnits: []Missing{{Name: "Xã C", Path: "don-vi/c/", Last: "quý III/2024"}},
		MissingIndicators: []Missing{
			{Name: "Điểm N", Path: "chi-so/n/", Last: "quý II/2024"},
			{Name: "Chỉ số Z", Path: "chi-so/z/"},
		},
		// B reported K in Q4 but left P empty; A's N is not listed again
		// (N is missing altogether), nor C's P (C is missing altogether).
		Stale: []StaleRow{{
			Unit: "Xã B", UnitPath: "don-vi/b/", Indicator: "Tỷ lệ P", IndicatorPath: "chi-so/p/",
			Value: "65%", Period: "quý III/2024",
			Row: "data/snapshots/2024-Q4.csv:4", RowURL: "du-lieu/snapshots/2024-Q4.csv", Note: "chưa tổng hợp xong",
		}},
	}
	if d := cmp.Diff(want, got, cmpopts.IgnoreUnexported(Missing{}, StaleRow{})); d != "" {
		t.Errorf("reporting status (-want +got):\n%s", d)
	}
	var gotEN ReportingParams
	page(t, en, "tinh-trang", &gotEN)
	if gotEN.Periods[2].Label != "Q4 2024" || gotEN.Stale[0].Period != "Q3 2024" || gotEN.MissingUnits[0].Name != "C commune" {
		t.Errorf("English reporting status not in English: %+v", gotEN)
	}

	// When everyone reported, the latest period is complete.
	ds := pagesDataset(false)
	ds.Snapshots = ds.Snapshots[:1]
	vi, _, _ = docs(t, Input{Analysis: analyse.Run(ds)})
	var one ReportingParams
	page(t, vi, "tinh-trang", &one)
	if !one.Complete || one.MissingUnits != nil || one.Stale != nil || len(one.MissingIndicators) != 1 {
		t.Errorf("one complete period: complete %v, missing units %v, stale %v, missing indicators %v (want only Z)", one.Complete, one.MissingUnits, one.Stale, one.MissingIndicators)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestChangesSincePreviousPeriodAndBuild(t *testing.T) {
	ds := pagesDataset(false)
	prev := figuresOf(t, pagesDataset(true))
	a := analyse.Run(ds)
	vi, en, _ := docs(t, Input{Analysis: a, Revisions: export.Revise(a, prev, nil)})
	var got ChangesParams
	page(t, vi, "thay-doi", &got)

	before := map[string]string{}
	for _, r := range got.Rows {
		before[r.Indicator] = r.Before + " → " + r.Figure.Value
	}
	// T's P is 12/20 in Q4 (A alone), 39/60 in Q3; T's K has no Q3 total
	// (B did not report it), so it is compared with Q2's 3+4.
	wantRows := map[string]string{"Tỷ lệ P": "65% (quý III/2024) → 60%", "Số K": "7 (quý II/2024) → 6", "Điểm N": " → ", "Chỉ số Z": " → "}
	if d := cmp.Diff(wantRows, before); d != "" {
		t.Errorf("top-unit rows (-want +got):\n%s", d)
	}
	wantNew := []NewValue{{Unit: "Xã B", UnitPath: "don-vi/b/", Indicator: "Số K", IndicatorPath: "chi-so/k/", Value: "5", Source: "data/snapshots/2024-Q4.csv:5", SourceURL: "du-lieu/snapshots/2024-Q4.csv"}}
	if d := cmp.Diff(wantNew, got.New, cmpopts.IgnoreUnexported(NewValue{})); d != "" {
		t.Errorf("new values (-want +got):\n%s", d)
	}

	// Against the previous build: Q4 is new; in Q3, A's P went from 10/20
	// to 11/20, and with it T's total from 38/60 to 39/60; B's K of 9 is
	// gone, and with it T's K total of 2+9.
	wantCmp := Comparison{
		State: "corrected", Latest: "quý III/2024", NewPeriods: []string{"quý IV/2024"},
		Corrections: []Correction{
			{Kind: "changed", Period: "quý III/2024", Unit: "Huyện T", UnitPath: "don-vi/t/", Indicator: "Tỷ lệ P", IndicatorPath: "chi-so/p/", Before: "63,3% (38/60)", After: "65% (39/60)", RolledUp: true},
			{Kind: "changed", Period: "quý III/2024", Unit: "Xã A", UnitPath: "don-vi/a/", Indicator: "Tỷ lệ P", IndicatorPath: "chi-so/p/", Before: "50% (10/20)", After: "55% (11/20)", Source: "data/snapshots/2024-Q3.csv:2", SourceURL: "du-lieu/snapshots/2024-Q3.csv"},
			{Kind: "removed", Period: "quý III/2024", Unit: "Huyện T", UnitPath: "don-vi/t/", Indicator: "Số K", IndicatorPath: "chi-so/k/", Before: "11", RolledUp: true},
			{Kind: "removed", Period: "quý III/2024", Unit: "Xã B", UnitPath: "don-vi/b/", Indicator: "Số K", IndicatorPath: "chi-so/k/", Before: "9"},
		},
	}
	if d := cmp.Diff(wantCmp, got.Previous); d != "" {
		t.Errorf("corrections (-want +got):\n%s", d)
	}
	var gotEN ChangesParams
	page(t, en, "thay-doi", &gotEN)
	if c := gotEN.Previous.Corrections[1]; c.Before != "50% (10/20)" || c.After != "55% (11/20)" || c.Period != "Q3 2024" || c.Unit != "A commune" {
		t.Errorf("English correction = %+v", c)
	}

	for _, tc := range []struct {
		name string
		prev []byte
		want string
	}{
		{"first build", nil, "first"},
		{"unreadable", []byte("not,a\nfigures file"), "unreadable"},
		{"same data", figuresOf(t, ds), "same"},
	} {
		vi, _, _ := docs(t, Input{Analysis: a, Revisions: export.Revise(a, tc.prev, nil)})
		var p ChangesParams
		page(t, vi, "thay-doi", &p)
		if p.Previous.State != tc.want || len(p.Previous.Corrections) != 0 {
			t.Errorf("%s: state %q with %d corrections, want %q and none", tc.name, p.Previous.State, len(p.Previous.Corrections), tc.want)
		}
	}
}

// TestCorrectionBelowShownPrecision: figures are compared as published
// (rounded), so a previous file written in full precision (before the
// downloads were rounded) that differs only below the shown decimal lists
// no correction, while one that shows differently does.
func TestCorrectionBelowShownPrecision(t *testing.T) {
	ds := pagesDataset(false)
	row := `"2024-Q2","C","Xã C","T","P","Tỷ lệ P",70.0,7,10`
	a := analyse.Run(ds)
	for _, tc := range []struct {
		value string
		n     int
	}{{"70.01", 0}, {"70.1", 1}} {
		prev := strings.Replace(string(figuresOf(t, ds)), row, strings.Replace(row, "70.0", tc.value, 1), 1)
		if prev == string(figuresOf(t, ds)) {
			t.Fatal("no row to edit")
		}
		vi, _, _ := docs(t, Input{Analysis: a, Revisions: export.Revise(a, []byte(prev), nil)})
		var p ChangesParams
		page(t, vi, "thay-doi", &p)
		if len(p.Previous.Corrections) != tc.n {
			t.Errorf("previous value %s: corrections = %+v, want %d", tc.value, p.Previous.Corrections, tc.n)
		}
	}
}

func TestScorecards(t *testing.T) {
	vi, en, _ := docs(t, Input{Analysis: analyse.Run(pagesDataset(false))})
	var b ScorecardParams
	if pg := page(t, vi, "the-diem/b", &b); pg.TitleI18n != "scorecardTitle" || pg.TitleArgs["unit"] != "Xã B" {
		t.Errorf("B scorecard title = %q %v", pg.TitleI18n, pg.TitleArgs)
	}
	if b.Unit != "Xã B" || b.Parent != "huyện T" || b.Period != "quý IV/2024" || b.UnitPath != "don-vi/b/" {
		t.Errorf("B scorecard header = %+v", b)
	}
	// B has figures for P (none in Q4) and K (5 in Q4, line 5).
	var codes []string
	for _, r := range b.Rows {
		codes = append(codes, r.Code+"="+r.Figure.Value+"/"+r.Figure.Status)
	}
	if d := cmp.Diff([]string{"P=/no-data", "K=5/no-target"}, codes); d != "" {
		t.Errorf("B rows (-want +got):\n%s", d)
	}
	if b.Reported != 1 || b.Targets != 0 || b.RolledUp || b.Rows[0].Ref != 1 {
		t.Errorf("B counts: reported %d, targets %d, rolled up %v, P's basis ref %d", b.Reported, b.Targets, b.RolledUp, b.Rows[0].Ref)
	}
	if d := cmp.Diff([]SourceLines{{File: "data/snapshots/2024-Q4.csv", Lines: "5", One: true}}, b.Sources); d != "" {
		t.Errorf("B sources (-want +got):\n%s", d)
	}

	var a ScorecardParams
	page(t, en, "the-diem/a", &a)
	// A: P 60% reaches the 60% target; K 1; N has no Q4 value.
	if a.Reported != 2 || a.Targets != 1 || a.Achieved != 1 || len(a.Rows) != 3 || a.Period != "Q4 2024" {
		t.Errorf("A counts: reported %d, targets %d, achieved %d, rows %d", a.Reported, a.Targets, a.Achieved, len(a.Rows))
	}
	if d := cmp.Diff([]string{"Decision 942"}, a.Bases); d != "" {
		t.Errorf("A bases (-want +got):\n%s", d)
	}
	if len(a.Sources) != 1 || a.Sources[0].Lines != "2–3" || a.Sources[0].One {
		t.Errorf("A sources = %+v", a.Sources)
	}

	var top ScorecardParams
	page(t, vi, "the-diem/t", &top)
	if !top.RolledUp || top.Sources != nil || top.Rows[0].Figure.Reported != "1/3 đơn vị đã báo cáo" {
		t.Errorf("T scorecard: rolled up %v, sources %v, P coverage %q", top.RolledUp, top.Sources, top.Rows[0].Figure.Reported)
	}

	// Each unit page links to its scorecard; the list has every unit.
	var u UnitParams
	page(t, vi, "don-vi/g", &u)
	if u.Scorecard != "the-diem/g/" {
		t.Errorf("G unit page links to %q", u.Scorecard)
	}
	n := 0
	for _, p := range vi.Pages {
		if strings.HasPrefix(p.Path, string(route.Scorecards)+"/") {
			n++
		}
	}
	if n != 5 {
		t.Errorf("%d scorecards, want one per unit (5)", n)
	}
}

func TestLineRanges(t *testing.T) {
	for _, tc := range []struct {
		in   []int
		want string
	}{
		{[]int{2}, "2"},
		{[]int{5, 6, 7, 9}, "5–7, 9"},
		{[]int{3, 1, 2, 2}, "1–3"},
		{[]int{10, 12, 14, 15}, "10, 12, 14–15"},
	} {
		if got := lineRanges(tc.in); got != tc.want {
			t.Errorf("lineRanges(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDataPageListsFiguresFileApart(t *testing.T) {
	ds := pagesDataset(false)
	fsys := fstest.MapFS{"data/indicators.csv": {}, "data/units.csv": {}}
	for _, s := range ds.Snapshots {
		fsys[s.File] = &fstest.MapFile{}
	}
	a := analyse.Run(ds)
	downloads, err := export.Files(context.Background(), fsys, a, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	vi, _, _ := docs(t, Input{Analysis: a, Downloads: downloads})
	var p DataParams
	page(t, vi, string(route.Data), &p)
	if p.Figures == nil || p.Figures.Path != "du-lieu/figures.csv" || len(p.Figures.SHA256) != 64 {
		t.Fatalf("figures file = %+v", p.Figures)
	}
	for _, f := range p.Files {
		if f.Kind == "figures" {
			t.Error("figures file listed twice")
		}
	}
	var cols []string
	for _, c := range p.Columns {
		cols = append(cols, c.Name)
		if c.Meaning == "" {
			t.Errorf("column %s has no meaning", c.Name)
		}
	}
	if d := cmp.Diff(export.FigureColumns, cols); d != "" {
		t.Errorf("columns (-want +got):\n%s", d)
	}
	if p.FiguresXLSX == nil || p.FiguresXLSX.Path != "du-lieu/figures.xlsx" {
		t.Errorf("figures workbook = %+v", p.FiguresXLSX)
	}
}

// TestLongListsSplitByParent: on a tree with more than one parent unit,
// the reporting and what-changed pages list counts per parent, and each
// parent's units' entries are on a page of their own, so no page grows
// with the number of communes. Here C moves under a middle unit M.
func TestLongListsSplitByParent(t *testing.T) {
	ds := pagesDataset(false)
	ds.Units = append(ds.Units, model.Unit{Code: "M", Name: model.Text{VI: "Cụm M", EN: "M cluster"}, Kind: "cluster", Parent: "T"})
	for i := range ds.Units {
		if ds.Units[i].Code == "C" {
			ds.Units[i].Parent = "M"
		}
	}
	vi, _, _ := docs(t, Input{Analysis: analyse.Run(ds)})
	var rp ReportingParams
	page(t, vi, "tinh-trang", &rp)
	if rp.MissingUnits != nil || rp.Stale != nil {
		t.Errorf("the section page still lists the gaps: %v %v", rp.MissingUnits, rp.Stale)
	}
	wantGroups := []Group{{Name: "Huyện T", Path: "tinh-trang/t/", Rows: 1}, {Name: "Cụm M", Path: "tinh-trang/m/", Units: 1}}
	if d := cmp.Diff(wantGroups, rp.Groups); d != "" {
		t.Errorf("reporting groups (-want +got):\n%s", d)
	}
	var gm ReportingGroupParams
	page(t, vi, "tinh-trang/m", &gm)
	if len(gm.MissingUnits) != 1 || gm.MissingUnits[0].Name != "Xã C" || len(gm.Stale) != 0 || gm.Parent.Path != "don-vi/m/" {
		t.Errorf("M's reporting page = %+v", gm)
	}
	var gt ReportingGroupParams
	page(t, vi, "tinh-trang/t", &gt)
	if len(gt.Stale) != 1 || gt.Stale[0].Unit != "Xã B" || len(gt.MissingUnits) != 0 {
		t.Errorf("T's reporting page = %+v", gt)
	}
	var cp ChangesParams
	page(t, vi, "thay-doi", &cp)
	if cp.New != nil {
		t.Errorf("the what-changed page still lists new figures: %v", cp.New)
	}
	var ct ChangesGroupParams
	page(t, vi, "thay-doi/t", &ct)
	if len(ct.New) != 1 || ct.New[0].Unit != "Xã B" || ct.New[0].Indicator != "Số K" {
		t.Errorf("T's new figures = %+v", ct.New)
	}
}

// TestErrataGroups: corrections, newest detection first, fall into one
// group per publication that found them, in order (the changes page shows
// the first and folds the others).
func TestErrataGroups(t *testing.T) {
	in := []Correction{{Detected: "quý IV/2024", Unit: "a"}, {Detected: "quý IV/2024", Unit: "b"}, {Detected: "quý II/2024", Unit: "c"}, {Detected: "quý I/2024", Unit: "d"}, {Detected: "quý I/2024", Unit: "e"}}
	got := errataGroups(in)
	var summary []string
	for _, g := range got {
		var units []string
		for _, c := range g.Rows {
			units = append(units, c.Unit)
		}
		summary = append(summary, g.Detected+": "+strings.Join(units, ","))
	}
	want := []string{"quý IV/2024: a,b", "quý II/2024: c", "quý I/2024: d,e"}
	if !slices.Equal(summary, want) {
		t.Errorf("groups %q, want %q", summary, want)
	}
	if errataGroups(nil) != nil {
		t.Error("groups of no errata")
	}
}
