// Package svgchart draws the site's charts at build time as inline,
// accessible SVG, from the same series package chart turns into ECharts
// options: a page shows its charts without JavaScript, on paper, and
// before ECharts (an enhancement) takes over the same box.
//
// Every element is written through encoding/xml's token encoder, which
// escapes each attribute value and each text: the package has no call that
// writes markup from a string, and element and attribute names are
// constants of this file, so a name from a CSV file can only ever be text.
//
// Numbers are printed by the caller's Format (package locale), so a chart
// reads "91,4%" in Vietnamese exactly as the table under it does.
package svgchart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/chart"
)

// Format prints a value as the page's tables print it; NaN is a missing
// value (locale prints it as "–").
type Format func(v float64) string

// The interactive chart's colours; the target is also dashed, so it is
// not told by colour alone.
const (
	colorSeries = chart.ColorSeries
	colorTarget = chart.ColorTarget
	colorText   = chart.ColorText
	colorGrid   = "#d0d0d0" // the tables' rules

	fontPx   = 12
	charPx   = 7 // a generous average advance of a 12 px system font
	width    = 400
	trendH   = 240
	barRow   = 22
	barThick = 14
	labelCol = 136 // unit names at the left of the bars
)

// Trend draws t as a line over its periods, gaps left open, with the
// target as a dashed, labelled line. desc opens the chart's description;
// the value of every period follows it.
func Trend(t chart.Trend, desc string, f Format) (template.HTML, error) {
	values, target, err := t.Checked()
	if err != nil {
		return "", err
	}
	ax := newAxis(t.Percent, t.Decimals, values, target, f)
	ticks, tickLabels := ax.ticks, ax.labels
	x0, x1 := float64(ax.widest*charPx+10), float64(width-12)
	y0, y1 := 24.0, float64(trendH-28)
	y := func(v float64) float64 { return ax.at(v, y1, y0) }
	n := len(values)
	slot := (x1 - x0) / float64(n)
	x := func(i int) float64 { return x0 + (float64(i)+0.5)*slot }

	w := newWriter(t.ID, width, trendH, t.Title, describe(desc, t.Periods, values, f))
	grid := path{}
	for _, v := range ticks {
		grid.m(x0, y(v)).h(x1)
	}
	w.leaf("path", "d", grid.String(), "stroke", colorGrid, "fill", "none")
	w.leaf("path", "d", (&path{}).m(x0, y1).h(x1).String(), "stroke", colorText, "fill", "none")
	w.start("g", "fill", colorText, "text-anchor", "end")
	for i, v := range ticks {
		w.textAt(x0-6, y(v)+4, tickLabels[i])
	}
	w.end("g")
	// Period labels: as many as fit without overlapping, counted back
	// from the latest period, which is always named.
	longest := 0
	for _, p := range t.Periods {
		longest = max(longest, utf8.RuneCountInString(p))
	}
	step := max(1, int(math.Ceil(float64(longest*charPx+8)/slot)))
	w.start("g", "fill", colorText, "text-anchor", "middle")
	for i, p := range t.Periods {
		if (n-1-i)%step == 0 {
			w.textAt(x(i), y1+18, p)
		}
	}
	w.end("g")
	if target != nil {
		ty := y(*target)
		w.leaf("path", "d", (&path{}).m(x0, ty).h(x1).String(), "stroke", colorTarget, "stroke-width", "2", "stroke-dasharray", "6 4", "fill", "none")
		w.start("text", "x", coord(x1), "y", coord(ty-6), "fill", colorTarget, "text-anchor", "end")
		w.text(targetText(t.TargetLabel, *target, f))
		w.end("text")
	}
	line, dots := path{}, path{}
	prev := -2
	for i, v := range values {
		if v == nil {
			continue
		}
		if i == prev+1 {
			line.l(x(i), y(*v))
		} else {
			line.m(x(i), y(*v)) // a gap: no line through a missing period
		}
		dots.m(x(i), y(*v)).h0()
		prev = i
	}
	w.leaf("path", "d", line.String(), "stroke", colorSeries, "stroke-width", "2", "stroke-linejoin", "round", "fill", "none")
	// A dot per value (a zero-length segment with round caps), so a value
	// between two gaps is still seen.
	w.leaf("path", "d", dots.String(), "stroke", colorSeries, "stroke-width", "7", "stroke-linecap", "round", "fill", "none")
	return w.finish()
}

// Bars draws b as horizontal bars, one row per label, top to bottom, with
// the value at the end of each bar and the target as a dashed, labelled
// line. Height is b's: BarsHeight.
func Bars(b chart.Bars, desc string, f Format) (template.HTML, error) {
	values, target, err := b.Checked()
	if err != nil {
		return "", err
	}
	ax := newAxis(b.Percent, b.Decimals, values, target, f)
	ticks, tickLabels := ax.ticks, ax.labels
	h := BarsHeight(len(values))
	x0, x1 := float64(labelCol), float64(width-52)
	y0, y1 := 24.0, float64(h-24)
	x := func(v float64) float64 { return ax.at(v, x0, x1) }
	tlo, thi := ticks[0], ticks[len(ticks)-1]

	w := newWriter(b.ID, width, h, b.Title, describe(desc, b.Labels, values, f))
	grid := path{}
	for _, v := range ticks {
		grid.m(x(v), y0).v(y1)
	}
	w.leaf("path", "d", grid.String(), "stroke", colorGrid, "fill", "none")
	w.start("g", "fill", colorText, "text-anchor", "middle")
	for i, v := range ticks {
		w.textAt(x(v), y1+16, tickLabels[i])
	}
	w.end("g")
	zero := x(math.Max(tlo, math.Min(0, thi)))
	bars := path{}
	for i, v := range values {
		if v != nil {
			top, end := y0+float64(i)*barRow, x(*v)
			bars.m(math.Min(zero, end), top+(barRow-barThick)/2).h(math.Max(zero, end)).v(top + (barRow+barThick)/2).h(math.Min(zero, end)).z()
		}
	}
	w.leaf("path", "d", bars.String(), "fill", colorSeries)
	w.start("g", "fill", colorText)
	for i, v := range values {
		mid := y0 + float64(i)*barRow + barRow/2 + 4
		name, cut := truncate(b.Labels[i], (labelCol-10)/charPx)
		w.start("text", "x", coord(x0-6), "y", coord(mid), "text-anchor", "end")
		if cut {
			w.start("title")
			w.text(b.Labels[i])
			w.end("title")
		}
		w.text(name)
		w.end("text")
		if v == nil {
			w.textAt(zero+4, mid, f(math.NaN()))
			continue
		}
		// The value sits inside the end of a bar long enough to hold it,
		// in white (6.4:1 on the bar's blue), clear of the target line.
		end, label := x(*v), f(*v)
		if math.Abs(end-zero) >= float64(utf8.RuneCountInString(label)*charPx+8) {
			w.start("text", "x", coord(math.Max(zero, end)-4), "y", coord(mid), "fill", "#ffffff", "text-anchor", "end")
			w.text(label)
			w.end("text")
		} else {
			w.textAt(math.Max(zero, end)+4, mid, label)
		}
	}
	w.end("g")
	if target != nil {
		tx := x(*target)
		anchor := "middle"
		if tx > width-90 {
			anchor = "end"
		} else if tx < x0+90 {
			anchor = "start"
		}
		w.leaf("path", "d", (&path{}).m(tx, y0-4).v(y1).String(), "stroke", colorTarget, "stroke-width", "2", "stroke-dasharray", "6 4", "fill", "none")
		w.start("text", "x", coord(tx), "y", coord(y0-8), "fill", colorTarget, "text-anchor", anchor)
		w.text(targetText(b.TargetLabel, *target, f))
		w.end("text")
	}
	return w.finish()
}

// BarsHeight is the height, in the chart's own units, of a bar chart of n
// rows: the box the page keeps for it.
func BarsHeight(n int) int { return 24 + n*barRow + 24 }

// TrendHeight is the height of a trend chart in the chart's own units; its
// width is Width.
const (
	TrendHeight = trendH
	Width       = width
)

// Spark is a sparkline: one unit's series in a 100 × 24 box, drawn
// without axes, for a table row.
type Spark struct {
	Title   string    // accessible name, e.g. the indicator's name
	Desc    string    // the values read out, e.g. "I/2023: 70,7%; …"
	Slots   int       // periods on the x axis
	At      []int     // each value's period, increasing, 0 ≤ At[i] < Slots
	Values  []float64 // one per At
	Percent bool      // scale 0–100 unless a value lies outside
}

// SVG draws the sparkline; a period missing between two values is a gap.
func (s Spark) SVG() template.HTML {
	if len(s.Values) == 0 || len(s.At) != len(s.Values) {
		return ""
	}
	lo, hi := s.Values[0], s.Values[0]
	for _, v := range s.Values {
		lo, hi = min(lo, v), max(hi, v)
	}
	if s.Percent {
		lo, hi = min(lo, 0), max(hi, 100)
	}
	if hi == lo {
		hi = lo + 1
	}
	span := float64(max(s.Slots-1, 1))
	d := path{}
	prev := -2
	for j, v := range s.Values {
		x, y := float64(s.At[j])*100/span, 22-(v-lo)/(hi-lo)*20
		if s.At[j] == prev+1 {
			d.l(x, y)
		} else {
			d.m(x, y)
		}
		prev = s.At[j]
	}
	w := &writer{}
	w.enc = xml.NewEncoder(&w.buf)
	w.start("svg", "class", "spark", "viewBox", "-2 0 104 24", "width", "104", "height", "24", "role", "img")
	w.start("title")
	w.text(s.Title)
	w.end("title")
	if s.Desc != "" {
		w.start("desc")
		w.text(s.Desc)
		w.end("desc")
	}
	w.leaf("path", "d", d.String())
	w.end("svg")
	out, err := w.done()
	if err != nil {
		return "" // only an encoder fault; the row keeps its numbers
	}
	return out
}

// describe is the chart's description: desc, then each label's value.
func describe(desc string, labels []string, values []*float64, f Format) string {
	var b strings.Builder
	b.WriteString(desc)
	for i, l := range labels {
		if i == 0 {
			if desc != "" {
				b.WriteString(" ")
			}
		} else {
			b.WriteString("; ")
		}
		v := math.NaN()
		if values[i] != nil {
			v = *values[i]
		}
		b.WriteString(l)
		b.WriteString(": ")
		b.WriteString(f(v))
	}
	if len(labels) > 0 {
		b.WriteString(".")
	}
	return b.String()
}

func targetText(label string, target float64, f Format) string {
	if label != "" {
		return label
	}
	return f(target)
}

// span is the range the value axis must show: 0–100 for percents unless a
// value lies outside, and always zero, as ECharts does.
func span(percent bool, values []*float64, target *float64) (float64, float64) {
	lo, hi := 0.0, 0.0
	if percent {
		hi = 100
	}
	for _, v := range append(values[:len(values):len(values)], target) {
		if v != nil {
			lo, hi = math.Min(lo, *v), math.Max(hi, *v)
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	return lo, hi
}

// niceTicks returns about five ticks at 1, 2 or 5 × 10ⁿ that cover lo–hi;
// whole steps when integer.
func niceTicks(lo, hi float64, integer bool) []float64 {
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if integer && step < 1 {
		step = 1
	}
	first, last := math.Floor(lo/step), math.Ceil(hi/step)
	ticks := make([]float64, 0, int(last-first)+1)
	for k := first; k <= last; k++ {
		// k*step, not a running sum, then cut the binary noise off
		// (3 × 0.2 is 0.6000000000000001).
		ticks = append(ticks, math.Round(k*step*1e9)/1e9)
	}
	return ticks
}

// axis is a value axis: its ticks, their labels and the widest label's
// length in characters.
type axis struct {
	ticks  []float64
	labels []string
	widest int
}

func newAxis(percent bool, decimals int, values []*float64, target *float64, f Format) axis {
	lo, hi := span(percent, values, target)
	a := axis{ticks: niceTicks(lo, hi, decimals == 0)}
	a.labels = make([]string, len(a.ticks))
	for i, v := range a.ticks {
		a.labels[i] = f(v)
		a.widest = max(a.widest, utf8.RuneCountInString(a.labels[i]))
	}
	return a
}

// at places v between from (the first tick) and to (the last).
func (a axis) at(v, from, to float64) float64 {
	lo, hi := a.ticks[0], a.ticks[len(a.ticks)-1]
	return from + (v-lo)/(hi-lo)*(to-from)
}

// truncate cuts s to n characters, the last one "…".
func truncate(s string, n int) (string, bool) {
	if utf8.RuneCountInString(s) <= n {
		return s, false
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…", true
}

// path builds SVG path data with coordinates rounded to one decimal.
type path struct{ b []byte }

func (p path) String() string { return string(p.b) }

func (p *path) op(c byte, vs ...float64) *path {
	p.b = append(p.b, c)
	for i, v := range vs {
		if i > 0 {
			p.b = append(p.b, ' ')
		}
		p.b = appendCoord(p.b, v)
	}
	return p
}

func (p *path) m(x, y float64) *path { return p.op('M', x, y) }
func (p *path) l(x, y float64) *path { return p.op('L', x, y) }
func (p *path) h(x float64) *path    { return p.op('H', x) }
func (p *path) v(y float64) *path    { return p.op('V', y) }
func (p *path) h0() *path            { p.b = append(p.b, "h0"...); return p }
func (p *path) z() *path             { p.b = append(p.b, 'Z'); return p }

// appendCoord writes v with one decimal and without a trailing ".0": 12.5,
// 3, 100. Tenths of a unit are below what a screen shows, and keep a
// 12-point chart to a few kB.
func appendCoord(d []byte, v float64) []byte {
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // no "-0"
	}
	d = strconv.AppendFloat(d, v, 'f', 1, 64)
	if n := len(d); n >= 2 && d[n-2] == '.' && d[n-1] == '0' {
		d = d[:n-2]
	}
	return d
}

func coord(v float64) string { return string(appendCoord(nil, v)) }

// writer writes elements through encoding/xml, which escapes every
// attribute value and text. Names are this file's constants.
type writer struct {
	buf bytes.Buffer
	enc *xml.Encoder
	err error
}

// newWriter opens a chart's <svg>: an image whose name is its <title> and
// whose description is its <desc>, reachable with the keyboard (tabindex)
// so that the focus goes chart, then its table.
func newWriter(id string, w, h int, title, desc string) *writer {
	wr := &writer{}
	wr.enc = xml.NewEncoder(&wr.buf)
	size := fmt.Sprintf("0 0 %d %d", w, h)
	wr.start("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "svgchart", "id", id+"-svg",
		"viewBox", size, "width", strconv.Itoa(w), "height", strconv.Itoa(h),
		"role", "img", "aria-labelledby", id+"-title", "aria-describedby", id+"-desc", "tabindex", "0",
		"font-size", strconv.Itoa(fontPx))
	wr.start("title", "id", id+"-title")
	wr.text(title)
	wr.end("title")
	wr.start("desc", "id", id+"-desc")
	wr.text(desc)
	wr.end("desc")
	return wr
}

// start opens an element; attrs are name, value pairs.
func (w *writer) start(name string, attrs ...string) {
	se := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	w.token(se)
}

func (w *writer) end(name string) { w.token(xml.EndElement{Name: xml.Name{Local: name}}) }

func (w *writer) leaf(name string, attrs ...string) {
	w.start(name, attrs...)
	w.end(name)
}

func (w *writer) text(s string) { w.token(xml.CharData(s)) }

func (w *writer) textAt(x, y float64, s string) {
	w.start("text", "x", coord(x), "y", coord(y))
	w.text(s)
	w.end("text")
}

func (w *writer) token(t xml.Token) {
	if w.err == nil {
		w.err = w.enc.EncodeToken(t)
	}
}

func (w *writer) finish() (template.HTML, error) {
	w.end("svg")
	return w.done()
}

func (w *writer) done() (template.HTML, error) {
	if w.err == nil {
		w.err = w.enc.Flush()
	}
	if w.err != nil {
		return "", fmt.Errorf("svgchart: %w", w.err)
	}
	// The encoder escaped every value and text: this is safe HTML.
	return template.HTML(w.buf.String()), nil
}

// Range is the value axis a trend of values is drawn on (its first and
// last tick), for other drawings of the same series (the preview image).
func Range(percent bool, decimals int, values []*float64, target *float64) (lo, hi float64) {
	lo, hi = span(percent, values, target)
	t := niceTicks(lo, hi, decimals == 0)
	return t[0], t[len(t)-1]
}
