package build_test

import (
	"path/filepath"
	"testing"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/gendata"
)

// BenchmarkBuild1x builds the generated 1x site (30 indicators, 24 units,
// 12 quarters, the size of the plain-Hugo benchmark's default), each time
// into a new folder, so that no build compares with a previous one.
func BenchmarkBuild1x(b *testing.B) {
	s, err := gendata.Generate(gendata.Options{Size: gendata.Size1x, Seed: 42})
	if err != nil {
		b.Fatal(err)
	}
	src := filepath.Join(b.TempDir(), "site")
	if err := s.Write(src); err != nil {
		b.Fatal(err)
	}
	var res build.Result
	for b.Loop() {
		dest := filepath.Join(b.TempDir(), "public")
		if res, err = build.Site(b.Context(), build.Options{Source: src, Dest: dest, Today: buildtest.Today}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Pages), "pages")
	b.ReportMetric(float64(res.Files), "files")
}
