package chart

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/golden"
)

func f(v float64) *float64 { return &v }

// Example charts, shared by the golden and render checks.
func percentTrend() Trend {
	return Trend{
		ID:          "ky-so-cho-don",
		Title:       "Tỷ lệ văn bản được ký số, Huyện Chợ Đồn",
		SeriesName:  "Tỷ lệ ký số",
		Periods:     []string{"Q1/2023", "Q2/2023", "Q3/2023", "Q4/2023", "Q1/2024", "Q2/2024"},
		Values:      []*float64{f(41.25), f(55.5), nil, f(0), f(78.125), f(86.6666)},
		Target:      f(100),
		TargetLabel: "Mục tiêu 2025: 100%",
		Percent:     true,
		Decimals:    1,
	}
}

func countTrend() Trend {
	return Trend{
		ID:         "ho-so-truc-tuyen",
		Title:      "Số hồ sơ trực tuyến, Xã Bằng Lãng",
		SeriesName: "Hồ sơ",
		Periods:    []string{"2021", "2022", "2023", "2024"},
		Values:     []*float64{f(120), f(345.4), f(1012.5), f(2890)},
	}
}

func bars20() Bars {
	names := []string{
		"Thị trấn Bằng Lũng", "Xã Bằng Lãng", "Xã Bản Thi", "Xã Bằng Phúc", "Xã Đại Sảo",
		"Xã Đồng Lạc", "Xã Đồng Thắng", "Xã Lương Bằng", "Xã Nam Cường", "Xã Nghĩa Tá",
		"Xã Ngọc Phái", "Xã Phương Viên", "Xã Quảng Bạch", "Xã Tân Lập", "Xã Xuân Lạc",
		"Xã Yên Mỹ", "Xã Yên Phong", "Xã Yên Thịnh", "Xã Yên Thượng", "Xã Rất Dài Tên Để Kiểm Tra Cắt Nhãn Đơn Vị",
	}
	b := Bars{
		ID:          "ky-so-xa-2024-q4",
		Title:       "Tỷ lệ văn bản được ký số theo xã, Q4/2024",
		SeriesName:  "Tỷ lệ ký số",
		Labels:      names,
		Target:      f(90),
		TargetLabel: "Mục tiêu: 90%",
		Percent:     true,
		Decimals:    0,
	}
	for i := range names {
		switch i {
		case 7:
			b.Values = append(b.Values, nil)
		case 12:
			b.Values = append(b.Values, f(0))
		default:
			b.Values = append(b.Values, f(100-float64(i*i)/4.3))
		}
	}
	return b
}

func indent(t *testing.T, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		t.Fatalf("option is not valid JSON: %v", err)
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// TestGolden pins the whole option (go test -update rewrites the files).
// The golden files are indented; json.Indent is a pure function of the
// compact bytes, so equal files mean equal output.
func TestGolden(t *testing.T) {
	for name, option := range map[string]func() (json.RawMessage, error){
		"trend-percent": percentTrend().Option,
		"trend-count":   countTrend().Option,
		"bars-20":       bars20().Option,
	} {
		t.Run(name, func(t *testing.T) {
			got, err := option()
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", name+".golden.json"), string(indent(t, got)))
		})
	}
}

// decode returns the option as generic JSON for assertions on its meaning.
func decode(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func get(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %q", path, k)
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("%v: no element %d", path, k)
			}
			v = a[k]
		}
	}
	return v
}

func TestTrendMeaning(t *testing.T) {
	b, err := percentTrend().Option()
	if err != nil {
		t.Fatal(err)
	}
	m := decode(t, b)
	// Rounded half away from zero to 1 decimal; the gap is ECharts' "-", and
	// the real zero stays 0.
	var got []string
	for _, d := range get(t, m, "series", 0, "data").([]any) {
		got = append(got, fmt.Sprint(d.(map[string]any)["value"]))
	}
	if s := strings.Join(got, " "); s != "41.3 55.5 - 0 78.1 86.7" {
		t.Errorf("data = %s", s)
	}
	checks := []struct {
		path []any
		want any
	}{
		{[]any{"series", 0, "type"}, "line"},
		{[]any{"series", 0, "connectNulls"}, false},
		{[]any{"series", 0, "markLine", "data", 0, "yAxis"}, 100.0},
		{[]any{"series", 0, "markLine", "data", 0, "name"}, "Mục tiêu 2025: 100%"},
		{[]any{"series", 0, "markLine", "lineStyle", "type"}, "dashed"},
		{[]any{"series", 0, "markLine", "label", "formatter"}, "{b}"},
		{[]any{"xAxis", 0, "data", 2}, "Q3/2023"},
		{[]any{"yAxis", 0, "min"}, 0.0},
		{[]any{"yAxis", 0, "max"}, 100.0},
		{[]any{"yAxis", 0, "axisLabel", "formatter"}, "{value}%"},
		{[]any{"tooltip", "trigger"}, "axis"},
		{[]any{"title", "text"}, "Tỷ lệ văn bản được ký số, Huyện Chợ Đồn"},
		{[]any{"animation"}, false},
		{[]any{"grid", 0, "containLabel"}, true},
		{[]any{"toolbox", "show"}, false},
		{[]any{"color", 0}, ColorSeries},
	}
	for _, c := range checks {
		if g := get(t, m, c.path...); g != c.want {
			t.Errorf("%v = %#v, want %#v", c.path, g, c.want)
		}
	}

	// Without a target there is no mark line; counts get integer ticks and
	// no fixed maximum.
	m = decode(t, must(t, countTrend().Option))
	if ml := get(t, m, "series", 0, "markLine"); ml != nil {
		t.Errorf("count trend has a markLine: %v", ml)
	}
	if g := get(t, m, "yAxis", 0, "minInterval"); g != 1.0 {
		t.Errorf("count trend minInterval = %v, want 1", g)
	}
	if g := get(t, m, "yAxis", 0, "max"); g != nil {
		t.Errorf("count trend max = %v, want none", g)
	}
	if g := get(t, m, "series", 0, "data", 1, "value"); g != 345.0 {
		t.Errorf("count trend 345.4 rounded to %v, want 345", g)
	}
}

func must(t *testing.T, option func() (json.RawMessage, error)) []byte {
	t.Helper()
	b, err := option()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBarsMeaning(t *testing.T) {
	b := bars20()
	m := decode(t, must(t, b.Option))
	checks := []struct {
		path []any
		want any
	}{
		{[]any{"series", 0, "type"}, "bar"},
		{[]any{"yAxis", 0, "type"}, "category"},
		{[]any{"yAxis", 0, "inverse"}, true},
		{[]any{"yAxis", 0, "data", 0}, "Thị trấn Bằng Lũng"},
		{[]any{"yAxis", 0, "data", 19}, "Xã Rất Dài Tên Để Kiểm Tra Cắt Nhãn Đơn Vị"},
		{[]any{"xAxis", 0, "type"}, "value"},
		{[]any{"xAxis", 0, "max"}, 100.0},
		{[]any{"xAxis", 0, "data"}, nil},
		{[]any{"series", 0, "data", 1, "value"}, 100.0}, // 100 - 1/4.3 = 99.77 → 100
		{[]any{"series", 0, "data", 7, "value"}, "-"},
		{[]any{"series", 0, "data", 12, "value"}, 0.0},
		{[]any{"series", 0, "label", "formatter"}, "{c}%"},
		{[]any{"series", 0, "markLine", "data", 0, "xAxis"}, 90.0},
		{[]any{"series", 0, "markLine", "data", 0, "name"}, "Mục tiêu: 90%"},
	}
	for _, c := range checks {
		if g := get(t, m, c.path...); g != c.want {
			t.Errorf("%v = %#v, want %#v", c.path, g, c.want)
		}
	}
}

// A percent axis is not cut off at 100 when a value exceeds it.
func TestPercentAxisWidensForOutliers(t *testing.T) {
	tr := Trend{ID: "x", Periods: []string{"2024"}, Values: []*float64{f(104)}, Percent: true}
	m := decode(t, must(t, tr.Option))
	if g := get(t, m, "yAxis", 0, "max"); g != nil {
		t.Errorf("max = %v with a value of 104, want none", g)
	}
	if g := get(t, m, "yAxis", 0, "min"); g != 0.0 {
		t.Errorf("min = %v, want 0", g)
	}
}

// payloads reads testdata/xss-payloads.txt (a copy of the project's shared
// list) plus cases aimed at this package.
func payloads(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "xss-payloads.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d payloads read", len(out))
	}
	return append(out,
		"__f__f__", "___f__", "a\u2028b\u2029c", "tab\there", `back\slash "quote"`,
		"</SCRIPT ><!--", "&lt;b&gt; &amp;",
	)
}

// Every text goes into the option as data: no raw < or >, no go-echarts
// function marker, and decoding gives back the exact string.
func TestPayloadsStayData(t *testing.T) {
	for _, p := range payloads(t) {
		tr := percentTrend()
		tr.Title, tr.SeriesName, tr.TargetLabel = p, p, p
		tr.Periods = append([]string{p}, tr.Periods[1:]...)
		br := bars20()
		br.Title, br.SeriesName, br.TargetLabel = p, p, p
		br.Labels = append([]string{p}, br.Labels[1:]...)
		for kind, option := range map[string]func() (json.RawMessage, error){"trend": tr.Option, "bars": br.Option} {
			b, err := option()
			if err != nil {
				t.Fatalf("%s %q: %v", kind, p, err)
			}
			if bytes.ContainsAny(b, "<>") {
				t.Errorf("%s %q: raw < or > in option", kind, p)
			}
			if bytes.Contains(b, []byte("__f__")) {
				t.Errorf("%s %q: __f__ marker in option", kind, p)
			}
			if bytes.ContainsAny(b, "\u2028\u2029") {
				t.Errorf("%s %q: raw line separator in option", kind, p)
			}
			m := decode(t, b)
			paths := [][]any{
				{"title", "text"},
				{"series", 0, "name"},
				{"series", 0, "markLine", "data", 0, "name"},
			}
			if kind == "trend" {
				paths = append(paths, []any{"xAxis", 0, "data", 0})
			} else {
				paths = append(paths, []any{"yAxis", 0, "data", 0})
			}
			for _, path := range paths {
				if g := get(t, m, path...); g != p {
					t.Errorf("%s %v = %q, want %q", kind, path, g, p)
				}
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	for i := 0; i < 3; i++ {
		a, b := must(t, bars20().Option), must(t, bars20().Option)
		if !bytes.Equal(a, b) {
			t.Fatalf("two calls differ:\n%s\n%s", a, b)
		}
		c, d := must(t, percentTrend().Option), must(t, percentTrend().Option)
		if !bytes.Equal(c, d) {
			t.Fatalf("two calls differ:\n%s\n%s", c, d)
		}
	}
}

func TestInvalid(t *testing.T) {
	good := percentTrend()
	for _, c := range []struct {
		name string
		edit func(*Trend)
		want string
	}{
		{"fewer values", func(t *Trend) { t.Values = t.Values[:5] }, `chart "ky-so-cho-don": 5 values for 6 periods`},
		{"more values", func(t *Trend) { t.Values = append(t.Values, f(1)) }, "7 values for 6 periods"},
		{"no periods", func(t *Trend) { t.Periods, t.Values = nil, nil }, "no periods"},
		{"empty id", func(t *Trend) { t.ID = "" }, `id ""`},
		{"id with upper case", func(t *Trend) { t.ID = "Ky-so" }, `id "Ky-so"`},
		{"id with space", func(t *Trend) { t.ID = "ky so" }, `id "ky so"`},
		{"id with double hyphen", func(t *Trend) { t.ID = "ky--so" }, `id "ky--so"`},
		{"id quote", func(t *Trend) { t.ID = `x"><script>` }, "id "},
		{"NaN", func(t *Trend) { nan := 0.0; nan /= nan; t.Values[0] = &nan }, `value NaN for "Q1/2023"`},
		{"Inf target", func(t *Trend) { inf := 1e308; inf *= 10; t.Target = &inf }, "target +Inf"},
		{"decimals", func(t *Trend) { t.Decimals = -1 }, "decimals -1"},
		{"bad UTF-8", func(t *Trend) { t.SeriesName = "Tỷ\xff" }, "not valid UTF-8"},
	} {
		tr := good
		tr.Values = append([]*float64(nil), good.Values...)
		c.edit(&tr)
		b, err := tr.Option()
		if err == nil {
			t.Errorf("%s: no error, option %s", c.name, b)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q, want it to contain %q", c.name, err, c.want)
		}
	}
	br := bars20()
	br.Labels = br.Labels[:19]
	if _, err := br.Option(); err == nil || !strings.Contains(err.Error(), "20 values for 19 labels") {
		t.Errorf("bars with 19 labels and 20 values: error %v", err)
	}
}

// A period's note rides in the plain hint, for charts.js to put after the
// value in the tooltip; without notes the option has none.
func TestTrendNotes(t *testing.T) {
	v := 50.0
	tr := Trend{ID: "t", Title: "T", SeriesName: "S", Periods: []string{"Q4", "Q1"}, Values: []*float64{&v, &v}, Percent: true, Decimals: 1}
	plain, err := tr.Option()
	if err != nil {
		t.Fatal(err)
	}
	tr.Notes = []string{"", "2/28 đơn vị đã báo cáo"}
	noted, err := tr.Option()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(plain), `"notes"`) || !strings.Contains(string(noted), `"notes":["","2/28 đơn vị đã báo cáo"]`) {
		t.Errorf("notes: without %s\nwith %s", plain, noted)
	}
}

// TestNoAriaOption: the options carry no aria component (not in the
// ECharts build; charts.js names the live chart from the drawing).
func TestNoAriaOption(t *testing.T) {
	t.Parallel()
	if m := decode(t, must(t, countTrend().Option)); m["aria"] != nil {
		t.Errorf("aria = %v, want none", m["aria"])
	}
}
