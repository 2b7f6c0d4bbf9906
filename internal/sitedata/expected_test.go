package sitedata

import (
	"fmt"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/narrative"
	"github.com/minhbach/minhbach/internal/route"
)

// TestOneRuleForWhoReports checks that every place that says how many
// units reported agrees, because they all use analyse's one rule: the
// reporting page's cells; the coverage of the top unit's rolled-up figures
// in figures.csv (the reporting column), on the indicator pages and in the
// report text ("27/28 đơn vị đã báo cáo"); and the units the report text
// and the reporting page say did not report.
func TestOneRuleForWhoReports(t *testing.T) {
	for name, a := range map[string]*analyse.Analysis{
		"sample":  sample(t),
		"by hand": analyse.Run(pagesDataset(false)),
	} {
		t.Run(name, func(t *testing.T) { checkOneRule(t, a, figuresOf(t, a.Dataset())) })
	}
}

func checkOneRule(t *testing.T, a *analyse.Analysis, figuresCSV []byte) {
	t.Helper()
	figures, err := export.ReadFigures(figuresCSV)
	if err != nil {
		t.Fatal(err)
	}
	ds, top := a.Dataset(), a.Index().Top().Code
	vi, _, _ := docs(t, Input{Analysis: a})
	var rp ReportingParams
	page(t, vi, string(route.Reporting), &rp)

	partial := 0
	for i, ind := range ds.Indicators {
		var ip IndicatorParams
		page(t, vi, route.Indicator(ind.Code), &ip)
		for k, p := range a.Periods() {
			n, of := a.Coverage(top, ind.Code, p)
			n0, of0 := n, of
			want := fmt.Sprintf("%d/%d", n, of)
			where := fmt.Sprintf("%s %s", ind.Code, p)

			// The reporting page counts every unit: the top unit's own
			// report, and those below it.
			if a.Reported(top, ind.Code, p) {
				n++
			}
			if a.Expects(top, ind.Code) {
				of++
			}
			if c, want := rp.Rows[i].Cells[k], fmt.Sprintf("%d/%d", n, of); of > 0 && c.Text != want {
				t.Errorf("%s: reporting page %s, analysis %s", where, c.Text, want)
			}

			pt, ok := a.At(top, ind.Code, p)
			if !ok || !pt.RolledUp {
				continue
			}
			if f := figures[export.Key{Unit: top, Indicator: ind.Code, Period: p.String()}]; f.Reporting != want {
				t.Errorf("%s: figures.csv reporting %q, Coverage %q", where, f.Reporting, want)
			}
			if got := ip.TrendRows[k].Figure.Reported; got != locale.Coverage(model.VI, n0, of0) {
				t.Errorf("%s: indicator page coverage %q, Coverage %q", where, got, want)
			}
			var said []string
			for _, para := range narrative.For(a, model.VI, p).Indicators {
				for _, s := range para.Spans {
					if s.Kind == narrative.Coverage && s.Indicator == ind.Code {
						said = append(said, s.Text)
					}
				}
			}
			switch {
			case pt.Partial():
				partial++
				if words := locale.Coverage(model.VI, pt.Reporting, pt.Expected); len(said) != 1 || said[0] != words || !strings.HasPrefix(words, want+" ") {
					t.Errorf("%s: the report says %q, Coverage %q", where, said, want)
				}
			case len(said) > 0:
				t.Errorf("%s: the report says %q of a complete total", where, said)
			}
		}
	}
	if partial == 0 {
		t.Error("no partial total compared")
	}

	// Who did not report in the latest period, in the report's text and
	// on the reporting page.
	latest := a.Latest()
	var limits strings.Builder
	for _, para := range narrative.For(a, model.VI, latest).Limits {
		limits.WriteString(para.String())
	}
	missingUnits := map[string]bool{}
	for _, m := range rp.MissingUnits {
		missingUnits[m.Name] = true
	}
	stale := map[[2]string]bool{}
	for _, s := range rp.Stale {
		stale[[2]string{s.Unit, s.Indicator}] = true
	}
	missingIndicators := map[string]bool{}
	for _, m := range rp.MissingIndicators {
		missingIndicators[m.Name] = true
	}
	for _, u := range ds.Units {
		name := u.Name.In(model.VI)
		var expected, gaps []model.Indicator
		for _, ind := range ds.Indicators {
			if a.Expects(u.Code, ind.Code) {
				expected = append(expected, ind)
				if !a.Reported(u.Code, ind.Code, latest) {
					gaps = append(gaps, ind)
				}
			}
		}
		sentNothing := len(expected) > 0 && len(gaps) == len(expected)
		// The text names a unit mid-sentence ("xã A").
		if said := strings.Contains(limits.String(), locale.MidSentence(model.VI, name)+" ("); said != (len(gaps) > 0) {
			t.Errorf("%s: %d of %d expected indicators missing in %s; the report names it: %v", name, len(gaps), len(expected), latest, said)
		}
		if listed := missingUnits[name]; listed != sentNothing {
			t.Errorf("%s: sent nothing in %s: %v; listed as missing: %v", name, latest, sentNothing, listed)
		}
		// The other gaps are stale rows, but for indicators nobody sent.
		nStale := 0
		for _, ind := range gaps {
			want := !sentNothing && !missingIndicators[ind.Name.In(model.VI)]
			if got := stale[[2]string{name, ind.Name.In(model.VI)}]; got != want {
				t.Errorf("%s %s: stale on the reporting page %v, want %v", name, ind.Code, got, want)
			}
			if want {
				nStale++
			}
		}
		for k := range stale {
			if k[0] == name {
				nStale--
			}
		}
		if nStale != 0 {
			t.Errorf("%s: stale rows for indicators it reported", name)
		}
	}
}
