package build_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/sitedata"
	"github.com/minhbach/minhbach/internal/validate"
)

// TestChartIslandsShipExactBytes: the JSON island of each chart on an
// indicator page is, byte for byte, the option internal/chart made (what
// its goldens test), not a re-encoding by Hugo or its minifier; and so is
// its SVG drawing, as internal/svgchart made it.
func TestChartIslandsShipExactBytes(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	ds, err := load.Dataset(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	if err := validate.Dataset(ds, validate.Options{}); err != nil {
		t.Fatal(err)
	}
	site := sitedata.New(t.Context(), sitedata.Input{Analysis: analyse.Run(ds)})
	for lang, prefix := range map[string]string{"vi": "", "en": "en/"} {
		v, err := site.View(lang, "chi-so/vb01")
		if err != nil {
			t.Fatal(err)
		}
		ip := v.(*sitedata.IndicatorParams)
		page := string(s.ReadFile(prefix + "chi-so/vb01/index.html"))
		for _, c := range []sitedata.ChartRef{ip.Trend, ip.Units} {
			re := regexp.MustCompile(`<script type=application/json id=` + c.ID + `-opt>(.*?)</script>`)
			m := re.FindStringSubmatch(page)
			if m == nil {
				t.Errorf("%s: no island %s", lang, c.ID)
				continue
			}
			if m[1] != string(c.Option) {
				t.Errorf("%s %s: the page ships\n%.200s\nnot the option\n%.200s", lang, c.ID, m[1], c.Option)
			}
			// The drawing too ships as svgchart made it (and its goldens test).
			if !strings.Contains(page, string(c.SVG)) {
				t.Errorf("%s %s: the page does not ship the drawing svgchart made:\n%.300s", lang, c.ID, c.SVG)
			}
		}
	}
}
