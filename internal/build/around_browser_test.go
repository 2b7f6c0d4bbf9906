//go:build browser

package build_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/fold"
)

// searchResult is what the search page lists.
type searchResult struct {
	Titles   []string `json:"titles"`
	Hrefs    []string `json:"hrefs"`
	Elements int      `json:"elements"` // elements in the list other than li, a and span
	Status   string   `json:"status"`
}

// search types q into the search page's box and waits for its results.
func search(t *testing.T, p *tab, q string) searchResult {
	t.Helper()
	js := fmt.Sprintf(`(function () {
		var input = document.getElementById('q');
		input.focus();
		input.value = %q;
		input.dispatchEvent(new Event('input'));
	})()`, q)
	eval[any](t, p, js)
	_, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](`document.getElementById('q-status').textContent !== ''`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		t.Fatalf("%s: no results for %q: %v", p.url, q, err)
	}
	return eval[searchResult](t, p, `(function () {
		var out = {titles: [], hrefs: [], elements: 0, status: document.getElementById('q-status').textContent};
		document.querySelectorAll('#q-results a').forEach(function (a) { out.titles.push(a.textContent); out.hrefs.push(a.getAttribute('href')); });
		document.querySelectorAll('#q-results *').forEach(function (el) { if (['li', 'a', 'span'].indexOf(el.localName) < 0) out.elements++; });
		return out;
	})()`)
}

// TestBrowserSearchWithoutDiacritics: "cho don" finds Chợ Đồn in both
// languages, a tone-less word finds the indicator, and each result links
// to its page.
func TestBrowserSearchWithoutDiacritics(t *testing.T) {
	browser := startBrowser(t)
	s := buildtest.Sample(t)
	base := serve(t, s.Dest)
	for _, tc := range []struct {
		lang, query, want, href string
	}{
		{"", "cho don", "Huyện Chợ Đồn", "/don-vi/064/"},
		{"", "CHỢ ĐỒN", "Huyện Chợ Đồn", "/don-vi/064/"},
		{"", "bang lung", "Thị trấn Bằng Lũng", "/don-vi/02020/"},
		{"", "vb01", "Tỷ lệ văn bản trao đổi dưới dạng điện tử được ký số", "/chi-so/vb01/"},
		{"/en", "cho don", "Chợ Đồn district", "/en/don-vi/064/"},
		{"/en", "2024 q4", "Q4 2024", "/en/bao-cao/2024-q4/"},
	} {
		visit(t, browser, base+tc.lang+"/tim-kiem/", view{phone: true}, func(p *tab) {
			r := search(t, p, tc.query)
			i := index(r.Titles, tc.want)
			if i < 0 {
				t.Errorf("%s %q: results %q, want %q", tc.lang, tc.query, r.Titles, tc.want)
				return
			}
			if r.Hrefs[i] != tc.href {
				t.Errorf("%s %q: %q links to %s, want %s", tc.lang, tc.query, tc.want, r.Hrefs[i], tc.href)
			}
		})
	}
	// Nothing found says so.
	visit(t, browser, base+"/tim-kiem/", view{}, func(p *tab) {
		if r := search(t, p, "zzzz"); len(r.Titles) != 0 || r.Status == "" {
			t.Errorf("zzzz: %+v, want no result and a status", r)
		}
	})
	// Without JavaScript: the lists, and no form to type into.
	visit(t, browser, base+"/tim-kiem/", view{noScript: true}, func(p *tab) {
		st := eval[[]int](t, p, `[document.querySelector('form').offsetHeight, document.querySelectorAll('main ul a').length]`)
		if st[0] != 0 || st[1] < 4 {
			t.Errorf("without JavaScript: form height %d, %d list links; want a hidden form and the lists", st[0], st[1])
		}
	})
}

func index(xs []string, x string) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// TestBrowserEmbedInFrame: the embed page in an <iframe> 300 and 800 px
// wide shows its chart across the frame's width, with nothing wider than
// the frame.
func TestBrowserEmbedInFrame(t *testing.T) {
	browser := startBrowser(t)
	s := buildtest.Sample(t)
	base := serve(t, s.Dest)
	for _, lang := range []string{"", "/en"} {
		for _, width := range []int{300, 800} {
			visit(t, browser, base+lang+"/tim-kiem/", view{}, func(p *tab) {
				eval[any](t, p, fmt.Sprintf(`(function () {
					var f = document.createElement('iframe');
					f.id = 'embed'; f.src = %q; f.style.width = '%dpx'; f.style.height = '420px'; f.style.border = '0';
					document.body.insertBefore(f, document.body.firstChild);
				})()`, lang+"/nhung/vb01/", width))
				_, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](`(function () {
					var f = document.getElementById('embed');
					return f.contentDocument && f.contentDocument.readyState === 'complete' && f.contentDocument.querySelector('.chart svg') !== null;
				})()`, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)))
				if err != nil {
					t.Fatalf("%s at %d px: the embed did not load: %v", lang, width, err)
				}
				st := eval[map[string]float64](t, p, `(function () {
					var d = document.getElementById('embed').contentDocument;
					var svg = d.querySelector('.chart svg');
					return {frame: d.documentElement.clientWidth, scroll: d.documentElement.scrollWidth,
						svg: svg.getBoundingClientRect().width, paths: svg.querySelectorAll('path').length,
						header: d.querySelectorAll('header, footer, nav').length};
				})()`)
				if st["scroll"] > st["frame"] || st["svg"] > st["frame"] || st["svg"] < st["frame"]*0.8 {
					t.Errorf("%s at %d px: %v: want the chart across the frame and nothing wider", lang, width, st)
				}
				if st["paths"] < 3 || st["header"] != 0 {
					t.Errorf("%s at %d px: %v: want a drawn chart and no header or footer", lang, width, st)
				}
			})
		}
	}
}

// hostileSearchAndEmbeds checks, on the hostile sample (see
// TestBrowserHostileNamesInDrawings, which calls it to share its build),
// that the XSS corpus as names stays text in the search results, the
// embed, the meta tags and the <iframe> code.
func hostileSearchAndEmbeds(t *testing.T, browser context.Context, base string, named map[string]string) {
	t.Helper()
	for _, lang := range []string{"", "/en"} {
		visit(t, browser, base+lang+"/tim-kiem/", view{}, func(p *tab) {
			r := search(t, p, "script")
			if r.Elements != 0 {
				t.Errorf("%s: the results hold %d elements a name made", lang, r.Elements)
			}
			if index(r.Titles, headline) < 0 {
				t.Errorf("%s: results %q: want the headline payload as a title", lang, r.Titles)
			}
			for _, name := range named {
				q := ""
				for _, w := range strings.Fields(name) {
					if fold.Bare(w) != "" {
						q = w
						break
					}
				}
				if q == "" {
					continue // nothing in it a search could type
				}
				if r := search(t, p, q); r.Elements != 0 {
					t.Errorf("%s %q: the results hold %d elements a name made", lang, q, r.Elements)
				}
			}
		})
		visit(t, browser, base+lang+"/nhung/vb01/", view{}, func(p *tab) {
			st := eval[map[string]any](t, p, `({title: document.querySelector('.embed-title a').textContent,
				scripts: document.querySelectorAll('script').length,
				svgTitle: document.querySelector('.chart svg title').textContent})`)
			if st["title"] != headline || st["scripts"] != float64(0) || !strings.HasPrefix(fmt.Sprint(st["svgTitle"]), headline) {
				t.Errorf("%s/nhung/vb01/: %v: want the name as text and no script", lang, st)
			}
		})
		visit(t, browser, base+lang+"/chi-so/vb01/", view{drawingsOnly: true}, func(p *tab) {
			st := eval[map[string]any](t, p, `({og: document.querySelector('meta[property="og:title"]').getAttribute('content'),
				desc: document.querySelector('meta[name=description]').getAttribute('content'),
				headScripts: Array.prototype.filter.call(document.head.querySelectorAll('script'), function (el) { return !/\/vendor\/echarts\//.test(el.getAttribute('src') || ''); }).length,
				embed: document.getElementById('embed-code').value})`)
			if st["og"] != headline || !strings.HasPrefix(fmt.Sprint(st["desc"]), headline) || st["headScripts"] != float64(0) {
				t.Errorf("%s/chi-so/vb01/: meta %v: want the name as the attributes' text", lang, st)
			}
			// The code a reader copies makes one frame whose title is the
			// name, with no attribute the name added.
			fr := eval[map[string]any](t, p, `(function () {
				var f = new DOMParser().parseFromString(document.getElementById('embed-code').value, 'text/html').querySelectorAll('body > *');
				var names = f.length === 1 ? Array.prototype.map.call(f[0].attributes, function (a) { return a.name; }).sort().join(' ') : '';
				return {n: f.length, title: f.length === 1 ? f[0].getAttribute('title') : '', attrs: names};
			})()`)
			if fr["n"] != float64(1) || fr["title"] != headline || fr["attrs"] != "height loading src style title width" {
				t.Errorf("%s/chi-so/vb01/: the embed code makes %v", lang, fr)
			}
		})
	}
}

// TestBrowserLiveChartNamed: once ECharts (built without its aria
// component) has drawn, the chart is still an image named and described
// as the drawing was, numbers in the page's format.
func TestBrowserLiveChartNamed(t *testing.T) {
	browser := startBrowser(t)
	s := buildtest.Sample(t)
	base := serve(t, s.Dest)
	for lang, want := range map[string]string{"": "I/2023: 70,7%", "/en": "Q1 2023: 70.7%"} {
		visit(t, browser, base+lang+"/chi-so/vb01/", view{}, func(p *tab) {
			waitCharts(t, p, 3)
			st := eval[[]string](t, p, `[document.getElementById('trend-vb01').getAttribute('role'), document.getElementById('trend-vb01').getAttribute('aria-label')]`)
			if st[0] != "img" || !strings.Contains(st[1], want) {
				t.Errorf("%s: live chart role %q, label %q: want an image described as the drawing (%q)", lang, st[0], st[1], want)
			}
		})
	}
}
