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

	"golang.org/x/net/html"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/diag"
)

func TestMain(m *testing.M) { buildtest.Main(m) }

// byID returns the element with the given id, or nil.
func byID(doc *html.Node, id string) *html.Node {
	if id == "" {
		return nil
	}
	if n := buildtest.Select(doc, "#"+id); len(n) > 0 {
		return n[0]
	}
	return nil
}

func TestSampleHome(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	for _, tc := range []struct {
		file, lang, vb01, lead string
	}{
		{"index.html", "vi", "90%", "quý IV/2024"},
		{"en/index.html", "en", "90%", "Q4 2024"},
	} {
		doc := s.HTML(tc.file)
		if got := buildtest.Attr(buildtest.Select(doc, "html")[0], "lang"); got != tc.lang {
			t.Errorf("%s: lang = %q, want %q", tc.file, got, tc.lang)
		}
		tiles := buildtest.Select(doc, "li.tile")
		if len(tiles) != 12 {
			t.Fatalf("%s: %d tiles, want 12 (one per indicator)", tc.file, len(tiles))
		}
		got := map[string]string{}
		for _, tile := range tiles {
			href := buildtest.Attr(buildtest.Select(tile, "a")[0], "href")
			got[href] = buildtest.Text(buildtest.Select(tile, "span.val")[0])
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
		if !strings.Contains(buildtest.Text(buildtest.Select(doc, "p.lead")[0]), tc.lead) {
			t.Errorf("%s: lead does not name the latest period %q", tc.file, tc.lead)
		}
	}
}

func TestSampleIndicatorPage(t *testing.T) {
	t.Parallel()
	doc := buildtest.Sample(t).HTML("chi-so/vb01/index.html")

	// Two charts, each an inert JSON island next to its container.
	charts := buildtest.Select(doc, "div.chart")
	if len(charts) != 2 {
		t.Fatalf("%d chart containers, want 2", len(charts))
	}
	for _, c := range charts {
		island := byID(doc, buildtest.Attr(c, "data-chart"))
		if island == nil || buildtest.Attr(island, "type") != "application/json" {
			t.Fatalf("chart %s: no JSON island", buildtest.Attr(c, "id"))
		}
		var opt map[string]any
		if err := json.Unmarshal([]byte(island.FirstChild.Data), &opt); err != nil {
			t.Fatalf("chart %s: island is not JSON: %v", buildtest.Attr(c, "id"), err)
		}
		if !strings.Contains(island.FirstChild.Data, `"markLine"`) {
			t.Errorf("chart %s: no target mark line", buildtest.Attr(c, "id"))
		}
		// And, shown first, its drawing: an image named by its <title>,
		// described by its <desc>, with the line or bars, the dashed
		// target and its label.
		svg := buildtest.Select(c, "svg[role=img]")
		if len(svg) != 1 {
			t.Fatalf("chart %s: %d <svg role=img>, want 1", buildtest.Attr(c, "id"), len(svg))
		}
		title, desc := byID(doc, buildtest.Attr(svg[0], "aria-labelledby")), byID(doc, buildtest.Attr(svg[0], "aria-describedby"))
		if title == nil || title.Data != "title" || buildtest.Text(title) == "" || desc == nil || desc.Data != "desc" || !strings.Contains(buildtest.Text(desc), "IV/2024: ") && !strings.Contains(buildtest.Text(desc), "Xã Xuân Lạc: 88,2%") {
			t.Errorf("chart %s: no title or no description with the values", buildtest.Attr(c, "id"))
		}
		if n := len(buildtest.Select(svg[0], "path")); n < 3 {
			t.Errorf("chart %s: %d paths", buildtest.Attr(c, "id"), n)
		}
		if len(buildtest.Select(svg[0], "path[stroke-dasharray]")) != 1 || !strings.Contains(buildtest.Text(svg[0]), "Mục tiêu 2025: 100%") {
			t.Errorf("chart %s: no labelled target line", buildtest.Attr(c, "id"))
		}
	}
	// Every script is either a JSON island (chart options, the schema.org
	// Dataset) or a same-origin file: no inline code anywhere.
	for _, s := range buildtest.Select(doc, "script") {
		if src := buildtest.Attr(s, "src"); src != "" {
			if !strings.HasPrefix(src, "/") {
				t.Errorf("script from another host: %s", src)
			}
			continue
		}
		if typ := buildtest.Attr(s, "type"); typ != "application/json" && typ != "application/ld+json" {
			t.Errorf("inline executable script: %s", buildtest.Text(s))
		}
	}
	tables := buildtest.Select(doc, "table")
	if len(tables) != 2 {
		t.Fatalf("%d tables, want 2 (trend and units)", len(tables))
	}
	if rows := buildtest.Select(tables[0], "tbody tr"); len(rows) != 8 {
		t.Errorf("trend table: %d rows, want 8 quarters", len(rows))
	}
	if rows := buildtest.Select(tables[1], "tbody tr"); len(rows) != 28 {
		t.Errorf("unit table: %d rows, want 28 units", len(rows))
	}
	body := buildtest.Text(doc)
	for _, want := range []string{"3.888/4.320", "942/QĐ-TTg"} {
		if !strings.Contains(body, want) {
			t.Errorf("indicator page lacks %q", want)
		}
	}
	if strings.Contains(body, "Đạt mục tiêu") {
		t.Errorf("VB01 at 90%% must not say the 100%% target is met")
	}
	if len(buildtest.Select(doc, `a[href="/du-lieu/chi-so/vb01.csv"]`)) == 0 || len(buildtest.Select(doc, `a[href="/du-lieu/chi-so/vb01.xlsx"]`)) == 0 {
		t.Error("no link to the indicator's CSV and workbook")
	}
	// The English page links to the English files.
	if len(buildtest.Select(buildtest.Sample(t).HTML("en/chi-so/vb01/index.html"), `a[href="/en/du-lieu/chi-so/vb01.xlsx"]`)) == 0 {
		t.Error("no link to the indicator's English workbook")
	}
}

func TestSampleReportMergesEditorial(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	doc := s.HTML("bao-cao/2024-q4/index.html")
	body := buildtest.Text(doc)
	sum := strings.Index(body, "Đến quý IV/2024")
	limits := strings.Index(body, "Hạn chế")
	if sum < 0 || limits < 0 || sum > limits {
		t.Fatalf("want the generated summary (at %d) before the editorial text (at %d)", sum, limits)
	}
	// The opening is a short paragraph, then the headline figures as a
	// list, one item per indicator with a figure (issue 9: not one
	// sentence of 150 words and 20 links).
	sec := buildtest.Select(doc, `section[aria-labelledby="h-sum"]`)
	if len(sec) != 1 {
		t.Fatal("no generated summary section")
	}
	if items := buildtest.Select(sec[0], "ul.headlines li"); len(items) != 12 {
		t.Errorf("%d headline figures listed, want 12", len(items))
	}
	lead := buildtest.Select(sec[0], "p")[0]
	if words := len(strings.Fields(buildtest.Text(lead))); words > 40 || len(buildtest.Select(lead, "a")) > 0 {
		t.Errorf("the opening paragraph has %d words and %d links, want a short one without links: %q", words, len(buildtest.Select(lead, "a")), buildtest.Text(lead))
	}
	// The generated numbers link to their indicator pages.
	var linked bool
	for _, a := range buildtest.Select(doc, `a[href="/chi-so/vb01/#p-2024-q4"]`) {
		if buildtest.Text(a) == "90%" {
			linked = true
		}
	}
	if !linked {
		t.Error("the summary's VB01 figure does not link to its page")
	}
	en := buildtest.Text(s.HTML("en/bao-cao/2024-q4/index.html"))
	if !strings.Contains(en, "Limitations") || !strings.Contains(en, "As of Q4 2024") {
		t.Error("English report lacks its editorial text or summary")
	}
	// A period without editorial text still gets its generated report.
	if !strings.Contains(buildtest.Text(s.HTML("bao-cao/2023-q1/index.html")), "Đến quý I/2023") {
		t.Error("2023-Q1 report lacks its summary")
	}
}

func TestSampleDownloadsAndChecksums(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	doc := s.HTML("du-lieu/index.html")
	rows := buildtest.Select(buildtest.Select(doc, "table.downloads tbody")[0], "tr")
	if len(rows) != 3+8+3*12 {
		t.Fatalf("%d downloads listed, want 47 (3 lists, 8 snapshots, 12 indicators as CSV, XLSX and JSON)", len(rows))
	}
	for _, r := range rows {
		href := buildtest.Attr(buildtest.Select(r, "a")[0], "href")
		b, err := os.ReadFile(filepath.Join(s.Dest, filepath.FromSlash(strings.TrimPrefix(href, "/"))))
		if err != nil {
			t.Errorf("listed file %s not published: %v", href, err)
			continue
		}
		sum := sha256.Sum256(b)
		if got := buildtest.Text(buildtest.Select(r, "code")[0]); got != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: listed SHA-256 %s does not match the file", href, got)
		}
	}
	// The published snapshot is the input line for line (its cells made
	// spreadsheet-safe: see export's tests), so file:line sources hold.
	in, err := os.ReadFile(filepath.Join(s.Source, "data/snapshots/2024-Q4.csv"))
	if err != nil {
		t.Fatal(err)
	}
	out := s.ReadFile("du-lieu/snapshots/2024-Q4.csv")
	if !bytes.HasPrefix(out, []byte("\uFEFF")) || bytes.Count(in, []byte("\n")) != bytes.Count(out, []byte("\n")) {
		t.Error("published snapshot is not data/snapshots/2024-Q4.csv line for line, with a BOM")
	}
}

func TestSampleFeedsAndSitemap(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	if n := strings.Count(string(s.ReadFile("index.xml")), "<item>"); n != 8 {
		t.Errorf("RSS has %d items, want the 8 reports", n)
	}
	// The English alternate of an indicator page.
	s.AssertFile("vi/sitemap.xml", `hreflang="en" href="https://chodon.example.invalid/en/chi-so/vb01/"`)
}

// TestBuildIsReproducible builds the sample again, from a copy of its
// inputs in another folder, and compares every file with the shared build:
// the same files with the same bytes, downloads and pages alike. (The one
// test that builds the sample a second time only to compare.)
func TestBuildIsReproducible(t *testing.T) {
	t.Parallel()
	a := buildtest.Sample(t).Dest
	b := buildtest.Build(t, "", buildtest.Options{Sample: true}).Dest
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
	if ha[filepath.FromSlash("du-lieu/du-lieu.zip")] == "" {
		t.Error("no zip compared")
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

func TestFailedBuildLeavesPreviousSite(t *testing.T) {
	t.Parallel()
	b := buildtest.Sample(t).Copy()
	before := treeHash(t, b.Dest)

	// Two mistakes staff make: a decimal comma and an unknown unit.
	f := filepath.Join(b.Source, "data/snapshots/2024-Q4.csv")
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	fields := strings.Split(lines[1], ",")
	fields[2] = `"12,5"`
	lines[1] = strings.Join(fields, ",")
	lines[2] = "XX99" + lines[2][strings.Index(lines[2], ","):]
	if err := os.WriteFile(f, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}

	err = b.BuildErr()
	problems := diag.All(err)
	if len(problems) != 2 {
		t.Fatalf("want 2 problems reported at once, got %v", err)
	}
	for _, p := range problems {
		if p.Pos.File != "data/snapshots/2024-Q4.csv" || p.Pos.Line < 2 || p.Pos.Line > 3 || p.Pos.Column < 1 {
			t.Errorf("problem not positioned at its cell: %v", p)
		}
	}
	after := treeHash(t, b.Dest)
	if len(after) != len(before) {
		t.Fatalf("failed build changed the published site: %d files before, %d after", len(before), len(after))
	}
	for name, h := range before {
		if after[name] != h {
			t.Errorf("failed build changed %s", name)
		}
	}
}

// TestHostileUnitNameIsInert: Xã Xuân Lạc named with a closing script tag
// (hostileSample) is text in the table and the drawing, and escaped in the
// chart data.
func TestHostileUnitNameIsInert(t *testing.T) {
	t.Parallel()
	const payload = headline
	b, _ := hostileSample(t)
	// The page as markup, quoted attribute values left out: VB01's name
	// is raw in its meta tags' content (text there, as the browser tests
	// check), and nowhere else.
	if bytes.Contains(withoutAttributes(b.ReadFile("chi-so/vb01/index.html")), []byte("<script>alert")) {
		t.Fatal("payload written raw into the page")
	}
	doc := b.HTML("chi-so/vb01/index.html")
	var inTable, inChart bool
	for _, th := range buildtest.Select(doc, "th") {
		if buildtest.Text(th) == payload {
			inTable = true // shown as text
		}
	}
	for _, s := range buildtest.Select(doc, `script[type="application/json"]`) {
		if strings.Contains(s.FirstChild.Data, `\u003c/script\u003e`) {
			var opt any
			if err := json.Unmarshal([]byte(s.FirstChild.Data), &opt); err != nil {
				t.Fatal(err)
			}
			inChart = strings.Contains(s.FirstChild.Data, "alert(1)")
		}
	}
	// The drawing has the name as text (a long one is cut, and whole in
	// the label's <title>), and no element but its own.
	var inSVG bool
	for _, svg := range buildtest.Select(doc, "div.chart svg") {
		for _, txt := range buildtest.Select(svg, "text title") {
			inSVG = inSVG || buildtest.Text(txt) == payload
		}
		if n := len(buildtest.Select(svg, "script")); n > 0 {
			t.Errorf("%d <script> inside a chart's SVG", n)
		}
	}
	if !inTable || !inChart || !inSVG {
		t.Errorf("payload should appear as inert text in the table (%v) and the drawing (%v), and escaped in the chart data (%v)", inTable, inSVG, inChart)
	}
}

// withoutAttributes returns page with every tag written as <name> or
// </name>: its markup and text, without the attribute values.
func withoutAttributes(page []byte) []byte {
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return out.Bytes()
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			out.WriteString("<" + string(name) + ">")
		case html.EndTagToken:
			name, _ := z.TagName()
			out.WriteString("</" + string(name) + ">")
		default:
			out.Write(z.Raw())
		}
	}
}

func BenchmarkSampleBuild(b *testing.B) {
	for b.Loop() {
		dest := filepath.Join(b.TempDir(), "public")
		if _, err := build.Site(b.Context(), build.Options{Source: "../..", Dest: dest, Today: buildtest.Today}); err != nil {
			b.Fatal(err)
		}
	}
}

// generatedParts returns the text of the report's generated sections and
// table, and every number link in them, in document order.
func generatedParts(b *buildtest.Builder, file string) (summary, rest string, links []string) {
	doc := b.HTML(file)
	for _, s := range buildtest.Select(doc, "section") {
		label := buildtest.Attr(s, "aria-labelledby")
		switch label {
		case "h-sum":
			summary = buildtest.Text(s)
		case "h-details", "h-limits":
			rest += label + ": " + buildtest.Text(s) + "\n"
		default:
			continue
		}
		for _, a := range buildtest.Select(s, "a") {
			links = append(links, buildtest.Attr(a, "href")+" "+buildtest.Text(a))
		}
	}
	for _, tb := range buildtest.Select(doc, "table") {
		rest += "table: " + buildtest.Text(tb) + "\n"
	}
	return summary, rest, links
}

// TestEditorialNeverChangesGeneratedNumbers builds the sample with hostile
// editorial text (numbers, Hugo shortcodes, template actions, raw HTML,
// front matter overrides), and with "generated: replace" (its other
// reports without any editorial text), and compares the generated parts of
// the reports with those of the shared sample and of reports without
// editorial text.
func TestEditorialNeverChangesGeneratedNumbers(t *testing.T) {
	t.Parallel()
	// withEditorial builds the sample with files, a txtar archive, as its
	// only editorial text.
	withEditorial := func(files string) *buildtest.Builder {
		t.Helper()
		b := buildtest.New(t, "", buildtest.Options{Sample: true})
		if err := os.RemoveAll(filepath.Join(b.Source, "content", "bao-cao")); err != nil {
			t.Fatal(err)
		}
		return b.EditFiles(files).Build()
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
	edited := withEditorial("-- content/bao-cao/2024-Q4.md --\n" + hostile + "-- content/bao-cao/2024-Q4.en.md --\n" + hostile + "-- content/bao-cao/2023-Q1.md --\n" + hostile)
	// One build for two cases: "generated: replace" in the Vietnamese
	// 2024-Q4 report, and no editorial text at all in the other two.
	replaced := withEditorial("-- content/bao-cao/2024-Q4.md --\n---\ngenerated: replace\n---\nĐến quý IV/2024, 1% văn bản được ký số.\n")
	// What the generated parts are without the hostile text: without any
	// editorial text, or (the Vietnamese 2024-Q4) with the sample's own.
	sample := buildtest.Sample(t)
	plain := map[string]*buildtest.Builder{
		"bao-cao/2024-q4/index.html":    sample,
		"en/bao-cao/2024-q4/index.html": replaced,
		"bao-cao/2023-q1/index.html":    replaced,
	}

	for _, file := range []string{"bao-cao/2024-q4/index.html", "en/bao-cao/2024-q4/index.html", "bao-cao/2023-q1/index.html"} {
		s0, r0, l0 := generatedParts(plain[file], file)
		s1, r1, l1 := generatedParts(edited, file)
		if s0 == "" || !strings.Contains(r0, "h-details") || !strings.Contains(r0, "table:") {
			t.Fatalf("%s: generated parts not found", file)
		}
		if s0 != s1 || r0 != r1 || !slices.Equal(l0, l1) {
			t.Errorf("%s: editorial text changed the generated text:\nwithout: %s\n%s\nwith:    %s\n%s", file, s0, r0, s1, r1)
		}
		// The hostile text is shown as text, not run.
		doc := edited.HTML(file)
		body := buildtest.Text(doc)
		if !strings.Contains(body, "12,5%") {
			t.Errorf("%s: the editorial text is missing", file)
		}
		if !strings.Contains(body, `{{< param`) || !strings.Contains(body, `{{% param`) || strings.Contains(body, "map[") {
			t.Errorf("%s: shortcodes in the editorial text ran instead of showing as text", file)
		}
		if strings.Contains(body, "<b>") || len(buildtest.Select(doc, "b")) > 0 {
			t.Errorf("%s: raw HTML of the editorial text was rendered", file)
		}
	}
	// "generated: replace": the summary goes, everything else stays.
	s2, r2, l2 := generatedParts(replaced, "bao-cao/2024-q4/index.html")
	_, r0, l0 := generatedParts(sample, "bao-cao/2024-q4/index.html")
	if s2 != "" {
		t.Errorf("replaced summary still shown: %q", s2)
	}
	if r2 != r0 || !slices.Equal(l2, l0[len(l0)-len(l2):]) {
		t.Error("replacing the summary changed the other generated parts")
	}
	if body := buildtest.Text(replaced.HTML("bao-cao/2024-q4/index.html")); !strings.Contains(body, "1% văn bản được ký số") {
		t.Error("the replacing text is missing")
	}
}

func TestEditorialFrontMatterKeyIsChecked(t *testing.T) {
	t.Parallel()
	err := buildtest.BuildErr(t, `
-- content/bao-cao/2024-Q4.md --
---
generated: replaced
---
Text.
`, buildtest.Options{Sample: true})
	if !strings.Contains(err.Error(), "content/bao-cao/2024-Q4.md") || !strings.Contains(err.Error(), `"replaced"`) || !strings.Contains(err.Error(), "generated: replace") {
		t.Errorf("err = %v, want the file, the value and the fix", err)
	}
}

// TestSampleStatusAndMethodology checks the status words on the pages and
// that the methodology page is reachable from every indicator page.
func TestSampleStatusAndMethodology(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	for _, tc := range []struct{ prefix, onTrack, projected, method string }{
		{"", "Đúng tiến độ", "dự kiến đạt năm 2025", "Tốc độ"},
		{"en/", "On track", "projected to be met in 2025", "Pace"},
	} {
		doc := s.HTML(tc.prefix + "chi-so/vb01/index.html")
		body := buildtest.Text(doc)
		for _, want := range []string{tc.onTrack, tc.projected} {
			if !strings.Contains(body, want) {
				t.Errorf("%schi-so/vb01: lacks %q", tc.prefix, want)
			}
		}
		if len(buildtest.Select(doc, `a[href="/`+tc.prefix+`phuong-phap/"]`)) == 0 {
			t.Errorf("%schi-so/vb01: no link to the methodology page", tc.prefix)
		}
		// Every status badge is words, not colour alone.
		for _, st := range buildtest.Select(doc, "span.st") {
			if buildtest.Text(st) == "" {
				t.Errorf("%schi-so/vb01: empty status badge %v", tc.prefix, st.Attr)
			}
		}
		// Every figure link of the report lands on an existing table row,
		// and that row links its source or names the units summed.
		rep := s.HTML(tc.prefix + "bao-cao/2024-q4/index.html")
		anchors := 0
		for _, a := range buildtest.Select(rep, "a") {
			href := buildtest.Attr(a, "href")
			page, frag, ok := strings.Cut(href, "#")
			if !ok || !strings.Contains(page, "/chi-so/") {
				continue
			}
			anchors++
			row := byID(s.HTML(strings.TrimPrefix(page, "/")+"index.html"), frag)
			if row == nil || row.Data != "tr" {
				t.Errorf("%s: link %s lands on no table row", tc.prefix, href)
			} else if len(buildtest.Select(row, "a.src"))+len(buildtest.Select(row, "span.src")) != 1 {
				t.Errorf("%s: row %s names no source: %s", tc.prefix, href, buildtest.Text(row))
			}
		}
		if anchors < 50 {
			t.Errorf("%s: only %d figure links in the report", tc.prefix, anchors)
		}
		if m := buildtest.Text(s.HTML(tc.prefix + "phuong-phap/index.html")); !strings.Contains(m, tc.method) {
			t.Errorf("%sphuong-phap: lacks %q", tc.prefix, tc.method)
		}
	}
}

func TestTwoEditorialFilesForOnePeriodAreAnError(t *testing.T) {
	t.Parallel()
	b := buildtest.New(t, "-- content/bao-cao/2024-Q4.vi.md --\nMột bài khác.\n", buildtest.Options{Sample: true})
	_, _, err := build.Check(t.Context(), build.Options{Source: b.Source, Today: buildtest.Today})
	problems := diag.All(err)
	if len(problems) != 1 || problems[0].Code != diag.CodePrimaryKey ||
		!strings.Contains(problems[0].Error(), "content/bao-cao/2024-Q4.md is also the text of this period") ||
		problems[0].Pos.File != "content/bao-cao/2024-Q4.vi.md" {
		t.Fatalf("want one primary-key problem naming both files, got %v", err)
	}
}

// TestSampleOverridesALayout: the sample's layouts/ folder replaces one of
// the embedded partials, in both languages.
func TestSampleOverridesALayout(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	for file, want := range map[string]string{
		"index.html":    "Cơ quan cung cấp số liệu: Văn phòng HĐND và UBND huyện Chợ Đồn",
		"en/index.html": "Figures provided by the Office of the People's Council",
	} {
		foot := buildtest.Select(s.HTML(file), "footer.foot")
		if len(foot) != 1 || !strings.Contains(buildtest.Text(foot[0]), want) {
			t.Errorf("%s: footer lacks the site's own line %q", file, want)
		}
	}
}

// TestDestinationMayNotTouchInputs: publishing replaces the destination
// folder, so it may be none of the site's inputs, nor inside one.
func TestDestinationMayNotTouchInputs(t *testing.T) {
	t.Parallel()
	site := buildtest.New(t, `
-- static/keep.txt --
mine
-- i18n/keep.txt --
mine
`, buildtest.Options{Sample: true}).Source
	for _, dest := range []string{"static", "i18n", "data", filepath.Join("data", "pub"), filepath.Join("content", "out")} {
		_, err := build.Site(t.Context(), build.Options{Source: site, Dest: filepath.Join(site, dest), Today: buildtest.Today})
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
