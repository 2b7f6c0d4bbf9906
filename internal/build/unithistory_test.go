package build_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/route"
)

// snapshotValues reads the sample's snapshots for one unit and indicator:
// each period's value as written, keyed by the period.
func snapshotValues(t *testing.T, unit, indicator string) (map[period.Period]float64, []period.Period) {
	t.Helper()
	files, err := filepath.Glob("../../data/snapshots/*.csv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no snapshots: %v", err)
	}
	out := map[period.Period]float64{}
	var all []period.Period
	for _, f := range files {
		p, err := period.Parse(strings.TrimSuffix(filepath.Base(f), ".csv"))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, p)
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(fh).ReadAll()
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs[1:] {
			if r[0] == unit && r[1] == indicator && r[2] != "" {
				v, err := strconv.ParseFloat(r[2], 64)
				if err != nil {
					t.Fatal(err)
				}
				out[p] = v
			}
		}
	}
	slices.SortFunc(all, period.Period.Compare)
	return out, all
}

// cellsOf returns a table row's cells, th and td, in order.
func cellsOf(row *html.Node) []*html.Node {
	var out []*html.Node
	for c := row.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "th" || c.Data == "td") {
			out = append(out, c)
		}
	}
	return out
}

// TestUnitHistoryAsNumbers: a unit page lists each indicator's figures
// period by period, each row at its anchor, with the values of the
// snapshots as the page prints them; the scorecard has them too, a row
// per period.
func TestUnitHistoryAsNumbers(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	const unit, ind = "02023", "VB01" // Xã Xuân Lạc
	values, periods := snapshotValues(t, unit, ind)
	if len(values) != len(periods) {
		t.Fatalf("sample: %s has %d of %d periods of %s; the test wants all", unit, len(values), len(periods), ind)
	}
	for lang, prefix := range map[model.Lang]string{model.VI: "", model.EN: "en/"} {
		doc := s.HTML(prefix + route.Unit(unit) + "/index.html")
		for _, p := range periods {
			id := route.HistoryAnchor(ind, p)
			row := byID(doc, id)
			if row == nil || row.Data != "tr" {
				t.Errorf("%s unit page: no row #%s", lang, id)
				continue
			}
			cells := cellsOf(row)
			if len(cells) < 2 || buildtest.Text(cells[0]) != locale.Period(lang, p) {
				t.Errorf("%s #%s: row %q, want the period %q first", lang, id, buildtest.Text(row), locale.Period(lang, p))
				continue
			}
			if want := locale.Value(lang, model.Percent, values[p]); !strings.HasPrefix(buildtest.Text(cells[1]), want) {
				t.Errorf("%s #%s: value %q, want %q", lang, id, buildtest.Text(cells[1]), want)
			}
		}
		// The scorecard: a row per period, a column per indicator of its
		// main table, in the same order.
		card := s.HTML(prefix + route.Scorecard(unit) + "/index.html")
		grid := buildtest.Select(card, "table.hist-grid")
		if len(grid) != 1 {
			t.Fatalf("%s scorecard: %d history tables, want 1", lang, len(grid))
		}
		col := -1
		for i, th := range buildtest.Select(grid[0], "thead th") {
			if buildtest.Text(th) == ind {
				col = i
			}
		}
		if col < 0 {
			t.Fatalf("%s scorecard: no column %s", lang, ind)
		}
		for _, p := range periods {
			row := byID(card, route.PeriodAnchor(p))
			if row == nil {
				t.Errorf("%s scorecard: no row #%s", lang, route.PeriodAnchor(p))
				continue
			}
			cells := cellsOf(row)
			if want := locale.Value(lang, model.Percent, values[p]); col >= len(cells) || buildtest.Text(cells[col]) != want {
				t.Errorf("%s scorecard #%s: %s reads %q, want %q", lang, route.PeriodAnchor(p), ind, buildtest.Text(row), want)
			}
		}
	}
}
