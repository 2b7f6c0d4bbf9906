package build_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/preview"
	"github.com/minhbach/minhbach/internal/route"
)

// TestPublishedHasNoPreviewMarks: the banner and the reload script are the
// preview server's; no file of a published build has them.
func TestPublishedHasNoPreviewMarks(t *testing.T) {
	t.Parallel()
	b := buildtest.Sample(t)
	pages := 0
	err := filepath.WalkDir(b.Dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".html") {
			pages++
		}
		for _, mark := range []string{preview.BannerID, preview.EventsPath, "EventSource"} {
			if bytes.Contains(data, []byte(mark)) {
				t.Errorf("%s contains %q", p, mark)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 100 {
		t.Errorf("only %d pages looked at", pages)
	}
}

// TestPreviewDrawsNoShareImages: a build for minhbach serve leaves out the
// share images (only social networks fetch them) and nothing else; a
// published build has them.
func TestPreviewDrawsNoShareImages(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	dest := filepath.Join(t.TempDir(), "public")
	res, err := build.Site(t.Context(), build.Options{Source: s.Source, Dest: dest, Today: buildtest.Today, Preview: true})
	if err != nil {
		t.Fatal(err)
	}
	img := filepath.FromSlash(route.Preview("vb01"))
	if _, err := os.Stat(filepath.Join(s.Dest, img)); err != nil {
		t.Errorf("the published build has no %s: %v", img, err)
	}
	if _, err := os.Stat(filepath.Join(dest, img)); err == nil {
		t.Errorf("the preview build drew %s", img)
	}
	if _, err := os.Stat(filepath.Join(dest, "chi-so", "vb01", "index.html")); err != nil || res.Pages < 100 {
		t.Errorf("the preview build has %d pages, and vb01's: %v", res.Pages, err)
	}
}
