package narrative_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/narrative"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/source"
)

func f(v float64) *float64 { return &v }

// row is one snapshot row: value "" is missing, "n/d" gives numerator and
// denominator (and, for a percent, the value 100*n/d, as the loader does).
type row struct {
	unit, ind, value string
}

// fixture is a district (064) with two communes. The district reports
// most indicators itself; R1 is only reported by the communes, so its
// district figure is a roll-up.
//
//	P1 percent up    80.5% (161/200) → 90% (45/50): +9.5 points; 2025 target 95% not met
//	R1 percent up    roll-up 55/58 = 94.83% → 57/58 = 98.28%: +3.5 points; 2024 target 98% met
//	C1 count up      1200 → 1534: +334
//	U1 percent up    75 → 75.04: unchanged once rounded
//	M1 count up      12 → missing in Q4 → 15 in 2025-Q1 (compared with Q3)
//	D1 count down    12 → 7: −5; 2024 target 10 (at most) met in Q4, not in Q3
func fixture() *model.Dataset {
	ds := &model.Dataset{
		Indicators: []model.Indicator{
			{Code: "P1", Name: model.Text{VI: "Tỷ lệ hồ sơ xử lý trực tuyến", EN: "Applications processed online"}, Measure: model.Percent, Direction: model.Up},
			{Code: "R1", Name: model.Text{VI: "Tỷ lệ cán bộ có máy tính", EN: "Staff with a work computer"}, Measure: model.Percent, Direction: model.Up},
			{Code: "C1", Name: model.Text{VI: "Số thủ tục hành chính trực tuyến toàn trình", EN: "Fully online procedures"}, Measure: model.Count, Direction: model.Up},
			{Code: "U1", Name: model.Text{VI: "Tỷ lệ văn bản ký số", EN: "Documents signed digitally"}, Measure: model.Percent, Direction: model.Up},
			{Code: "M1", Name: model.Text{VI: "Số cuộc họp trực tuyến", EN: "Online meetings"}, Measure: model.Count, Direction: model.Up},
			{Code: "D1", Name: model.Text{VI: "Số hồ sơ trễ hạn", EN: "Late applications"}, Measure: model.Count, Direction: model.Down},
		},
		Units: []model.Unit{
			{Code: "064", Name: model.Text{VI: "Huyện Chợ Đồn", EN: "Chợ Đồn district"}, Kind: "district"},
			{Code: "A", Name: model.Text{VI: "Xã Đồng Lạc", EN: "Đồng Lạc commune"}, Kind: "commune", Parent: "064"},
			{Code: "B", Name: model.Text{VI: "Xã Yên Thịnh", EN: "Yên Thịnh commune"}, Kind: "commune", Parent: "064"},
		},
		Targets: []model.Target{
			{Indicator: "P1", Unit: model.AllUnits, Year: 2025, Value: 95, Basis: model.Text{VI: "Quyết định số 942/QĐ-TTg", EN: "Decision No. 942/QĐ-TTg"}},
			{Indicator: "R1", Unit: model.AllUnits, Year: 2024, Value: 98, Basis: model.Text{VI: "Kế hoạch số 45/KH-UBND", EN: "Plan No. 45/KH-UBND"}},
			{Indicator: "D1", Unit: "064", Year: 2024, Value: 10, Basis: model.Text{VI: "Kế hoạch số 12/KH-UBND", EN: "Plan No. 12/KH-UBND"}},
		},
	}
	snap := func(p string, rows ...row) {
		s := model.Snapshot{Period: period.MustParse(p), File: "data/snapshots/" + p + ".csv"}
		for i, r := range rows {
			o := model.Observation{
				Period: s.Period, Unit: r.unit, Indicator: r.ind,
				At: source.Origin{Row: source.Position{File: s.File, Line: i + 2, Column: 1}},
			}
			var n, d float64
			if _, err := fmt.Sscanf(r.value, "%g/%g", &n, &d); err == nil {
				o.Numerator, o.Denominator = f(n), f(d)
				if ind, _ := ds.Indicator(r.ind); ind.Measure == model.Percent {
					o.Value = f(100 * n / d)
				} else {
					o.Value = f(n)
				}
			} else if r.value != "" {
				var v float64
				if _, err := fmt.Sscanf(r.value, "%g", &v); err != nil {
					panic(err)
				}
				o.Value = f(v)
			}
			s.Observations = append(s.Observations, o)
		}
		ds.Snapshots = append(ds.Snapshots, s)
	}
	snap("2024-Q3",
		row{"064", "P1", "161/200"},
		row{"A", "R1", "26/28"},
		row{"B", "R1", "29/30"},
		row{"064", "C1", "1200"},
		row{"064", "U1", "75"},
		row{"064", "M1", "12"},
		row{"064", "D1", "12"},
	)
	snap("2024-Q4",
		row{"064", "P1", "45/50"},
		row{"A", "R1", "27/28"},
		row{"B", "R1", "30/30"},
		row{"064", "C1", "1534"},
		row{"064", "U1", "75.04"},
		row{"064", "M1", ""},
		row{"064", "D1", "7"},
	)
	snap("2025-Q1",
		row{"064", "M1", "15"},
	)
	return ds
}

func TestSummary(t *testing.T) {
	a := analyse.Run(fixture())
	tests := []struct {
		period string
		lang   model.Lang
		want   []string
	}{
		{"2024-Q4", model.VI, []string{
			"Đến quý IV/2024, huyện Chợ Đồn có số liệu của 5/6 chỉ số.",
			"Tỷ lệ hồ sơ xử lý trực tuyến: 90% (45/50), tăng 9,5 điểm phần trăm so với quý III/2024; chưa đạt mục tiêu 95% đến năm 2025 (Quyết định số 942/QĐ-TTg).",
			"Tỷ lệ cán bộ có máy tính: 98,3% (57/58), tăng 3,5 điểm phần trăm so với quý III/2024; đạt mục tiêu 98% đến năm 2024 (Kế hoạch số 45/KH-UBND).",
			"Số thủ tục hành chính trực tuyến toàn trình: 1.534, tăng 334 so với quý III/2024.",
			"Tỷ lệ văn bản ký số: 75%, không đổi so với quý III/2024.",
			"Số hồ sơ trễ hạn: 7, giảm 5 so với quý III/2024; đạt mục tiêu không quá 10 đến năm 2024 (Kế hoạch số 12/KH-UBND).",
		}},
		{"2024-Q4", model.EN, []string{
			"As of Q4 2024, Chợ Đồn district had figures for 5 of 6 indicators.",
			"Applications processed online: 90% (45/50), up 9.5 percentage points from Q3 2024; target of 95% by 2025 not yet met (Decision No. 942/QĐ-TTg).",
			"Staff with a work computer: 98.3% (57/58), up 3.5 percentage points from Q3 2024; target of 98% by 2024 met (Plan No. 45/KH-UBND).",
			"Fully online procedures: 1,534, up 334 from Q3 2024.",
			"Documents signed digitally: 75%, unchanged from Q3 2024.",
			"Late applications: 7, down 5 from Q3 2024; target of at most 10 by 2024 met (Plan No. 12/KH-UBND).",
		}},
		// The first period: nothing to compare with.
		{"2024-Q3", model.VI, []string{
			"Đến quý III/2024, huyện Chợ Đồn có số liệu của 6/6 chỉ số.",
			"Tỷ lệ hồ sơ xử lý trực tuyến: 80,5% (161/200); chưa đạt mục tiêu 95% đến năm 2025 (Quyết định số 942/QĐ-TTg).",
			"Tỷ lệ cán bộ có máy tính: 94,8% (55/58); chưa đạt mục tiêu 98% đến năm 2024 (Kế hoạch số 45/KH-UBND).",
			"Số thủ tục hành chính trực tuyến toàn trình: 1.200.",
			"Tỷ lệ văn bản ký số: 75%.",
			"Số cuộc họp trực tuyến: 12.",
			"Số hồ sơ trễ hạn: 12; chưa đạt mục tiêu không quá 10 đến năm 2024 (Kế hoạch số 12/KH-UBND).",
		}},
		{"2024-Q3", model.EN, []string{
			"As of Q3 2024, Chợ Đồn district had figures for 6 of 6 indicators.",
			"Applications processed online: 80.5% (161/200); target of 95% by 2025 not yet met (Decision No. 942/QĐ-TTg).",
			"Staff with a work computer: 94.8% (55/58); target of 98% by 2024 not yet met (Plan No. 45/KH-UBND).",
			"Fully online procedures: 1,200.",
			"Documents signed digitally: 75%.",
			"Online meetings: 12.",
			"Late applications: 12; target of at most 10 by 2024 not yet met (Plan No. 12/KH-UBND).",
		}},
		// M1 was missing in Q4: its change is against the last figure, Q3.
		{"2025-Q1", model.VI, []string{
			"Đến quý I/2025, huyện Chợ Đồn có số liệu của 1/6 chỉ số.",
			"Số cuộc họp trực tuyến: 15, tăng 3 so với quý III/2024.",
		}},
		{"2025-Q1", model.EN, []string{
			"As of Q1 2025, Chợ Đồn district had figures for 1 of 6 indicators.",
			"Online meetings: 15, up 3 from Q3 2024.",
		}},
		// A period without any snapshot.
		{"2023", model.VI, []string{"Đến năm 2023, huyện Chợ Đồn có số liệu của 0/6 chỉ số."}},
		{"2023", model.EN, []string{"As of 2023, Chợ Đồn district had figures for 0 of 6 indicators."}},
	}
	for _, tt := range tests {
		t.Run(tt.period+"/"+string(tt.lang), func(t *testing.T) {
			got := texts(narrative.Summary(a, tt.lang, period.MustParse(tt.period)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Summary =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestSummaryLinks checks the spans of one sentence: the figure alone is
// linked, to its own indicator, and nothing else is.
func TestSummaryLinks(t *testing.T) {
	a := analyse.Run(fixture())
	ps := narrative.Summary(a, model.VI, period.MustParse("2024-Q4"))
	if len(ps) < 2 {
		t.Fatalf("got %d paragraphs", len(ps))
	}
	for _, s := range ps[0].Spans {
		if s.Indicator != "" {
			t.Errorf("opening sentence links %q to %s", s.Text, s.Indicator)
		}
	}
	want := []narrative.Span{
		{Text: "Tỷ lệ hồ sơ xử lý trực tuyến: "},
		{Text: "90%", Indicator: "P1"},
		{Text: " (45/50)"},
		{Text: ", tăng 9,5 điểm phần trăm so với quý III/2024"},
		{Text: "; chưa đạt mục tiêu 95% đến năm 2025 (Quyết định số 942/QĐ-TTg)"},
		{Text: "."},
	}
	if !slices.Equal(ps[1].Spans, want) {
		t.Errorf("spans =\n%q\nwant\n%q", ps[1].Spans, want)
	}
}

// TestFiguresAreAnalysisValues checks that every linked number in the
// narrative is the analysis value it claims to be, in every period and
// language, for the fixture and for the sample site in the repository.
func TestFiguresAreAnalysisValues(t *testing.T) {
	datasets := map[string]*model.Dataset{"fixture": fixture()}
	if ds, err := load.Dataset(os.DirFS("../..")); err == nil {
		datasets["sample site"] = ds
	} else {
		t.Errorf("loading the sample site: %v", err)
	}
	for name, ds := range datasets {
		t.Run(name, func(t *testing.T) {
			a := analyse.Run(ds)
			top := ds.Top()
			periods := append(a.Periods(), period.MustParse("2000"))
			figures := 0
			for _, p := range periods {
				for _, lang := range model.Langs {
					ps := narrative.Summary(a, lang, p)
					linked := map[string]int{}
					for _, para := range ps {
						for _, s := range para.Spans {
							if s.Indicator == "" {
								continue
							}
							figures++
							linked[s.Indicator]++
							ind, ok := ds.Indicator(s.Indicator)
							if !ok {
								t.Errorf("%s %s: span %q links to unknown indicator %q", p, lang, s.Text, s.Indicator)
								continue
							}
							pt, ok := a.At(top.Code, ind.Code, p)
							if !ok {
								t.Errorf("%s %s: span %q of %s has no analysis value", p, lang, s.Text, ind.Code)
								continue
							}
							if want := locale.Value(lang, ind.Measure, pt.Value); s.Text != want {
								t.Errorf("%s %s: span of %s = %q, analysis value %v prints %q", p, lang, ind.Code, s.Text, pt.Value, want)
							}
						}
					}
					// Exactly one linked figure per indicator with a value,
					// and the opening sentence counts them.
					with := 0
					for _, ind := range ds.Indicators {
						_, has := a.At(top.Code, ind.Code, p)
						if has {
							with++
						}
						if n := linked[ind.Code]; (has && n != 1) || (!has && n != 0) {
							t.Errorf("%s %s: %s linked %d times, has value: %v", p, lang, ind.Code, n, has)
						}
					}
					if len(ps) != with+1 {
						t.Errorf("%s %s: %d paragraphs, want the opening and %d", p, lang, len(ps), with)
					}
					count := fmt.Sprintf("%d/%d chỉ số", with, len(ds.Indicators))
					if lang == model.EN {
						count = fmt.Sprintf("%d of %d indicators", with, len(ds.Indicators))
					}
					if !strings.Contains(ps[0].String(), count) {
						t.Errorf("%s %s: opening %q does not say %q", p, lang, ps[0], count)
					}
				}
			}
			if figures == 0 {
				t.Error("no linked figures at all")
			}
		})
	}
}

var (
	// A change amount of a percent names its unit in words.
	percentChange = map[model.Lang]*regexp.Regexp{
		model.VI: regexp.MustCompile(`(?:tăng|giảm) \d[\d.,]* điểm phần trăm so với `),
		model.EN: regexp.MustCompile(`(?:up|down) \d[\d.,]* percentage points? from `),
	}
	// Any change amount.
	anyChange = regexp.MustCompile(`(?:tăng|giảm|up|down) \d[\d.,]*`)
	// A percent sign right after an amount.
	percentAfterChange = regexp.MustCompile(`(?:tăng|giảm|up|down) \d[\d.,]*\s*%`)
)

// TestChangeWording checks that no change is written with "%" and that the
// change of a percent is in percentage points, while a count's is not.
func TestChangeWording(t *testing.T) {
	datasets := map[string]*model.Dataset{"fixture": fixture()}
	if ds, err := load.Dataset(os.DirFS("../..")); err == nil {
		datasets["sample site"] = ds
	}
	for name, ds := range datasets {
		t.Run(name, func(t *testing.T) {
			a := analyse.Run(ds)
			changes := 0
			for _, p := range a.Periods() {
				for _, lang := range model.Langs {
					for _, para := range narrative.Summary(a, lang, p)[1:] {
						text := para.String()
						if m := percentAfterChange.FindString(text); m != "" {
							t.Errorf("%s %s: %q writes a change as a percent: %q", p, lang, text, m)
						}
						ind := indicatorOf(ds, para)
						if ind.Code == "" {
							t.Errorf("%s %s: sentence without a linked figure: %q", p, lang, text)
							continue
						}
						for _, m := range anyChange.FindAllString(text, -1) {
							changes++
							points := percentChange[lang].MatchString(text)
							if ind.Measure == model.Percent && !points {
								t.Errorf("%s %s: percent change %q is not in percentage points: %q", p, lang, m, text)
							}
							if ind.Measure != model.Percent && (points || strings.Contains(text, "phần trăm") || strings.Contains(text, "percentage point")) {
								t.Errorf("%s %s: %s is a %s, but its change is in points: %q", p, lang, ind.Code, ind.Measure, text)
							}
						}
					}
				}
			}
			if changes == 0 {
				t.Error("no change sentences at all")
			}
		})
	}
}

// indicatorOf returns the indicator whose figure the sentence links.
func indicatorOf(ds *model.Dataset, p narrative.Paragraph) model.Indicator {
	for _, s := range p.Spans {
		if s.Indicator != "" {
			ind, _ := ds.Indicator(s.Indicator)
			return ind
		}
	}
	return model.Indicator{}
}

func texts(ps []narrative.Paragraph) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// TestWordingPatterns keeps the checks of TestChangeWording honest: each
// pattern catches the wording it is meant to catch.
func TestWordingPatterns(t *testing.T) {
	tests := []struct {
		re   *regexp.Regexp
		text string
		want bool
	}{
		{percentAfterChange, "Tỷ lệ: 90%, tăng 5% so với quý III/2024.", true},
		{percentAfterChange, "Rate: 90%, up 2.5 % from Q3 2024.", true},
		{percentAfterChange, "Tỷ lệ: 90%, tăng 5 điểm phần trăm so với quý III/2024.", false},
		{percentAfterChange, "Số: 1.534, tăng 334 so với quý III/2024; đạt mục tiêu 95%.", false},
		{percentChange[model.VI], "Tỷ lệ: 90%, giảm 0,5 điểm phần trăm so với quý III/2024.", true},
		{percentChange[model.VI], "Tỷ lệ: 90%, tăng 5 so với quý III/2024.", false},
		{percentChange[model.EN], "Rate: 90%, up 1 percentage point from Q3 2024.", true},
		{percentChange[model.EN], "Rate: 90%, up 1.5 percentage points from Q3 2024.", true},
		{percentChange[model.EN], "Rate: 90%, up 1.5 points from Q3 2024.", false},
		{anyChange, "Tỷ lệ văn bản ký số: 75%, không đổi so với quý III/2024.", false},
		{anyChange, "Late applications: 7, down 5 from Q3 2024.", true},
	}
	for _, tt := range tests {
		if got := tt.re.MatchString(tt.text); got != tt.want {
			t.Errorf("%s matches %q = %v, want %v", tt.re, tt.text, got, tt.want)
		}
	}
}
