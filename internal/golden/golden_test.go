package golden_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/golden"
)

// recorder is a testing.TB that keeps what Check reports.
type recorder struct {
	testing.TB
	errors, fatals []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.fatals = append(r.fatals, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatal(args ...any) { r.fatals = append(r.fatals, fmt.Sprint(args...)) }

func TestCheck(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.golden")
	if err := os.WriteFile(file, []byte("one\ntwo\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	r := &recorder{TB: t}
	golden.Check(r, file, "one\ntwo\n")
	if len(r.errors)+len(r.fatals) > 0 {
		t.Errorf("same content reported: %q %q", r.errors, r.fatals)
	}

	r = &recorder{TB: t}
	golden.Check(r, file, "one\n2\n")
	// cmp.Diff's layout is deliberately unstable: look for the parts.
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], file+" mismatch (-want +got)") ||
		!strings.Contains(r.errors[0], "two") || !strings.Contains(r.errors[0], "2") {
		t.Errorf("mismatch reported as %q", r.errors)
	}

	r = &recorder{TB: t}
	golden.Check(r, filepath.Join(t.TempDir(), "missing.golden"), "x")
	if len(r.fatals) != 1 || !strings.Contains(r.fatals[0], "-update") {
		t.Errorf("missing file reported as %q", r.fatals)
	}
}

func TestCheckUpdate(t *testing.T) {
	defer func(old bool) { *golden.Update = old }(*golden.Update)
	*golden.Update = true
	file := filepath.Join(t.TempDir(), "new", "dir", "a.golden")
	golden.Check(t, file, "written\n")
	b, err := os.ReadFile(file)
	if err != nil || string(b) != "written\n" {
		t.Errorf("-update wrote %q (%v)", b, err)
	}
}
