package build_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/export"
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

// TestPreviewShowsThePublishedPages: the builds of minhbach serve, which
// keep work from one to the next (Options.Cache) and measure no page
// budget, give every file of a full build that makes no release (build
// --draft) byte for byte, the downloads included, but the share images;
// a second build from the cache too, and after a change of figures.
func TestPreviewShowsThePublishedPages(t *testing.T) {
	t.Parallel()
	s := buildtest.Sample(t)
	cache := &export.Cache{}
	site := func(src string, preview bool) string {
		t.Helper()
		dest := filepath.Join(t.TempDir(), "public")
		opt := build.Options{Source: src, Dest: dest, History: filepath.Join(t.TempDir(), "history"), Today: buildtest.Today}
		if preview {
			opt.Preview, opt.Cache = true, cache
		}
		if _, err := build.Site(t.Context(), opt); err != nil {
			t.Fatal(err)
		}
		return dest
	}
	same := func(what, want, got string) {
		t.Helper()
		files := 0
		err := filepath.WalkDir(want, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(want, p)
			if filepath.Base(rel) == route.SitePreview {
				return nil // share images: not drawn in a preview
			}
			files++
			a, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			b, err := os.ReadFile(filepath.Join(got, rel))
			if err != nil {
				t.Errorf("%s: %v", what, err)
				return nil
			}
			if !bytes.Equal(a, b) {
				t.Errorf("%s: %s differs", what, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if files < 300 {
			t.Errorf("%s: only %d files compared", what, files)
		}
	}
	draft := site(s.Source, false)
	same("first preview", draft, site(s.Source, true))
	same("second preview", draft, site(s.Source, true))

	// A fixed figure: the preview from the cache equals a build without it.
	b := buildtest.New(t, "", buildtest.Options{Sample: true})
	csv := filepath.Join(b.Source, "data", "snapshots", "2024-Q4.csv")
	data, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	lines = slices.Delete(lines, 1, 2) // a unit's row of the first indicator is taken out
	if err := os.WriteFile(csv, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	same("changed figures", site(b.Source, false), site(b.Source, true))
}
