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
)

// TestDraftReadsNoHistory: a draft built where a site was published, after
// a figure of an earlier quarter was corrected, lists no correction and
// carries no errata forward, where a publication lists two (see
// TestChangesListCorrectionsOfThePreviousBuild): nothing a preview builds
// becomes part of the published history.
func TestDraftReadsNoHistory(t *testing.T) {
	t.Parallel()
	b := buildtest.Sample(t).Copy()
	rewriteCSV(t, filepath.Join(b.Source, "data/snapshots/2024-Q3.csv"), func(col map[string]int, r []string) {
		if r[col["unit"]] == "02023" && r[col["indicator"]] == "VB01" {
			r[col["value"]], r[col["numerator"]] = "", "170"
		}
	})
	if _, err := build.Site(t.Context(), build.Options{Source: b.Source, Dest: b.Dest, Today: buildtest.Today, Draft: true}); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"", "en"} {
		if rows := corrections(b, lang); len(rows) != 0 {
			t.Errorf("%s: a draft lists corrections: %v", lang, rows)
		}
		if rows := errata(b, lang); len(rows) != 0 {
			t.Errorf("%s: a draft lists errata: %v", lang, rows)
		}
	}
	if lines := strings.Count(string(b.ReadFile("du-lieu/corrections.csv")), "\n"); lines != 1 {
		t.Errorf("a draft's corrections.csv has %d lines, want the header only", lines)
	}
}

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
