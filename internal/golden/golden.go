// Package golden compares test output with files under testdata, for the
// tests of every package, and rewrites those files when the tests run
// with -update:
//
//	go test ./internal/load -update
//
// Then read the diff before committing it.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Update reports whether the tests run with -update: golden files are then
// rewritten with what the tests produce instead of compared with it.
var Update = flag.Bool("update", false, "rewrite the golden files with the output of the tests")

// Check compares got with the content of file and reports any difference
// as a diff (-want +got). With -update it writes got to file instead,
// creating the folders it needs.
func Check(t testing.TB, file, got string) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", file, diff)
	}
}
