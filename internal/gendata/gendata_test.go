package gendata_test

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/gendata"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/validate"
)

// today is the injected clock: the generated periods must all have begun.
var today = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)

// write generates a site into a new folder and returns the folder.
func write(t *testing.T, opt gendata.Options) (string, *gendata.Site) {
	t.Helper()
	s, err := gendata.Generate(opt)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
	return dir, s
}

// check loads and validates a site as minhbach check does, and fails on
// any problem.
func check(t *testing.T, dir string) *model.Dataset {
	t.Helper()
	ds, err := load.Dataset(os.DirFS(dir))
	if err == nil {
		err = validate.Dataset(ds, validate.Options{Today: today})
	}
	if err != nil {
		all := diag.All(err)
		for i, e := range all {
			if i == 10 {
				t.Errorf("… and %d more", len(all)-i)
				break
			}
			t.Error(e.Line("en"))
		}
		t.Fatal(err)
	}
	return ds
}

// TestSizes writes every size, loads and validates it with minhbach's own
// loader and validator, and counts what it holds.
func TestSizes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		opt                             gendata.Options
		indicators, units, reporting    int
		periods                         int
		first, last, top                string
		percents, counts, numbers, tops int
	}{
		{gendata.Options{Size: gendata.Size1x, Seed: 1}, 30, 25, 24, 12, "2022-Q1", "2024-Q4", "900", 25, 4, 1, 1},
		{gendata.Options{Size: gendata.Size10xIndicators, Seed: 1}, 300, 25, 24, 12, "2022-Q1", "2024-Q4", "900", 250, 42, 8, 1},
		{gendata.Options{Size: gendata.Size10xUnits, Seed: 1}, 30, 241, 240, 12, "2022-Q1", "2024-Q4", "900", 25, 4, 1, 1},
		{gendata.Options{Size: gendata.SizeNational, Seed: 1, Quarters: 2}, 20, 1 + 34 + 3321, 3321, 2, "2026-Q2", "2026-Q3", "VN", 17, 2, 1, 1},
		{gendata.Options{Size: gendata.Size1x, Seed: 1, Quarters: 3}, 30, 25, 24, 3, "2024-Q2", "2024-Q4", "900", 25, 4, 1, 1},
	}
	for _, tt := range tests {
		t.Run(string(tt.opt.Size)+"/"+strconv.Itoa(tt.opt.Quarters), func(t *testing.T) {
			t.Parallel()
			dir, s := write(t, tt.opt)
			ds := check(t, dir)
			if len(ds.Indicators) != tt.indicators || len(ds.Units) != tt.units || len(ds.Snapshots) != tt.periods {
				t.Fatalf("%d indicators, %d units, %d periods; want %d, %d, %d",
					len(ds.Indicators), len(ds.Units), len(ds.Snapshots), tt.indicators, tt.units, tt.periods)
			}
			if s.Reporters() != tt.reporting {
				t.Errorf("%d reporting units, want %d", s.Reporters(), tt.reporting)
			}
			if got := ds.Snapshots[0].Period.String(); got != tt.first {
				t.Errorf("first period %s, want %s", got, tt.first)
			}
			if got := ds.Snapshots[len(ds.Snapshots)-1].Period.String(); got != tt.last {
				t.Errorf("last period %s, want %s", got, tt.last)
			}
			measures := map[model.Measure]int{}
			for _, ind := range ds.Indicators {
				measures[ind.Measure]++
			}
			if measures[model.Percent] != tt.percents || measures[model.Count] != tt.counts || measures[model.Number] != tt.numbers {
				t.Errorf("measures %v, want %d percents, %d counts, %d numbers", measures, tt.percents, tt.counts, tt.numbers)
			}
			tops := 0
			for _, u := range ds.Units {
				if u.Parent == "" {
					tops++
					if u.Code != tt.top {
						t.Errorf("top unit %s, want %s", u.Code, tt.top)
					}
				}
			}
			if tops != tt.tops {
				t.Errorf("%d top units, want %d", tops, tt.tops)
			}
			// Every reporting unit has one row per indicator in every
			// period, some of them empty, some given as a ratio only.
			var missing, rows int
			for _, snap := range ds.Snapshots {
				rows += len(snap.Observations)
				if len(snap.Observations) != tt.reporting*tt.indicators {
					t.Errorf("%s: %d rows, want %d", snap.File, len(snap.Observations), tt.reporting*tt.indicators)
				}
				for _, o := range snap.Observations {
					if o.Value == nil {
						missing++
					}
				}
				info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(snap.File)))
				if err != nil || info.Size() > 16<<20 {
					t.Errorf("%s: %v, %d bytes: over minhbach's limit", snap.File, err, info.Size())
				}
			}
			if rows != s.Rows() {
				t.Errorf("%d rows loaded, Rows() says %d", rows, s.Rows())
			}
			if share := float64(missing) / float64(rows); share < 0.01 || share > 0.03 {
				t.Errorf("%d of %d figures missing (%.3f), want about 2%%", missing, rows, share)
			}
			last := ds.Snapshots[len(ds.Snapshots)-1]
			ratio := ratioOnly(t, filepath.Join(dir, filepath.FromSlash(last.File)))
			if share := float64(ratio) / float64(len(last.Observations)); share < 0.1 || share > 0.4 {
				t.Errorf("%s: %d of %d rows given as a ratio only (%.3f), want about a quarter", last.File, ratio, len(last.Observations), share)
			}
			if len(ds.Targets) == 0 {
				t.Error("no targets")
			}
		})
	}
}

// ratioOnly counts the rows of a snapshot file given as numerator and
// denominator without a value: the loader fills the value in, so the
// dataset cannot tell them apart.
func ratioOnly(t *testing.T, name string) int {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rows[1:] {
		if r[2] == "" && r[3] != "" {
			n++
		}
	}
	return n
}

// files reads every file under dir, by slash path.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDeterministic: the same seed writes the same bytes, in both formats;
// another seed writes other figures but the same lists.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	gen := func(seed uint64) map[string][]byte {
		s, err := gendata.Generate(gendata.Options{Size: gendata.Size1x, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		if err := s.Write(filepath.Join(dir, "site")); err != nil {
			t.Fatal(err)
		}
		if err := s.WritePerf(filepath.Join(dir, "perf")); err != nil {
			t.Fatal(err)
		}
		return files(t, dir)
	}
	a, b, c := gen(7), gen(7), gen(8)
	if len(a) != 1+3+12+3 {
		t.Errorf("%d files written, want 19", len(a))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	if len(b) != len(a) {
		t.Errorf("%d files, then %d", len(a), len(b))
	}
	for _, name := range []string{"site/data/units.csv", "site/data/indicators.csv", "site/data/targets.csv"} {
		if !bytes.Equal(a[name], c[name]) {
			t.Errorf("%s depends on the seed", name)
		}
	}
	for _, name := range []string{"site/data/snapshots/2022-Q1.csv", "site/data/snapshots/2024-Q4.csv", "perf/observations.csv"} {
		if bytes.Equal(a[name], c[name]) {
			t.Errorf("%s is the same for seeds 7 and 8", name)
		}
	}
	for name, data := range a {
		if !norm.NFC.IsNormal(data) {
			t.Errorf("%s is not NFC", name)
		}
	}
}

// TestPerfSameNumbers: the long format holds exactly the figures of the
// snapshots, as minhbach reads them.
func TestPerfSameNumbers(t *testing.T) {
	t.Parallel()
	dir, s := write(t, gendata.Options{Size: gendata.Size1x, Seed: 3})
	ds := check(t, dir)
	perf := filepath.Join(t.TempDir(), "perf")
	if err := s.WritePerf(perf); err != nil {
		t.Fatal(err)
	}
	read := func(name string) [][]string {
		f, err := os.Open(filepath.Join(perf, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	if h := strings.Join(read("indicators.csv")[0], ","); h != "code,name_vi,name_en,unit,target" {
		t.Errorf("indicators.csv header %s", h)
	}
	if h := strings.Join(read("units.csv")[0], ","); h != "code,name_vi,kind" {
		t.Errorf("units.csv header %s", h)
	}
	obs := read("observations.csv")
	if h := strings.Join(obs[0], ","); h != "period,unit_code,indicator_code,value,numerator,denominator" {
		t.Fatalf("observations.csv header %s", h)
	}
	type key struct{ period, unit, ind string }
	want := map[key]model.Observation{}
	for _, snap := range ds.Snapshots {
		for _, o := range snap.Observations {
			if o.Value != nil {
				want[key{snap.Period.String(), o.Unit, o.Indicator}] = o
			}
		}
	}
	if len(obs)-1 != len(want) {
		t.Errorf("%d observations, want %d (the figures given)", len(obs)-1, len(want))
	}
	for _, r := range obs[1:] {
		o, ok := want[key{r[0], r[1], r[2]}]
		if !ok {
			t.Errorf("%v: no such figure in the snapshots", r)
			continue
		}
		v, err := strconv.ParseFloat(r[3], 64)
		if err != nil || math.Abs(v-*o.Value) > 0.005+1e-9 {
			t.Errorf("%v: value %s, snapshot %v", r, r[3], *o.Value)
		}
		if o.Numerator != nil && (r[4] != strconv.FormatFloat(*o.Numerator, 'f', -1, 64) || r[5] != strconv.FormatFloat(*o.Denominator, 'f', -1, 64)) {
			t.Errorf("%v: ratio differs from the snapshot's %v/%v", r, *o.Numerator, *o.Denominator)
		}
		if o.Numerator == nil && (r[4] != "" || r[5] != "") {
			t.Errorf("%v: a ratio the snapshot does not have", r)
		}
	}
}

func TestOptions(t *testing.T) {
	t.Parallel()
	for _, opt := range []gendata.Options{{Size: "2x"}, {Size: ""}, {Size: gendata.Size1x, Quarters: -1}, {Size: gendata.Size1x, Quarters: gendata.MaxQuarters + 1}} {
		if _, err := gendata.Generate(opt); err == nil {
			t.Errorf("%+v: no error", opt)
		}
	}
	// The most quarters still end before today, and start after 1900.
	dir, _ := write(t, gendata.Options{Size: gendata.Size1x, Quarters: gendata.MaxQuarters})
	if n := len(files(t, filepath.Join(dir, "data", "snapshots"))); n != gendata.MaxQuarters {
		t.Errorf("%d snapshots, want %d", n, gendata.MaxQuarters)
	}
}

// TestWriteRefusesExisting: a second run into the same folder would mix
// its snapshots with the first's.
func TestWriteRefusesExisting(t *testing.T) {
	t.Parallel()
	dir, s := write(t, gendata.Options{Size: gendata.Size1x})
	if err := s.Write(dir); err == nil {
		t.Fatal("no error writing over an existing site")
	}
}
