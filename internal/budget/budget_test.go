package budget

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/diag"
)

func write(t *testing.T, dir, name, s string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func gz(s string) int {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Len()
}

// TestMeasure: a page weighs its HTML, its stylesheet and its scripts
// (under the base URL's path), not the chart bundle it fetches later nor
// another host's file; pages over the limit are listed, heaviest first,
// and said at their file with what to do.
func TestMeasure(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	css := strings.Repeat("a{color:red}\n", 50)
	js := strings.Repeat("var x=1;\n", 80)
	echarts := strings.Repeat("function f(){return 1}\n", 400)
	heavy := `<html><head><link rel=stylesheet href=/sub/site.css></head><body>` + strings.Repeat("<p>chợ đồn 12345</p>", 400) +
		`<script defer src="https://sub.example/sub/js/c.js" data-echarts=/sub/vendor/e.js></script><script src=https://cdn.example/other/x.js></script></body></html>`
	light := `<html><head><link rel=stylesheet href=/sub/site.css></head><body><p>x</p></body></html>`
	write(t, dir, "site.css", css)
	write(t, dir, "js/c.js", js)
	write(t, dir, "vendor/e.js", echarts)
	write(t, dir, "a/index.html", heavy)
	write(t, dir, "index.html", light)
	limits := Limits{Enabled: true, PageKB: float64(gz(light)+gz(css)+1) / KB, ChartKB: 0.01}
	r, err := Measure(dir, "https://sub.example/sub/", limits)
	if err != nil {
		t.Fatal(err)
	}
	want := Page{Path: "a/index.html", HTML: gz(heavy), CSS: gz(css), JS: gz(js), Overflow: true}
	want.Total = want.HTML + want.CSS + want.JS
	if r.Pages != 2 || len(r.Heaviest) != 2 || r.Heaviest[0] != want || r.Heaviest[1].Path != "index.html" {
		t.Fatalf("report %+v, want %+v first", r, want)
	}
	if len(r.Over) != 1 || r.Over[0].Path != "a/index.html" {
		t.Errorf("over %+v, want a/index.html", r.Over)
	}
	if r.Chart != gz(echarts) {
		t.Errorf("chart %d, want %d", r.Chart, gz(echarts))
	}
	all := diag.All(r.Check(limits))
	if len(all) != 2 || all[0].Pos.File != "a/index.html" || all[1].Pos.File != "vendor/e.js" {
		t.Fatalf("problems %v", all)
	}
	if got := all[0].Line("en"); !strings.HasPrefix(got, "a/index.html: page-budget: page_kb ") || !strings.Contains(got, "raise params.budget.page_kb in hugo.toml") {
		t.Errorf("en: %s", got)
	}
	if got := all[0].Line("vi"); !strings.Contains(got, "lần xem đầu của trang nặng ") {
		t.Errorf("vi: %s", got)
	}
	if err := r.Check(Limits{Enabled: false, PageKB: 0.001}); err != nil {
		t.Errorf("a budget turned off: %v", err)
	}
}
