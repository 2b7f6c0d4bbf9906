package narrative_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/golden"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/narrative"
	"github.com/minhbach/minhbach/internal/period"
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
//	C1 target 2000 by 2024: off track, 1336 a year reaches it in 2025
//	U1 percent up    75 → 75.04: unchanged once rounded; 2025 target 90: off track, not moving
//	W1 percent up    60 → 55: 2025 target 80: moving away
//	M1 count up      12 → missing in Q4 → 15 in 2025-Q1 (compared with Q3); 2024 target 20: deadline passed
//	D1 count down    12 → 7: −5; 2024 target 10 (at most) met in Q4, not in Q3
func fixture() *model.Dataset {
	ds := &model.Dataset{
		Indicators: []model.Indicator{
			{Code: "P1", Name: model.Text{VI: "Tỷ lệ hồ sơ xử lý trực tuyến", EN: "Applications processed online"}, Measure: model.Percent, Direction: model.Up},
			{Code: "R1", Name: model.Text{VI: "Tỷ lệ cán bộ có máy tính", EN: "Staff with a work computer"}, Measure: model.Percent, Direction: model.Up},
			{Code: "C1", Name: model.Text{VI: "Số thủ tục hành chính trực tuyến toàn trình", EN: "Fully online procedures"}, Measure: model.Count, Direction: model.Up},
			{Code: "U1", Name: model.Text{VI: "Tỷ lệ văn bản ký số", EN: "Documents signed digitally"}, Measure: model.Percent, Direction: model.Up},
			{Code: "W1", Name: model.Text{VI: "Tỷ lệ cuộc họp có biên bản điện tử", EN: "Share of meetings with electronic minutes"}, Measure: model.Percent, Direction: model.Up},
			{Code: "M1", Name: model.Text{VI: "Số cuộc họp trực tuyến", EN: "Number of online meetings"}, Measure: model.Count, Direction: model.Up},
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
			{Indicator: "C1", Unit: model.AllUnits, Year: 2024, Value: 2000, Basis: model.Text{VI: "Kế hoạch số 45/KH-UBND", EN: "Plan No. 45/KH-UBND"}},
			{Indicator: "U1", Unit: model.AllUnits, Year: 2025, Value: 90, Basis: model.Text{VI: "Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ", EN: "Prime Minister's Decision No. 942/QĐ-TTg of 15 June 2021"}},
			{Indicator: "W1", Unit: model.AllUnits, Year: 2025, Value: 80, Basis: model.Text{VI: "Kế hoạch số 45/KH-UBND", EN: "Plan No. 45/KH-UBND"}},
			{Indicator: "M1", Unit: "064", Year: 2024, Value: 20, Basis: model.Text{VI: "Kế hoạch số 12/KH-UBND", EN: "Plan No. 12/KH-UBND"}},
		},
	}
	idx := model.NewIndex(ds)
	snap := func(p string, rows ...row) {
		s := model.Snapshot{Period: period.MustParse(p), File: "data/snapshots/" + p + ".csv"}
		for i, r := range rows {
			o := model.Observation{
				Period: s.Period, Unit: r.unit, Indicator: r.ind,
				At: diag.Origin{Row: diag.Position{File: s.File, Line: i + 2, Column: 1}},
			}
			var n, d float64
			if _, err := fmt.Sscanf(r.value, "%g/%g", &n, &d); err == nil {
				o.Numerator, o.Denominator = f(n), f(d)
				if ind, ok := idx.Indicator(r.ind); ok && ind.Measure == model.Percent {
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
		row{"064", "W1", "60"},
		row{"064", "M1", "12"},
		row{"064", "D1", "12"},
	)
	snap("2024-Q4",
		row{"064", "P1", "45/50"},
		row{"A", "R1", "27/28"},
		row{"B", "R1", "30/30"},
		row{"064", "C1", "1534"},
		row{"064", "U1", "75.04"},
		row{"064", "W1", "55"},
		row{"064", "M1", ""},
		row{"064", "D1", "7"},
	)
	snap("2025-Q1",
		row{"064", "M1", "15"},
	)
	return ds
}

func TestReport(t *testing.T) {
	a := analyse.Run(fixture())
	tests := []struct {
		period string
		lang   model.Lang
		want   []string
	}{
		{"2024-Q4", model.VI, []string{
			"Đến quý IV/2024, huyện Chợ Đồn có số liệu của 6/7 chỉ số; trong 6 chỉ số có mục tiêu, 2 đã đạt, 1 đúng tiến độ, 2 chậm tiến độ và 1 đi ngược mục tiêu.",
			"90% hồ sơ xử lý trực tuyến (mục tiêu 95% đến năm 2025 theo Quyết định số 942/QĐ-TTg)",
			"98,3% cán bộ có máy tính (mục tiêu 98% đến năm 2024 theo Kế hoạch số 45/KH-UBND)",
			"1.534 thủ tục hành chính (TTHC) trực tuyến toàn trình (mục tiêu 2.000 đến năm 2024 theo Kế hoạch số 45/KH-UBND)",
			"75% văn bản ký số (mục tiêu 90% đến năm 2025 theo Quyết định số 942/QĐ-TTg)",
			"55% cuộc họp có biên bản điện tử (mục tiêu 80% đến năm 2025 theo Kế hoạch số 45/KH-UBND)",
			"7 hồ sơ trễ hạn (mục tiêu không quá 10 đến năm 2024 theo Kế hoạch số 12/KH-UBND)",
			"Tỷ lệ hồ sơ xử lý trực tuyến: 90% (45/50), tăng 9,5 điểm phần trăm so với quý III/2024. Mục tiêu 95% đến năm 2025 (Quyết định số 942/QĐ-TTg): đúng tiến độ; với tốc độ bình quân tăng 38 điểm phần trăm mỗi năm kể từ quý III/2024, dự kiến đạt vào năm 2025.",
			"Tỷ lệ cán bộ có máy tính: 98,3% (57/58), tăng 3,5 điểm phần trăm so với quý III/2024. Mục tiêu 98% đến năm 2024 (Kế hoạch số 45/KH-UBND): đã đạt. Đơn vị còn xa mục tiêu nhất: xã Đồng Lạc (96,4%).",
			"Số thủ tục hành chính (TTHC) trực tuyến toàn trình: 1.534, tăng 334 so với quý III/2024. Mục tiêu 2.000 đến năm 2024 (Kế hoạch số 45/KH-UBND): chậm tiến độ; với tốc độ bình quân tăng 1.336 mỗi năm kể từ quý III/2024, dự kiến đạt vào năm 2025.",
			"Tỷ lệ văn bản ký số: 75%, không đổi so với quý III/2024. Mục tiêu 90% đến năm 2025 (Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ): chậm tiến độ, không thay đổi kể từ quý III/2024.",
			"Tỷ lệ cuộc họp có biên bản điện tử: 55%, giảm 5 điểm phần trăm so với quý III/2024. Mục tiêu 80% đến năm 2025 (Kế hoạch số 45/KH-UBND): đang đi ngược mục tiêu, giảm 20 điểm phần trăm mỗi năm kể từ quý III/2024.",
			"Số hồ sơ trễ hạn: 7, giảm 5 so với quý III/2024. Mục tiêu không quá 10 đến năm 2024 (Kế hoạch số 12/KH-UBND): đã đạt.",
			"Chậm tiến độ so với mục tiêu: Số thủ tục hành chính (TTHC) trực tuyến toàn trình; Tỷ lệ văn bản ký số. Đi ngược mục tiêu: Tỷ lệ cuộc họp có biên bản điện tử.",
			"Chưa có số liệu quý IV/2024: Số cuộc họp trực tuyến. Đơn vị chưa gửi số liệu quý IV/2024: huyện Chợ Đồn (M1).",
		}},
		{"2024-Q4", model.EN, []string{
			"As of Q4 2024, Chợ Đồn district had figures for 6 of 7 indicators; of the 6 with a target, 2 achieved, 1 on track, 2 off track and 1 moving away.",
			"90% of applications processed online (target 95% by 2025 under Decision No. 942/QĐ-TTg)",
			"98.3% of staff with a work computer (target 98% by 2024 under Plan No. 45/KH-UBND)",
			"1,534 fully online procedures (target 2,000 by 2024 under Plan No. 45/KH-UBND)",
			"75% of documents signed digitally (target 90% by 2025 under Prime Minister's Decision No. 942/QĐ-TTg)",
			"55% of meetings with electronic minutes (target 80% by 2025 under Plan No. 45/KH-UBND)",
			"7 late applications (target at most 10 by 2024 under Plan No. 12/KH-UBND)",
			"Applications processed online: 90% (45/50), up 9.5 percentage points from Q3 2024. Target: 95% by 2025 (Decision No. 942/QĐ-TTg): on track; at the average pace, rising 38 percentage points a year since Q3 2024, it would be reached in 2025.",
			"Staff with a work computer: 98.3% (57/58), up 3.5 percentage points from Q3 2024. Target: 98% by 2024 (Plan No. 45/KH-UBND): met. Furthest from the target: Đồng Lạc commune (96.4%).",
			"Fully online procedures: 1,534, up 334 from Q3 2024. Target: 2,000 by 2024 (Plan No. 45/KH-UBND): off track; at the average pace, rising 1,336 a year since Q3 2024, it would be reached in 2025.",
			"Documents signed digitally: 75%, unchanged from Q3 2024. Target: 90% by 2025 (Prime Minister's Decision No. 942/QĐ-TTg of 15 June 2021): off track, unchanged since Q3 2024.",
			"Share of meetings with electronic minutes: 55%, down 5 percentage points from Q3 2024. Target: 80% by 2025 (Plan No. 45/KH-UBND): moving away from it, falling 20 percentage points a year since Q3 2024.",
			"Late applications: 7, down 5 from Q3 2024. Target: at most 10 by 2024 (Plan No. 12/KH-UBND): met.",
			"Off track: Fully online procedures; Documents signed digitally. Moving away from the target: Share of meetings with electronic minutes.",
			"No figure for Q4 2024: Number of online meetings. Units that did not report for Q4 2024: Chợ Đồn district (M1).",
		}},
		// The first period: nothing to compare with, no pace yet.
		{"2024-Q3", model.VI, []string{
			"Đến quý III/2024, huyện Chợ Đồn có số liệu của 7/7 chỉ số; trong 7 chỉ số có mục tiêu, 7 chưa đủ số liệu để đánh giá.",
			"80,5% hồ sơ xử lý trực tuyến (mục tiêu 95% đến năm 2025 theo Quyết định số 942/QĐ-TTg)",
			"94,8% cán bộ có máy tính (mục tiêu 98% đến năm 2024 theo Kế hoạch số 45/KH-UBND)",
			"1.200 thủ tục hành chính (TTHC) trực tuyến toàn trình (mục tiêu 2.000 đến năm 2024 theo Kế hoạch số 45/KH-UBND)",
			"75% văn bản ký số (mục tiêu 90% đến năm 2025 theo Quyết định số 942/QĐ-TTg)",
			"60% cuộc họp có biên bản điện tử (mục tiêu 80% đến năm 2025 theo Kế hoạch số 45/KH-UBND)",
			"12 cuộc họp trực tuyến (mục tiêu 20 đến năm 2024 theo Kế hoạch số 12/KH-UBND)",
			"12 hồ sơ trễ hạn (mục tiêu không quá 10 đến năm 2024 theo Kế hoạch số 12/KH-UBND)",
			"Tỷ lệ hồ sơ xử lý trực tuyến: 80,5% (161/200). Mục tiêu 95% đến năm 2025 (Quyết định số 942/QĐ-TTg): chưa đủ số liệu để đánh giá tiến độ (mới có số liệu của một kỳ).",
			"Tỷ lệ cán bộ có máy tính: 94,8% (55/58). Mục tiêu 98% đến năm 2024 (Kế hoạch số 45/KH-UBND): chưa đủ số liệu để đánh giá tiến độ (mới có số liệu của một kỳ). Đơn vị còn xa mục tiêu nhất: xã Đồng Lạc (92,9%) và xã Yên Thịnh (96,7%).",
			"Số thủ tục hành chính (TTHC) trực tuyến toàn trình: 1.200. Mục tiêu 2.000 đến năm 2024 (Kế hoạch số 45/KH-UBND): chưa đủ số liệu để đánh giá tiến độ (mới có số liệu của một kỳ).",
			"Tỷ lệ văn bản ký số: 75%. Mục tiêu 90% đến năm 2025 (Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ): chưa đủ số liệu để đánh giá tiến độ (mới có số liệu của một kỳ).",
			"Tỷ lệ cuộc họp có biên bản điện tử: 60%. Mục tiêu 80% đến năm 2025 (Kế hoạch số 45/KH-UBND): chưa đủ số liệu để đánh giá tiến độ (mới có số liệu của một kỳ).",
			"Số cuộc họp trực tuyến: 12. Mục tiêu 20 đến năm 2024 (Kế hoạch số 12/KH-UBND): chưa đủ số liệu để đánh giá tiến độ (mới có số liệu của một kỳ).",
			"Số hồ sơ trễ hạn: 12. Mục tiêu không quá 10 đến năm 2024 (Kế hoạch số 12/KH-UBND): chưa đủ số liệu để đánh giá tiến độ (mới có số liệu của một kỳ).",
			"Chưa đủ số liệu để đánh giá tiến độ: Tỷ lệ hồ sơ xử lý trực tuyến; Tỷ lệ cán bộ có máy tính; Số thủ tục hành chính (TTHC) trực tuyến toàn trình; Tỷ lệ văn bản ký số; Tỷ lệ cuộc họp có biên bản điện tử; Số cuộc họp trực tuyến; Số hồ sơ trễ hạn.",
			"Các đơn vị đã gửi đủ số liệu quý III/2024.",
		}},
		// M1 was missing in Q4: its change is against Q3; its 2024 target
		// is past due. The communes sent nothing, and the district only M1.
		{"2025-Q1", model.VI, []string{
			"Đến quý I/2025, huyện Chợ Đồn có số liệu của 1/7 chỉ số; trong 1 chỉ số có mục tiêu, 1 chậm tiến độ.",
			"15 cuộc họp trực tuyến (mục tiêu 20 đến năm 2024 theo Kế hoạch số 12/KH-UBND)",
			"Số cuộc họp trực tuyến: 15, tăng 3 so với quý III/2024. Mục tiêu 20 đến năm 2024 (Kế hoạch số 12/KH-UBND): đã quá hạn mà chưa đạt; với tốc độ bình quân tăng 6 mỗi năm kể từ quý III/2024, dự kiến đạt vào năm 2026.",
			"Chậm tiến độ so với mục tiêu: Số cuộc họp trực tuyến (đã quá hạn năm 2024).",
			"Chưa có số liệu quý I/2025: Tỷ lệ hồ sơ xử lý trực tuyến; Tỷ lệ cán bộ có máy tính; Số thủ tục hành chính (TTHC) trực tuyến toàn trình; Tỷ lệ văn bản ký số; Tỷ lệ cuộc họp có biên bản điện tử; Số hồ sơ trễ hạn. Đơn vị chưa gửi số liệu quý I/2025: huyện Chợ Đồn (P1, C1, U1, W1, D1); xã Đồng Lạc (toàn bộ chỉ số); xã Yên Thịnh (toàn bộ chỉ số).",
		}},
		{"2025-Q1", model.EN, []string{
			"As of Q1 2025, Chợ Đồn district had figures for 1 of 7 indicators; of the 1 with a target, 1 off track.",
			"15 online meetings (target 20 by 2024 under Plan No. 12/KH-UBND)",
			"Number of online meetings: 15, up 3 from Q3 2024. Target: 20 by 2024 (Plan No. 12/KH-UBND): the deadline has passed and it is not met; at the average pace, rising 6 a year since Q3 2024, it would be reached in 2026.",
			"Off track: Number of online meetings (deadline 2024).",
			"No figure for Q1 2025: Applications processed online; Staff with a work computer; Fully online procedures; Documents signed digitally; Share of meetings with electronic minutes; Late applications. Units that did not report for Q1 2025: Chợ Đồn district (P1, C1, U1, W1, D1); Đồng Lạc commune (all indicators); Yên Thịnh commune (all indicators).",
		}},
		// A period without any snapshot.
		{"2023", model.VI, []string{
			"Đến năm 2023, huyện Chợ Đồn chưa có số liệu của chỉ số nào.",
			"Chưa có số liệu năm 2023: Tỷ lệ hồ sơ xử lý trực tuyến; Tỷ lệ cán bộ có máy tính; Số thủ tục hành chính (TTHC) trực tuyến toàn trình; Tỷ lệ văn bản ký số; Tỷ lệ cuộc họp có biên bản điện tử; Số cuộc họp trực tuyến; Số hồ sơ trễ hạn. Đơn vị chưa gửi số liệu năm 2023: huyện Chợ Đồn (toàn bộ chỉ số); xã Đồng Lạc (toàn bộ chỉ số); xã Yên Thịnh (toàn bộ chỉ số).",
		}},
		{"2023", model.EN, []string{
			"As of 2023, Chợ Đồn district had no figures yet.",
			"No figure for 2023: Applications processed online; Staff with a work computer; Fully online procedures; Documents signed digitally; Share of meetings with electronic minutes; Number of online meetings; Late applications. Units that did not report for 2023: Chợ Đồn district (all indicators); Đồng Lạc commune (all indicators); Yên Thịnh commune (all indicators).",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.period+"/"+string(tt.lang), func(t *testing.T) {
			r := narrative.For(a, tt.lang, period.MustParse(tt.period))
			got := texts(r.All())
			if !slices.Equal(got, tt.want) {
				t.Errorf("report =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if s := narrative.Summary(a, tt.lang, period.MustParse(tt.period)); len(s) != 1 || s[0].String() != tt.want[0] || len(s[0].String()) > 300 {
				t.Errorf("Summary = %q, want the report's first paragraph, short", texts(s))
			}
		})
	}
}

// TestSpans checks the spans of one sentence: every number is a span of
// its own that names what it is, and the words between are plain.
func TestSpans(t *testing.T) {
	a := analyse.Run(fixture())
	q4 := period.MustParse("2024-Q4")
	r := narrative.For(a, model.VI, q4)
	want := []narrative.Span{
		{Text: "Tỷ lệ hồ sơ xử lý trực tuyến", Kind: narrative.Name, Indicator: "P1"},
		{Text: ": "},
		{Text: "90%", Kind: narrative.Value, Indicator: "P1", Unit: "064", Period: q4},
		{Text: " ("},
		{Text: "45/50", Kind: narrative.Ratio, Indicator: "P1", Unit: "064", Period: q4},
		{Text: "), "},
		{Text: "tăng 9,5 điểm phần trăm", Kind: narrative.Change, Indicator: "P1", Unit: "064", Period: q4},
		{Text: " so với quý III/2024. Mục tiêu "},
		{Text: "95%", Kind: narrative.Target, Indicator: "P1", Unit: "064", Period: q4},
		{Text: " đến năm "},
		{Text: "2025", Kind: narrative.TargetYear, Indicator: "P1", Unit: "064", Period: q4},
		{Text: " (Quyết định số 942/QĐ-TTg): đúng tiến độ; với tốc độ bình quân "},
		{Text: "tăng 38 điểm phần trăm", Kind: narrative.Pace, Indicator: "P1", Unit: "064", Period: q4},
		{Text: " mỗi năm kể từ quý III/2024, dự kiến đạt vào năm "},
		{Text: "2025", Kind: narrative.Projected, Indicator: "P1", Unit: "064", Period: q4},
		{Text: "."},
	}
	if got := r.Indicators[0].Spans; !slices.Equal(got, want) {
		t.Errorf("spans =\n%q\nwant\n%q", got, want)
	}
	// A lagging unit's figure is that unit's.
	var lag []narrative.Span
	for _, s := range r.Indicators[1].Spans {
		if s.Kind == narrative.Value && s.Unit != "064" {
			lag = append(lag, s)
		}
	}
	if want := []narrative.Span{{Text: "96,4%", Kind: narrative.Value, Indicator: "R1", Unit: "A", Period: q4}}; !slices.Equal(lag, want) {
		t.Errorf("lagging spans = %q, want %q", lag, want)
	}
}

// datasets are the fixture and the sample site in the repository.
func datasets(t *testing.T) map[string]*model.Dataset {
	t.Helper()
	out := map[string]*model.Dataset{"fixture": fixture()}
	ds, err := load.Dataset(os.DirFS("../.."))
	if err != nil {
		t.Fatalf("loading the sample site: %v", err)
	}
	out["sample site"] = ds
	return out
}

// number reads a formatted number back: "1.234,5" in Vietnamese, "1,234.5"
// in English, with an optional trailing "%".
func number(t *testing.T, lang model.Lang, s string) float64 {
	t.Helper()
	s = strings.TrimSuffix(s, "%")
	if lang == model.VI {
		s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	} else {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}

// signed reads "tăng 3,5 điểm phần trăm", "down 5", "không đổi" back as a
// signed amount, checking the unit words against the measure.
func signed(t *testing.T, lang model.Lang, m model.Measure, s string) float64 {
	t.Helper()
	if s == "không đổi" || s == "unchanged" {
		return 0
	}
	word, rest, _ := strings.Cut(s, " ")
	sign := map[string]float64{"tăng": 1, "giảm": -1, "up": 1, "down": -1, "rising": 1, "falling": -1}[word]
	if sign == 0 {
		t.Errorf("%q does not start with a direction word", s)
		return 0
	}
	amount, unit, _ := strings.Cut(rest, " ")
	points := unit == "điểm phần trăm" || unit == "percentage points" || unit == "percentage point"
	if (m == model.Percent) != points || (!points && unit != "") {
		t.Errorf("%q: a %s's change in %q", s, m, unit)
	}
	return sign * number(t, lang, amount)
}

// TestFiguresAreAnalysisValues reads every number of every report back
// and checks it against the analysis value it claims to be, in every
// period and language, for the fixture and for the sample site. It also
// checks that no number hides in the plain words.
func TestFiguresAreAnalysisValues(t *testing.T) {
	for name, ds := range datasets(t) {
		t.Run(name, func(t *testing.T) {
			a := analyse.Run(ds)
			claims := map[narrative.Kind]int{}
			for _, p := range append(a.Periods(), period.MustParse("2000")) {
				for _, lang := range model.Langs {
					allowed := allowedWords(a, lang)
					for _, para := range narrative.For(a, lang, p).All() {
						for _, s := range para.Spans {
							if s.Kind == narrative.Text {
								rest := s.Text
								for _, w := range allowed {
									rest = strings.ReplaceAll(rest, w, "")
								}
								if strings.ContainsAny(rest, "0123456789") {
									t.Errorf("%s %s: a number outside a figure span: %q (in %q)", p, lang, rest, para)
								}
								continue
							}
							claims[s.Kind]++
							checkClaim(t, a, lang, p, s)
						}
					}
				}
			}
			for _, k := range []narrative.Kind{narrative.Value, narrative.Ratio, narrative.Change, narrative.Target, narrative.TargetYear, narrative.Pace, narrative.Projected, narrative.Name} {
				if claims[k] == 0 {
					t.Errorf("no %q spans at all", k)
				}
			}
		})
	}
}

// allowedWords are the texts from the data that may hold digits: period
// names, legal bases, indicator and unit names, longest first.
func allowedWords(a *analyse.Analysis, lang model.Lang) []string {
	ds := a.Dataset()
	var out []string
	for _, p := range append(a.Periods(), period.MustParse("2000")) {
		out = append(out, locale.Period(lang, p))
	}
	for _, t := range ds.Targets {
		for part := range strings.SplitSeq(t.Basis.In(lang), ";") {
			part = strings.TrimSpace(part)
			out = append(out, part)
			for _, cut := range []string{" ngày ", " of "} {
				if i := strings.Index(part, cut); i > 0 {
					out = append(out, part[:i])
				}
			}
		}
	}
	for _, ind := range ds.Indicators {
		out = append(out, ind.Name.In(lang))
	}
	for _, u := range ds.Units {
		out = append(out, u.Name.In(lang))
	}
	slices.SortFunc(out, func(x, y string) int { return len(y) - len(x) })
	return out
}

// checkTally: a number of indicators is one the analysis gives for the
// period: all of them, those with a figure, those with a target, or those
// of one status.
func checkTally(t *testing.T, a *analyse.Analysis, lang model.Lang, p period.Period, s narrative.Span) {
	t.Helper()
	top := a.Index().Top().Code
	counts := map[float64]bool{float64(len(a.Dataset().Indicators)): true}
	figures, targets := 0, 0
	status := map[analyse.Status]int{}
	for _, ind := range a.Dataset().Indicators {
		sum := a.Summary(top, ind.Code, p)
		if sum.Current == nil {
			continue
		}
		figures++
		status[sum.Status]++
		if sum.Status != analyse.NoTarget {
			targets++
		}
	}
	counts[float64(figures)], counts[float64(targets)] = true, true
	for _, n := range status {
		counts[float64(n)] = true
	}
	if s.Period != p || !counts[number(t, lang, s.Text)] {
		t.Errorf("%s %s: tally %q is no count of indicators the analysis gives (%v)", p, lang, s.Text, counts)
	}
}

func checkClaim(t *testing.T, a *analyse.Analysis, lang model.Lang, p period.Period, s narrative.Span) {
	t.Helper()
	if s.Kind == narrative.Tally {
		checkTally(t, a, lang, p, s)
		return
	}
	ind, ok := a.Index().Indicator(s.Indicator)
	if !ok {
		t.Errorf("%s %s: span %q claims unknown indicator %q", p, lang, s.Text, s.Indicator)
		return
	}
	if s.Kind == narrative.Name {
		if s.Text == "" || s.Unit != "" || strings.ContainsAny(s.Text, "0123456789") && s.Text != ind.Code && !strings.ContainsAny(ind.Name.In(lang), "0123456789") {
			t.Errorf("%s %s: name span %+v", p, lang, s)
		}
		return
	}
	if s.Period != p {
		t.Errorf("%s %s: span %q claims period %s", p, lang, s.Text, s.Period)
	}
	sum := a.Summary(s.Unit, ind.Code, p)
	places := ind.Measure.Decimals()
	fail := func(want any) {
		t.Errorf("%s %s: %s %s of %s %q, analysis says %v", p, lang, ind.Code, s.Kind, s.Unit, s.Text, want)
	}
	switch s.Kind {
	case narrative.Value:
		if sum.Current == nil {
			fail("no value")
		} else if got, want := number(t, lang, s.Text), decimal.Round(sum.Current.Value, places); got != want {
			fail(want)
		}
	case narrative.Ratio:
		n, d, _ := strings.Cut(s.Text, "/")
		if c := sum.Current; c == nil || c.Numerator == nil || number(t, lang, n) != *c.Numerator || number(t, lang, d) != *c.Denominator {
			fail(sum.Current)
		}
	case narrative.Change:
		if sum.Current == nil || sum.Previous == nil {
			fail("no change")
		} else if got, want := signed(t, lang, ind.Measure, s.Text), decimal.Round(decimal.Round(sum.Current.Value, places)-decimal.Round(sum.Previous.Value, places), places); got != want {
			fail(want)
		}
	case narrative.Target:
		if sum.Target == nil || number(t, lang, s.Text) != decimal.Round(sum.Target.Value, places) {
			fail(sum.Target)
		}
	case narrative.TargetYear:
		if sum.Target == nil || s.Text != strconv.Itoa(sum.Target.Year) {
			fail(sum.Target)
		}
	case narrative.Pace:
		pp := max(places, 1)
		if sum.Pace == nil {
			fail("no pace")
		} else if got, want := signed(t, lang, ind.Measure, s.Text), decimal.Round(*sum.Pace, pp); got != want {
			fail(want)
		}
	case narrative.Projected:
		if sum.Projected == nil || s.Text != strconv.Itoa(*sum.Projected) {
			fail(sum.Projected)
		}
	case narrative.Coverage:
		if c := sum.Current; c == nil || !c.RolledUp || c.Reporting >= c.Expected || s.Text != locale.Coverage(lang, c.Reporting, c.Expected) {
			fail(sum.Current)
		}
	default:
		t.Errorf("%s %s: span %q of unknown kind %q", p, lang, s.Text, s.Kind)
	}
}

// A percent sign right after a change amount.
var percentAfterChange = regexp.MustCompile(`(?:tăng|giảm|up|down|rising|falling) \d[\d.,]*\s*%`)

// TestChangeWording checks that no change is written with "%": percents
// change in percentage points, counts in plain numbers.
func TestChangeWording(t *testing.T) {
	for name, ds := range datasets(t) {
		t.Run(name, func(t *testing.T) {
			a := analyse.Run(ds)
			changes := 0
			for _, p := range a.Periods() {
				for _, lang := range model.Langs {
					for _, para := range narrative.For(a, lang, p).All() {
						if m := percentAfterChange.FindString(para.String()); m != "" {
							t.Errorf("%s %s: a change written as a percent: %q", p, lang, m)
						}
						for _, s := range para.Spans {
							if s.Kind == narrative.Change || s.Kind == narrative.Pace {
								changes++
								ind, _ := a.Index().Indicator(s.Indicator)
								signed(t, lang, ind.Measure, s.Text) // checks the unit words
							}
						}
					}
				}
			}
			if changes == 0 {
				t.Error("no changes at all")
			}
		})
	}
}

// TestWordingPatterns keeps the checks honest: each catches what it must.
func TestWordingPatterns(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Tỷ lệ: 90%, tăng 5% so với quý III/2024.", true},
		{"Rate: 90%, up 2.5 % from Q3 2024.", true},
		{"rising 3% a year", true},
		{"Tỷ lệ: 90%, tăng 5 điểm phần trăm so với quý III/2024.", false},
		{"Số: 1.534, tăng 334 so với quý III/2024; đạt mục tiêu 95%.", false},
	}
	for _, tt := range tests {
		if got := percentAfterChange.MatchString(tt.text); got != tt.want {
			t.Errorf("%q: match = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestGolden keeps the sample site's reports, in both languages, in
// testdata/: any change to the wording shows up in review.
func TestGolden(t *testing.T) {
	ds := datasets(t)["sample site"]
	a := analyse.Run(ds)
	for _, lang := range model.Langs {
		var b strings.Builder
		for _, p := range []period.Period{a.Periods()[0], a.Latest()} {
			r := narrative.For(a, lang, p)
			fmt.Fprintf(&b, "# %s\n", p)
			for _, part := range []struct {
				name string
				ps   []narrative.Paragraph
			}{{"summary", r.Summary}, {"headlines", r.Headlines}, {"indicators", r.Indicators}, {"limits", r.Limits}} {
				fmt.Fprintf(&b, "\n## %s\n\n", part.name)
				for _, para := range part.ps {
					b.WriteString(para.String() + "\n\n")
				}
			}
		}
		golden.Check(t, filepath.Join("testdata", "sample."+string(lang)+".golden"), b.String())
	}
}

func texts(ps []narrative.Paragraph) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// TestPaceTextNeverReadsUnchanged: 90,0% → 89,9% over three years is a
// pace of −0,033 points a year; it must not print as "không đổi" next to a
// status that says the figure is moving away.
func TestPaceTextNeverReadsUnchanged(t *testing.T) {
	for _, tc := range []struct {
		lang model.Lang
		m    model.Measure
		pace float64
		want string
	}{
		{model.VI, model.Percent, -0.1 / 3, "giảm 0,03 điểm phần trăm"},
		{model.EN, model.Percent, -0.1 / 3, "falling 0.03 percentage points"},
		{model.VI, model.Percent, 2.5, "tăng 2,5 điểm phần trăm"},
		{model.VI, model.Count, 1.0 / 3, "tăng 0,3"},
		{model.VI, model.Percent, 0, "không đổi"},
	} {
		if got := narrative.PaceText(tc.lang, tc.m, tc.pace); got != tc.want {
			t.Errorf("PaceText(%s, %s, %v) = %q, want %q", tc.lang, tc.m, tc.pace, got, tc.want)
		}
	}
}
