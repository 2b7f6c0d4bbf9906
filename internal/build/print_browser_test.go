//go:build browser

package build_test

import (
	"bytes"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/minhbach/minhbach/internal/buildtest"
)

// pdfPage matches a page object of a PDF; "/Type /Pages" is the page
// tree, not a page.
var (
	pdfPage  = regexp.MustCompile(`/Type\s*/Page[^s]`)
	pdfCount = regexp.MustCompile(`/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b`)
)

// pdfPages counts the pages of a PDF twice, by its page objects and by the
// page tree's /Count, and fails when the two disagree.
func pdfPages(t *testing.T, name string, pdf []byte) int {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("%s: not a PDF", name)
	}
	objects := len(pdfPage.FindAll(pdf, -1))
	m := pdfCount.FindSubmatch(pdf)
	if m == nil {
		t.Fatalf("%s: no /Pages object with a /Count", name)
	}
	count, _ := strconv.Atoi(string(m[1]) + string(m[2]))
	if count != objects {
		t.Fatalf("%s: /Count %d but %d page objects", name, count, objects)
	}
	return count
}

// hardestScorecards picks, among the built scorecards of one language, the
// ones most likely to overflow a page: the most rows, and the most text
// (long Vietnamese names wrap onto more lines); and the fewest rows, as a
// plain case. It reads the built pages, so it follows the data.
func hardestScorecards(t *testing.T, s *buildtest.Builder, lang string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(s.Dest, lang, "the-diem", "*", "index.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scorecards built under %s: %v", path.Join(lang, "the-diem"), err)
	}
	var most, longest, fewest string
	maxRows, maxText, minRows := -1, -1, 1<<30
	for _, f := range files {
		rel, _ := filepath.Rel(s.Dest, f)
		rel = filepath.ToSlash(rel)
		card := buildtest.Select(s.HTML(rel), "article.card")
		if len(card) != 1 {
			t.Fatalf("%s: no scorecard article", rel)
		}
		rows, n := len(buildtest.Select(card[0], "tr"))-1, len(buildtest.Text(card[0]))
		url := "/" + path.Dir(rel) + "/"
		if rows > maxRows {
			most, maxRows = url, rows
		}
		if n > maxText {
			longest, maxText = url, n
		}
		if rows < minRows {
			fewest, minRows = url, rows
		}
	}
	return slices.Compact([]string{most, longest, fewest})
}

// TestBrowserScorecardPrintsOnOnePage prints scorecards, in both
// languages, to an A4 PDF as a browser's Print command would, and checks
// each is exactly one page: in the sample, the district's (the most rows)
// and an agency's (the longest name).
func TestBrowserScorecardPrintsOnOnePage(t *testing.T) {
	s := buildtest.Sample(t)
	browser := startBrowser(t)
	base := serve(t, s.Dest)
	var tallest float64
	var tallestPath string
	for _, lang := range []string{"", "en"} {
		paths := hardestScorecards(t, s, lang)
		if !slices.Contains(paths, "/"+path.Join(lang, "the-diem/064")+"/") {
			t.Errorf("%s: the district's scorecard, with the most rows, is not among %v", lang, paths)
		}
		for _, card := range paths {
			visit(t, browser, base+card, view{}, func(p *tab) {
				if rows := eval[int](t, p, `document.querySelectorAll('.card tbody tr').length`); rows == 0 {
					t.Fatalf("%s: the scorecard has no rows", card)
				}
				prefer := true
				res, err := chromedp.Call(p.ctx, page.PrintToPDF, page.PrintToPDFParams{
					PaperWidth: 8.27, PaperHeight: 11.69, // A4, in inches
					PreferCSSPageSize: &prefer,
				})
				if err != nil {
					t.Fatalf("%s: print: %v", card, err)
				}
				if n := pdfPages(t, card, res.Data); n != 1 {
					t.Errorf("%s: printed on %d A4 pages, want 1", card, n)
				}
				// How full the page is, for the log: the print layout in
				// the printable area of A4 with 12 mm margins, 186 × 273 mm
				// (703 × 1032 CSS pixels).
				if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
					t.Fatal(err)
				}
				if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(703, 1032)); err != nil {
					t.Fatal(err)
				}
				h := eval[float64](t, p, `document.body.getBoundingClientRect().height / (273 / 25.4 * 96)`)
				if h > tallest {
					tallest, tallestPath = h, card
				}
			})
		}
	}
	t.Logf("fullest scorecard: %s, %.0f%% of the printable A4 height", tallestPath, tallest*100)
}

// TestBrowserPrintIsDarkOnLight: a reader whose phone is in dark mode
// still prints dark text on white paper (browsers leave backgrounds out of
// print, so light text would print nearly invisible). The same page on
// screen in dark mode has light text, so the emulation is in force.
func TestBrowserPrintIsDarkOnLight(t *testing.T) {
	s := buildtest.Sample(t)
	browser := startBrowser(t)
	base := serve(t, s.Dest)
	// The relative luminance (WCAG) of the text and link colours.
	const lumJS = `(function () {
		function lum(c) {
			var m = c.match(/[\d.]+/g).slice(0, 3).map(function (v) {
				v = v / 255;
				return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
			});
			return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2];
		}
		var a = document.querySelector('main a');
		return [lum(getComputedStyle(document.body).color), lum(getComputedStyle(a).color)];
	})()`
	dark := []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}
	for _, p := range []string{"/chi-so/vb01/", "/en/the-diem/064/", "/bao-cao/2024-q4/"} {
		visit(t, browser, base+p, view{}, func(tb *tab) {
			if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen", Features: dark}); err != nil {
				t.Fatal(err)
			}
			if got := eval[[]float64](t, tb, lumJS); got[0] < 0.5 {
				t.Fatalf("%s: on screen in dark mode the text's luminance is %.2f: the dark scheme is not in force, the test is not testing", p, got[0])
			}
			if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print", Features: dark}); err != nil {
				t.Fatal(err)
			}
			// Dark text: at least 4.5:1 against white paper.
			for i, what := range []string{"the text", "a link"} {
				if l := eval[[]float64](t, tb, lumJS)[i]; 1.05/(l+0.05) < 4.5 {
					t.Errorf("%s: printed in dark mode, %s has luminance %.2f (contrast %.1f:1 on white), want 4.5:1 or more", p, what, l, 1.05/(l+0.05))
				}
			}
		})
	}
}
