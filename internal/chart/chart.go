// Package chart builds the ECharts options of the site's charts and returns
// them as inert JSON, for a page to put into a
// <script type="application/json"> island that charts.js (package
// echartsjs) hands to ECharts.
//
// go-echarts builds the option objects only. Its Render and RenderSnippet
// write labels raw into executable script (a proven XSS), so they are never
// called; instead the option map goes through encoding/json, which escapes
// <, > and & as \u003c…, and no formatter is a function.
//
// Inputs are plain values already localised by the caller: this package
// knows nothing of indicators or languages.
package chart

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/minhbach/minhbach/internal/decimal"
)

// Trend is a line chart of one unit's values over periods, with the target
// as a mark line.
type Trend struct {
	ID          string     // stable, [a-z0-9-]; the page's island id
	Title       string     // accessible title (aria), e.g. "Tỷ lệ văn bản được ký số, Huyện Chợ Đồn"
	SeriesName  string     // shown in the tooltip
	Periods     []string   // x-axis labels in order, e.g. "Q1/2023"
	Values      []*float64 // one per period; nil = gap (no point, no line through it)
	Target      *float64   // nil = no mark line
	TargetLabel string     // e.g. "Mục tiêu 2025: 100%"; empty shows the value
	Percent     bool       // value axis 0–100 with '{value}%' labels
	Decimals    int        // decimals kept in the option (half away from zero)
	// Notes are said after a period's value in the tooltip, one per
	// period ("" for none): a total from only some units says
	// "2/28 đơn vị đã báo cáo", as its table row does.
	Notes []string
}

// Bars compares units in one period as horizontal bars, top to bottom in
// the order given.
type Bars struct {
	ID, Title, SeriesName string
	Labels                []string   // unit names
	Values                []*float64 // one per label; nil = no bar
	Target                *float64
	TargetLabel           string
	Percent               bool
	Decimals              int
}

// The charts' colours, shared with the drawing made at build time
// (package svgchart). They have at least 4.5:1 contrast on white, so the
// target label is readable text and the line and bars stand out (WCAG
// non-text contrast needs 3:1).
const (
	ColorSeries = "#1f5fa8" // blue, 6.4:1
	ColorTarget = "#b3261e" // red, 6.5:1; also dashed, so not told by colour alone
	ColorText   = "#333333"
)

// Layout constants.
const (
	labelWidth = 120 // unit names are cut beyond this many px (phones: ~360 px in all)
	maxDecimal = 6
)

// palette is ECharts' colour cycle. Only its first colour is used by the
// single-series charts, but setting it keeps ECharts' lighter defaults out.
var palette = opts.Colors{ColorSeries, "#b35900", "#2e7d32", "#7b3fa0", "#00838f", "#c2185b"}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Checked validates the trend and returns its values and target rounded
// to Decimals, the very numbers its option carries: the drawing made at
// build time (package svgchart) starts from them too.
func (t Trend) Checked() (values []*float64, target *float64, err error) {
	return check(t.ID, t.Title, t.SeriesName, t.TargetLabel, "periods", t.Periods, t.Values, t.Target, t.Decimals)
}

// Checked is Trend.Checked for bars.
func (b Bars) Checked() (values []*float64, target *float64, err error) {
	return check(b.ID, b.Title, b.SeriesName, b.TargetLabel, "labels", b.Labels, b.Values, b.Target, b.Decimals)
}

// Option returns the ECharts option of the trend chart as JSON.
func (t Trend) Option() (json.RawMessage, error) {
	values, target, err := t.Checked()
	if err != nil {
		return nil, err
	}
	a := valueAxis(t.Percent, t.Decimals, values, target)
	c := charts.NewLine()
	c.SetGlobalOptions(common(t.ID, t.Title)...)
	c.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: "32", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{
			Type:      "category",
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Color: ColorText},
			AxisTick:  &opts.AxisTick{AlignWithLabel: opts.Bool(true)},
		}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: a.min, Max: a.max, MinInterval: a.minInterval, AxisLabel: a.label}),
	)
	data := make([]opts.LineData, len(values))
	for i, v := range values {
		data[i] = opts.LineData{Value: value(v)}
	}
	series := []charts.SeriesOpts{
		charts.WithLineChartOpts(opts.LineChart{
			ConnectNulls: opts.Bool(false), // a gap stays a gap
			ShowSymbol:   opts.Bool(true),  // a point between two gaps is still seen
			SymbolSize:   7,
		}),
		charts.WithLineStyleOpts(opts.LineStyle{Width: 2}),
	}
	if target != nil {
		series = append(series,
			charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: t.TargetLabel, YAxis: *target}),
			targetStyle(t.TargetLabel, t.Percent, "insideEndTop"))
	}
	c.SetXAxis(t.Periods).AddSeries(t.SeriesName, data, series...)
	c.Validate()
	option := withFormat(c.JSON(), t.Percent, t.Decimals)
	if slices.ContainsFunc(t.Notes, func(n string) bool { return n != "" }) {
		// Plain text, as the hint: charts.js puts it after the value.
		option["minhbach"].(map[string]interface{})["notes"] = t.Notes
	}
	return marshal(option)
}

// Option returns the ECharts option of the bar chart as JSON.
func (b Bars) Option() (json.RawMessage, error) {
	values, target, err := b.Checked()
	if err != nil {
		return nil, err
	}
	a := valueAxis(b.Percent, b.Decimals, values, target)
	c := charts.NewBar()
	c.SetGlobalOptions(common(b.ID, b.Title)...)
	valueLabel := "{c}"
	if b.Percent {
		valueLabel = "{c}%"
	}
	c.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{
			Show: opts.Bool(true), Trigger: "axis",
			AxisPointer: &opts.AxisPointer{Type: "shadow"},
		}),
		// Right leaves room for the value label of the longest bar.
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "56", Top: "32", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Min: a.min, Max: a.max, MinInterval: a.minInterval, AxisLabel: a.label}),
		charts.WithYAxisOpts(opts.YAxis{
			Type:    "category",
			Inverse: opts.Bool(true), // first label on top
			// Long names are cut with "…" (the tooltip and the table under the
			// chart have them in full): one line per bar keeps every label
			// shown. go-echarts types axisLabel.interval as a string, which
			// ECharts does not treat as 0 ("show all"), so it is left unset.
			AxisLabel: &opts.AxisLabel{
				Show: opts.Bool(true), Color: ColorText,
				Width: labelWidth, Overflow: "truncate",
			},
		}),
	)
	data := make([]opts.BarData, len(values))
	for i, v := range values {
		data[i] = opts.BarData{Value: value(v)}
	}
	series := []charts.SeriesOpts{
		charts.WithBarChartOpts(opts.BarChart{BarCategoryGap: "30%"}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: valueLabel, Color: ColorText}),
	}
	if target != nil {
		series = append(series,
			charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: b.TargetLabel, XAxis: *target}),
			targetStyle(b.TargetLabel, b.Percent, "start"))
	}
	c.SetXAxis(b.Labels).AddSeries(b.SeriesName, data, series...)
	c.XYReversal()
	c.Validate()
	return marshal(withFormat(c.JSON(), b.Percent, b.Decimals))
}

// common returns the options every chart shares.
func common(id, title string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		// ChartID is not part of the option, but go-echarts draws a random
		// one otherwise; a fixed one keeps the chart value reproducible.
		charts.WithInitializationOpts(opts.Initialization{ChartID: "chart_" + strings.ReplaceAll(id, "-", "_")}),
		// The page shows the title as text. The live chart is named for
		// screen readers by charts.js, from the drawing's title and
		// description (in the page's number format), not by ECharts' aria
		// component, which is not in the build.
		charts.WithTitleOpts(opts.Title{Show: opts.Bool(false), Title: title}),
		charts.WithAnimation(false),
		charts.WithColorsOpts(palette),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(false)}),
	}
}

// valueAxisOpts are the settings of the value axis (y of a trend, x of bars).
type valueAxisOpts struct {
	min, max    interface{} // nil = ECharts decides
	minInterval float64
	label       *opts.AxisLabel
}

// valueAxis fixes a percent axis to 0–100 unless a value lies outside,
// which would otherwise be cut off. Integer data gets integer ticks.
func valueAxis(percent bool, decimals int, values []*float64, target *float64) valueAxisOpts {
	a := valueAxisOpts{label: &opts.AxisLabel{
		Show: opts.Bool(true), Color: ColorText,
		HideOverlap: opts.Bool(true), // narrow phones: drop crowded tick labels
	}}
	if decimals == 0 {
		a.minInterval = 1
	}
	if !percent {
		return a // ECharts includes zero unless told otherwise
	}
	a.label.Formatter = "{value}%" // an ECharts string template, not code
	lo, hi := 0.0, 100.0
	for _, v := range append(values[:len(values):len(values)], target) {
		if v != nil {
			lo, hi = math.Min(lo, *v), math.Max(hi, *v)
		}
	}
	if lo >= 0 {
		a.min = 0
	}
	if hi <= 100 {
		a.max = 100
	}
	return a
}

// targetStyle draws the target as a dashed line labelled with label, or
// with its value when label is empty.
func targetStyle(label string, percent bool, position string) charts.SeriesOpts {
	formatter := "{b}"
	if label == "" {
		formatter = "{c}"
		if percent {
			formatter = "{c}%"
		}
	}
	return charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
		Symbol:    []string{"none", "none"},
		Label:     &opts.Label{Show: opts.Bool(true), Formatter: formatter, Position: position, Color: ColorTarget},
		LineStyle: &opts.LineStyle{Color: ColorTarget, Type: "dashed", Width: 2},
	})
}

// value is a data value for go-echarts: the number, or "-", ECharts' mark
// for a missing value (drawn as a gap, shown as "-" in the tooltip).
func value(v *float64) interface{} {
	if v == nil {
		return "-"
	}
	return *v
}

// check validates the input shared by both chart kinds and returns the
// values and target rounded to decimals.
func check(id, title, series, targetLabel, what string, labels []string, values []*float64, target *float64, decimals int) ([]*float64, *float64, error) {
	if !idPattern.MatchString(id) {
		return nil, nil, fmt.Errorf("chart: id %q: use lower-case letters a-z, digits and single hyphens", id)
	}
	fail := func(format string, args ...any) ([]*float64, *float64, error) {
		return nil, nil, fmt.Errorf("chart %q: %s", id, fmt.Sprintf(format, args...))
	}
	if len(labels) == 0 {
		return fail("no %s to draw", what)
	}
	if len(values) != len(labels) {
		return fail("%d values for %d %s; there must be one value per %s (nil for a missing one)", len(values), len(labels), what, strings.TrimSuffix(what, "s"))
	}
	if decimals < 0 || decimals > maxDecimal {
		return fail("decimals %d: must be between 0 and %d", decimals, maxDecimal)
	}
	texts := append([]string{title, series, targetLabel}, labels...)
	for _, s := range texts {
		if !utf8.ValidString(s) {
			return fail("text %q is not valid UTF-8", s)
		}
	}
	rounded := make([]*float64, len(values))
	for i, v := range values {
		if v == nil {
			continue
		}
		if math.IsNaN(*v) || math.IsInf(*v, 0) {
			return fail("value %v for %q is not a number", *v, labels[i])
		}
		r := decimal.Round(*v, decimals)
		rounded[i] = &r
	}
	var t *float64
	if target != nil {
		if math.IsNaN(*target) || math.IsInf(*target, 0) {
			return fail("target %v is not a number", *target)
		}
		r := decimal.Round(*target, decimals)
		t = &r
	}
	return rounded, t, nil
}

var (
	funcMarker        = []byte("__f__")
	funcMarkerEscaped = []byte(`\u005f_f__`)
)

// marshal encodes a go-echarts option map. encoding/json sorts map keys
// (deterministic output) and escapes <, >, & and U+2028/9, so the result
// is safe inside a <script type="application/json"> element.
// withFormat adds a plain hint of how values read (percent, decimals).
// ECharts ignores the key; charts.js turns it into number formatting in
// the page's language, so a Vietnamese chart shows "91,4%" like its table.
// Formatting code never travels in the option.
func withFormat(option map[string]interface{}, percent bool, decimals int) map[string]interface{} {
	option["minhbach"] = map[string]interface{}{"format": map[string]interface{}{"percent": percent, "decimals": decimals}}
	return option
}

func marshal(option map[string]interface{}) (json.RawMessage, error) {
	b, err := json.Marshal(option)
	if err != nil {
		return nil, fmt.Errorf("chart: encoding the option: %w", err)
	}
	// go-echarts' renderer turns "__f__…__f__" strings into raw script. We
	// never use it, but spell the marker differently (same string once
	// decoded) so that no tool can. It can only occur inside strings, and
	// each pass removes a literal underscore, so the loop ends.
	for bytes.Contains(b, funcMarker) {
		b = bytes.ReplaceAll(b, funcMarker, funcMarkerEscaped)
	}
	if bytes.ContainsAny(b, "<>") {
		return nil, errors.New("chart: option contains a raw < or >") // encoding/json prevents it
	}
	return b, nil
}
