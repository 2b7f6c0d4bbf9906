package ledger_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
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
	recordInto(t, dir, 0, n)
	return dir
}

// recordInto publishes releases from to n-1 into the ledger in dir, each
// with a zip of its figures, its errata and another download.
func recordInto(t *testing.T, dir string, from, n int) {
	t.Helper()
	for i := from; i < n; i++ {
		l, err := ledger.Read(t.Context(), dir, "history")
		if err != nil {
			t.Fatal(err)
		}
		z := filepath.Join(t.TempDir(), "du-lieu.zip")
		write(t, z, string(zipOf(t, "figures "+id(i), "errata "+id(i))))
		s, err := l.Stage(t.Context(), z)
		if err != nil {
			t.Fatal(err)
		}
		r := ledger.Release{ID: id(i), Date: day.Add(time.Duration(i) * time.Hour), Latest: "2024-Q4", Pages: 10 + i}
		if err := l.Record(t.Context(), r, s); err != nil {
			t.Fatal(err)
		}
	}
}

// zipOf is a release's zip: its figures and errata, and a workbook.
func zipOf(t *testing.T, figures, errata string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, e := range [][2]string{{"chi-so/vb01.xlsx", "PK…"}, {"corrections.csv", errata}, {"figures.csv", figures}} {
		f, err := w.Create(e[0])
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(e[1]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zipSum(t *testing.T, dir string, n int) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, id(n), ledger.ZipFile))
	if err != nil {
		t.Fatal(err)
	}
	return publish.Sum(b)
}

func TestRecordReadRollback(t *testing.T) {
	t.Parallel()
	dir := record(t, 5)
	l, err := ledger.Read(t.Context(), dir, "history")
	if err != nil {
		t.Fatal(err)
	}
	live, ok := l.Live()
	if !ok || live.ID != id(4) || live.Pages != 14 || live.Figures != publish.Sum([]byte("figures "+id(4))) || live.Zip != zipSum(t, dir, 4) {
		t.Fatalf("live = %+v", live)
	}
	// The zip only: the figures and errata are read from it.
	if entries, _ := os.ReadDir(filepath.Join(dir, id(4))); len(entries) != 1 || entries[0].Name() != ledger.ZipFile {
		t.Errorf("a release keeps %v, want its zip only", entries)
	}
	if leftover, _ := filepath.Glob(filepath.Join(dir, ".*")); len(leftover) != 0 {
		t.Errorf("staged copies left behind: %v", leftover)
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
	if len(lines) != 7 || lines[0] != strings.Join(ledger.Columns, ",") || !strings.HasPrefix(lines[6], "2,rollback,"+id(3)+",2025-03-01T18:00:00Z,2024-Q4,13,") ||
		!strings.HasSuffix(lines[6], ","+zipSum(t, dir, 3)) {
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
		{"zip changed", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, id(1), "du-lieu.zip"), string(zipOf(t, "edited", "errata "+id(1))))
		}, "history/releases.csv:3:202: hash-count: zip_sha256 \"", "đã bị thay đổi sau khi xuất bản"},
		{"zip lost", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, id(1), "du-lieu.zip"))
		}, "history/releases.csv:3:202: source-error: zip_sha256 \"", "thiếu tệp"},
		{"figures changed with the zip's checksum", func(t *testing.T, dir string) {
			z := zipOf(t, "edited", "errata "+id(1))
			write(t, filepath.Join(dir, id(1), "du-lieu.zip"), string(z))
			edit(t, filepath.Join(dir, "releases.csv"), zipSum0(t, dir, 1), publish.Sum(z))
		}, "history/releases.csv:3:72: hash-count: figures_sha256 \"" + publish.Sum([]byte("figures "+id(1))) + "\": the file history/" + id(1) + "/du-lieu.zip: figures.csv was changed after it was published", "đã bị thay đổi sau khi xuất bản"},
		{"errata not in the zip", func(t *testing.T, dir string) {
			var buf bytes.Buffer
			w := zip.NewWriter(&buf)
			f, _ := w.Create("figures.csv")
			f.Write([]byte("figures " + id(1)))
			w.Close()
			write(t, filepath.Join(dir, id(1), "du-lieu.zip"), buf.String())
			edit(t, filepath.Join(dir, "releases.csv"), zipSum0(t, dir, 1), publish.Sum(buf.Bytes()))
		}, "history/releases.csv:3:137: source-error: corrections_sha256 \"" + publish.Sum([]byte("errata "+id(1))) + "\": the file history/" + id(1) + "/du-lieu.zip: corrections.csv of this release is missing", "thiếu tệp"},
		{"not a zip", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, id(1), "du-lieu.zip"), "not a zip")
			edit(t, filepath.Join(dir, "releases.csv"), zipSum0(t, dir, 1), publish.Sum([]byte("not a zip")))
		}, "history/" + id(1) + "/du-lieu.zip: format-error: cannot read the release's file: zip: not a valid zip file", "không đọc được tệp"},
		{"newer format", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "releases.csv"), "\n2,publish,"+id(1), "\n3,publish,"+id(1))
		}, "history/releases.csv:3:1: format-error: format \"3\": this row was written by a newer minhbach (this one understands format 2 only): update minhbach", "phiên bản minhbach mới hơn"},
		{"zip cell in a format-1 row", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "releases.csv"), "\n2,publish,"+id(1), "\n1,publish,"+id(1))
		}, "history/releases.csv:3:202: format-error: zip_sha256 \"", "phải để trống"},
		{"header", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "releases.csv"), "format,event", "version,event")
		}, "history/releases.csv:1:1: format-error: the header of the publishing history must be format,event,", "dòng tiêu đề"},
		{"cut short", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "releases.csv"), ",2024-Q4,11,", ",2024-Q4,")
		}, "history/releases.csv:3:1: extra-cell: this row has 8 cells, want 9", "dòng này có 8 ô"},
		{"bad cells", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "releases.csv"), "2,publish,"+id(0)+",2025-03-01T08:00:00Z,2024-Q4", "2,publsh,"+id(0)+",1/3/2025,2024-Q5")
		}, "history/releases.csv:2:3: constraint-error: event \"publsh\": must be \"publish\" or \"rollback\"", "phải là"},
		{"quote", func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, "releases.csv"), "2,publish,"+id(1), "2,\"publish,"+id(1))
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

// zipSum0 is the zip checksum release n's row records.
func zipSum0(t *testing.T, dir string, n int) string {
	t.Helper()
	b, _ := os.ReadFile(filepath.Join(dir, "releases.csv"))
	for _, line := range strings.Split(string(b), "\n") {
		if strings.Contains(line, ","+id(n)+",") {
			return line[strings.LastIndexByte(line, ',')+1:]
		}
	}
	t.Fatalf("no row of %s", id(n))
	return ""
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

// oldLedger writes the ledger an older minhbach (format 1) left after n
// publishes: no zip_sha256 column, and each release's figures and errata
// as files of their own.
func oldLedger(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "history")
	csv := "format,event,release,date,latest_period,pages,figures_sha256,corrections_sha256\n"
	for i := range n {
		fig, errata := "figures "+id(i), "errata "+id(i)
		if err := os.MkdirAll(filepath.Join(dir, id(i)), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, id(i), ledger.FiguresFile), fig)
		write(t, filepath.Join(dir, id(i), ledger.CorrectionsFile), errata)
		csv += "1,publish," + id(i) + "," + day.Add(time.Duration(i)*time.Hour).Format(time.RFC3339) + ",2024-Q4,10," +
			publish.Sum([]byte(fig)) + "," + publish.Sum([]byte(errata)) + "\n"
	}
	write(t, filepath.Join(dir, ledger.File), csv)
	return dir
}

// TestOldLedger: a ledger written in format 1 is read as it is; the next
// publish adds the zip_sha256 column, empty in the old rows, which keep
// their lines; the old releases stay served with their two files.
func TestOldLedger(t *testing.T) {
	t.Parallel()
	dir := oldLedger(t, 2)
	before, _ := os.ReadFile(filepath.Join(dir, ledger.File))
	l, err := ledger.Read(t.Context(), dir, "history")
	if err != nil {
		t.Fatal(err)
	}
	h, err := l.Load(id(1))
	if err != nil || string(h.Figures) != "figures "+id(1) || string(h.Corrections) != "errata "+id(1) || h.Release.Zip != "" {
		t.Fatalf("format 1: %q, %q, %+v (%v)", h.Figures, h.Corrections, h.Release, err)
	}
	recordInto(t, dir, 2, 3)
	after, _ := os.ReadFile(filepath.Join(dir, ledger.File))
	old := strings.Split(strings.TrimSpace(string(before)), "\n")
	lines := strings.Split(strings.TrimSpace(string(after)), "\n")
	if len(lines) != 4 || lines[0] != strings.Join(ledger.Columns, ",") || lines[1] != old[1]+"," || lines[2] != old[2]+"," ||
		!strings.HasPrefix(lines[3], "2,publish,"+id(2)+",") {
		t.Fatalf("releases.csv after a publish by this minhbach:\n%s", after)
	}
	// As an older minhbach left them: the first release's files pruned.
	if err := os.RemoveAll(filepath.Join(dir, id(0))); err != nil {
		t.Fatal(err)
	}
	l, err = ledger.Read(t.Context(), dir, "history")
	if err != nil {
		t.Fatal(err)
	}
	rs, files, err := l.Kept(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].ID != id(1) || rs[1].ID != id(2) {
		t.Fatalf("Kept = %+v", rs)
	}
	want := [][]string{{"figures.csv", "corrections.csv"}, {"du-lieu.zip", "figures.csv", "corrections.csv"}}
	for i, fs := range files {
		var names []string
		for _, f := range fs {
			names = append(names, f.Name)
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(r)
			r.Close()
			if int64(len(b)) != f.Size || publish.Sum(b) != f.SHA256 {
				t.Errorf("release %d: %s reads %d bytes, SHA-256 %s; listed %d, %s", i+1, f.Name, len(b), publish.Sum(b), f.Size, f.SHA256)
			}
		}
		if !slices.Equal(names, want[i]) {
			t.Errorf("release %d files %v, want %v", i+1, names, want[i])
		}
	}
	if !l.Has(id(1)) || !l.Has(id(2)) || l.Has(id(0)) {
		t.Error("Has: want releases 1 and 2 only")
	}
	// A rollback to a format-1 release writes a format-1 row (no zip).
	if err := l.Rollback(t.Context(), id(1), day.Add(5*time.Hour)); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, ledger.File))
	if !strings.HasSuffix(string(b), "\n1,rollback,"+id(1)+",2025-03-01T13:00:00Z,2024-Q4,10,"+publish.Sum([]byte("figures "+id(1)))+","+publish.Sum([]byte("errata "+id(1)))+",\n") {
		t.Errorf("rollback row:\n%s", b)
	}
	if _, err := ledger.Read(t.Context(), dir, "history"); err != nil {
		t.Error(err)
	}
}

// TestKept: Kept lists the releases whose files are kept, each file with
// its size and checksum, the figures and errata read from the zip; a
// changed zip is a problem at its row's cell.
func TestKept(t *testing.T) {
	t.Parallel()
	dir := record(t, 3)
	l, err := ledger.Read(t.Context(), dir, "history")
	if err != nil {
		t.Fatal(err)
	}
	rs, files, err := l.Kept(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 3 || rs[0].ID != id(0) || rs[2].ID != id(2) || len(files) != 3 {
		t.Fatalf("Kept = %+v", rs)
	}
	for i, fs := range files {
		want := "figures " + id(i)
		if len(fs) != 3 || fs[0].Name != ledger.ZipFile || fs[1].Name != ledger.FiguresFile || fs[1].Size != int64(len(want)) || fs[1].SHA256 != publish.Sum([]byte(want)) {
			t.Errorf("release %d files %+v", i, fs)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, id(1), ledger.ZipFile), zipOf(t, "changed", "errata"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = l.Kept(t.Context())
	all := diag.All(err)
	if len(all) != 1 || all[0].Code != diag.CodeChecksum || all[0].Pos.Line != 3 || all[0].Pos.Column != 202 || all[0].Pos.File != "history/releases.csv" {
		t.Errorf("a changed zip: %v", err)
	}
}

// TestStageLeavesNothing: a zip that cannot be staged (not a zip of a
// release) leaves no copy in the ledger's folder, and the copy a killed
// publish left is removed by the next Stage.
func TestStageLeavesNothing(t *testing.T) {
	t.Parallel()
	dir := record(t, 1)
	write(t, filepath.Join(dir, ".stage-killed.zip"), "left by a killed publish")
	l, err := ledger.Read(t.Context(), dir, "history")
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "du-lieu.zip")
	write(t, bad, "not a zip")
	if _, err := l.Stage(t.Context(), bad); err == nil {
		t.Error("staged a file that is not a zip")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) != 0 {
		t.Errorf("left in the history: %v", left)
	}
}
