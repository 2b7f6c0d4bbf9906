package load_test

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/validate"
)

// nationalSite describes a generated site of the size of a national
// collection: one top unit, its provinces, and communes under them, each
// reporting every indicator in every period.
type nationalSite struct {
	provinces, communes, indicators int
	periods                         []string
}

// national is Viet Nam after the 2025 reform: 34 provinces and 3,321
// communes, about twenty indicators, two periods.
var national = nationalSite{provinces: 34, communes: 3321, indicators: 20, periods: []string{"2025-Q1", "2025-Q2"}}

// rows is the number of observations per snapshot.
func (s nationalSite) rows() int { return s.communes * s.indicators }

// write writes the site's data/ into dir: realistic codes (GSO commune
// codes, indicator codes such as DVC07), percents given with numerator and
// denominator, counts, a few repeated notes and sources, and Vietnamese
// names, so that the loader does the work it does on real files.
func (s nationalSite) write(tb testing.TB, dir string) {
	tb.Helper()
	create := func(name string, fill func(w *bufio.Writer)) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		f, err := os.Create(p)
		if err != nil {
			tb.Fatal(err)
		}
		w := bufio.NewWriter(f)
		fill(w)
		if err := w.Flush(); err != nil {
			tb.Fatal(err)
		}
		if err := f.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	groups := []string{"van-ban", "dich-vu-cong", "ha-tang", "nhan-luc"}
	measures := []model.Measure{model.Percent, model.Percent, model.Count, model.Percent, model.Number}
	create("data/indicators.csv", func(w *bufio.Writer) {
		w.WriteString("code,group,name_vi,name_en,unit,direction,definition_vi,definition_en,source_vi,source_en\n")
		for i := range s.indicators {
			m := measures[i%len(measures)]
			fmt.Fprintf(w, "%s,%s,Chỉ số %d về chuyển đổi số,Indicator %d,%s,up,\"Tỷ lệ, tính trên tổng số\",,Sở Khoa học và Công nghệ,\n",
				indicatorCode(i), groups[i%len(groups)], i+1, i+1, m)
		}
	})
	create("data/units.csv", func(w *bufio.Writer) {
		w.WriteString("code,name_vi,name_en,kind,parent\nVN,Việt Nam,Viet Nam,country,\n")
		for p := range s.provinces {
			fmt.Fprintf(w, "%02d,Tỉnh số %d,Province %d,province,VN\n", p+1, p+1, p+1)
		}
		for c := range s.communes {
			fmt.Fprintf(w, "%s,Xã Đồng Tâm %d,,commune,%02d\n", communeCode(c), c+1, c%s.provinces+1)
		}
	})
	notes := []string{"", "", "", "", "", "", "", "Số liệu ước tính", "", `"Chưa có báo cáo quý, dùng số liệu tháng"`} // quoted: it holds a comma
	sources := []string{"UBND xã", "UBND xã", "Sở KH&CN", ""}
	for pi, per := range s.periods {
		create("data/snapshots/"+per+".csv", func(w *bufio.Writer) {
			w.WriteString("unit,indicator,value,numerator,denominator,note,source\n")
			for c := range s.communes {
				unit := communeCode(c)
				for i := range s.indicators {
					k := c*s.indicators + i + pi
					w.WriteString(unit)
					w.WriteByte(',')
					w.WriteString(indicatorCode(i))
					w.WriteByte(',')
					switch measures[i%len(measures)] {
					case model.Percent:
						den := 20 + k%180
						num := den * (40 + k%61) / 100
						if k%3 == 0 { // numerator and denominator only
							fmt.Fprintf(w, ",%d,%d", num, den)
						} else {
							v := strconv.FormatFloat(math.Round(10000*float64(num)/float64(den))/100, 'f', -1, 64)
							fmt.Fprintf(w, "%s,%d,%d", v, num, den)
						}
					case model.Count:
						fmt.Fprintf(w, "%d,,", k%250)
					default:
						fmt.Fprintf(w, "%d.%d,,", k%40, k%10)
					}
					w.WriteByte(',')
					w.WriteString(notes[k%len(notes)])
					w.WriteByte(',')
					w.WriteString(sources[k%len(sources)])
					w.WriteByte('\n')
				}
			}
		})
	}
}

func indicatorCode(i int) string {
	prefixes := []string{"VB", "DVC", "HT", "NL"}
	return fmt.Sprintf("%s%02d", prefixes[i%len(prefixes)], i/len(prefixes)+1)
}

// communeCode is a five-digit GSO code; real ones are spaced out, so are
// these.
func communeCode(c int) string { return fmt.Sprintf("%05d", 4+3*c) }

// checkSite loads and validates the site in dir, as minhbach check does,
// and returns the number of observations read.
func checkSite(tb testing.TB, dir string) int {
	ds, err := load.Dataset(os.DirFS(dir))
	if err != nil {
		tb.Fatalf("load: %v", err)
	}
	if err := validate.Dataset(ds, validate.Options{Today: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)}); err != nil {
		tb.Fatalf("validate: %v", err)
	}
	n := 0
	for _, s := range ds.Snapshots {
		n += len(s.Observations)
	}
	return n
}

// TestNationalSite checks that the generated site is valid and complete,
// so that the benchmark measures the path a real check takes.
func TestNationalSite(t *testing.T) {
	s := nationalSite{provinces: 3, communes: 40, indicators: 9, periods: []string{"2025-Q1", "2025-Q2"}}
	dir := t.TempDir()
	s.write(t, dir)
	if got, want := checkSite(t, dir), s.rows()*len(s.periods); got != want {
		t.Errorf("read %d observations, want %d", got, want)
	}
}

// BenchmarkCheckLarge loads and validates a national-scale site: 66,420
// rows per snapshot, two snapshots. It reports rows read per second;
// -benchmem gives the bytes allocated per check.
func BenchmarkCheckLarge(b *testing.B) {
	dir := b.TempDir()
	national.write(b, dir)
	b.ReportAllocs()
	rows := 0
	for b.Loop() {
		rows += checkSite(b, dir)
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}
