package build_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/minhbach/minhbach/internal/budget"
	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/fold"
	"github.com/minhbach/minhbach/internal/ogimage"
)

// pageTypes are a page of every type, as paths in the Vietnamese site
// (the English ones are under en/).
var pageTypes = []string{
	"", "chi-so/", "chi-so/vb01/", "don-vi/", "don-vi/02020/", "the-diem/", "the-diem/02020/",
	"bao-cao/", "bao-cao/2024-q4/", "tinh-trang/", "thay-doi/", "phuong-phap/", "du-lieu/", "du-lieu/phat-hanh/", "tim-kiem/",
}

const baseURL = "https://chodon.example.invalid/"

// metas returns the content of every <meta> of a page by name or property.
func metas(doc *html.Node) map[string]string {
	out := map[string]string{}
	for _, m := range buildtest.Select(doc, "meta") {
		k := buildtest.Attr(m, "name")
		if k == "" {
			k = buildtest.Attr(m, "property")
		}
		if k != "" {
			out[k] = buildtest.Attr(m, "content")
		}
	}
	return out
}

// TestMetaOnEveryPageType: every page type, in both languages, has a
// description of its own (never the same on two types), and Open Graph
// and Twitter card tags whose image is a 1200×630 PNG the site has.
func TestMetaOnEveryPageType(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	for _, lang := range []string{"", "en/"} {
		seen := map[string]string{}
		for _, p := range pageTypes {
			name := lang + p + "index.html"
			m := metas(s.HTML(name))
			d := m["description"]
			if len([]rune(d)) < 30 || len([]rune(d)) > 160 {
				t.Errorf("%s: description %q: want 30–160 characters", name, d)
			}
			if other, dup := seen[d]; dup {
				t.Errorf("%s: same description as %s: %q", name, other, d)
			}
			seen[d] = name
			if m["og:description"] != d || m["og:title"] == "" || m["twitter:card"] != "summary_large_image" {
				t.Errorf("%s: Open Graph %q", name, m)
			}
			if m["og:url"] != baseURL+lang+p {
				t.Errorf("%s: og:url %q, want %q", name, m["og:url"], baseURL+lang+p)
			}
			img, ok := strings.CutPrefix(m["og:image"], baseURL)
			if !ok {
				t.Errorf("%s: og:image %q is not an absolute address of the site", name, m["og:image"])
				continue
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(s.ReadFile(img)))
			if err != nil || cfg.Width != ogimage.Width || cfg.Height != ogimage.Height {
				t.Errorf("%s: og:image %s: %v, %dx%d", name, img, err, cfg.Width, cfg.Height)
			}
		}
	}
	// Hugo's redirect from /vi/ says where the page went, in Vietnamese.
	if d := metas(s.HTML("vi/index.html"))["description"]; d != "Trang này đã chuyển tới "+baseURL {
		t.Errorf("vi/index.html (the alias page): description %q", d)
	}
	// An indicator's description is its latest figure and status, and its
	// image its own.
	m := metas(s.HTML("chi-so/vb01/index.html"))
	if d := m["description"]; !strings.Contains(d, "90%") || !strings.Contains(d, "quý IV/2024") {
		t.Errorf("chi-so/vb01: description %q: want the latest figure and its period", d)
	}
	if m["og:image"] != baseURL+"chi-so/vb01/xem-truoc.png" {
		t.Errorf("chi-so/vb01: og:image %q", m["og:image"])
	}
	if d := metas(s.HTML("en/chi-so/vb01/index.html"))["description"]; !strings.Contains(d, "90%") || !strings.Contains(d, "Q4 2024") {
		t.Errorf("en/chi-so/vb01: description %q", d)
	}
}

// TestSearchIndex: each language's index lists every indicator, unit and
// report, with keys as package fold writes them, and stays small.
func TestSearchIndex(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	for lang, want := range map[string]string{"": "Huyện Chợ Đồn", "en/": "Chợ Đồn district"} {
		b := s.ReadFile(lang + "tim-kiem/chi-muc.json")
		var ix struct{ Items [][4]string }
		if err := json.Unmarshal(b, &ix); err != nil {
			t.Fatal(err)
		}
		if n := lines(t, "../../data/indicators.csv") + lines(t, "../../data/units.csv") + 8; len(ix.Items) != n {
			t.Errorf("%s: %d entries, want %d (indicators, units, reports)", lang, len(ix.Items), n)
		}
		found := false
		for _, it := range ix.Items {
			if it[2] != fold.Bare(it[0]+" "+strings.TrimSuffix(it[1][strings.LastIndexByte(strings.TrimSuffix(it[1], "/"), '/')+1:], "/")) && it[3] != "r" {
				t.Errorf("%s: key %q of %q is not fold.Bare of title and code", lang, it[2], it[0])
			}
			if _, err := os.Stat(filepath.Join(s.Dest, lang+it[1], "index.html")); err != nil {
				t.Errorf("%s: %q links to %s, not a page", lang, it[0], it[1])
			}
			if it[0] == want && strings.Contains(it[2], "cho don") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no entry %q keyed \"cho don\"", lang, want)
		}
		if len(b) > 8000 {
			t.Errorf("%s: index %d bytes: keep it to titles and codes", lang, len(b))
		}
	}
	// Without JavaScript the page offers the lists; the form waits for
	// its script.
	doc := s.HTML("tim-kiem/index.html")
	if f := buildtest.Select(doc, "form"); len(f) != 1 || !hasAttr(f[0], "hidden") {
		t.Error("tim-kiem: the search form must be hidden until its script shows it")
	}
	s.AssertHTML("tim-kiem/index.html", `main a[href="/chi-so/"]`, 1)
	s.AssertHTML("tim-kiem/index.html", `main a[href="/don-vi/"]`, 1)
}

// lines counts the records of a CSV file without a quoted line break.
func lines(t *testing.T, name string) int {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(strings.TrimSpace(string(b)), "\n")
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestEmbedPages: the chart alone, its source and a link back; no header,
// footer or script; noindex and out of the sitemap; and the indicator
// page gives the <iframe> code.
func TestEmbedPages(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	for _, lang := range []string{"", "en/"} {
		name := lang + "nhung/vb01/index.html"
		doc := s.HTML(name)
		if m := metas(doc); m["robots"] != "noindex" {
			t.Errorf("%s: robots %q, want noindex", name, m["robots"])
		}
		for _, sel := range []string{"header", "footer", "nav", "script"} {
			s.AssertHTML(name, sel, 0)
		}
		s.AssertHTML(name, `a[href="/`+lang+`chi-so/vb01/"]`, 1)
		s.AssertHTML(name, `a[href="`+baseURL+lang+`chi-so/vb01/"]`, 1)
		svg := buildtest.Select(doc, ".chart svg")
		if len(svg) != 1 || buildtest.Attr(svg[0], "viewBox") == "" || len(buildtest.Select(svg[0], "path")) == 0 {
			t.Errorf("%s: want one drawn chart with a viewBox", name)
		}
		s.AssertFile(lang+"sitemap.xml", "! nhung")
		ta := buildtest.Select(s.HTML(lang+"chi-so/vb01/index.html"), "details textarea")
		if len(ta) != 1 || !hasAttr(ta[0], "readonly") || !strings.Contains(buildtest.Text(ta[0]), `<iframe src="`+baseURL+lang+`nhung/vb01/"`) {
			t.Errorf("%s: no readonly <iframe> code for the embed", lang+"chi-so/vb01/")
		}
	}
	if _, err := os.Stat(filepath.Join(s.Dest, "nhung", "index.html")); err == nil {
		t.Error("nhung/index.html: the embeds have no list page")
	}
}

// TestBudgetSamplePasses: the sample is within its budget, and the report
// weighs a page as gzip does.
func TestBudgetSamplePasses(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	r := s.Result.Budget
	if r.Pages < 200 || len(r.Heaviest) != budget.Keep || len(r.Over) != 0 {
		t.Fatalf("budget report: %d pages, %d heaviest, %d over", r.Pages, len(r.Heaviest), len(r.Over))
	}
	top := r.Heaviest[0]
	if top.Total > 60*budget.KB || top.CSS == 0 || top.JS == 0 {
		t.Errorf("heaviest %+v: want ≤ 60 KB with its CSS and script", top)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(s.ReadFile(top.Path))
	zw.Close()
	if buf.Len() != top.HTML {
		t.Errorf("%s: HTML %d gzipped bytes, gzip says %d", top.Path, top.HTML, buf.Len())
	}
	if r.Chart < 100*budget.KB || r.Chart > 200*budget.KB {
		t.Errorf("chart bundle %d bytes gzipped: want the ECharts build (100–200 KB)", r.Chart)
	}
}

// TestBudgetBrokenFailsTheBuild: a site whose budget its pages break
// publishes nothing, and says which page, by how much and what to do, in
// both languages.
func TestBudgetBrokenFailsTheBuild(t *testing.T) {
	t.Parallel()
	b := buildtest.New(t, "", buildtest.Options{Sample: true})
	cfg := filepath.Join(b.Source, "hugo.toml")
	old, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(old, "\n[params.budget]\npage_kb = 9\nchart_kb = 50\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	err = b.BuildErr()
	probs := diag.All(err)
	if len(probs) < 2 {
		t.Fatalf("want problems, got %v", err)
	}
	var page, chart *diag.Error
	for _, p := range probs {
		switch {
		case p.Pos.File == "chi-so/vb01/index.html":
			page = p
		case p.Field == "chart_kb":
			chart = p
		}
		if p.Code != budget.CodeBudget {
			t.Errorf("%s: code %q", p.Line("en"), p.Code)
		}
	}
	if page == nil || chart == nil {
		t.Fatalf("want chi-so/vb01/index.html and the chart bundle over budget: %v", err)
	}
	if got := page.Line("vi"); !strings.HasPrefix(got, `chi-so/vb01/index.html: page-budget: page_kb "9": lần xem đầu của trang nặng `) || !strings.Contains(got, "params.budget.page_kb trong hugo.toml") {
		t.Errorf("vi: %s", got)
	}
	if got := page.Line("en"); !strings.Contains(got, "over the budget of 9.0 KB") {
		t.Errorf("en: %s", got)
	}
	if got := chart.Line("en"); !strings.HasPrefix(got, "vendor/echarts/echarts.custom.min.js: page-budget: chart_kb \"50\": the interactive chart bundle weighs ") {
		t.Errorf("en: %s", got)
	}
	if _, err := os.Stat(b.Dest); err == nil {
		t.Error("a build over budget published the site")
	}
}
