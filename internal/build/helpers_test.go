package build_test

// Helpers of the tests that build hostile or edited copies of the sample,
// shared by the plain tests and the browser tests (browser_test.go, built
// with -tags browser).

import (
	"bufio"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/buildtest"
)

// contains reports whether list holds s, spaces trimmed.
func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.TrimSpace(x) == s {
			return true
		}
	}
	return false
}

// payloads returns the hostile strings of testdata/xss-payloads.txt.
func payloads(t testing.TB) []string {
	t.Helper()
	f, err := os.Open("testdata/xss-payloads.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// rewriteCSV applies edit to every data record of a CSV file, with the
// header's column indexes.
func rewriteCSV(t testing.TB, file string, edit func(col map[string]int, rec []string)) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, r := range recs[1:] {
		edit(col, r)
	}
	var out strings.Builder
	w := csv.NewWriter(&out)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// headline is the first payload of the corpus, the one given to VB01's
// name and to Xã Xuân Lạc.
const headline = `</script><script>alert(1)</script>`

// hostileNames are the names hostileSample gave, filled by its one build.
var hostileNames struct {
	units      map[string]string // unit code → payload
	indicators map[string]string // indicator code → payload
}

// hostileSample is the sample with the XSS corpus as names, built once per
// test binary and shared read-only (buildtest.Shared): Xã Xuân Lạc gets the
// headline payload, the units after it the others, in both languages; the
// district gets the headline; the indicators get the payloads in turn as
// names and Vietnamese definitions, VB01 the headline. It returns the
// build and each renamed unit's payload by code.
func hostileSample(t testing.TB) (*buildtest.Builder, map[string]string) {
	t.Helper()
	b := buildtest.Shared(t, "hostile", func(t testing.TB, b *buildtest.Builder) {
		hostile := payloads(t)
		if len(hostile) == 0 || hostile[0] != headline {
			t.Fatalf("testdata/xss-payloads.txt must start with %s", headline)
		}
		units := map[string]string{}
		next := -1
		rewriteCSV(t, filepath.Join(b.Source, "data/units.csv"), func(col map[string]int, r []string) {
			if r[col["parent"]] == "" {
				r[col["name_vi"]], r[col["name_en"]] = headline, headline
				return
			}
			if r[col["name_vi"]] == "Xã Xuân Lạc" {
				next = 0
			}
			if next < 0 || next >= len(hostile) {
				return
			}
			r[col["name_vi"]], r[col["name_en"]] = hostile[next], hostile[next]
			units[r[col["code"]]] = hostile[next]
			next++
		})
		if len(units) != len(hostile) {
			t.Fatalf("placed %d of %d payloads in data/units.csv", len(units), len(hostile))
		}
		indicators := map[string]string{}
		i := 1
		rewriteCSV(t, filepath.Join(b.Source, "data/indicators.csv"), func(col map[string]int, r []string) {
			p := headline
			if r[col["code"]] != "VB01" {
				p = hostile[i%len(hostile)]
				i++
			}
			r[col["name_vi"]], r[col["name_en"]], r[col["definition_vi"]] = p, p, p
			indicators[r[col["code"]]] = p
		})
		if indicators["VB01"] != headline {
			t.Fatal("the sample has no VB01 to name")
		}
		hostileNames.units, hostileNames.indicators = units, indicators
	})
	return b, hostileNames.units
}
