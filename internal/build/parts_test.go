package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/buildtest"
)

// longCatalogue is a txtar site of n indicators, reported by two communes
// over two quarters.
func longCatalogue(n int) string {
	var b strings.Builder
	b.WriteString("-- data/indicators.csv --\ncode,group,name_vi,name_en,unit,direction,definition_vi,definition_en,source_vi,source_en\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "C%03d,nhom,Chỉ số %03d,Indicator %03d,percent,up,,,,\n", i, i, i)
	}
	b.WriteString("-- data/units.csv --\ncode,name_vi,name_en,kind,parent\n064,Huyện Chợ Đồn,Chợ Đồn district,district,\n02020,Thị trấn Bằng Lũng,Bằng Lũng township,township,064\n02023,Xã Xuân Lạc,Xuân Lạc commune,commune,064\n")
	for q, p := range []string{"2024-Q3", "2024-Q4"} {
		fmt.Fprintf(&b, "-- data/snapshots/%s.csv --\nunit,indicator,value,numerator,denominator,note,source\n", p)
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "02020,C%03d,,%d,20,,\n02023,C%03d,,%d,20,,\n", i, 10+q+i%5, i, 12+q)
		}
	}
	return b.String()
}

// TestLongCatalogueIsSplitIntoParts builds a site of 90 indicators: the
// pages that list every indicator list three parts, each a page that
// renders its own rows and links to the others, and the parts stay out of
// the reports' feed and lists.
func TestLongCatalogueIsSplitIntoParts(t *testing.T) {
	t.Parallel()
	b := buildtest.Build(t, longCatalogue(90))
	for _, page := range []string{"index.html", "chi-so/index.html", "don-vi/02023/index.html", "the-diem/02023/index.html", "bao-cao/2024-q4/index.html", "tinh-trang/index.html"} {
		b.AssertHTML(page, "nav.parts li", 3)
		b.AssertHTML("en/"+page, "nav.parts a", 3)
	}
	b.AssertHTML("index.html", "li.tile", 0)
	b.AssertFile("bao-cao/2024-q4/index.html", "có số liệu của 90/90 chỉ số", "Phần 2: C031–C060 (30 chỉ số)")
	// The rows of the part's table (unit pages and scorecards also have
	// tables of figures by period, whose rows name periods).
	for page, rows := range map[string]string{
		"chi-so/phan-2/index.html":          "tbody tr",
		"don-vi/02023/phan-2/index.html":    "tbody th a",
		"the-diem/02023/phan-3/index.html":  "tbody th span.code",
		"bao-cao/2024-q4/phan-1/index.html": "tbody tr",
		"tinh-trang/phan-2/index.html":      "tbody tr",
	} {
		b.AssertHTML(page, rows, 30)
		b.AssertHTML(page, "nav.parts a", 2)
		b.AssertHTML(page, `nav.parts strong[aria-current="page"]`, 1)
	}
	b.AssertFile("don-vi/02023/phan-2/index.html", "<title>Xã Xuân Lạc — phần 2/3", "Chỉ số 031", "Chỉ số 060", "! Chỉ số 030<", "! Chỉ số 061<")
	b.AssertFile("en/bao-cao/2024-q4/phan-3/index.html", "— part 3/3", "Indicator 090</a>: ")
	b.AssertFile("index.xml", "! phan-")
	b.AssertFile("bao-cao/index.html", "! phan-")
	b.AssertFile("du-lieu/index.html", "Tệp số liệu của từng chỉ số", "! c001.csv")

	// No page of this site is over the page budget (150 kB of HTML).
	err := filepath.WalkDir(b.Dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		if fi, err := d.Info(); err == nil && fi.Size() > 150_000 {
			t.Errorf("%s: %d bytes", p, fi.Size())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
