package sitedata

import (
	"strconv"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
)

// MethodologyParams is the page that explains how figures and statuses
// are computed. The prose is the page's Markdown; the layout adds the
// status legend and a worked example computed from the site's own data.
type MethodologyParams struct {
	Statuses []string     `json:"statuses"` // every analyse.Status, best first
	Example  *PaceExample `json:"example,omitempty"`
}

// PaceExample walks through one status computation with real figures, so
// a reader can redo it with a calculator.
type PaceExample struct {
	Indicator      string `json:"indicator"`
	Path           string `json:"path"`
	Unit           string `json:"unit"`
	Baseline       string `json:"baseline"`
	BaselinePeriod string `json:"baseline_period"`
	Current        string `json:"current"`
	CurrentPeriod  string `json:"current_period"`
	Years          string `json:"years"` // between the ends of the two periods
	Pace           string `json:"pace"`
	Target         string `json:"target"`
	TargetYear     string `json:"target_year"`
	Projected      string `json:"projected,omitempty"`
	Status         string `json:"status"`
}

// methodologyPage explains how status and projections are computed.
func (b *builder) methodologyPage() Page {
	body := methodologyVI
	if b.lang == model.EN {
		body = methodologyEN
	}
	return Page{
		Path: route.Methodology.Path(), Kind: "section", Weight: route.Methodology.Weight(), TitleI18n: "methodology",
		Description: b.t("Cách tính số liệu tổng hợp, tình trạng so với mục tiêu và năm dự kiến đạt.", "How roll-ups, the status against targets and the projected year are computed."),
		Content:     &Content{MediaType: "text/markdown", Value: body},
		view:        func() (any, error) { return b.methodologyParams(), nil },
	}
}

func (b *builder) methodologyParams() *MethodologyParams {
	mp := &MethodologyParams{}
	for _, s := range analyse.Statuses {
		mp.Statuses = append(mp.Statuses, string(s))
	}
	mp.Example = b.paceExample()
	return mp
}

// paceExample picks the first indicator whose top-unit figure in the
// latest period has a pace (an achieved target has none).
func (b *builder) paceExample() *PaceExample {
	top, latest := b.a.Index().Top(), b.a.Latest()
	for _, ind := range b.ds.Indicators {
		s := b.a.Summary(top.Code, ind.Code, latest)
		if s.Pace == nil || s.Baseline == nil || s.Current == nil || s.Target == nil {
			continue
		}
		places := ind.Measure.Decimals()
		years := s.Current.Period.Time() - s.Baseline.Period.Time()
		ex := &PaceExample{
			Indicator: ind.Name.In(b.lang), Path: route.Link(route.Indicator(ind.Code)), Unit: top.Name.In(b.lang),
			Baseline: locale.Value(b.lang, ind.Measure, s.Baseline.Value), BaselinePeriod: locale.Period(b.lang, s.Baseline.Period),
			Current: locale.Value(b.lang, ind.Measure, s.Current.Value), CurrentPeriod: locale.Period(b.lang, s.Current.Period),
			Years:  locale.Compact(b.lang, years, 2),
			Pace:   locale.Compact(b.lang, *s.Pace, max(places, 1)) + pointsWord(b.lang, ind.Measure),
			Target: locale.Value(b.lang, ind.Measure, s.Target.Value), TargetYear: strconv.Itoa(s.Target.Year),
			Status: string(s.Status),
		}
		if s.Projected != nil {
			ex.Projected = strconv.Itoa(*s.Projected)
		}
		return ex
	}
	return nil
}

// pointsWord names the unit of a percent's difference.
func pointsWord(lang model.Lang, m model.Measure) string {
	switch {
	case m != model.Percent:
		return ""
	case lang == model.EN:
		return " percentage points"
	}
	return " điểm phần trăm"
}

// The method, in each language. It names no place: targets and their
// legal basis come from data/targets.csv.
const methodologyVI = `## Số liệu tổng hợp

Mỗi con số trên trang là số liệu của một đơn vị, một chỉ số, một kỳ báo cáo. Khi một đơn vị (ví dụ huyện) không tự báo cáo, số liệu của đơn vị đó được **tổng hợp từ các đơn vị trực thuộc**:

- chỉ số tỷ lệ: **tổng tử số / tổng mẫu số** của các đơn vị có báo cáo, nhân 100 — không bao giờ lấy trung bình cộng các tỷ lệ;
- chỉ số đếm: tổng các đơn vị, chỉ khi tất cả các đơn vị thường báo cáo chỉ số đó đều đã báo cáo.

Trang chỉ số ghi số đơn vị đã báo cáo (ví dụ 27/28 đơn vị), và tệp CSV của chỉ số có đủ tử số, mẫu số để kiểm tra lại.

## Làm tròn

Tỷ lệ được công bố với 1 chữ số thập phân, số đếm không có chữ số thập phân, các số khác 2 chữ số thập phân, **làm tròn nửa lên** (99,95% thành 100%). Mọi so sánh (đạt hay chưa đạt, thay đổi, tốc độ) đều dùng con số **đã làm tròn**, đúng như người đọc thấy trên trang. Thay đổi của một tỷ lệ tính bằng **điểm phần trăm**.

## Mục tiêu và căn cứ

Mục tiêu lấy từ tệp data/targets.csv: mỗi dòng ghi chỉ số, đơn vị (hoặc mọi đơn vị), năm phải đạt, giá trị và văn bản giao mục tiêu (số, ngày của quyết định). Chỉ ghi những mục tiêu có văn bản giao. Một số liệu được so với mục tiêu có hạn gần nhất kể từ năm của kỳ báo cáo; khi mọi hạn đã qua, mục tiêu có hạn muộn nhất vẫn được dùng. Với chỉ số "càng thấp càng tốt", mục tiêu là mức tối đa.

## Tình trạng so với mục tiêu

Tình trạng của mỗi đơn vị, mỗi chỉ số trong một kỳ chỉ dùng số liệu đến hết kỳ đó, nên báo cáo các kỳ trước giữ nguyên đánh giá của kỳ đó. Cách đánh giá theo tinh thần phương pháp đo tiến độ của Open SDG:

- **Đạt mục tiêu**: số liệu kỳ này (đã làm tròn) bằng hoặc vượt mục tiêu (với chỉ số càng thấp càng tốt: bằng hoặc thấp hơn).
- **Đúng tiến độ**: chưa đạt, nhưng nếu giữ tốc độ hiện nay thì sẽ đạt trong năm phải đạt hoặc sớm hơn.
- **Chậm tiến độ**: có cải thiện nhưng quá chậm, hoặc không thay đổi, hoặc đã quá hạn mà chưa đạt (trang ghi rõ "đã quá hạn").
- **Đi ngược mục tiêu**: kém hơn so với kỳ gốc (khi chưa quá hạn; đã quá hạn mà chưa đạt thì luôn là "chậm tiến độ").
- **Chưa đủ số liệu**: có mục tiêu nhưng mới có số liệu của một kỳ.

Chỉ số chưa có mục tiêu được giao thì không đánh giá.

## Tốc độ và năm dự kiến đạt

**Tốc độ** = (số liệu kỳ này − số liệu kỳ gốc) / số năm giữa cuối hai kỳ. **Kỳ gốc** là kỳ đầu tiên có số liệu của đơn vị cho chỉ số đó. Thời gian tính theo cuối kỳ: quý IV/2024 kết thúc ở mốc 2025,0, quý I/2023 ở mốc 2023,25, nên giữa hai kỳ là 1,75 năm.

**Năm dự kiến đạt** là năm mà số liệu chạm mục tiêu nếu tốc độ giữ nguyên: cuối kỳ này + (mục tiêu − số liệu kỳ này) / tốc độ. Không ghi năm dự kiến khi đã đạt, khi tốc độ bằng 0 hoặc đi ngược, hay khi phải hơn một trăm năm nữa.

Tốc độ được tính từ hai con số đã công bố (kỳ gốc và kỳ này) để ai cũng tính lại được bằng máy tính cầm tay. Cách tính theo đường hồi quy qua mọi kỳ ít bị ảnh hưởng bởi một kỳ bất thường hơn, nhưng khó kiểm tra lại; với số liệu hành chính theo quý, hai cách thường cho cùng một kết luận. Đây là phép ngoại suy đơn giản, không phải dự báo.
`

const methodologyEN = `## Rolled-up figures

Every figure on this site is one unit's value for one indicator in one reporting period. When a unit (the district, say) does not report a figure itself, it is **rolled up from the units within it**:

- percentages: **sum of numerators / sum of denominators** of the reporting units, times 100 — never an average of percentages;
- counts: the sum, only when every unit that usually reports the indicator has reported it.

Indicator pages say how many units a rolled-up figure comes from (for example 27 of 28 units), and the indicator's CSV lists the numerators and denominators so the figure can be recomputed.

## Rounding

Percentages are published with one decimal, counts with none and other numbers with two, **rounding half up** (99.95% becomes 100%). Every comparison (met or not, changes, pace) uses the **rounded** figures, exactly as readers see them. A change in a percentage is given in **percentage points**.

## Targets and their legal basis

Targets come from data/targets.csv: each row gives the indicator, the unit (or every unit), the year by whose end the target is due, the value and the document that set it (its number and date). Only targets set by a document are listed. A figure is measured against the target due soonest from its period's year; when every deadline has passed, the latest target still applies. For indicators where lower is better, the target is a ceiling.

## Status against the target

The status of a unit's indicator in a period uses only the figures up to the end of that period, so earlier reports keep the assessment they had. The method follows the spirit of Open SDG's progress measure:

- **Target met**: this period's figure (rounded) reaches the target (for lower-is-better indicators: is at or below it).
- **On track**: not met yet, but at the current pace it will be by the target year.
- **Off track**: improving too slowly, not changing, or the deadline has passed without the target being met (marked "deadline passed").
- **Moving away**: worse than at the baseline (before the deadline; once the deadline has passed without the target met, the status is always "off track").
- **Not enough data**: there is a target but only one period of figures.

Indicators without a target are not assessed.

## Pace and projected year

**Pace** = (this period's figure − the baseline figure) / years between the ends of the two periods. The **baseline** is the first period with a figure for that unit and indicator. Time runs on period ends: Q4 2024 ends at 2025.0 and Q1 2023 at 2023.25, so 1.75 years lie between them.

The **projected year** is when the figure would reach the target if the pace held: end of this period + (target − this period's figure) / pace. No projected year is given when the target is met, when the pace is zero or the wrong way, or when it would take more than a century.

The pace uses two published figures (the baseline and the current one) so that anyone can redo it with a calculator. A least-squares slope through every period would be less sensitive to one unusual quarter, but harder to check; for quarterly administrative figures the two usually agree. It is a simple extrapolation, not a forecast.
`
