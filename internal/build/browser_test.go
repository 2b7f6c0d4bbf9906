//go:build browser

package build_test

// Real-browser tests: the built site, served on 127.0.0.1, opened in a
// headless Chromium. They check what only a browser can: that the charts
// draw, that nothing goes wrong in the console, that pages without
// JavaScript show no empty boxes, and that hostile text from the CSV files
// never runs.
//
// They take minutes, so they are built only with the browser tag and run
// apart from the plain `go test ./...`:
//
//	go test -tags browser -run '^TestBrowser' ./...
//
// (.ci/run does, and checks that every test behind the tag is named
// TestBrowser…). The browser is $MINHBACH_CHROMIUM, else chromium on
// $PATH. Without one the tests skip, unless MINHBACH_REQUIRE_BROWSER=1 (set
// by .ci/run), so that CI can never pass by skipping them.
//
// They do not call t.Parallel: each drives its own Chromium within fixed
// time limits (browserLife, pageTimeout), which builds running beside them
// on a small machine could make them overrun.

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/minhbach/minhbach/internal/buildtest"
)

const (
	// browserLife bounds everything one test does with its browser: when it
	// runs out, the browser is killed and every pending action fails. The
	// hostile-names test visits 50 pages: on a loaded 2-core machine that
	// has taken over 90 s.
	browserLife = 4 * time.Minute
	// pageTimeout bounds one page: load, draw and checks.
	pageTimeout = 15 * time.Second
)

// chromium returns the browser to drive, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	required := os.Getenv("MINHBACH_REQUIRE_BROWSER") == "1"
	exe := os.Getenv("MINHBACH_CHROMIUM")
	if exe == "" {
		exe, _ = exec.LookPath("chromium")
	} else if _, err := os.Stat(exe); err != nil {
		t.Fatalf("MINHBACH_CHROMIUM: %v", err)
	}
	if exe == "" {
		if required {
			t.Fatal("MINHBACH_REQUIRE_BROWSER=1 but no browser: set MINHBACH_CHROMIUM or install chromium")
		}
		t.Skip("no chromium: set MINHBACH_CHROMIUM to run the browser tests")
	}
	return exe
}

// startBrowser starts a headless Chromium that lives until the test ends
// (or browserLife runs out) and returns its context. Its profile is a fresh
// temporary directory, and nothing in it may reach beyond 127.0.0.1.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := chromium(t)
	life, cancelLife := context.WithTimeout(context.Background(), browserLife)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(life, opts...)
	ctx, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelBrowser() // closes the browser and waits for it
		cancelAlloc()
		cancelLife()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	return ctx
}

// serve publishes dir on 127.0.0.1 for the rest of the test.
func serve(t *testing.T, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}

// tab is one page open in its own tab, with everything that went wrong in
// it: console errors, uncaught exceptions, failed requests and dialogs.
type tab struct {
	ctx context.Context
	url string

	mu       sync.Mutex
	problems []string
	dialogs  []string
	blocking bool // requests blocked on purpose are not problems
}

// view is how a page is looked at.
type view struct {
	phone    bool  // a cheap Android phone's 412×915 screen, at 2× density
	width    int64 // a phone's screen this many CSS pixels wide, at 2× density
	noScript bool  // JavaScript disabled
	// drawingsOnly blocks ECharts, so that the charts stay the SVG drawn
	// at build time while the page's own script runs.
	drawingsOnly bool
}

// visit opens url in a new tab as v says, waits for the load event, runs
// check, then fails the test for every problem the page had and closes the
// tab.
func visit(t *testing.T, browser context.Context, url string, v view, check func(*tab)) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel() // closes the tab
	ctx, cancelTimeout := context.WithTimeout(ctx, pageTimeout)
	defer cancelTimeout()
	p := &tab{ctx: ctx, url: url, blocking: v.drawingsOnly}
	if err := chromedp.Do(ctx); err != nil { // opens the tab
		t.Fatalf("%s: open tab: %v", url, err)
	}
	if err := chromedp.Listen(ctx, p.record); err != nil {
		t.Fatalf("%s: listen: %v", url, err)
	}
	defer p.report(t) // also when a check stops the test
	var steps []chromedp.Action[chromedp.Void]
	if v.phone {
		steps = append(steps, chromedp.EmulateViewport(412, 915, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	}
	if v.width > 0 {
		steps = append(steps, chromedp.EmulateViewport(v.width, 800, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	}
	if v.noScript {
		steps = append(steps, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}))
	}
	if v.drawingsOnly {
		steps = append(steps, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
				URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/vendor/echarts/*", Block: true}},
			})
			return err
		}))
	}
	steps = append(steps, chromedp.Navigate(url))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	check(p)
	// Let what the page has queued run (a timer's error, a late dialog)
	// and its events reach the recorder. Without JavaScript no timer runs,
	// and one round trip is enough.
	settle := `new Promise(function (r) { setTimeout(r, 0); })`
	if v.noScript {
		settle = `0`
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](settle, chromedp.EvalAwaitPromise)); err != nil {
		t.Errorf("%s: %v", url, err)
	}
}

// report fails the test for every problem the page had.
func (p *tab) report(t *testing.T) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, d := range p.dialogs {
		t.Errorf("%s: a JavaScript dialog opened: %s", p.url, d)
	}
	for _, s := range p.problems {
		t.Errorf("%s: %s", p.url, s)
	}
}

// record runs in the tab's event loop: it must be quick and send no
// command itself. Warnings count too: the sample pages have none, so any
// is news.
func (p *tab) record(ev any) {
	var problem string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			problem = fmt.Sprintf("console.%s: %s", ev.Type, args(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		problem = fmt.Sprintf("uncaught exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, msg)
	case *log.EventEntryAdded:
		if p.blocking && strings.Contains(ev.Entry.Text, "ERR_BLOCKED_BY_CLIENT") {
			break
		}
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			problem = fmt.Sprintf("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventLoadingFailed:
		if p.blocking && ev.BlockedReason != "" {
			break
		}
		problem = fmt.Sprintf("request %s failed: %s", ev.RequestID, ev.ErrorText)
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			problem = fmt.Sprintf("%s: HTTP %d", ev.Response.URL, ev.Response.Status)
		}
	case *page.EventJavascriptDialogOpening:
		p.mu.Lock()
		p.dialogs = append(p.dialogs, fmt.Sprintf("%s(%q)", ev.Type, ev.Message))
		p.mu.Unlock()
		// The dialog blocks the page (and our navigation) until dismissed,
		// and the event loop that calls record must not wait for it.
		go chromedp.Call(p.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
	}
	if problem != "" {
		p.mu.Lock()
		p.problems = append(p.problems, problem)
		p.mu.Unlock()
	}
}

func args(objs []*runtime.RemoteObject) string {
	var parts []string
	for _, o := range objs {
		if len(o.Value) > 0 {
			parts = append(parts, string(o.Value))
		} else {
			parts = append(parts, o.Description)
		}
	}
	return strings.Join(parts, " ")
}

// eval evaluates a JavaScript expression in the tab, failing the test on
// error.
func eval[T any](t *testing.T, p *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %s: %v", p.url, expr, err)
	}
	return v
}

// chartState is what the page reports about one chart container once it
// has drawn.
type chartState struct {
	ID         string   `json:"id"`
	Live       bool     `json:"live"`
	Paths      int      `json:"paths"`
	Dashed     []string `json:"dashed"` // stroke colours of dashed paths
	Texts      []string `json:"texts"`
	BoxWidth   float64  `json:"boxWidth"`
	SVGWidth   float64  `json:"svgWidth"`
	Overflow   bool     `json:"overflow"`
	PageScroll float64  `json:"pageScroll"`
	PageWidth  float64  `json:"pageWidth"`
}

// chartsJS describes every chart container of the page.
const chartsJS = `Array.prototype.map.call(document.querySelectorAll('.chart'), function (el) {
	var svg = el.querySelector('svg');
	var paths = svg ? svg.querySelectorAll('path') : [];
	var dashed = [], texts = [];
	for (var i = 0; i < paths.length; i++) {
		var d = paths[i].getAttribute('stroke-dasharray');
		if (d && d !== 'none') dashed.push(paths[i].getAttribute('stroke'));
	}
	if (svg) svg.querySelectorAll('text').forEach(function (t) { texts.push(t.textContent); });
	return {
		id: el.id,
		live: el.classList.contains('chart--live'),
		paths: paths.length,
		dashed: dashed,
		texts: texts,
		boxWidth: el.getBoundingClientRect().width,
		svgWidth: svg ? svg.getBoundingClientRect().width : 0,
		overflow: el.scrollWidth > el.clientWidth,
		pageScroll: document.documentElement.scrollWidth,
		pageWidth: document.documentElement.clientWidth
	};
})`

// waitCharts waits until every chart container of the page is live and
// holds an SVG with at least minPaths paths, and returns their states.
func waitCharts(t *testing.T, p *tab, minPaths int) []chartState {
	t.Helper()
	// ECharts comes only when a reader reaches for a chart: point at each.
	eval[int](t, p, `(function () {
		var els = document.querySelectorAll('[data-chart]');
		els.forEach(function (el) { el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); });
		return els.length;
	})()`)
	pred := fmt.Sprintf(`(function () {
		var els = document.querySelectorAll('.chart');
		if (els.length === 0) return false;
		for (var i = 0; i < els.length; i++) {
			if (!els[i].classList.contains('chart--live')) return false;
			var svg = els[i].querySelector('svg');
			if (!svg || svg.querySelectorAll('path').length < %d) return false;
		}
		return true;
	})()`, minPaths)
	_, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](pred,
		chromedp.WithPollingInterval(50*time.Millisecond),
		chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		// Say which chart did not draw before giving up.
		states, _ := chromedp.Run(p.ctx, chromedp.Evaluate[[]chartState](chartsJS))
		t.Fatalf("%s: charts did not draw: %v; state: %+v", p.url, err, states)
	}
	return eval[[]chartState](t, p, chartsJS)
}

func TestBrowserIndicatorChartsDraw(t *testing.T) {
	s := buildtest.Sample(t)
	browser := startBrowser(t)
	base := serve(t, s.Dest)
	for _, tc := range []struct {
		path, target, unit, value string
	}{
		// Bằng Lũng's 91.4% reads as the tables print it in each language.
		{"/chi-so/vb01/", "Mục tiêu 2025: 100%", "Xã Xuân Lạc", "91,4%"},
		{"/en/chi-so/vb01/", "Target 2025: 100%", "Xuân Lạc commune", "91.4%"},
	} {
		visit(t, browser, base+tc.path, view{phone: true}, func(p *tab) {
			charts := waitCharts(t, p, 10)
			byID := map[string]chartState{}
			for _, c := range charts {
				byID[c.ID] = c
			}
			trend, units := byID["trend-vb01"], byID["units-vb01"]
			if len(charts) != 2 || trend.ID == "" || units.ID == "" {
				t.Fatalf("%s: want the trend and units charts, got %+v", tc.path, charts)
			}
			// The target is drawn: a dashed line in the target colour,
			// labelled with the target.
			if !slices.Contains(trend.Dashed, "#b3261e") {
				t.Errorf("%s: trend chart has no dashed target line (dashed strokes: %q)", tc.path, trend.Dashed)
			}
			if !contains(trend.Texts, tc.target) {
				t.Errorf("%s: trend chart lacks the label %q (texts: %q)", tc.path, tc.target, trend.Texts)
			}
			// The units chart has a bar per unit, named in the page's
			// language, and the same target line.
			if units.Paths < 28 {
				t.Errorf("%s: units chart has %d paths, want at least 28 bars", tc.path, units.Paths)
			}
			if !contains(units.Texts, tc.unit) || !contains(units.Texts, tc.target) || !slices.Contains(units.Dashed, "#b3261e") {
				t.Errorf("%s: units chart lacks the unit %q or the target line %q (texts: %q)", tc.path, tc.unit, tc.target, units.Texts)
			}
			if !contains(units.Texts, tc.value) {
				t.Errorf("%s: units chart lacks the value label %q in the page's number format (texts: %q)", tc.path, tc.value, units.Texts)
			}
			for _, c := range charts {
				if c.BoxWidth <= 0 || c.SVGWidth > c.BoxWidth+0.5 || c.Overflow {
					t.Errorf("%s: chart %s overflows its %.1fpx container: SVG %.1fpx wide", tc.path, c.ID, c.BoxWidth, c.SVGWidth)
				}
			}
			// What a screen reader hears of the interactive chart is the
			// drawing's own description, in the page's number format.
			aria := eval[[]string](t, p, `Array.prototype.map.call(document.querySelectorAll('.chart'), function (el) { return el.getAttribute('aria-label') || ''; })`)
			if len(aria) != 2 || !strings.Contains(aria[1], tc.value) {
				t.Errorf("%s: the interactive charts' aria-label %q lacks %q as the page writes it", tc.path, aria, tc.value)
			}
			if c := charts[0]; c.PageScroll > c.PageWidth {
				t.Errorf("%s: page scrolls sideways on a 412px phone: %.0fpx content", tc.path, c.PageScroll)
			}
		})
	}
}

// drawingJS describes the SVG drawing (made at build time) of every chart
// container, as laid out now.
const drawingJS = `Array.prototype.map.call(document.querySelectorAll('.chart'), function (el) {
	var svg = el.querySelector('svg.svgchart');
	var r = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
	var texts = [];
	if (svg) svg.querySelectorAll('text').forEach(function (t) { texts.push(t.textContent); });
	var title = svg && document.getElementById(svg.getAttribute('aria-labelledby'));
	return {
		id: el.id,
		role: svg ? svg.getAttribute('role') : '',
		title: title ? title.textContent : '',
		paths: svg ? svg.querySelectorAll('path').length : 0,
		dashed: svg ? svg.querySelectorAll('path[stroke-dasharray]').length : 0,
		texts: texts,
		width: r.width,
		height: r.height,
		boxWidth: el.getBoundingClientRect().width,
		shown: !!svg && getComputedStyle(el).display !== 'none' && getComputedStyle(svg).visibility !== 'hidden'
	};
})`

type drawing struct {
	ID       string   `json:"id"`
	Role     string   `json:"role"`
	Title    string   `json:"title"`
	Paths    int      `json:"paths"`
	Dashed   int      `json:"dashed"`
	Texts    []string `json:"texts"`
	Width    float64  `json:"width"`
	Height   float64  `json:"height"`
	BoxWidth float64  `json:"boxWidth"`
	Shown    bool     `json:"shown"`
}

// checkDrawings fails unless the page shows both charts of VB01 as SVG:
// images with a name, a line or bars, the dashed target with its label,
// and numbers as the page's tables print them.
func checkDrawings(t *testing.T, p *tab, what, target, value string) {
	t.Helper()
	ds := eval[[]drawing](t, p, drawingJS)
	if len(ds) != 2 {
		t.Fatalf("%s: %d chart containers, want 2", what, len(ds))
	}
	for _, d := range ds {
		if !d.Shown || d.Role != "img" || d.Title == "" || d.Paths < 3 || d.Dashed != 1 || d.Width <= 0 || d.Height <= 0 || d.Width > d.BoxWidth+0.5 {
			t.Errorf("%s: chart %s is not a shown, named SVG drawing with its target inside its box: %+v", what, d.ID, d)
		}
		if !contains(d.Texts, target) {
			t.Errorf("%s: chart %s lacks the target's label %q (texts: %q)", what, d.ID, target, d.Texts)
		}
	}
	if !contains(ds[1].Texts, value) {
		t.Errorf("%s: units chart lacks the value %q in the page's number format (texts: %q)", what, value, ds[1].Texts)
	}
}

func TestBrowserWithoutJavaScript(t *testing.T) {
	s := buildtest.Sample(t)
	browser := startBrowser(t)
	base := serve(t, s.Dest)
	for _, tc := range []struct{ path, target, value string }{
		{"/chi-so/vb01/", "Mục tiêu 2025: 100%", "91,4%"},
		{"/en/chi-so/vb01/", "Target 2025: 100%", "91.4%"},
	} {
		visit(t, browser, base+tc.path, view{phone: true, noScript: true}, func(p *tab) {
			checkDrawings(t, p, tc.path+" without JavaScript", tc.target, tc.value)
			// The same numbers are there as tables, and visible.
			rows := eval[[]int](t, p, `Array.prototype.map.call(document.querySelectorAll('table'), function (t) {
				return t.getBoundingClientRect().height > 0 ? t.tBodies[0].rows.length : -1;
			})`)
			if len(rows) != 2 || rows[0] != 8 || rows[1] != 28 {
				t.Errorf("%s: visible table rows %v, want [8 28] (quarters, units)", tc.path, rows)
			}
			if live := eval[int](t, p, `document.querySelectorAll('.chart--live').length`); live != 0 {
				t.Errorf("%s: %d charts drawn by ECharts with JavaScript disabled: the test is not testing", tc.path, live)
			}
			// On paper: the print style sheet keeps the drawings.
			if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			checkDrawings(t, p, tc.path+" in print", tc.target, tc.value)
		})
	}
}

// TestBrowserChartTakesOverWithoutShift: ECharts, the enhancement, is
// fetched only when a reader reaches for a chart, after the page has
// loaded with its drawings, and taking over moves nothing (no
// layout-shift entry at all), on a phone.
func TestBrowserChartTakesOverWithoutShift(t *testing.T) {
	s := buildtest.Sample(t)
	browser := startBrowser(t)
	base := serve(t, s.Dest)
	for _, path := range []string{"/chi-so/vb01/", "/en/chi-so/vb01/"} {
		visit(t, browser, base+path, view{phone: true}, func(p *tab) {
			// A reader who only reads never fetches it: a second after
			// the load event, nothing of ECharts was asked for.
			fetched, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](`new Promise(function (done) {
				function later() { setTimeout(function () {
					done(performance.getEntriesByType('resource').filter(function (e) { return /echarts/.test(e.name); }).length);
				}, 1000); }
				if (document.readyState === 'complete') later(); else window.addEventListener('load', later);
			})`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			if fetched != 0 {
				t.Errorf("%s: ECharts fetched %d times before any reader reached for a chart, want 0", path, fetched)
			}
			waitCharts(t, p, 10)
			type report struct {
				Shifts      []float64 `json:"shifts"`
				ECharts     float64   `json:"echarts"`     // when ECharts was requested, ms
				Loaded      float64   `json:"loaded"`      // the load event, ms
				Interactive float64   `json:"interactive"` // DOMContentLoaded, ms
			}
			r, err := chromedp.Run(p.ctx, chromedp.Evaluate[report](`new Promise(function (done) {
				var shifts = [];
				new PerformanceObserver(function (list) {
					list.getEntries().forEach(function (e) { shifts.push(e.value); });
				}).observe({type: 'layout-shift', buffered: true});
				setTimeout(function () {
					var nav = performance.getEntriesByType('navigation')[0];
					var ec = performance.getEntriesByType('resource').filter(function (e) { return /echarts/.test(e.name); })[0];
					done({shifts: shifts, echarts: ec ? ec.startTime : -1, loaded: nav.loadEventStart, interactive: nav.domContentLoadedEventStart});
				}, 300);
			})`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Shifts) != 0 {
				t.Errorf("%s: layout shifts %v while the interactive charts loaded, want none", path, r.Shifts)
			}
			if r.ECharts < r.Loaded || r.ECharts < r.Interactive {
				t.Errorf("%s: ECharts requested at %.0f ms, before the page had loaded (%.0f ms): it must not delay the first view", path, r.ECharts, r.Loaded)
			}
			t.Logf("%s: ECharts requested at %.0f ms, after load at %.0f ms", path, r.ECharts, r.Loaded)
		})
	}
}

// TestBrowserHostileNamesInDrawings: the drawings made at build time, with
// ECharts kept away, while the page's script runs: each name is text in
// the units chart (whole, or cut with the whole name as the label's
// <title>), the indicator's name is the charts' title, the SVG holds only
// the elements svgchart writes, and no dialog opens (visit fails on one).
// The ECharts renderer is TestBrowserHostileNamesOpenNoDialog's.
// It then checks search, embeds and meta tags (hostileSearchAndEmbeds).
func TestBrowserHostileNamesInDrawings(t *testing.T) {
	browser := startBrowser(t)
	b, named := hostileSample(t)
	base := serve(t, b.Dest)
	for _, lang := range []string{"", "/en"} {
		path := lang + "/chi-so/vb01/"
		visit(t, browser, base+path, view{drawingsOnly: true}, func(p *tab) {
			type svgState struct {
				Titles   []string `json:"titles"`
				Labels   []string `json:"labels"`
				Foreign  []string `json:"foreign"`
				Handlers int      `json:"handlers"`
				Live     int      `json:"live"`
			}
			st := eval[svgState](t, p, `(function () {
				var out = {titles: [], labels: [], foreign: [], handlers: 0};
				var own = ['svg', 'title', 'desc', 'g', 'path', 'text'];
				document.querySelectorAll('.chart svg').forEach(function (svg) {
					out.titles.push(document.getElementById(svg.getAttribute('aria-labelledby')).textContent);
					svg.querySelectorAll('*').forEach(function (el) {
						if (own.indexOf(el.localName) < 0) out.foreign.push(el.outerHTML);
						for (var i = 0; i < el.attributes.length; i++) {
							if (/^on/i.test(el.attributes[i].name)) out.handlers++;
						}
					});
					svg.querySelectorAll('text').forEach(function (t) {
						var whole = t.querySelector('title');
						out.labels.push(whole ? whole.textContent : t.textContent);
					});
				});
				out.live = document.querySelectorAll('.chart--live').length;
				return out;
			})()`)
			if st.Live != 0 || len(st.Labels) == 0 {
				t.Fatalf("%s: ECharts drew %d charts, or no drawing (%d labels): the test is not testing", path, st.Live, len(st.Labels))
			}
			if len(st.Foreign) > 0 || st.Handlers > 0 {
				t.Errorf("%s: the drawings hold elements a name made: %q, %d handlers", path, st.Foreign, st.Handlers)
			}
			if len(st.Titles) != 2 || !strings.HasPrefix(st.Titles[0], headline+", ") || !strings.HasPrefix(st.Titles[1], headline+", ") {
				t.Errorf("%s: chart titles %q, want the indicator's name as text", path, st.Titles)
			}
			for code, name := range named {
				if !contains(st.Labels, name) {
					t.Errorf("%s: unit %s: no label of the drawing reads %q", path, code, name)
				}
			}
		})
	}
	hostileSearchAndEmbeds(t, browser, base, named)
}

func TestBrowserHostileNamesOpenNoDialog(t *testing.T) {
	chromium(t)
	b, named := hostileSample(t)
	base := serve(t, b.Dest)
	type stop struct {
		path, h1 string // h1: the heading, when it is a hostile name
	}
	stops := []stop{{"/", ""}, {"/chi-so/vb01/", headline}, {"/bao-cao/2024-q4/", ""}, {"/du-lieu/", ""}}
	for _, code := range slices.Sorted(maps.Keys(named)) {
		stops = append(stops, stop{"/don-vi/" + strings.ToLower(code) + "/", named[code]})
	}
	for _, lang := range []string{"", "/en"} {
		// A browser per language: some forty pages, each within its life.
		browser := startBrowser(t)
		for _, s := range stops {
			path := lang + s.path
			visit(t, browser, base+path, view{}, func(p *tab) {
				if s.h1 == "" {
					return
				}
				if h1 := eval[string](t, p, `document.querySelector('h1').textContent`); h1 != s.h1 {
					t.Errorf("%s: heading %q, want the name as text %q", path, h1, s.h1)
				}
				if s.path != "/chi-so/vb01/" {
					return
				}
				// Every unit's name is text in its row of the table.
				cells := eval[[]string](t, p, `Array.prototype.map.call(document.querySelectorAll('tbody th'), function (th) { return th.textContent.trim(); })`)
				for code, name := range named {
					if !contains(cells, name) {
						t.Errorf("%s: unit %s: no table cell reads %q", path, code, name)
					}
				}
				// The charts still draw: hostile labels are data, not code.
				waitCharts(t, p, 10)
				// The units chart's tooltips are HTML built from the names:
				// show each one and check that the name is only text.
				tips := eval[[]tooltip](t, p, showTipsJS)
				if len(tips) != 28 {
					t.Fatalf("%s: %d tooltips, want 28 (one per unit)", path, len(tips))
				}
				var texts []string
				for i, tip := range tips {
					if tip.Elements != 0 {
						t.Errorf("%s: tooltip %d holds %d elements built from a name: %q", path, i, tip.Elements, tip.Text)
					}
					texts = append(texts, tip.Text)
				}
				for code, name := range named {
					if !slices.ContainsFunc(texts, func(txt string) bool { return strings.HasPrefix(txt, name) }) {
						t.Errorf("%s: unit %s: no tooltip starts with its name %q as text", path, code, name)
					}
				}
			})
		}
	}
}

// tooltip is what one tooltip of the units chart showed.
type tooltip struct {
	Text     string `json:"text"`
	Elements int    `json:"elements"` // elements that only markup in a name could make
}

// showTipsJS shows the units chart's tooltip on each bar in turn, through
// the ECharts API (as a tap would), and reports each.
const showTipsJS = `(function () {
	var el = document.getElementById('units-vb01');
	var chart = echarts.getInstanceByDom(el);
	var n = chart.getOption().yAxis[0].data.length;
	var out = [];
	for (var i = 0; i < n; i++) {
		chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: i});
		var tip = el.children.length > 1 ? el.lastElementChild : null;
		out.push(tip ? {
			text: tip.textContent,
			elements: tip.querySelectorAll('img, iframe, script, svg, a, b, object, embed').length
		} : {text: '', elements: -1});
	}
	chart.dispatchAction({type: 'hideTip'});
	return out;
})()`
