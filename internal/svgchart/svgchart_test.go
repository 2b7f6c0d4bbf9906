package svgchart

import (
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/golden"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
)

func f(v float64) *float64 { return &v }

func percentVI(v float64) string { return locale.Value(model.VI, model.Percent, v) }
func countEN(v float64) string   { return locale.Value(model.EN, model.Count, v) }

// trend12 is a year of months with a gap and a target: the common case,
// which must stay a few kB.
func trend12() chart.Trend {
	t := chart.Trend{
		ID: "trend-vb01", Title: "Tỷ lệ văn bản được ký số, Huyện Chợ Đồn", SeriesName: "Huyện Chợ Đồn",
		Target: f(100), TargetLabel: "Mục tiêu 2025: 100%", Percent: true, Decimals: 1,
	}
	for i := range 12 {
		t.Periods = append(t.Periods, "T"+string(rune('1'+i%9))+"/2024")
		if i == 4 {
			t.Values = append(t.Values, nil)
			continue
		}
		t.Values = append(t.Values, f(60.25+float64(i)*2.7))
	}
	return t
}

func countTrend() chart.Trend {
	return chart.Trend{
		ID: "trend-ht03", Title: "Online files, Chợ Đồn district", SeriesName: "Chợ Đồn district",
		Periods: []string{"2021", "2022", "2023", "2024"},
		Values:  []*float64{f(120), f(345.4), f(1012.5), f(2890)},
	}
}

func bars() chart.Bars {
	b := chart.Bars{
		ID: "units-vb01", Title: "Tỷ lệ văn bản được ký số, IV/2024", SeriesName: "IV/2024",
		Labels:      []string{"Thị trấn Bằng Lũng", "Xã Bằng Lãng", "Xã Bản Thi", "Phòng Văn hóa và Thông tin huyện", "Xã Xuân Lạc"},
		Values:      []*float64{f(91.4), f(100), nil, f(0), f(45.55)},
		Target:      f(90),
		TargetLabel: "Mục tiêu 2025: 90%",
		Percent:     true, Decimals: 1,
	}
	return b
}

func TestGolden(t *testing.T) {
	t.Parallel()
	for name, draw := range map[string]func() (string, error){
		"trend-percent-vi": func() (string, error) {
			s, err := Trend(trend12(), "Biểu đồ đường theo tháng.", percentVI)
			return string(s), err
		},
		"trend-count-en": func() (string, error) {
			s, err := Trend(countTrend(), "Line chart by year.", countEN)
			return string(s), err
		},
		"bars-percent-vi": func() (string, error) {
			s, err := Bars(bars(), "Biểu đồ thanh.", percentVI)
			return string(s), err
		},
		"spark": func() (string, error) {
			s := Spark{Title: "VB01", Desc: "I/2023: 70,7%; III/2023: 80%", Slots: 4, At: []int{0, 2, 3}, Values: []float64{70.7, 80, 85.25}, Percent: true}
			return string(s.SVG()), nil
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := draw()
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", name+".golden.svg"), got+"\n")
		})
	}
}

// element is what the parsed SVG holds.
type element struct {
	name  string
	attrs map[string]string
	text  string // direct text
}

func parse(t *testing.T, svg string) []element {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	var out []element
	var stack []int
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed SVG: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := element{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
			stack = append(stack, len(out)-1)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				out[stack[len(stack)-1]].text += string(tok)
			}
		}
	}
	return out
}

func TestAccessible(t *testing.T) {
	t.Parallel()
	svg, err := Trend(trend12(), "Biểu đồ đường.", percentVI)
	if err != nil {
		t.Fatal(err)
	}
	els := parse(t, string(svg))
	root := els[0]
	if root.name != "svg" || root.attrs["role"] != "img" || root.attrs["tabindex"] != "0" {
		t.Fatalf("root %+v: want an <svg role=img tabindex=0>", root)
	}
	byID := map[string]element{}
	var texts []string
	for _, e := range els {
		if id := e.attrs["id"]; id != "" {
			byID[id] = e
		}
		if e.name == "text" {
			texts = append(texts, e.text)
		}
	}
	title, desc := byID[root.attrs["aria-labelledby"]], byID[root.attrs["aria-describedby"]]
	if title.name != "title" || title.text != "Tỷ lệ văn bản được ký số, Huyện Chợ Đồn" {
		t.Errorf("aria-labelledby names %+v, want the <title>", title)
	}
	// The description reads every period in the page's number format,
	// the gap as missing.
	want := "Biểu đồ đường. T1/2024: 60,3%; T2/2024: 63%; T3/2024: 65,7%; T4/2024: 68,4%; T5/2024: –;"
	if desc.name != "desc" || !strings.HasPrefix(desc.text, want) {
		t.Errorf("desc %q, want it to start %q", desc.text, want)
	}
	// Axis labels with the decimal comma and %, and the target's label.
	for _, w := range []string{"0%", "20%", "100%", "T3/2024", "Mục tiêu 2025: 100%"} {
		if !slices.Contains(texts, w) {
			t.Errorf("no text %q in %q", w, texts)
		}
	}
	var dashed bool
	for _, e := range els {
		dashed = dashed || (e.name == "path" && e.attrs["stroke-dasharray"] != "" && e.attrs["stroke"] == colorTarget)
	}
	if !dashed {
		t.Error("no dashed target line")
	}
}

// TestSmall: a 12-point line chart is a few kB (coordinates to one decimal).
func TestSmall(t *testing.T) {
	t.Parallel()
	svg, err := Trend(trend12(), "Biểu đồ đường theo tháng.", percentVI)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(svg); n > 4000 {
		t.Errorf("a 12-point trend is %d bytes, want at most 4000", n)
	}
	if strings.Contains(string(svg), ".25") || strings.Contains(string(svg), "-0") {
		t.Errorf("coordinates not rounded to one decimal: %s", svg)
	}
}

func TestTicks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lo, hi  float64
		integer bool
		want    []float64
	}{
		{0, 100, false, []float64{0, 20, 40, 60, 80, 100}},
		{0, 2890, true, []float64{0, 1000, 2000, 3000}},
		{0, 3, true, []float64{0, 1, 2, 3}},
		{0, 0.6, false, []float64{0, 0.2, 0.4, 0.6}},
		{-12, 30, true, []float64{-20, -10, 0, 10, 20, 30}},
	} {
		if got := niceTicks(tc.lo, tc.hi, tc.integer); !slices.Equal(got, tc.want) {
			t.Errorf("niceTicks(%v, %v) = %v, want %v", tc.lo, tc.hi, got, tc.want)
		}
	}
}

func payloads(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "xss-payloads.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d payloads", len(out))
	}
	return out
}

// TestHostileTextIsText puts every payload of the shared XSS corpus in
// every text of every chart kind: the SVG has only the elements this
// package writes, and each payload comes back as the very text it was.
func TestHostileTextIsText(t *testing.T) {
	t.Parallel()
	allowed := []string{"svg", "title", "desc", "g", "path", "text"}
	for _, p := range payloads(t) {
		tr := trend12()
		tr.Title, tr.TargetLabel = p, p
		tr.Periods[3] = p
		b := bars()
		b.Title, b.TargetLabel = p, p
		b.Labels[1] = p
		b.Labels[3] = p + p // long: cut, with the full name as its title
		hostile := func(v float64) string { return p }
		ts, err := Trend(tr, p, hostile)
		if err != nil {
			t.Fatal(err)
		}
		bs, err := Bars(b, p, hostile)
		if err != nil {
			t.Fatal(err)
		}
		sp := Spark{Title: p, Desc: p, Slots: 2, At: []int{0, 1}, Values: []float64{1, 2}}.SVG()
		for kind, svg := range map[string]string{"trend": string(ts), "bars": string(bs), "spark": string(sp)} {
			found := 0
			for _, e := range parse(t, svg) {
				if !slices.Contains(allowed, e.name) {
					t.Errorf("%s with %q: element <%s>", kind, p, e.name)
				}
				for a := range e.attrs {
					if strings.HasPrefix(strings.ToLower(a), "on") || a == "href" || a == "style" {
						t.Errorf("%s with %q: attribute %s", kind, p, a)
					}
				}
				if strings.Contains(e.text, p) {
					found++
				}
			}
			if found < 2 {
				t.Errorf("%s: payload %q found as text %d times, want at least title and desc", kind, p, found)
			}
		}
	}
}

func TestRefusesWhatChartRefuses(t *testing.T) {
	t.Parallel()
	tr := trend12()
	tr.Values[0] = f(math.NaN())
	if _, err := Trend(tr, "", percentVI); err == nil {
		t.Error("a NaN value was drawn")
	}
	b := bars()
	b.ID = "Bad ID"
	if _, err := Bars(b, "", percentVI); err == nil {
		t.Error("a bad id was accepted")
	}
}

// Benchmarks: the cost of a chart, to weigh against the build's speed.
func BenchmarkTrend12(b *testing.B) {
	tr := trend12()
	for b.Loop() {
		if _, err := Trend(tr, "Biểu đồ đường theo tháng.", percentVI); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBars28(b *testing.B) {
	bs := bars()
	for len(bs.Labels) < 28 {
		bs.Labels = append(bs.Labels, "Xã Yên Thượng")
		bs.Values = append(bs.Values, f(77.7))
	}
	for b.Loop() {
		if _, err := Bars(bs, "Biểu đồ thanh.", percentVI); err != nil {
			b.Fatal(err)
		}
	}
}
