//go:build browser

package build_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/echartsjs"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
)

// TestBrowserNumbersAsLocale holds charts.js to package locale: for each
// measure, the chart's tooltip, value labels and value axis print every
// value of a table exactly as locale.Value prints it on the page's tables,
// in Vietnamese and in English. It runs charts.js in the browser the other
// browser tests use, where its Intl.NumberFormat is the one readers get
// (Node is not on the CI machine, and its ICU need not be Chromium's), on
// the options package chart makes, with a stand-in for ECharts that keeps
// the option charts.js hands it.
func TestBrowserNumbersAsLocale(t *testing.T) {
	values := []float64{0, 1, 7, 12.5, 45, 91.4, 91.45, 99.94, 99.95, 100, 0.5, 1.005, 2.675,
		999.5, 1234, 1234.5, 98765.4321, 1234567.891, -3.25, -0.04, -1234.5}
	measures := []model.Measure{model.Percent, model.Count, model.Number}

	dir := t.TempDir()
	js, err := echartsjs.FS.ReadFile("charts.js")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("charts.js", string(js))
	write("echarts.js", `window.options = {};
window.echarts = { init: function (el) { return {
	setOption: function (o) { window.options[el.getAttribute('data-chart')] = o; },
	resize: function () {}, dispose: function () {} }; } };`)
	var islands strings.Builder
	for _, m := range measures {
		one := 1.0
		id := "m-" + string(m)
		opt, err := chart.Bars{ID: id, Title: "t", SeriesName: "s", Labels: []string{"a"}, Values: []*float64{&one},
			Percent: m == model.Percent, Decimals: m.Decimals()}.Option()
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&islands, "<div data-chart=%q></div><script type=\"application/json\" id=%q>%s</script>\n", id, id, opt)
	}
	// A trend whose second period is a partial total: its note follows
	// the value in the tooltip.
	half := 50.0
	noted, err := chart.Trend{ID: "n", Title: "t", SeriesName: "s", Periods: []string{"a", "b"}, Values: []*float64{&half, &half},
		Percent: true, Decimals: 1, Notes: []string{"", "2/28 đơn vị đã báo cáo"}}.Option()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&islands, "<div data-chart=\"n\"></div><script type=\"application/json\" id=\"n\">%s</script>\n", noted)
	for _, lang := range []string{"vi", "en"} {
		write(lang+"/index.html", fmt.Sprintf(`<!doctype html><html lang=%q><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>t</title></head><body>
%s<script src="/charts.js" data-echarts="/echarts.js"></script></body></html>`, lang, islands.String()))
	}

	// For each chart, each value: the tooltip's, the value label's and the
	// value axis's text.
	vs, _ := json.Marshal(values)
	probe := fmt.Sprintf(`(function () {
	var out = {};
	Object.keys(window.options).forEach(function (id) {
		if (id === 'n') { return; }
		var o = window.options[id], axis = [].concat(o.xAxis, o.yAxis).filter(function (a) { return a.type === 'value'; })[0];
		out[id] = %s.map(function (v) {
			return [o.tooltip.valueFormatter(v), o.series[0].label.formatter({value: v}), axis.axisLabel.formatter(v)];
		});
	});
	return out;
})()`, vs)

	browser := startBrowser(t)
	base := serve(t, dir)
	for _, lang := range []model.Lang{model.VI, model.EN} {
		visit(t, browser, base+"/"+string(lang)+"/", view{}, func(p *tab) {
			// charts.js fetches "ECharts" when a reader reaches for a chart.
			eval[int](t, p, `(function () {
				var els = document.querySelectorAll('[data-chart]');
				els.forEach(function (el) { el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); });
				return els.length;
			})()`)
			if _, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](`window.options && Object.keys(window.options).length === 4`,
				chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
				t.Fatalf("%s: charts.js did not start the charts: %v", lang, err)
			}
			got := eval[map[string][][]string](t, p, probe)
			for _, m := range measures {
				texts := got["m-"+string(m)]
				if len(texts) != len(values) {
					t.Fatalf("%s, %s: charts.js formatted %d values, want %d (did the option change shape?)", lang, m, len(texts), len(values))
				}
				for i, v := range values {
					want := locale.Value(lang, m, v)
					for j, where := range []string{"tooltip", "value label", "value axis"} {
						if texts[i][j] != want {
							t.Errorf("%s, %s %v: charts.js's %s prints %q, locale %q", lang, m, v, where, texts[i][j], want)
						}
					}
				}
			}
			if got := eval[[]string](t, p, `[window.options.n.tooltip.valueFormatter(50, 0), window.options.n.tooltip.valueFormatter(50, 1)]`); len(got) != 2 || got[0] != "50%" || got[1] != "50% (2/28 đơn vị đã báo cáo)" {
				t.Errorf("%s: the partial period's tooltip: %q", lang, got)
			}
			// What is not a number is a dash, as in the tables.
			if got := eval[string](t, p, `window.options['m-count'].tooltip.valueFormatter(NaN)`); got != locale.Missing {
				t.Errorf("%s: NaN prints %q, want %q", lang, got, locale.Missing)
			}
		})
	}
}
