// Package budget weighs a built site's pages as a cheap phone on a slow
// network receives them, and holds them to the site's page budget: each
// page's first view (its HTML, plus the stylesheets and scripts it loads
// before it is usable) and the interactive chart bundle, all gzipped, as a
// web server sends them.
package budget

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/msg"
)

// KB is the unit budgets are set in: 1,000 bytes.
const KB = 1000

// Limits are a site's budgets (params.budget in its hugo.toml).
type Limits struct {
	Enabled bool
	PageKB  float64 // first view of any page, gzipped
	ChartKB float64 // the interactive chart bundle (ECharts and its locale), gzipped
}

// Page is the first-view weight of one page, gzipped, in bytes.
type Page struct {
	Path     string `json:"path"` // in the site: "chi-so/vb01/index.html"
	HTML     int    `json:"html"`
	CSS      int    `json:"css"`
	JS       int    `json:"js"`
	Total    int    `json:"total"`
	Overflow bool   `json:"-"`
}

// Report is what Measure found.
type Report struct {
	Pages    int      // pages weighed
	Heaviest []Page   // the heaviest first, at most Keep
	Over     []Page   // every page over the page budget, by path
	Chart    int      // the chart bundle, gzipped (0: no page loads one)
	ChartSrc []string // its files, as paths in the site
}

// Keep is how many of the heaviest pages a report lists.
const Keep = 5

// Measure weighs every HTML page under dir. base is the site's base URL
// ("/" or "https://example.org/sub/"), whose path prefixes the site's
// own addresses. Pages over limits.PageKB are listed in Over.
func Measure(dir, base string, limits Limits) (Report, error) {
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		pages = append(pages, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return Report{}, err
	}
	slices.Sort(pages)
	w := &weigher{dir: dir, prefix: basePath(base), assets: map[string]int{}}
	out := make([]Page, len(pages))
	chart := make([][]string, len(pages))
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range pages {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i], chart[i], errs[i] = w.page(p)
		})
	}
	wg.Wait()
	r := Report{Pages: len(pages)}
	limit := int(limits.PageKB * KB)
	for i := range out {
		if errs[i] != nil {
			return Report{}, errs[i]
		}
		if limit > 0 && out[i].Total > limit {
			out[i].Overflow = true
			r.Over = append(r.Over, out[i])
		}
		if r.ChartSrc == nil && len(chart[i]) > 0 {
			r.ChartSrc = chart[i]
		}
	}
	for i, src := range r.ChartSrc {
		n, err := w.asset(src)
		if err != nil {
			return Report{}, err
		}
		r.Chart += n
		r.ChartSrc[i], _ = w.file(src)
	}
	slices.SortStableFunc(out, func(a, b Page) int { return b.Total - a.Total })
	r.Heaviest = out[:min(Keep, len(out))]
	return r, nil
}

// The budget's messages, in Vietnamese and English (see package msg).
var (
	msgPage = msg.New(
		"lần xem đầu của trang nặng %s KB khi nén gzip (HTML %s, CSS %s, JavaScript %s), quá hạn mức %s KB: hãy làm trang nhẹ hơn (bớt bảng, chia trang), hoặc nâng params.budget.page_kb trong hugo.toml",
		"the page's first view weighs %s KB gzipped (HTML %s, CSS %s, JavaScript %s), over the budget of %s KB: make the page lighter (fewer tables, split it), or raise params.budget.page_kb in hugo.toml")
	msgChart = msg.New(
		"bộ biểu đồ tương tác nặng %s KB khi nén gzip, quá hạn mức %s KB: hãy dựng lại bản ECharts gọn hơn (internal/echartsjs/custom), hoặc nâng params.budget.chart_kb trong hugo.toml",
		"the interactive chart bundle weighs %s KB gzipped, over the budget of %s KB: rebuild a smaller ECharts (internal/echartsjs/custom), or raise params.budget.chart_kb in hugo.toml")
)

// CodeBudget is the problems' code.
const CodeBudget = "page-budget"

// Check returns the pages and the chart bundle over their budgets as
// positioned problems (the page's file in the site), or nil.
func (r Report) Check(l Limits) error {
	if !l.Enabled {
		return nil
	}
	var list diag.List
	for _, p := range r.Over {
		list.Add(diag.Newf(diag.Position{File: p.Path}, CodeBudget, "page_kb", num(l.PageKB), msgPage,
			KBs(p.Total), KBs(p.HTML), KBs(p.CSS), KBs(p.JS), KBs(int(l.PageKB*KB))))
	}
	if l.ChartKB > 0 && r.Chart > int(l.ChartKB*KB) {
		list.Add(diag.Newf(diag.Position{File: r.ChartSrc[0]}, CodeBudget, "chart_kb", num(l.ChartKB), msgChart,
			KBs(r.Chart), KBs(int(l.ChartKB*KB))))
	}
	return list.Err()
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// KBs is a size in bytes said in KB, with the number format of the
// language it is said in ("61,4" / "61.4").
type KBs int

// In is k in KB in lang.
func (k KBs) In(lang string) string {
	return locale.Number(model.Lang(lang), float64(k)/KB, 1)
}

type weigher struct {
	dir, prefix string
	mu          sync.Mutex
	assets      map[string]int
}

// basePath is the path of the base URL, with its trailing slash.
func basePath(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	return strings.TrimSuffix(u.Path, "/") + "/"
}

// page weighs one page: its HTML, the stylesheets it links and the
// scripts it loads by src (deferred ones too: a page is usable once they
// ran). The chart bundle charts.js fetches later, when a chart is reached for,
// is returned apart (data-echarts, data-locale).
func (w *weigher) page(rel string) (Page, []string, error) {
	b, err := os.ReadFile(filepath.Join(w.dir, filepath.FromSlash(rel)))
	if err != nil {
		return Page{}, nil, err
	}
	p := Page{Path: rel, HTML: gzipSize(b)}
	var chart []string
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr || (string(name) != "link" && string(name) != "script") {
			continue
		}
		attrs := map[string]string{}
		for {
			k, v, more := z.TagAttr()
			attrs[string(k)] = string(v)
			if !more {
				break
			}
		}
		switch string(name) {
		case "link":
			if attrs["rel"] == "stylesheet" && attrs["href"] != "" {
				n, err := w.asset(attrs["href"])
				if err != nil {
					return Page{}, nil, err
				}
				p.CSS += n
			}
		case "script":
			if src := attrs["src"]; src != "" {
				n, err := w.asset(src)
				if err != nil {
					return Page{}, nil, err
				}
				p.JS += n
			}
			for _, k := range []string{"data-echarts", "data-locale"} {
				if v := attrs[k]; v != "" {
					chart = append(chart, v)
				}
			}
		}
	}
	p.Total = p.HTML + p.CSS + p.JS
	return p, chart, nil
}

// asset is the gzipped size of a file of the site by its address; one
// not in the site (another host) weighs nothing here.
func (w *weigher) asset(href string) (int, error) {
	p, ok := w.file(href)
	if !ok {
		return 0, nil
	}
	w.mu.Lock()
	n, ok := w.assets[p]
	w.mu.Unlock()
	if ok {
		return n, nil
	}
	b, err := os.ReadFile(filepath.Join(w.dir, filepath.FromSlash(p)))
	if err != nil {
		if os.IsNotExist(err) {
			return 0, nil // a broken link is another check's business
		}
		return 0, err
	}
	n = gzipSize(b)
	w.mu.Lock()
	w.assets[p] = n
	w.mu.Unlock()
	return n, nil
}

// file is the path in the site of an address of the site's own; ok is
// false for an address elsewhere. Another host's address is taken as the
// site's when its path is under the base URL's (the base URL's host).
func (w *weigher) file(href string) (p string, ok bool) {
	u, err := url.Parse(href)
	if err != nil || (u.Host != "" && !strings.HasPrefix(u.Path, w.prefix)) {
		return "", false
	}
	p = strings.TrimPrefix(path.Clean(u.Path), w.prefix)
	return strings.TrimPrefix(p, "/"), true
}

// gzipSize is len(b) gzipped as a web server does (the default level).
// Writers are reused: a new one allocates and clears about 1 MB, which
// made weighing a national site's 13,671 pages take 100 s instead of a few.
func gzipSize(b []byte) int {
	var c counter
	zw, _ := writers.Get().(*gzip.Writer)
	if zw == nil {
		zw = gzip.NewWriter(&c)
	} else {
		zw.Reset(&c)
	}
	zw.Write(b)
	zw.Close()
	writers.Put(zw)
	return int(c)
}

var writers sync.Pool

type counter int

func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }
