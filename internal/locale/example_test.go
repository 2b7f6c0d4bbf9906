package locale_test

import (
	"fmt"
	"time"

	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

func ExamplePercent() {
	for _, v := range []float64{90, 90.5, 98.65, 99.95, 0.04} {
		fmt.Printf("%-6s %s\n", locale.Percent(model.VI, v), locale.Percent(model.EN, v))
	}
	// Output:
	// 90%    90%
	// 90,5%  90.5%
	// 98,7%  98.7%
	// 100%   100%
	// 0%     0%
}

func ExampleChange() {
	fmt.Println(locale.Change(model.VI, model.Percent, 72.5-70))
	fmt.Println(locale.Change(model.EN, model.Percent, 72.5-70))
	fmt.Println(locale.Change(model.VI, model.Percent, 0.03))
	fmt.Println(locale.Change(model.EN, model.Count, -1200))
	fmt.Println(locale.SignedChange(model.VI, model.Percent, -3))
	// Output:
	// tăng 2,5 điểm phần trăm
	// up 2.5 percentage points
	// không đổi
	// down 1,200
	// −3 điểm
}

func ExamplePeriod() {
	for _, s := range []string{"2024-Q4", "2025-H1", "2025-03", "2024"} {
		p := period.MustParse(s)
		fmt.Printf("%s | %s | %s | %s\n",
			locale.Period(model.VI, p), locale.PeriodShort(model.VI, p),
			locale.Period(model.EN, p), locale.PeriodShort(model.EN, p))
	}
	// Output:
	// quý IV/2024 | IV/2024 | Q4 2024 | Q4 2024
	// 6 tháng đầu năm 2025 | 6T đầu 2025 | H1 2025 | H1 2025
	// tháng 3/2025 | T3/2025 | March 2025 | Mar 2025
	// năm 2024 | 2024 | 2024 | 2024
}

func ExampleDateLine() {
	fmt.Println(locale.DateLine("Chợ Đồn", time.Date(2025, time.January, 5, 0, 0, 0, 0, time.UTC)))
	fmt.Println(locale.DateLine("Chợ Đồn", time.Date(2025, time.March, 15, 0, 0, 0, 0, time.UTC)))
	// Output:
	// Chợ Đồn, ngày 05 tháng 01 năm 2025
	// Chợ Đồn, ngày 15 tháng 3 năm 2025
}

func ExampleMidSentence() {
	fmt.Println(locale.MidSentence(model.VI, "Huyện Chợ Đồn"))
	fmt.Println(locale.MidSentence(model.VI, "Thị trấn Bằng Lũng"))
	fmt.Println(locale.MidSentence(model.VI, "Xã Bản Thi"))
	fmt.Println(locale.MidSentence(model.VI, "Phòng Tài chính – Kế hoạch"))
	fmt.Println(locale.MidSentence(model.VI, "Xãy dựng")) // not a kind: one word
	fmt.Println(locale.MidSentence(model.EN, "Chợ Đồn district"))
	// Output:
	// huyện Chợ Đồn
	// thị trấn Bằng Lũng
	// xã Bản Thi
	// Phòng Tài chính – Kế hoạch
	// Xãy dựng
	// Chợ Đồn district
}
