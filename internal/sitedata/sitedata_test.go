package sitedata

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/validate"
)

func sample(t *testing.T) *analyse.Analysis {
	t.Helper()
	ds, err := load.Dataset(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	if err := validate.Dataset(ds, validate.Options{}); err != nil {
		t.Fatal(err)
	}
	return analyse.Run(ds)
}

func docs(t *testing.T, in Input) (vi, en Doc, charts map[string]map[string]json.RawMessage) {
	t.Helper()
	files, err := Files(in)
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]any{"data/minhbach/vi.json": &vi, "data/minhbach/en.json": &en, "data/minhbach/charts.json": &charts} {
		if err := json.Unmarshal(files[name], v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return vi, en, charts
}

func TestHomeTilesAreFormattedPerLanguage(t *testing.T) {
	vi, en, _ := docs(t, Input{Analysis: sample(t)})
	tile := func(d Doc, code string) Tile {
		for _, tl := range d.Home.Tiles {
			if tl.Code == code {
				return tl
			}
		}
		t.Fatalf("no tile %s", code)
		return Tile{}
	}
	for _, tc := range []struct {
		doc  Doc
		code string
		want Figure
	}{
		{vi, "VB01", Figure{Value: "90%", Ratio: "3.888/4.320", Change: "+3,5 điểm", Trend: "better", Status: "not-achieved", Target: "100% (2025)", Coverage: "28/28", RolledUp: true}},
		{en, "VB01", Figure{Value: "90%", Ratio: "3,888/4,320", Change: "+3.5 pts", Trend: "better", Status: "not-achieved", Target: "100% (2025)", Coverage: "28/28", RolledUp: true}},
		// A count where lower is better: 34 → 26 obsolete computers is better.
		{vi, "HT04", Figure{Value: "26", Change: "−8", Trend: "better", Status: "no-target", Coverage: "20/20", RolledUp: true}},
		// The district's own row, not a roll-up: its source line is linked.
		{vi, "NL02", Figure{Value: "2", Change: "0", Trend: "same", Status: "no-target", Source: "data/snapshots/2024-Q4.csv:2", SourceURL: "du-lieu/snapshots/2024-Q4.csv"}},
	} {
		got := tile(tc.doc, tc.code).Figure
		got.Period, got.ChangeLong, got.Basis, got.Note = "", "", "", ""
		if got != tc.want {
			t.Errorf("%s tile:\n got %+v\nwant %+v", tc.code, got, tc.want)
		}
	}
	if got := tile(vi, "VB01").ChangeLong; got != "tăng 3,5 điểm phần trăm so với quý III/2024" {
		t.Errorf("VB01 change_long = %q", got)
	}
	if got := tile(en, "VB01").ChangeLong; got != "up 3.5 percentage points from Q3 2024" {
		t.Errorf("VB01 change_long (en) = %q", got)
	}
}

func TestPagesAndCharts(t *testing.T) {
	a := sample(t)
	vi, en, charts := docs(t, Input{Analysis: a})
	ds := a.Dataset()
	want := 3 + len(ds.Indicators) + len(ds.Units) + len(a.Periods()) + 1
	if len(vi.Pages) != want || len(en.Pages) != want {
		t.Fatalf("pages: vi %d, en %d, want %d", len(vi.Pages), len(en.Pages), want)
	}
	for i := range vi.Pages {
		if vi.Pages[i].Path != en.Pages[i].Path {
			t.Errorf("page %d: paths differ between languages (%s, %s): translations would not pair", i, vi.Pages[i].Path, en.Pages[i].Path)
		}
	}
	for _, ind := range ds.Indicators {
		ids := []string{"trend-"}
		if ind.Code != "NL02" { // reported by the district alone: no units to compare
			ids = append(ids, "units-")
		}
		for _, id := range ids {
			id += lower(ind.Code)
			if _, ok := charts["vi"][id]; !ok {
				t.Errorf("no chart %s", id)
			}
		}
	}
	if _, ok := charts["vi"]["units-nl02"]; ok {
		t.Error("NL02 has no unit rows, so no units chart")
	}
	// The same input gives the same bytes.
	f1, _ := Files(Input{Analysis: a})
	f2, _ := Files(Input{Analysis: a})
	for name := range f1 {
		if !bytes.Equal(f1[name], f2[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func lower(s string) string { return string(bytes.ToLower([]byte(s))) }

func TestEditorialMergedIntoItsReport(t *testing.T) {
	a := sample(t)
	q4 := period.MustParse("2024-Q4")
	vi, en, _ := docs(t, Input{Analysis: a, Editorial: []Editorial{
		{Period: q4, Lang: model.VI, Title: "Báo cáo riêng", Body: "## Hạn chế\n"},
	}})
	var found bool
	for _, p := range vi.Pages {
		if p.Path != "bao-cao/2024-q4" {
			continue
		}
		found = true
		if p.Title != "Báo cáo riêng" || p.Content == nil || p.Content.Value != "## Hạn chế\n" {
			t.Errorf("vi report = %+v", p)
		}
		params := p.Params.(map[string]any)
		if params["editorial"] != true || len(params["summary"].([]any)) == 0 {
			t.Errorf("vi report params: editorial %v, summary %v", params["editorial"], params["summary"])
		}
	}
	if !found {
		t.Fatal("no 2024-Q4 report page")
	}
	for _, p := range en.Pages {
		if p.Path == "bao-cao/2024-q4" && p.Content != nil {
			t.Error("the Vietnamese editorial text leaked into the English report")
		}
	}
}

func TestTrend(t *testing.T) {
	up := model.Indicator{Measure: model.Percent, Direction: model.Up}
	down := model.Indicator{Measure: model.Count, Direction: model.Down}
	for _, tc := range []struct {
		ind       model.Indicator
		prev, cur float64
		want      string
	}{
		{up, 85.0, 86.1, "better"},
		{up, 85.04, 85.01, "same"}, // both shown as 85%
		{up, 90, 89.9, "worse"},
		{down, 34, 26, "better"},
		{down, 26, 27, "worse"},
		{down, 26, 26.4, "same"},
	} {
		if got := trend(tc.ind, tc.prev, tc.cur); got != tc.want {
			t.Errorf("trend(%v, %v → %v) = %s, want %s", tc.ind.Direction, tc.prev, tc.cur, got, tc.want)
		}
	}
}
