package build_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/export"
)

// BenchmarkPreviewSample is one rebuild of minhbach serve on the sample:
// a preview build (Options.Preview) into the same private folder each
// time, with the server's cache, as it rebuilds after a save that changed
// nothing. Profile it with -cpuprofile to see what a save costs.
func BenchmarkPreviewSample(b *testing.B) {
	src := buildtest.New(b, "", buildtest.Options{Sample: true}).Source
	dest := filepath.Join(b.TempDir(), "preview")
	history := filepath.Join(b.TempDir(), "history")
	if err := os.MkdirAll(history, 0o755); err != nil {
		b.Fatal(err)
	}
	var res build.Result
	var err error
	cache := &export.Cache{}
	for b.Loop() {
		if res, err = build.Site(b.Context(), build.Options{Source: src, Dest: dest, History: history, Today: buildtest.Today, Preview: true, Cache: cache}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Pages), "pages")
}
