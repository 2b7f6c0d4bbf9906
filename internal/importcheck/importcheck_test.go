package importcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// recorder is a testing.TB that keeps what Only reports.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestOnly builds a small module in which the owner, the owner's test
// side and a testdata file may import the library, and one other package,
// in a test file, may not.
func TestOnly(t *testing.T) {
	root := t.TempDir()
	for name, text := range map[string]string{
		"go.mod":                        "module example.com/m\n",
		"internal/lib/lib.go":           "package lib\n\nimport _ \"example.com/x/v2\"\n",
		"internal/lib/libtest/t.go":     "package libtest\n\nimport _ \"example.com/x/v2/sub\"\n",
		"internal/libx/libx.go":         "package libx\n\nimport _ \"example.com/xy\"\n", // another library
		"internal/use/use.go":           "package use\n",
		"internal/use/use_test.go":      "package use\n\nimport (\n\t\"testing\"\n\n\t_ \"example.com/x\"\n)\n",
		"internal/use/testdata/skip.go": "package skip\n\nimport _ \"example.com/x\"\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join(root, "internal", "lib"))
	r := &recorder{TB: t}
	Only(r, "example.com/x", "internal/lib")
	want := []string{"internal/use/use_test.go:6 imports example.com/x: only internal/lib may; go through it"}
	if !slices.Equal(r.errs, want) {
		t.Errorf("reported %q, want %q", r.errs, want)
	}
}
