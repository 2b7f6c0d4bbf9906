package route_test

import (
	"testing"

	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

func TestPaths(t *testing.T) {
	t.Parallel()
	q4 := period.MustParse("2024-Q4")
	for _, tc := range []struct{ got, want string }{
		{route.Indicator("VB01"), "chi-so/vb01"},
		{route.Link(route.Indicator("VB01")), "chi-so/vb01/"},
		{route.Unit("02020"), "don-vi/02020"},
		{route.Scorecard("CQ-VP"), "the-diem/cq-vp"},
		{route.Report(q4), "bao-cao/2024-q4"},
		{route.At(route.Indicator("VB01"), route.PeriodAnchor(q4)), "chi-so/vb01/#p-2024-q4"},
		{route.UnitAnchor("CQ-VP"), "u-cq-vp"},
		{route.At(route.Indicator("VB01"), route.FigureAnchor("02065", q4)), "chi-so/vb01/#u-02065-2024-q4"},
		{route.IndicatorJSON("VB01"), "du-lieu/chi-so/vb01.json"},
		{route.DataPackage, "du-lieu/datapackage.json"},
		{route.Bundle, "du-lieu/du-lieu.zip"},
		{route.Checksums, "du-lieu/SHA256SUMS"},
		{route.Original("data/units.csv"), "ban-goc/data/units.csv"},
		{route.InputCopy("data/snapshots/2024-Q4.csv"), "du-lieu/snapshots/2024-Q4.csv"},
		{route.IndicatorCSV("VB01"), "du-lieu/chi-so/vb01.csv"},
		{route.InputOf(route.InputCopy("data/snapshots/2024-Q4.csv")), "data/snapshots/2024-Q4.csv"},
		{route.Download("figures.csv"), "du-lieu/figures.csv"},
		{route.IndicatorXLSX("VB01"), "du-lieu/chi-so/vb01.xlsx"},
		{route.InLang("vi", route.IndicatorXLSX("VB01")), "du-lieu/chi-so/vb01.xlsx"},
		{route.InLang("en", route.Download("figures.csv")), "en/du-lieu/figures.csv"},
		{route.ReportingOf("01"), "tinh-trang/01"},
		{route.ChangesOf("01"), "thay-doi/01"},
		{route.Part(route.Unit("02020"), 2), "don-vi/02020/phan-2"},
		{route.Part(route.Indicators.Path(), 1), "chi-so/phan-1"},
		{route.Link(""), ""},
		{route.Release("20250301-000000-3fa2b1c4d5e6"), "du-lieu/phat-hanh/20250301-000000-3fa2b1c4d5e6"},
		{route.ReleaseFile("20250301-000000-3fa2b1c4d5e6", "SHA256SUMS"), "du-lieu/phat-hanh/20250301-000000-3fa2b1c4d5e6/SHA256SUMS"},
		{route.DataFolder("en"), "en/du-lieu"},
		{route.InLang("en", route.Checksums), "en/du-lieu/SHA256SUMS"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestSectionsAreNamedAndOrdered: every section has a name layouts can
// ask for, and a weight that follows the menu order.
func TestSectionsAreNamedAndOrdered(t *testing.T) {
	t.Parallel()
	named := map[route.Section]bool{}
	for _, s := range route.Named {
		named[s] = true
	}
	for i, s := range route.Sections {
		if !named[s] {
			t.Errorf("section %s has no name in route.Named", s)
		}
		if s.Weight() != i+1 {
			t.Errorf("%s weight %d, want %d", s, s.Weight(), i+1)
		}
	}
	if len(named) != len(route.Sections) {
		t.Errorf("route.Named has %d sections, route.Sections %d", len(named), len(route.Sections))
	}
}

func TestInData(t *testing.T) {
	t.Parallel()
	if rel, ok := route.InData(route.IndicatorCSV("VB01")); !ok || rel != "chi-so/vb01.csv" {
		t.Errorf("InData(IndicatorCSV) = %q, %v", rel, ok)
	}
	if rel, ok := route.InData(route.Indicator("VB01")); ok {
		t.Errorf("InData(a page) = %q, true; want false", rel)
	}
}
