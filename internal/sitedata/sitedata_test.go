package sitedata

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
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

// Doc is one language's pages with their view models made, as the
// templates would see them, for tests that look across pages.
type Doc struct {
	Home  Home
	Pages []DocPage
}

// DocPage is a page and its view model, decoded from JSON into maps.
type DocPage struct {
	Page
	Params any
}

func docs(t *testing.T, in Input) (vi, en Doc, charts map[string]map[string]json.RawMessage) {
	t.Helper()
	s := New(t.Context(), in)
	charts = map[string]map[string]json.RawMessage{}
	for _, lang := range model.Langs {
		l := string(lang)
		home, err := s.Home(l)
		if err != nil {
			t.Fatal(err)
		}
		d := Doc{Home: *home}
		charts[l] = map[string]json.RawMessage{}
		pages, err := s.List(l)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			v, err := s.View(l, p.Path)
			if err != nil {
				t.Fatal(err)
			}
			if ip, ok := v.(*IndicatorParams); ok {
				for _, c := range []ChartRef{ip.Trend, ip.Units} {
					if c.ID != "" {
						charts[l][c.ID] = json.RawMessage(c.Option)
					}
				}
			}
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			var params any
			if err := json.Unmarshal(b, &params); err != nil {
				t.Fatal(err)
			}
			d.Pages = append(d.Pages, DocPage{Page: p, Params: params})
		}
		if lang == model.VI {
			vi = d
		} else {
			en = d
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
		// 70.7% in Q1 2023 → 90%: 19.3 points in 1.75 years, 11 a year,
		// reaches 100% within 2025, the target year.
		{vi, "VB01", Figure{Value: "90%", Ratio: "3.888/4.320", Change: "+3,5 điểm", Trend: "better", Status: "on-track", Projected: "2025", Pace: "tăng 11 điểm phần trăm", Since: "quý I/2023", Target: "100% (2025)", Reported: "28/28 đơn vị đã báo cáo", RolledUp: true}},
		{en, "VB01", Figure{Value: "90%", Ratio: "3,888/4,320", Change: "+3.5 pts", Trend: "better", Status: "on-track", Projected: "2025", Pace: "rising 11 percentage points", Since: "Q1 2023", Target: "100% (2025)", Reported: "28 of 28 units reported", RolledUp: true}},
		// A count where lower is better: 34 → 26 obsolete computers is better.
		{vi, "HT04", Figure{Value: "26", Change: "−8", Trend: "better", Status: "no-target", Reported: "20/20 đơn vị đã báo cáo", RolledUp: true}},
		// The district's own row, not a roll-up: its source line is linked.
		{vi, "NL02", Figure{Value: "2", Change: "không đổi", Trend: "same", Status: "no-target", Source: "data/snapshots/2024-Q4.csv:2", SourceURL: "du-lieu/snapshots/2024-Q4.csv"}},
	} {
		got := tile(tc.doc, tc.code).Figure
		got.Period, got.ChangeLong, got.Basis, got.Note = "", "", "", ""
		if got != tc.want {
			t.Errorf("%s tile:\n got %+v\nwant %+v", tc.code, got, tc.want)
		}
	}
	if got := tile(vi, "VB01").Figure.ChangeLong; got != "tăng 3,5 điểm phần trăm so với quý III/2024" {
		t.Errorf("VB01 change_long = %q", got)
	}
	if got := tile(en, "VB01").Figure.ChangeLong; got != "up 3.5 percentage points from Q3 2024" {
		t.Errorf("VB01 change_long (en) = %q", got)
	}
}

func TestPagesAndCharts(t *testing.T) {
	a := sample(t)
	vi, en, charts := docs(t, Input{Analysis: a})
	ds := a.Dataset()
	if len(vi.Pages) != len(en.Pages) {
		t.Fatalf("pages: vi %d, en %d", len(vi.Pages), len(en.Pages))
	}
	count := map[string]int{}
	for _, p := range vi.Pages {
		section, _, _ := strings.Cut(p.Path, "/")
		count[section]++
	}
	for section, want := range map[string]int{
		string(route.Indicators):  1 + len(ds.Indicators),
		string(route.Units):       1 + len(ds.Units),
		string(route.Reports):     1 + len(a.Periods()),
		string(route.Data):        2, // and the list of its releases
		string(route.Methodology): 1,
	} {
		if count[section] != want {
			t.Errorf("%d pages under %s/, want %d", count[section], section, want)
		}
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
	// The same input gives the same view models.
	vi2, _, charts2 := docs(t, Input{Analysis: a})
	j1, _ := json.Marshal([]any{vi, charts})
	j2, _ := json.Marshal([]any{vi2, charts2})
	if !bytes.Equal(j1, j2) {
		t.Error("two runs over the same input give different pages")
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

// page finds a page by path and decodes its params into v.
func page(t *testing.T, d Doc, path string, v any) DocPage {
	t.Helper()
	for _, p := range d.Pages {
		if p.Path == path {
			b, err := json.Marshal(p.Params)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, v); err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	t.Fatalf("no page %s", path)
	return DocPage{}
}

// TestReportFiguresLandOnTheirRows follows every link of every report's
// generated text: a figure's link must land on the table row of the
// indicator page that shows the same number, and that row names its
// source (a snapshot line, or the units rolled up).
func TestReportFiguresLandOnTheirRows(t *testing.T) {
	a := sample(t)
	vi, en, _ := docs(t, Input{Analysis: a})
	for _, d := range []Doc{vi, en} {
		rows := map[string]Figure{} // "chi-so/vb01/#p-2024-q4" → the row's figure
		for _, ind := range a.Dataset().Indicators {
			var ip IndicatorParams
			path := route.Indicator(ind.Code)
			page(t, d, path, &ip)
			for _, r := range ip.TrendRows {
				rows[path+"/#"+r.ID] = r.Figure
			}
			for _, r := range ip.UnitRows {
				rows[path+"/#"+r.ID] = r.Figure
			}
		}
		links := 0
		for _, per := range a.Periods() {
			var rp ReportParams
			page(t, d, route.Report(per), &rp)
			for _, para := range slicesConcat(rp.Summary, rp.Headlines, rp.Details, rp.Limits) {
				for _, s := range para.Spans {
					if s.Kind != "value" {
						continue
					}
					fig, ok := rows[s.Path]
					if !ok {
						// A unit's figure of an earlier period is not on
						// the indicator page's table (only the latest is).
						if !strings.Contains(s.Path, "#") && strings.HasPrefix(s.Path, string(route.Indicators)+"/") {
							continue
						}
						t.Errorf("%s: %q links to %s, which is no table row", per, s.Text, s.Path)
						continue
					}
					links++
					if fig.Value != s.Text {
						t.Errorf("%s: %q links to %s, a row showing %q", per, s.Text, s.Path, fig.Value)
					}
					if fig.Source == "" && fig.Reported == "" {
						t.Errorf("%s: row %s names no source", per, s.Path)
					}
				}
			}
		}
		if links < 100 {
			t.Errorf("only %d figure links checked", links)
		}
	}
}

func slicesConcat(ps ...[]Paragraph) []Paragraph {
	var out []Paragraph
	for _, p := range ps {
		out = append(out, p...)
	}
	return out
}

func TestEditorialReplacesSummary(t *testing.T) {
	a := sample(t)
	q4 := period.MustParse("2024-Q4")
	vi, en, _ := docs(t, Input{Analysis: a, Editorial: []Editorial{
		{Period: q4, Lang: model.VI, Body: "Tóm tắt riêng 12,5%.", Replace: true},
		{Period: q4, Lang: model.EN, Body: "Our own summary."},
	}})
	var rvi, ren ReportParams
	page(t, vi, "bao-cao/2024-q4", &rvi)
	page(t, en, "bao-cao/2024-q4", &ren)
	if !rvi.Replace || !rvi.Editorial || ren.Replace || !ren.Editorial {
		t.Errorf("replace: vi %v, en %v; want true, false", rvi.Replace, ren.Replace)
	}
	// The generated parts are still there, and the same either way.
	var plain ReportParams
	v0, _, _ := docs(t, Input{Analysis: a})
	page(t, v0, "bao-cao/2024-q4", &plain)
	a1, _ := json.Marshal([]any{rvi.Summary, rvi.Headlines, rvi.Details, rvi.Limits, rvi.Rows})
	a2, _ := json.Marshal([]any{plain.Summary, plain.Headlines, plain.Details, plain.Limits, plain.Rows})
	if !bytes.Equal(a1, a2) || len(rvi.Details) == 0 {
		t.Error("editorial text changed the generated parts of the report")
	}
}

// TestMethodologyExample recomputes the worked example from its own
// printed figures.
func TestMethodologyExample(t *testing.T) {
	vi, en, _ := docs(t, Input{Analysis: sample(t)})
	num := regexp.MustCompile(`^[\d.,]+`)
	for _, d := range []Doc{vi, en} {
		var mp MethodologyParams
		p := page(t, d, string(route.Methodology), &mp)
		if p.Content == nil || len(p.Content.Value) < 2000 || p.Kind != "section" {
			t.Fatalf("methodology page without its text: %+v", p)
		}
		if len(mp.Statuses) != 7 || mp.Statuses[0] != "achieved" {
			t.Errorf("statuses = %q", mp.Statuses)
		}
		ex := mp.Example
		if ex == nil {
			t.Fatal("no worked example")
		}
		// The example's figures are below 1,000: only the decimal mark
		// differs between the languages.
		parse := func(s string) float64 {
			v, err := strconv.ParseFloat(strings.ReplaceAll(num.FindString(s), ",", "."), 64)
			if err != nil {
				t.Fatalf("%q: %v", s, err)
			}
			return v
		}
		pace := (parse(ex.Current) - parse(ex.Baseline)) / parse(ex.Years)
		if got := parse(ex.Pace); got < pace-0.05 || got > pace+0.05 {
			t.Errorf("pace %s, but (%s − %s) / %s = %.3f", ex.Pace, ex.Current, ex.Baseline, ex.Years, pace)
		}
		if ex.Status != "on-track" || ex.Projected != "2025" || ex.Indicator == "" {
			t.Errorf("example = %+v", ex)
		}
	}
}
