package load_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/source/catalogtest"
	"github.com/minhbach/minhbach/internal/textform"
)

// TestMessagesVI proves that every message this package can make has a
// Vietnamese form: each format literal in the source (found by parsing
// it, so a message no fixture reaches is covered too) is in the catalogue,
// and its Vietnamese form takes the same arguments and reads as
// Vietnamese.
func TestMessagesVI(t *testing.T) {
	formats := catalogtest.Literals(t, ".", map[string]int{"Newf": 4, "P": 0})
	if len(formats) < 40 {
		t.Fatalf("found only %d formats; did the way messages are made change?", len(formats))
	}
	catalogtest.CheckVI(t, formats)
}

// TestReportsVI renders every problem of the golden cases, and of the
// catalogue of bad inputs the command line is tested on (the sites of its
// scripts), in Vietnamese: every format reached has a translation, and no
// English is left once the arguments are in.
func TestReportsVI(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "cases", "*"))
	more, _ := filepath.Glob(filepath.Join("..", "cli", "testdata", "script", "*.txtar"))
	if len(more) == 0 {
		t.Fatal("found no catalogue scripts under ../cli/testdata/script")
	}
	for i, file := range more {
		more[i] = textform.Extract(t, file)
	}
	seen := map[string]bool{}
	for _, dir := range append(dirs, more...) {
		if _, err := os.Stat(filepath.Join(dir, "data")); err != nil {
			continue
		}
		for _, e := range problems(t, dir) {
			for _, f := range e.Formats() {
				seen[f] = true
			}
			vi := e.Message("vi")
			if strings.Contains(vi, "%!") {
				t.Errorf("%s: bad Vietnamese render %q", dir, vi)
			}
			if w := catalogtest.EnglishData(vi); len(w) > 0 {
				t.Errorf("%s: English words %q left in %q", dir, w, vi)
			}
			if vi == e.Msg {
				t.Errorf("%s: message not translated: %q", dir, vi)
			}
		}
	}
	formats := make([]string, 0, len(seen))
	for f := range seen {
		formats = append(formats, f)
	}
	slices.Sort(formats)
	catalogtest.CheckVI(t, formats)
	if len(formats) < 50 {
		t.Errorf("the cases reach only %d formats", len(formats))
	}
}
