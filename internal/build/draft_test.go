package build_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/preview"
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
