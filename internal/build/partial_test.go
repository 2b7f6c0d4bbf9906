package build_test

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/buildtest"
)

// A quarter being assembled from the communes' files: two of the units
// have reported 2025-Q1. Below the site's threshold (by default every
// unit) the home page leads with 2024-Q4, the last complete quarter, and
// says that 2025-Q1 is being updated; every 2025-Q1 total says from how
// many units it comes; and once the threshold is lowered the home page
// leads with 2025-Q1, its totals still saying so.
const partialQuarter = `
-- data/snapshots/2025-Q1.csv --
unit,indicator,value,numerator,denominator,note,source
02035,HT01,100,12,12,,UBND xã Bản Thi
02035,VB01,95,95,100,,UBND xã Bản Thi
02044,HT01,90,9,10,,UBND xã Yên Thịnh
02044,VB01,80,80,100,,UBND xã Yên Thịnh
`

func TestPartialQuarter(t *testing.T) {
	t.Parallel()
	b := buildtest.New(t, partialQuarter, buildtest.Options{Sample: true, Today: time.Date(2025, 4, 15, 0, 0, 0, 0, time.UTC)}).Build()
	cov := regexp.MustCompile(`^2/(\d+) đơn vị đã báo cáo$`)

	home := b.HTML("index.html")
	up := buildtest.Select(home, "p.updating")
	if len(up) != 1 {
		t.Fatalf("home: %d p.updating, want 1", len(up))
	}
	text := buildtest.Text(up[0])
	if !strings.HasPrefix(text, "Quý I/2025 đang cập nhật: 2/") || !strings.Contains(text, " đơn vị đã báo cáo.") {
		t.Errorf("home updating note = %q", text)
	}
	if lead := buildtest.Text(buildtest.Select(home, "p.lead")[0]); !strings.Contains(lead, "quý IV/2024") || !strings.Contains(lead, "đầy đủ") {
		t.Errorf("home lead = %q, want the latest complete quarter", lead)
	}
	// The tiles and the summary are 2024-Q4's, complete: no partial total.
	if n := len(buildtest.Select(home, ".tile .cov")); n != 0 {
		t.Errorf("home: %d tiles with a coverage note, want none (2024-Q4 is complete)", n)
	}
	if sum := buildtest.Text(buildtest.Select(home, "#h-summary")[0].Parent); strings.Contains(sum, "quý I/2025") || !strings.Contains(sum, "quý IV/2024") {
		t.Errorf("home summary is not 2024-Q4's: %q", sum)
	}
	en := buildtest.Text(buildtest.Select(b.HTML("en/index.html"), "p.updating")[0])
	if !regexp.MustCompile(`^Q1 2025: being updated: 2 of \d+ units reported\.`).MatchString(en) {
		t.Errorf("English updating note = %q", en)
	}

	// The quarter's report opens with the note, links the complete one,
	// and its summary never gives a partial total bare.
	rep := b.HTML("bao-cao/2025-q1/index.html")
	up = buildtest.Select(rep, "p.updating")
	if len(up) != 1 || len(buildtest.Select(up[0], `a[href="/bao-cao/2024-q4/"]`)) != 1 {
		t.Fatalf("report: updating note %d, or no link to 2024-Q4's report", len(up))
	}
	sum := buildtest.Text(buildtest.Select(rep, "#h-sum")[0].Parent)
	if n := len(regexp.MustCompile(`\(2/\d+ đơn vị đã báo cáo\)`).FindAllString(sum, -1)); n != 2 {
		t.Errorf("report summary: %d totals said to be partial, want 2 (HT01, VB01): %q", n, sum)
	}
	// The indicator page: the trend table's 2025-Q1 row and the chart's
	// description say it.
	ind := b.HTML("chi-so/ht01/index.html")
	row := buildtest.Select(ind, "#p-2025-q1")
	if len(row) != 1 || !strings.Contains(buildtest.Text(row[0]), "2/") || !strings.Contains(buildtest.Text(row[0]), "đơn vị đã báo cáo") {
		t.Errorf("HT01 trend row 2025-Q1 lacks its coverage")
	}
	if d := buildtest.Select(ind, "#trend-ht01-desc"); len(d) != 1 || !strings.Contains(buildtest.Text(d[0]), "quý I/2025: 2/") {
		t.Errorf("HT01 trend chart description lacks the partial quarter's coverage")
	}

	assertReportStates(t, b, map[string]string{
		"2025-q1": "Báo cáo quý I/2025 (đang cập nhật: 2/",
		"2024-q4": "Báo cáo ứng dụng CNTT quý IV/2024",
		"2023-q1": "Báo cáo quý I/2023 (chưa đủ số liệu: 28/29 đơn vị đã báo cáo)",
	}, map[string]string{
		"2025-q1": "Report, Q1 2025 (being updated: 2 of ",
		"2023-q1": "Report, Q1 2023 (incomplete: 28 of 29 units reported)",
	})
	// 2023-Q1, with complete quarters after it, will not be completed: its
	// report says so plainly and points to no later period.
	old := b.HTML("bao-cao/2023-q1/index.html")
	up = buildtest.Select(old, "p.updating")
	if len(up) != 1 || !strings.HasPrefix(buildtest.Text(up[0]), "Quý I/2023 chưa đủ số liệu: 28/29 đơn vị đã báo cáo.") || len(buildtest.Select(up[0], "a")) != 0 {
		t.Errorf("2023-Q1 report: incomplete note %d, %q", len(up), buildtest.Text(up[0]))
	}
	if en := buildtest.Select(b.HTML("en/bao-cao/2023-q1/index.html"), "p.updating"); len(en) != 1 || !strings.HasPrefix(buildtest.Text(en[0]), "Q1 2023 is incomplete: 28 of 29 units reported.") {
		t.Errorf("2023-Q1 English report: incomplete note missing or wrong")
	}

	// A threshold the quarter reaches: the home page leads with it, and
	// its tiles say how many units each total comes from.
	cfg, err := os.ReadFile(filepath.Join(b.Source, "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	home = b.Rebuild("-- hugo.toml --\n" + string(cfg) + "\n[params]\nreportingThreshold = 5\n").HTML("index.html")
	if n := len(buildtest.Select(home, "p.updating")); n != 0 {
		t.Errorf("threshold 5%%: home still shows %d updating notes", n)
	}
	if lead := buildtest.Text(buildtest.Select(home, "p.lead")[0]); !strings.Contains(lead, "quý I/2025") {
		t.Errorf("threshold 5%%: home lead = %q", lead)
	}
	assertReportStates(t, b, map[string]string{"2025-q1": "Báo cáo quý I/2025", "2023-q1": "Báo cáo quý I/2023"}, map[string]string{"2025-q1": "Report, Q1 2025"})
	tiles := buildtest.Select(home, ".tile .cov")
	if len(tiles) < 2 {
		t.Fatalf("threshold 5%%: %d tiles say their coverage, want HT01's and VB01's", len(tiles))
	}
	for _, c := range tiles {
		if !cov.MatchString(buildtest.Text(c)) {
			t.Errorf("tile coverage %q", buildtest.Text(c))
		}
	}
}

// assertReportStates checks the title of the reports of some periods
// (by their path: "2025-q1") where a reader meets them away from the
// report itself: the reports' list, the home page's links and the RSS
// feed, in Vietnamese (vi) and English (en). A title ending in "(" or
// " of " is a prefix; any other is the whole title.
func assertReportStates(t *testing.T, b *buildtest.Builder, vi, en map[string]string) {
	t.Helper()
	for lang, want := range map[string]map[string]string{"": vi, "en/": en} {
		check := func(where, id, got string) {
			t.Helper()
			w := want[id]
			if w == "" {
				return
			}
			if strings.HasSuffix(w, "(") || strings.HasSuffix(w, "/") || strings.HasSuffix(w, " of ") {
				if !strings.HasPrefix(got, w) || !strings.HasSuffix(got, ")") {
					t.Errorf("%s%s: %s title %q, want %q…)", lang, where, id, got, w)
				}
			} else if got != w {
				t.Errorf("%s%s: %s title %q, want %q", lang, where, id, got, w)
			}
		}
		seen := map[string]int{}
		for _, page := range []string{"bao-cao/index.html", "index.html"} {
			for _, a := range buildtest.Select(b.HTML(lang+page), "main li a") {
				href := buildtest.Attr(a, "href")
				id, ok := strings.CutPrefix(strings.TrimPrefix(href, "/en"), "/bao-cao/")
				if !ok || strings.Count(id, "/") != 1 {
					continue
				}
				id = strings.TrimSuffix(id, "/")
				seen[page+" "+id]++
				check(page, id, buildtest.Text(a))
			}
		}
		var rss struct {
			Items []struct {
				Title string `xml:"title"`
				Link  string `xml:"link"`
			} `xml:"channel>item"`
		}
		if err := xml.Unmarshal(b.ReadFile(lang+"index.xml"), &rss); err != nil {
			t.Fatalf("%sindex.xml: %v", lang, err)
		}
		for _, it := range rss.Items {
			_, id, _ := strings.Cut(strings.TrimSuffix(it.Link, "/"), "/bao-cao/")
			seen["index.xml "+id]++
			check("index.xml", id, it.Title)
		}
		for id := range want {
			for _, where := range []string{"bao-cao/index.html", "index.html", "index.xml"} {
				if seen[where+" "+id] != 1 {
					t.Errorf("%s%s: %d links to the report %s, want 1", lang, where, seen[where+" "+id], id)
				}
			}
		}
	}
}
