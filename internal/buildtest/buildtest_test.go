package buildtest_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/diag"
)

// site is the smallest site worth building: two units under a district,
// one indicator with a target, one quarter.
const site = `
-- data/indicators.csv --
code,group,name_vi,name_en,unit,direction,definition_vi,definition_en,source_vi,source_en
VB01,van-ban,Tỷ lệ văn bản được ký số,Documents signed digitally,percent,up,,,,
-- data/targets.csv --
indicator,unit,year,value,basis_vi,basis_en
VB01,*,2025,100,Quyết định 942/QĐ-TTg,Decision 942/QĐ-TTg
-- data/units.csv --
code,name_vi,name_en,kind,parent
064,Huyện Chợ Đồn,Chợ Đồn district,district,
02020,Thị trấn Bằng Lũng,Bằng Lũng township,township,064
02023,Xã Xuân Lạc,Xuân Lạc commune,commune,064
-- data/snapshots/2024-Q4.csv --
unit,indicator,value,numerator,denominator,note,source
02020,VB01,90,9,10,,
02023,VB01,,45,50,,
`

func TestBuild(t *testing.T) {
	t.Parallel()
	b := buildtest.Build(t, site+`
-- content/bao-cao/2024-Q4.md --
---
title: Báo cáo quý IV
---
Lời bình của văn phòng.
`)
	b.AssertFile("chi-so/vb01/index.html", "Tỷ lệ văn bản được ký số", "Xã Xuân Lạc", "! Xã Nam Cường")
	b.AssertFile("bao-cao/2024-q4/index.html", "Lời bình của văn phòng.")
	b.AssertHTML("index.html", "li.tile", 1)
	// One quarter in the trend table, two units in the other.
	b.AssertHTML("chi-so/vb01/index.html", "div.tbl tbody tr", 1+2)
	if b.Result.Pages == 0 {
		t.Errorf("Result not kept: %+v", b.Result)
	}

	// The same assertions, failing, say what is wrong.
	rec := &recorder{TB: t}
	b2 := buildtest.New(rec, "")
	b2.Dest = b.Dest
	b2.AssertFile("chi-so/vb01/index.html", "Xã Nam Cường", "! Xã Xuân Lạc")
	b2.AssertHTML("chi-so/vb01/index.html", "div.tbl tbody tr", 4)
	want := []string{
		`chi-so/vb01/index.html lacks "Xã Nam Cường"`,
		`chi-so/vb01/index.html contains "Xã Xuân Lạc"`,
		`chi-so/vb01/index.html: "div.tbl tbody tr" matches 3 elements, want 4`,
	}
	if len(rec.errs) != len(want) {
		t.Fatalf("failures %q, want %d", rec.errs, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(rec.errs[i], w) {
			t.Errorf("failure %q, want it to start with %q", rec.errs[i], w)
		}
	}
}

func TestBuildErr(t *testing.T) {
	t.Parallel()
	err := buildtest.BuildErr(t, site+`
-- data/snapshots/2024-Q3.csv --
unit,indicator,value,numerator,denominator,note,source
02020,VB01,"12,5",,,,
`)
	problems := diag.All(err)
	if len(problems) != 1 || problems[0].Pos.File != "data/snapshots/2024-Q3.csv" || problems[0].Pos.Line != 2 {
		t.Errorf("want one problem at data/snapshots/2024-Q3.csv:2, got %v", err)
	}
}

func TestRebuildComparesWithThePreviousBuild(t *testing.T) {
	t.Parallel()
	b := buildtest.Build(t, site+`
-- data/snapshots/2024-Q3.csv --
unit,indicator,value,numerator,denominator,note,source
02020,VB01,80,8,10,,
02023,VB01,,40,50,,
`)
	b.AssertHTML("thay-doi/index.html", "tr.corr", 0)
	b.Rebuild(`
-- data/snapshots/2024-Q3.csv --
unit,indicator,value,numerator,denominator,note,source
02020,VB01,70,7,10,,
02023,VB01,,40,50,,
`)
	// Bằng Lũng's figure and the district total.
	b.AssertHTML("thay-doi/index.html", "tr.corr", 2)
	if err := b.RebuildErr("-- data/units.csv --\ncode\n"); err == nil {
		t.Error("no error")
	}
	b.AssertHTML("thay-doi/index.html", "tr.corr", 2)
}

func TestSelect(t *testing.T) {
	t.Parallel()
	doc, err := html.Parse(strings.NewReader(`<main id="m"><table id="trend" class="t wide"><tbody>
<tr class="p"><th>Q1</th><td><a href="/chi-so/vb01/#p-2024-q1" data-x>90 %</a></td></tr>
<tr><th>Q2</th><td><span class="st st--ok">Đạt</span></td></tr>
</tbody></table><p class="lead">Tóm tắt</p></main>`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		sel  string
		want int
	}{
		{"tr", 2},
		{"table#trend tbody tr", 2},
		{"#trend tr.p", 1},
		{"table.t.wide td", 2},
		{"table.t.narrow td", 0},
		{"main p.lead", 1},
		{"tbody p", 0},
		{`a[href="/chi-so/vb01/#p-2024-q1"]`, 1},
		{"a[href=/chi-so/vb01/]", 0},
		{"a[data-x]", 1},
		{"[data-y]", 0},
		{"span.st--ok", 1},
		{"#m #trend th", 2},
	} {
		if got := len(buildtest.Select(doc, tc.sel)); got != tc.want {
			t.Errorf("Select(%q): %d elements, want %d", tc.sel, got, tc.want)
		}
	}
	a := buildtest.Select(doc, "a")[0]
	if buildtest.Attr(a, "href") != "/chi-so/vb01/#p-2024-q1" || buildtest.Text(a) != "90 %" {
		t.Errorf("Attr, Text: %q %q", buildtest.Attr(a, "href"), buildtest.Text(a))
	}
	if got := buildtest.Text(buildtest.Select(doc, "tbody")[0]); got != "Q190 % Q2Đạt" {
		t.Errorf("Text = %q", got)
	}
	for _, bad := range []string{"", "a > b", "a:first-child", "a[href"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Select(%q) did not panic", bad)
				}
			}()
			buildtest.Select(doc, bad)
		}()
	}
}

// recorder keeps the failures reported to it instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
