package build_test

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/minhbach/minhbach/internal/buildtest"
)

// corrections returns the rows of the corrections table of the changes
// page, as cell texts.
func corrections(b *buildtest.Builder, lang string) [][]string {
	return changesRows(b, lang, "corr")
}

// errata returns the rows of the table of every published correction.
func errata(b *buildtest.Builder, lang string) [][]string {
	return changesRows(b, lang, "erratum")
}

func changesRows(b *buildtest.Builder, lang, class string) [][]string {
	doc := b.HTML(path.Join(lang, "thay-doi/index.html"))
	var out [][]string
	for _, tr := range buildtest.Select(doc, "tr."+class) {
		var cells []string
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				cells = append(cells, buildtest.Text(c))
			}
		}
		out = append(out, cells)
	}
	return out
}

// TestChangesListCorrectionsOfThePreviousBuild builds the sample, corrects
// a figure of an earlier quarter, builds again into the same place, and
// checks that the changes page lists the correction with both values.
func TestChangesListCorrectionsOfThePreviousBuild(t *testing.T) {
	t.Parallel()
	// The shared sample is a first build: nothing to compare with.
	first := buildtest.Sample(t)
	if got := buildtest.Text(first.HTML("thay-doi/index.html")); !strings.Contains(got, "Lịch sử xuất bản của trang chưa ghi lần công bố nào trước đây") {
		t.Errorf("first build: the changes page does not say there is nothing to compare with:\n%s", got)
	}
	if got := buildtest.Text(first.HTML("en/thay-doi/index.html")); !strings.Contains(got, "The site's publishing history records no earlier publication") {
		t.Error("first build: the English changes page does not say there is nothing to compare with")
	}
	if rows := corrections(first, ""); len(rows) != 0 {
		t.Errorf("first build lists corrections: %v", rows)
	}
	b := first.Copy()

	// Xuân Lạc's signed documents of Q3 2024 were 175 of 212; staff correct
	// them to 170 of 212 (line 18), leaving the value to be computed.
	edited := false
	rewriteCSV(t, filepath.Join(b.Source, "data/snapshots/2024-Q3.csv"), func(col map[string]int, r []string) {
		if r[col["unit"]] == "02023" && r[col["indicator"]] == "VB01" {
			if r[col["numerator"]] != "175" || r[col["denominator"]] != "212" {
				t.Fatalf("sample row changed: %v", r)
			}
			r[col["value"]], r[col["numerator"]] = "", "170"
			edited = true
		}
	})
	if !edited {
		t.Fatal("no Xuân Lạc VB01 row in 2024-Q3.csv")
	}
	b.Build()
	for _, lang := range []string{"", "en"} {
		rows := corrections(b, lang)
		// The commune's figure and the district total it is part of.
		if len(rows) != 2 {
			t.Fatalf("%s: %d corrections, want 2 (Xuân Lạc and the district total): %v", lang, len(rows), rows)
		}
		var commune []string
		for _, r := range rows {
			if strings.Contains(r[2], "Xuân Lạc") {
				commune = r
			}
		}
		if commune == nil {
			t.Fatalf("%s: no correction for Xuân Lạc: %v", lang, rows)
		}
		period, before, after, src := commune[0], commune[3], commune[4], commune[5]
		wantPeriod, wantAfter := "quý III/2024", "80,2% (170/212)"
		if lang == "en" {
			wantPeriod, wantAfter = "Q3 2024", "80.2% (170/212)"
		}
		if period != wantPeriod || !strings.Contains(before, "(175/212)") || !strings.HasPrefix(after, wantAfter) {
			t.Errorf("%s: correction %q: want period %s, before with 175/212, after %s", lang, commune, wantPeriod, wantAfter)
		}
		if src != "data/snapshots/2024-Q3.csv:18" {
			t.Errorf("%s: correction source = %q, want the corrected row data/snapshots/2024-Q3.csv:18", lang, src)
		}
	}

	// A third build of the same data corrects nothing.
	b.Build()
	if rows := corrections(b, ""); len(rows) != 0 {
		t.Errorf("rebuild of the same data lists corrections: %v", rows)
	}
	if got := buildtest.Text(b.HTML("thay-doi/index.html")); !strings.Contains(got, "Không có số liệu nào của các kỳ đã công bố bị thay đổi") {
		t.Error("rebuild of the same data: the changes page does not say nothing changed")
	}
	// …but the correction stays public, carried over by corrections.csv.
	steps := func(lang string) [][]string {
		t.Helper()
		var out [][]string
		for _, r := range errata(b, lang) {
			if strings.Contains(r[3], "Xuân Lạc") {
				out = append(out, r)
			}
		}
		return out
	}
	for _, lang := range []string{"", "en"} {
		all := errata(b, lang)
		s := steps(lang)
		if len(all) != 2 || len(s) != 1 {
			t.Fatalf("%s: rebuild of the same data: %d published corrections (%d for Xuân Lạc), want 2 (1): %v", lang, len(all), len(s), all)
		}
		wantDetected := "quý IV/2024"
		if lang == "en" {
			wantDetected = "Q4 2024"
		}
		if r := s[0]; r[0] != wantDetected || !strings.Contains(r[4], "(175/212)") || !strings.Contains(r[5], "(170/212)") || r[6] != "data/snapshots/2024-Q3.csv:18" {
			t.Errorf("%s: carried-over correction %q", lang, r)
		}
	}
	if data, err := os.ReadFile(filepath.Join(b.Dest, "du-lieu/corrections.csv")); err != nil || !strings.HasPrefix(string(data), "\uFEFF\"detected_with\",") {
		t.Errorf("du-lieu/corrections.csv not published with a BOM and header (%v)", err)
	}

	// The same figure corrected again, to 160 of 212: both steps are
	// listed, newest first, each with both values.
	rewriteCSV(t, filepath.Join(b.Source, "data/snapshots/2024-Q3.csv"), func(col map[string]int, r []string) {
		if r[col["unit"]] == "02023" && r[col["indicator"]] == "VB01" {
			r[col["numerator"]] = "160"
		}
	})
	b.Build()
	for _, lang := range []string{"", "en"} {
		if rows := corrections(b, lang); len(rows) != 2 {
			t.Errorf("%s: second correction: %d current corrections, want 2: %v", lang, len(rows), rows)
		}
		if all := errata(b, lang); len(all) != 4 {
			t.Errorf("%s: second correction: %d published corrections, want 4 (two steps, each with the district total): %v", lang, len(all), all)
		}
		s := steps(lang)
		if len(s) != 2 {
			t.Fatalf("%s: %d steps for Xuân Lạc, want 2: %v", lang, len(s), s)
		}
		if !strings.Contains(s[0][4], "(170/212)") || !strings.Contains(s[0][5], "(160/212)") ||
			!strings.Contains(s[1][4], "(175/212)") || !strings.Contains(s[1][5], "(170/212)") {
			t.Errorf("%s: steps %q, want 170→160 then 175→170", lang, s)
		}
	}
}

// TestFiguresFilePublished checks the figures file: listed on the data page
// with its checksum, every figure once, and its columns documented.
func TestFiguresFilePublished(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	b := s.ReadFile("du-lieu/figures.csv")
	sum := sha256.Sum256(b)
	doc := s.HTML("du-lieu/index.html")
	var listed bool
	for _, tr := range buildtest.Select(doc, "tr") {
		links := buildtest.Select(tr, "a")
		hashes := buildtest.Select(tr, "code.hash")
		if len(links) == 1 && buildtest.Attr(links[0], "href") == "/du-lieu/figures.csv" && len(hashes) == 1 {
			listed = buildtest.Text(hashes[0]) == hex.EncodeToString(sum[:])
		}
	}
	if !listed {
		t.Error("du-lieu/figures.csv is not listed with its SHA-256 on the data page")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range recs[1:] {
		k := r[0] + " " + r[1] + " " + r[4]
		if seen[k] {
			t.Errorf("figure %s listed twice", k)
		}
		seen[k] = true
	}
	// 8 quarters: HT01 is reported by 28 units (27 in Q1 2023) and
	// rolled up for the district in each.
	n := 0
	for _, r := range recs[1:] {
		if r[4] == "HT01" {
			n++
		}
	}
	if n != 27+7*28+8 {
		t.Errorf("%d HT01 figures, want %d", n, 27+7*28+8)
	}
	// Every column is explained on the data page.
	var documented []string
	for _, table := range buildtest.Select(doc, "table") {
		if buildtest.Attr(table, "class") == "corrcols" {
			continue // the corrections file's columns
		}
		for _, th := range buildtest.Select(table, "th") {
			if c := buildtest.Select(th, "code"); len(c) == 1 && buildtest.Attr(c[0], "class") == "" {
				documented = append(documented, buildtest.Text(c[0]))
			}
		}
	}
	if !slices.Equal(documented, recs[0]) {
		t.Errorf("documented columns %v, file columns %v", documented, recs[0])
	}
}

// TestChangesShowPartialCoverage: when a unit sent nothing in the latest
// quarter, the district totals come from fewer units, and the period table
// says so next to the figure, so a change caused by the missing unit is not
// read as real progress.
func TestChangesShowPartialCoverage(t *testing.T) {
	t.Parallel()
	b := buildtest.New(t, "", buildtest.Options{Sample: true})
	f := filepath.Join(b.Source, "data/snapshots/2024-Q4.csv")
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "02023,") { // Xuân Lạc sends nothing
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(f, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := b.Build().HTML("thay-doi/index.html")
	var row *html.Node
	for _, tr := range buildtest.Select(doc, "tr") {
		if a := buildtest.Select(tr, "a"); len(a) > 0 && buildtest.Attr(a[0], "href") == "/chi-so/vb01/" {
			row = tr
			break
		}
	}
	if row == nil {
		t.Fatal("no VB01 row on the what-changed page")
	}
	cells := buildtest.Select(row, "td")
	if len(cells) < 2 || !strings.Contains(buildtest.Text(cells[1]), "27/28") || strings.Contains(buildtest.Text(cells[0]), "27/28") {
		t.Errorf("VB01 row should show 27/28 units for the latest figure only: %q", buildtest.Text(row))
	}
}
