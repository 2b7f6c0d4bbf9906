package load_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/golden"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/validate"
)

// today is the build date of the golden cases, for the future-period check.
var today = time.Date(2025, 6, 15, 10, 0, 0, 0, time.FixedZone("ICT", 7*3600))

// problems loads and validates the site in dir, as the build does, and
// returns every problem in file and position order.
func problems(t testing.TB, dir string) []*diag.Error {
	t.Helper()
	ds, err := load.Dataset(os.DirFS(dir))
	if ds == nil {
		t.Fatalf("Dataset returned a nil dataset (err %v)", err)
	}
	all := diag.All(err)
	all = append(all, diag.All(validate.Dataset(ds, validate.Options{Today: today}))...)
	checkErrors(t, err)
	slices.SortStableFunc(all, func(a, b *diag.Error) int { return a.Pos.Compare(b.Pos) })
	return all
}

// report prints the problems of the site in dir, one line each, in lang.
func report(t testing.TB, dir, lang string) string {
	t.Helper()
	var b strings.Builder
	for _, e := range problems(t, dir) {
		b.WriteString(e.Line(lang))
		b.WriteByte('\n')
	}
	return b.String()
}

// checkErrors asserts that err joins only *diag.Error values.
func checkErrors(t testing.TB, err error) {
	t.Helper()
	if err == nil {
		return
	}
	u, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error %T is not a joined error: %v", err, err)
	}
	for _, e := range u.Unwrap() {
		var se *diag.Error
		if !errors.As(e, &se) || se != e {
			t.Errorf("joined error %T is not a *diag.Error: %v", e, e)
		}
	}
}

// TestGolden runs each mini-site under testdata/cases and compares the full
// report with its want.golden (English) and want.vi.golden (Vietnamese).
// Run with -update to rewrite them, then read the diff.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "cases", "*"))
	if err != nil || len(dirs) < 15 {
		t.Fatalf("want at least 15 cases, got %d (%v)", len(dirs), err)
	}
	for _, dir := range dirs {
		for lang, name := range map[string]string{"en": "want.golden", "vi": "want.vi.golden"} {
			t.Run(filepath.Base(dir)+"/"+lang, func(t *testing.T) {
				golden.Check(t, filepath.Join(dir, name), report(t, dir, lang))
			})
		}
	}
}
