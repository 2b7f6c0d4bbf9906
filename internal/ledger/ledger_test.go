package ledger_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/ledger"
	"github.com/minhbach/minhbach/internal/publish"
)

var day = time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)

func id(n int) string {
	return publish.ReleaseID(day.Add(time.Duration(n)*time.Hour), strings.Repeat(string(rune('a'+n)), 64))
}

// record publishes n releases into a fresh ledger and returns its folder.
func record(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "history")
	for i := range n {
		l, err := ledger.Read(t.Context(), dir, "history")
		if err != nil {
			t.Fatal(err)
		}
		r := ledger.Release{ID: id(i), Date: day.Add(time.Duration(i) * time.Hour), Latest: "2024-Q4", Pages: 10 + i}
		if err := l.Record(t.Context(), r, []byte("figures "+id(i)), []byte("errata "+id(i)), 3); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRecordReadRollback(t *testing.T) {
	t.Parallel()
	dir := record(t, 5)
	l, err := ledger.Read(t.Context(), dir, "history")
	if err != nil {
		t.Fatal(err)
	}
	live, ok := l.Live()
	if !ok || live.ID != id(4) || live.Pages != 14 || live.Figures != publish.Sum([]byte("figures "+id(4))) {
		t.Fatalf("live = %+v", live)
	}
	if got := len(l.Releases()); got != 5 {
		t.Errorf("%d releases listed, want 5 (the rows stay)", got)
	}
	// Every release's files are kept: they are the releases of the data.
	for i := range 5 {
		if !l.Has(id(i)) {
			t.Errorf("Has(release %d) = false, want true", i)
		}
	}
	// As an older minhbach left them: the first release's files pruned.
	if err := os.RemoveAll(filepath.Join(dir, id(0))); err != nil {
		t.Fatal(err)
	}
	if err := l.Rollback(t.Context(), id(3), day.Add(10*time.Hour)); err != nil {
		t.Fatal(err)
	}
	l, err = ledger.Read(t.Context(), dir, "history")
	if err != nil {
		t.Fatal(err)
	}
	h, err := l.Load(mustLive(t, l))
	if err != nil || string(h.Figures) != "figures "+id(3) || string(h.Corrections) != "errata "+id(3) {
		t.Fatalf("after rollback the live history is %q, %q (%v), want release 3's", h.Figures, h.Corrections, err)
	}
	if err := l.Rollback(t.Context(), id(0), day); err == nil {
		t.Error("rollback to a release whose files were pruned: no error")
	}
	b, _ := os.ReadFile(filepath.Join(dir, ledger.File))
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 7 || lines[0] != strings.Join(ledger.Columns, ",") || !strings.HasPrefix(lines[6], "1,rollback,"+id(3)+",2025-03-01T18:00:00Z,2024-Q4,13,") {
		t.Errorf("releases.csv:\n%s", b)
	}
}

func mustLive(t *testing.T, l *ledger.Ledger) string {
	t.Helper()
	r, ok := l.Live()
	if !ok {
		t.Fatal("no live release")
	}
	return r.ID
}

func TestEmpty(t *testing.T) {
	t.Parallel()
	l, err := ledger.Read(t.Context(), filepath.Join(t.TempDir(), "none"), "history")
	if err != nil || !l.Empty() {
		t.Fatalf("a missing ledger: %v, empty %v", err, l.Empty())
	}
	if _, ok := l.Live(); ok {
		t.Error("a missing ledger has a live release")
	}
}

// TestDamaged: every damage is a positioned problem in both languages,
// never an empty history.
func TestDamaged(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, dir string)
		line   string // the problem's line, English
		vi     string // a part of the Vietnamese
	}{
		{"figures changed", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, id(1), "figures.csv"), "edited")
		}, "history/releases.csv:3:72: hash-count: figures_sha256 \"" + publish.Sum([]byte("figures "+id(1))) + "\": the file history/" + id(1) + "/figures.csv was changed after it was published", "đã bị thay đổi sau khi xuất bản"},
		{"errata lost", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, id(1), "corrections.csv"))
		}, "history/releases.csv:3:137: source-error: corrections_sha256 \"" + publish.Sum([]byte("errata "+id(1))) + "\": the file history/" + id(1) + "/corrections.csv of this release is missing", "thiếu tệp"},
		{"newer format", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "releases.csv"), "\n1,publish,"+id(1), "\n2,publish,"+id(1))
		}, "history/releases.csv:3:1: format-error: format \"2\": this row was written by a newer minhbach (this one understands format 1 only): update minhbach", "phiên bản minhbach mới hơn"},
		{"header", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "releases.csv"), "format,event", "version,event")
		}, "history/releases.csv:1:1: format-error: the header of the publishing history must be format,event,", "dòng tiêu đề"},
		{"cut short", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "releases.csv"), ",2024-Q4,11,", ",2024-Q4,")
		}, "history/releases.csv:3:1: extra-cell: this row has 7 cells, want 8", "dòng này có 7 ô"},
		{"bad cells", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "releases.csv"), "1,publish,"+id(0)+",2025-03-01T08:00:00Z,2024-Q4", "1,publsh,"+id(0)+",1/3/2025,2024-Q5")
		}, "history/releases.csv:2:3: constraint-error: event \"publsh\": must be \"publish\" or \"rollback\"", "phải là"},
		{"quote", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "releases.csv"), "1,publish,"+id(1), "1,\"publish,"+id(1))
		}, "history/releases.csv:", "bị hỏng"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := record(t, 2)
			tc.damage(t, dir)
			_, err := ledger.Read(context.Background(), dir, "history")
			all := diag.All(err)
			if len(all) == 0 {
				t.Fatalf("no positioned problem: %v", err)
			}
			if got := all[0].Line("en"); !strings.HasPrefix(got, tc.line) {
				t.Errorf("problem:\n %s\nwant it to start with\n %s", got, tc.line)
			}
			if got := all[0].Line("vi"); !strings.Contains(got, tc.vi) {
				t.Errorf("Vietnamese: %s, want %q in it", got, tc.vi)
			}
		})
	}
}

func write(t *testing.T, name, s string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, name, old, new string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q:\n%s", name, old, b)
	}
	write(t, name, strings.Replace(string(b), old, new, 1))
}

// TestKept: Kept lists the releases whose files are kept, each file with
// its size and checksum; a release whose files an older minhbach pruned
// is left out, and a file changed since is a problem at its row's cell.
func TestKept(t *testing.T) {
	t.Parallel()
	dir := record(t, 3)
	if err := os.RemoveAll(filepath.Join(dir, id(0))); err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Read(t.Context(), dir, "history")
	if err != nil {
		t.Fatal(err)
	}
	rs, files, err := l.Kept(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].ID != id(1) || rs[1].ID != id(2) || len(files) != 2 {
		t.Fatalf("Kept = %+v", rs)
	}
	for i, fs := range files {
		want := "figures " + id(i+1)
		if len(fs) != 2 || fs[0].Name != ledger.FiguresFile || fs[0].Size != int64(len(want)) || fs[0].SHA256 != publish.Sum([]byte(want)) {
			t.Errorf("release %d files %+v", i+1, fs)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, id(1), ledger.CorrectionsFile), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = l.Kept(t.Context())
	all := diag.All(err)
	if len(all) != 1 || all[0].Code != diag.CodeChecksum || all[0].Pos.Line != 3 || all[0].Pos.File != "history/releases.csv" {
		t.Errorf("a changed file: %v", err)
	}
}
