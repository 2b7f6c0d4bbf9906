package load_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/msg/msgtest"
	"github.com/minhbach/minhbach/internal/textform"
)

// TestReportsVI renders every problem of the golden cases, and of the
// catalogue of bad inputs the command line is tested on (the sites of its
// scripts), in Vietnamese: no English is left once the arguments are in,
// and the cases reach most of the loader's messages.
func TestReportsVI(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "cases", "*"))
	more, _ := filepath.Glob(filepath.Join("..", "cli", "testdata", "script", "*.txtar"))
	if len(more) == 0 {
		t.Fatal("found no catalogue scripts under ../cli/testdata/script")
	}
	for i, file := range more {
		more[i] = textform.Extract(t, file)
	}
	seen := map[*msg.Message]bool{}
	for _, dir := range append(dirs, more...) {
		if _, err := os.Stat(filepath.Join(dir, "data")); err != nil {
			continue
		}
		for _, e := range problems(t, dir) {
			reached(seen, e.Text)
			vi := e.Message("vi")
			if strings.Contains(vi, "%!") {
				t.Errorf("%s: bad Vietnamese render %q", dir, vi)
			}
			if w := msgtest.EnglishData(vi); len(w) > 0 {
				t.Errorf("%s: English words %q left in %q", dir, w, vi)
			}
			if vi == e.Msg {
				t.Errorf("%s: message not translated: %q", dir, vi)
			}
		}
	}
	if len(seen) < 50 {
		t.Errorf("the cases reach only %d messages", len(seen))
	}
}

// reached records t's message and those of the Texts inside it.
func reached(seen map[*msg.Message]bool, t msg.Text) {
	seen[t.Message()] = true
	for _, a := range t.Args() {
		if u, ok := a.(msg.Text); ok {
			reached(seen, u)
		}
	}
}
