package build_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/source"
)

// today is the injected clock: after the sample's last quarter.
var today = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)

// sampleSite builds the repository's own sample (the Chợ Đồn site) once.
func sampleSite(t testing.TB) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Site(t.Context(), build.Options{Source: "../..", Dest: dest, Today: today}); err != nil {
		t.Fatalf("build sample: %v", err)
	}
	return dest
}

func parse(t *testing.T, dir, name string) *html.Node {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// find returns every element named tag whose class list contains class
// (any element when class is "").
func find(n *html.Node, tag, class string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag && (class == "" || slices.Contains(strings.Fields(attr(n, "class")), class)) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestSampleHome(t *testing.T) {
	dest := sampleSite(t)
	for _, tc := range []struct {
		file, lang, vb01, lead string
	}{
		{"index.html", "vi", "90%", "quý IV/2024"},
		{"en/index.html", "en", "90%", "Q4 2024"},
	} {
		doc := parse(t, dest, tc.file)
		if got := attr(find(doc, "html", "")[0], "lang"); got != tc.lang {
			t.Errorf("%s: lang = %q, want %q", tc.file, got, tc.lang)
		}
		tiles := find(doc, "li", "tile")
		if len(tiles) != 12 {
			t.Fatalf("%s: %d tiles, want 12 (one per indicator)", tc.file, len(tiles))
		}
		got := map[string]string{}
		for _, tile := range tiles {
			href := attr(find(tile, "a", "")[0], "href")
			got[href] = text(find(tile, "span", "val")[0])
		}
		prefix := "/"
		if tc.lang == "en" {
			prefix = "/en/"
		}
		// The article's figures for the latest quarter, rolled up from the units.
		want := map[string]string{"vb01": tc.vb01, "ht01": "100%", "ht02": "100%", "ht03": "100%", "td01": "100%", "nl02": "2"}
		for code, v := range want {
			if g := got[prefix+"chi-so/"+code+"/"]; g != v {
				t.Errorf("%s: tile %s = %q, want %q", tc.file, code, g, v)
			}
		}
		if !strings.Contains(text(find(doc, "p", "lead")[0]), tc.lead) {
			t.Errorf("%s: lead does not name the latest period %q", tc.file, tc.lead)
		}
	}
}

func TestSampleIndicatorPage(t *testing.T) {
	dest := sampleSite(t)
	doc := parse(t, dest, "chi-so/vb01/index.html")

	// Two charts, each an inert JSON island next to its container.
	charts := find(doc, "div", "chart")
	if len(charts) != 2 {
		t.Fatalf("%d chart containers, want 2", len(charts))
	}
	for _, c := range charts {
		island := byID(doc, attr(c, "data-chart"))
		if island == nil || attr(island, "type") != "application/json" {
			t.Fatalf("chart %s: no JSON island", attr(c, "id"))
		}
		var opt map[string]any
		if err := json.Unmarshal([]byte(island.FirstChild.Data), &opt); err != nil {
			t.Fatalf("chart %s: island is not JSON: %v", attr(c, "id"), err)
		}
		if !strings.Contains(island.FirstChild.Data, `"markLine"`) {
			t.Errorf("chart %s: no target mark line", attr(c, "id"))
		}
	}
	// Every script is either a JSON island or a same-origin file: no
	// inline code anywhere.
	for _, s := range find(doc, "script", "") {
		if src := attr(s, "src"); src != "" {
			if !strings.HasPrefix(src, "/") {
				t.Errorf("script from another host: %s", src)
			}
			continue
		}
		if attr(s, "type") != "application/json" {
			t.Errorf("inline executable script: %s", text(s))
		}
	}
	tables := find(doc, "table", "")
	if len(tables) != 2 {
		t.Fatalf("%d tables, want 2 (trend and units)", len(tables))
	}
	if rows := find(find(tables[0], "tbody", "")[0], "tr", ""); len(rows) != 8 {
		t.Errorf("trend table: %d rows, want 8 quarters", len(rows))
	}
	if rows := find(find(tables[1], "tbody", "")[0], "tr", ""); len(rows) != 28 {
		t.Errorf("unit table: %d rows, want 28 units", len(rows))
	}
	body := text(doc)
	for _, want := range []string{"3.888/4.320", "942/QĐ-TTg", "du-lieu/chi-so/vb01.csv", "Đạt mục tiêu"} {
		if want == "du-lieu/chi-so/vb01.csv" {
			continue // checked through the link below
		}
		if want == "Đạt mục tiêu" {
			if strings.Contains(body, want) {
				t.Errorf("VB01 at 90%% must not say the 100%% target is met")
			}
			continue
		}
		if !strings.Contains(body, want) {
			t.Errorf("indicator page lacks %q", want)
		}
	}
	var csvLink bool
	for _, a := range find(doc, "a", "") {
		if attr(a, "href") == "/du-lieu/chi-so/vb01.csv" {
			csvLink = true
		}
	}
	if !csvLink {
		t.Error("no link to the indicator's CSV")
	}
}

func byID(doc *html.Node, id string) *html.Node {
	var found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && attr(n, "id") == id {
			found = n
		}
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}

func TestSampleReportMergesEditorial(t *testing.T) {
	dest := sampleSite(t)
	doc := parse(t, dest, "bao-cao/2024-q4/index.html")
	body := text(doc)
	sum := strings.Index(body, "Đến quý IV/2024")
	limits := strings.Index(body, "Hạn chế")
	if sum < 0 || limits < 0 || sum > limits {
		t.Fatalf("want the generated summary (at %d) before the editorial text (at %d)", sum, limits)
	}
	// The generated numbers link to their indicator pages.
	var linked bool
	for _, a := range find(doc, "a", "") {
		if attr(a, "href") == "/chi-so/vb01/#p-2024-q4" && text(a) == "90%" {
			linked = true
		}
	}
	if !linked {
		t.Error("the summary's VB01 figure does not link to its page")
	}
	en := text(parse(t, dest, "en/bao-cao/2024-q4/index.html"))
	if !strings.Contains(en, "Limitations") || !strings.Contains(en, "As of Q4 2024") {
		t.Error("English report lacks its editorial text or summary")
	}
	// A period without editorial text still gets its generated report.
	if !strings.Contains(text(parse(t, dest, "bao-cao/2023-q1/index.html")), "Đến quý I/2023") {
		t.Error("2023-Q1 report lacks its summary")
	}
}

func TestSampleDownloadsAndChecksums(t *testing.T) {
	dest := sampleSite(t)
	doc := parse(t, dest, "du-lieu/index.html")
	rows := find(find(doc, "tbody", "")[0], "tr", "")
	if len(rows) != 3+8+12 {
		t.Fatalf("%d downloads listed, want 23 (3 lists, 8 snapshots, 12 indicators)", len(rows))
	}
	for _, r := range rows {
		href := attr(find(r, "a", "")[0], "href")
		b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(href, "/"))))
		if err != nil {
			t.Errorf("listed file %s not published: %v", href, err)
			continue
		}
		sum := sha256.Sum256(b)
		if got := text(find(r, "code", "")[0]); got != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: listed SHA-256 %s does not match the file", href, got)
		}
	}
	// The published snapshot is the input, byte for byte.
	in, _ := os.ReadFile("../../data/snapshots/2024-Q4.csv")
	out, _ := os.ReadFile(filepath.Join(dest, "du-lieu/snapshots/2024-Q4.csv"))
	if !bytes.Equal(in, out) {
		t.Error("published snapshot differs from data/snapshots/2024-Q4.csv")
	}
}

func TestSampleFeedsAndSitemap(t *testing.T) {
	dest := sampleSite(t)
	rss, _ := os.ReadFile(filepath.Join(dest, "index.xml"))
	if n := strings.Count(string(rss), "<item>"); n != 8 {
		t.Errorf("RSS has %d items, want the 8 reports", n)
	}
	sm, _ := os.ReadFile(filepath.Join(dest, "vi/sitemap.xml"))
	if !strings.Contains(string(sm), `hreflang="en" href="https://chodon.example.invalid/en/chi-so/vb01/"`) {
		t.Error("sitemap lacks the English alternate of an indicator page")
	}
}

func TestBuildIsReproducible(t *testing.T) {
	a, b := sampleSite(t), sampleSite(t)
	ha, hb := treeHash(t, a), treeHash(t, b)
	if len(ha) < 100 {
		t.Fatalf("only %d files built", len(ha))
	}
	for name, h := range ha {
		if hb[name] != h {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
	if len(ha) != len(hb) {
		t.Errorf("builds have %d and %d files", len(ha), len(hb))
	}
}

func treeHash(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		sum := sha256.Sum256(b)
		out[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// copySite copies the sample into a temporary site that a test may change.
func copySite(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, dir := range []string{"data", "content"} {
		err := filepath.WalkDir(filepath.Join("../..", dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel("../..", p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func TestFailedBuildLeavesPreviousSite(t *testing.T) {
	site := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Site(t.Context(), build.Options{Source: site, Dest: dest, Today: today}); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, dest)

	// Two mistakes staff make: a decimal comma and an unknown unit.
	f := filepath.Join(site, "data/snapshots/2024-Q4.csv")
	b, _ := os.ReadFile(f)
	lines := strings.Split(string(b), "\n")
	lines[1] = strings.Replace(lines[1], ",", ",", 1)
	fields := strings.Split(lines[1], ",")
	fields[2] = `"12,5"`
	lines[1] = strings.Join(fields, ",")
	lines[2] = "XX99" + lines[2][strings.Index(lines[2], ","):]
	os.WriteFile(f, []byte(strings.Join(lines, "\n")), 0o644)

	_, err := build.Site(t.Context(), build.Options{Source: site, Dest: dest, Today: today})
	problems := source.All(err)
	if len(problems) != 2 {
		t.Fatalf("want 2 problems reported at once, got %v", err)
	}
	for _, p := range problems {
		if p.Pos.File != "data/snapshots/2024-Q4.csv" || p.Pos.Line < 2 || p.Pos.Line > 3 || p.Pos.Column < 1 {
			t.Errorf("problem not positioned at its cell: %v", p)
		}
	}
	after := treeHash(t, dest)
	if len(after) != len(before) {
		t.Fatalf("failed build changed the published site: %d files before, %d after", len(before), len(after))
	}
	for name, h := range before {
		if after[name] != h {
			t.Errorf("failed build changed %s", name)
		}
	}
}

func TestHostileUnitNameIsInert(t *testing.T) {
	site := copySite(t)
	const payload = `</script><script>alert(1)</script>`
	f := filepath.Join(site, "data/units.csv")
	b, _ := os.ReadFile(f)
	s := strings.Replace(string(b), "Xã Xuân Lạc", payload, 1)
	if s == string(b) {
		t.Fatal("sample has no Xã Xuân Lạc to replace")
	}
	os.WriteFile(f, []byte(s), 0o644)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Site(t.Context(), build.Options{Source: site, Dest: dest, Today: today}); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(dest, "chi-so/vb01/index.html"))
	if bytes.Contains(page, []byte("<script>alert")) {
		t.Fatal("payload written raw into the page")
	}
	doc := parse(t, dest, "chi-so/vb01/index.html")
	var inTable, inChart bool
	for _, th := range find(doc, "th", "") {
		if text(th) == payload {
			inTable = true // shown as text
		}
	}
	for _, s := range find(doc, "script", "") {
		if attr(s, "type") == "application/json" && strings.Contains(s.FirstChild.Data, `\u003c/script\u003e`) {
			var opt any
			if err := json.Unmarshal([]byte(s.FirstChild.Data), &opt); err != nil {
				t.Fatal(err)
			}
			inChart = strings.Contains(s.FirstChild.Data, "alert(1)")
		}
	}
	if !inTable || !inChart {
		t.Errorf("payload should appear as inert text in the table (%v) and escaped in the chart data (%v)", inTable, inChart)
	}
}

func BenchmarkSampleBuild(b *testing.B) {
	for b.Loop() {
		dest := filepath.Join(b.TempDir(), "public")
		if _, err := build.Site(b.Context(), build.Options{Source: "../..", Dest: dest, Today: today}); err != nil {
			b.Fatal(err)
		}
	}
}

// generatedParts returns the text of the report's generated sections and
// table, and every number link in them, in document order.
func generatedParts(t *testing.T, dest, file string) (summary, rest string, links []string) {
	t.Helper()
	doc := parse(t, dest, file)
	for _, s := range find(doc, "section", "") {
		label := attr(s, "aria-labelledby")
		switch label {
		case "h-sum":
			summary = text(s)
		case "h-details", "h-limits":
			rest += label + ": " + text(s) + "\n"
		default:
			continue
		}
		for _, a := range find(s, "a", "") {
			links = append(links, attr(a, "href")+" "+text(a))
		}
	}
	for _, tb := range find(doc, "table", "") {
		rest += "table: " + text(tb) + "\n"
	}
	return summary, rest, links
}

// TestEditorialNeverChangesGeneratedNumbers builds the sample without any
// editorial text, with hostile editorial text (numbers, Hugo shortcodes,
// template actions, raw HTML, front matter overrides), and with
// "generated: replace", and compares the generated parts of the reports.
func TestEditorialNeverChangesGeneratedNumbers(t *testing.T) {
	build := func(t *testing.T, files map[string]string) string {
		t.Helper()
		src := copySite(t)
		dir := filepath.Join(src, "content", "bao-cao")
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, body := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		dest := filepath.Join(t.TempDir(), "public")
		if _, err := build.Site(t.Context(), build.Options{Source: src, Dest: dest, Today: today}); err != nil {
			t.Fatalf("build: %v", err)
		}
		return dest
	}
	const hostile = `---
title: "Báo cáo 99%"
params:
  summary: []
  rows: []
summary: "0%"
---
## Hạn chế

Tỷ lệ văn bản ký số chỉ đạt 12,5% (không phải 90%). {{< param "summary" >}} {{% param "rows" %}}
{{ .Params.rows }} {{ index .Params "summary" }} <b>55%</b>
`
	plain := build(t, nil)
	edited := build(t, map[string]string{"2024-Q4.md": hostile, "2024-Q4.en.md": hostile, "2023-Q1.md": hostile})
	replaced := build(t, map[string]string{"2024-Q4.md": "---\ngenerated: replace\n---\nĐến quý IV/2024, 1% văn bản được ký số.\n"})

	for _, file := range []string{"bao-cao/2024-q4/index.html", "en/bao-cao/2024-q4/index.html", "bao-cao/2023-q1/index.html"} {
		s0, r0, l0 := generatedParts(t, plain, file)
		s1, r1, l1 := generatedParts(t, edited, file)
		if s0 == "" || !strings.Contains(r0, "h-details") || !strings.Contains(r0, "table:") {
			t.Fatalf("%s: generated parts not found", file)
		}
		if s0 != s1 || r0 != r1 || !slices.Equal(l0, l1) {
			t.Errorf("%s: editorial text changed the generated text:\nwithout: %s\n%s\nwith:    %s\n%s", file, s0, r0, s1, r1)
		}
		// The hostile text is shown as text, not run.
		body := text(parse(t, edited, file))
		if !strings.Contains(body, "12,5%") {
			t.Errorf("%s: the editorial text is missing", file)
		}
		if !strings.Contains(body, `{{< param`) || !strings.Contains(body, `{{% param`) || strings.Contains(body, "map[") {
			t.Errorf("%s: shortcodes in the editorial text ran instead of showing as text", file)
		}
		if strings.Contains(body, "<b>") || len(find(parse(t, edited, file), "b", "")) > 0 {
			t.Errorf("%s: raw HTML of the editorial text was rendered", file)
		}
	}
	// "generated: replace": the summary goes, everything else stays.
	s2, r2, l2 := generatedParts(t, replaced, "bao-cao/2024-q4/index.html")
	_, r0, l0 := generatedParts(t, plain, "bao-cao/2024-q4/index.html")
	if s2 != "" {
		t.Errorf("replaced summary still shown: %q", s2)
	}
	if r2 != r0 || !slices.Equal(l2, l0[len(l0)-len(l2):]) {
		t.Error("replacing the summary changed the other generated parts")
	}
	if body := text(parse(t, replaced, "bao-cao/2024-q4/index.html")); !strings.Contains(body, "1% văn bản được ký số") {
		t.Error("the replacing text is missing")
	}
}

func TestEditorialFrontMatterKeyIsChecked(t *testing.T) {
	src := copySite(t)
	file := filepath.Join(src, "content", "bao-cao", "2024-Q4.md")
	if err := os.WriteFile(file, []byte("---\ngenerated: replaced\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := build.Site(t.Context(), build.Options{Source: src, Dest: filepath.Join(t.TempDir(), "public"), Today: today})
	if err == nil || !strings.Contains(err.Error(), "content/bao-cao/2024-Q4.md") || !strings.Contains(err.Error(), `"replaced"`) || !strings.Contains(err.Error(), "generated: replace") {
		t.Errorf("err = %v, want the file, the value and the fix", err)
	}
}

// TestSampleStatusAndMethodology checks the status words on the pages and
// that the methodology page is reachable from every indicator page.
func TestSampleStatusAndMethodology(t *testing.T) {
	dest := sampleSite(t)
	for _, tc := range []struct{ prefix, onTrack, projected, method string }{
		{"", "Đúng tiến độ", "dự kiến đạt năm 2025", "Tốc độ"},
		{"en/", "On track", "projected to be met in 2025", "Pace"},
	} {
		doc := parse(t, dest, tc.prefix+"chi-so/vb01/index.html")
		body := text(doc)
		for _, want := range []string{tc.onTrack, tc.projected} {
			if !strings.Contains(body, want) {
				t.Errorf("%schi-so/vb01: lacks %q", tc.prefix, want)
			}
		}
		var method bool
		for _, a := range find(doc, "a", "") {
			if attr(a, "href") == "/"+tc.prefix+"phuong-phap/" {
				method = true
			}
		}
		if !method {
			t.Errorf("%schi-so/vb01: no link to the methodology page", tc.prefix)
		}
		// Every status badge is words, not colour alone.
		for _, st := range find(doc, "span", "st") {
			if text(st) == "" {
				t.Errorf("%schi-so/vb01: empty status badge %v", tc.prefix, st.Attr)
			}
		}
		// Every figure link of the report lands on an existing table row,
		// and that row links its source or names the units summed.
		rep := parse(t, dest, tc.prefix+"bao-cao/2024-q4/index.html")
		anchors := 0
		for _, a := range find(rep, "a", "") {
			href := attr(a, "href")
			page, frag, ok := strings.Cut(href, "#")
			if !ok || !strings.Contains(page, "/chi-so/") {
				continue
			}
			anchors++
			row := byID(parse(t, dest, strings.TrimPrefix(page, "/")+"index.html"), frag)
			if row == nil || row.Data != "tr" {
				t.Errorf("%s: link %s lands on no table row", tc.prefix, href)
			} else if len(find(row, "a", "src"))+len(find(row, "span", "src")) != 1 {
				t.Errorf("%s: row %s names no source: %s", tc.prefix, href, text(row))
			}
		}
		if anchors < 50 {
			t.Errorf("%s: only %d figure links in the report", tc.prefix, anchors)
		}
		if m := text(parse(t, dest, tc.prefix+"phuong-phap/index.html")); !strings.Contains(m, tc.method) {
			t.Errorf("%sphuong-phap: lacks %q", tc.prefix, tc.method)
		}
	}
}

func TestTwoEditorialFilesForOnePeriodAreAnError(t *testing.T) {
	site := copySite(t)
	if err := os.WriteFile(filepath.Join(site, "content/bao-cao/2024-Q4.vi.md"), []byte("Một bài khác.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := build.Check(t.Context(), build.Options{Source: site, Today: today})
	problems := source.All(err)
	if len(problems) != 1 || problems[0].Code != source.CodePrimaryKey ||
		!strings.Contains(problems[0].Error(), "content/bao-cao/2024-Q4.md is also the text of this period") ||
		problems[0].Pos.File != "content/bao-cao/2024-Q4.vi.md" {
		t.Fatalf("want one primary-key problem naming both files, got %v", err)
	}
}

// TestSampleOverridesALayout: the sample's layouts/ folder replaces one of
// the embedded partials, in both languages.
func TestSampleOverridesALayout(t *testing.T) {
	dest := sampleSite(t)
	for file, want := range map[string]string{
		"index.html":    "Cơ quan cung cấp số liệu: Văn phòng HĐND và UBND huyện Chợ Đồn",
		"en/index.html": "Figures provided by the Office of the People's Council",
	} {
		foot := find(parse(t, dest, file), "footer", "foot")
		if len(foot) != 1 || !strings.Contains(text(foot[0]), want) {
			t.Errorf("%s: footer lacks the site's own line %q", file, want)
		}
	}
}

// TestDestinationMayNotTouchInputs: publishing replaces the destination
// folder, so it may be none of the site's inputs, nor inside one.
func TestDestinationMayNotTouchInputs(t *testing.T) {
	site := copySite(t)
	for _, dir := range []string{"static", "i18n"} {
		if err := os.MkdirAll(filepath.Join(site, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(site, dir, "keep.txt"), []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, dest := range []string{"static", "i18n", "data", filepath.Join("data", "pub"), filepath.Join("content", "out")} {
		_, err := build.Site(t.Context(), build.Options{Source: site, Dest: filepath.Join(site, dest), Today: today})
		if err == nil || !strings.Contains(err.Error(), "refusing to publish") {
			t.Errorf("--dest %s: want a refusal, got %v", dest, err)
		}
	}
	for _, f := range []string{"static/keep.txt", "i18n/keep.txt", "data/units.csv"} {
		if _, err := os.Stat(filepath.Join(site, f)); err != nil {
			t.Errorf("%s was lost: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "data", "pub")); err == nil {
		t.Error("a refused build created data/pub")
	}
}
