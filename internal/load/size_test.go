package load_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/minhbach/minhbach/internal/load"
)

// hugeFS serves a site whose snapshot claims to be size bytes long and
// fails the test if anything reads it: a file over the limit must be
// refused from its size alone.
type hugeFS struct {
	fstest.MapFS
	t    *testing.T
	name string
	size int64
}

func (h hugeFS) Open(name string) (fs.File, error) {
	if name != h.name {
		return h.MapFS.Open(name)
	}
	return hugeFile{h.t, name, h.size}, nil
}

type hugeFile struct {
	t    *testing.T
	name string
	size int64
}

func (f hugeFile) Stat() (fs.FileInfo, error) { return f, nil }
func (f hugeFile) Read([]byte) (int, error) {
	f.t.Errorf("%s was read; a file over the limit must be refused before reading", f.name)
	return 0, errors.New("read")
}
func (f hugeFile) Close() error       { return nil }
func (f hugeFile) Name() string       { return filepath.Base(f.name) }
func (f hugeFile) Size() int64        { return f.size }
func (f hugeFile) Mode() fs.FileMode  { return 0o644 }
func (f hugeFile) ModTime() time.Time { return time.Time{} }
func (f hugeFile) IsDir() bool        { return false }
func (f hugeFile) Sys() any           { return nil }

func TestSizeLimitBeforeReading(t *testing.T) {
	const name = "data/snapshots/2024-Q4.csv"
	for _, tc := range []struct {
		size int64
		want []string
	}{
		{100 << 20, []string{name + ": size-limit: file too large: 100 MB, over the limit of 16 MB; check that this is the right file, and if it is, split the data into several sites (one per province, for example)"}},
		{16<<20 + 1, []string{name + ": size-limit: file too large: 17 MB, over the limit of 16 MB; check that this is the right file, and if it is, split the data into several sites (one per province, for example)"}},
	} {
		_, err := load.Dataset(hugeFS{site(nil), t, name, tc.size})
		if diff := cmp.Diff(tc.want, errorLines(err)); diff != "" {
			t.Errorf("size %d (-want +got):\n%s", tc.size, diff)
		}
	}
}

// TestSizeLimitSparseFile refuses a real 100 MB file on disk (sparse, so
// it takes no space), the way check meets a wrong file copied into data/.
func TestSizeLimitSparseFile(t *testing.T) {
	dir := t.TempDir()
	for name, f := range site(nil) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	big := filepath.Join(dir, "data", "snapshots", "2024-H2.csv")
	if err := os.WriteFile(big, []byte(snapHeader), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 100<<20); err != nil {
		t.Fatal(err)
	}
	ds, err := load.Dataset(os.DirFS(dir))
	want := []string{"data/snapshots/2024-H2.csv: size-limit: file too large: 100 MB, over the limit of 16 MB; check that this is the right file, and if it is, split the data into several sites (one per province, for example)"}
	if diff := cmp.Diff(want, errorLines(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(ds.Snapshots) != 2 || len(ds.Snapshots[0].Observations)+len(ds.Snapshots[1].Observations) != 1 {
		t.Errorf("the other files must still load: %+v", ds.Snapshots)
	}
}

// sizedFS serves a snapshot whose Stat reports size but whose content is
// data: the size check and the bounded read are tested apart.
type sizedFS struct {
	fstest.MapFS
	name string
	size int64
	data io.Reader
}

func (s sizedFS) Open(name string) (fs.File, error) {
	if name != s.name {
		return s.MapFS.Open(name)
	}
	return sizedFile{hugeFile{nil, name, s.size}, s.data}, nil
}

type sizedFile struct {
	hugeFile
	r io.Reader
}

func (f sizedFile) Stat() (fs.FileInfo, error) { return f.hugeFile, nil }
func (f sizedFile) Read(p []byte) (int, error) { return f.r.Read(p) }

// TestSizeLimitAtTheLimit reads a file of exactly the limit: only a file
// over it is refused.
func TestSizeLimitAtTheLimit(t *testing.T) {
	const name = "data/snapshots/2024-Q4.csv"
	body := snapHeader + "X1,P1,50,,,,\n"
	_, err := load.Dataset(sizedFS{site(nil), name, 16 << 20, strings.NewReader(body)})
	if err != nil {
		t.Errorf("a file of 16 MB was refused: %v", err)
	}
}

// TestSizeLimitWhileReading refuses a file that says it is small but
// holds more than the limit (a pipe, a file still being written): the read
// stops just past the limit.
func TestSizeLimitWhileReading(t *testing.T) {
	const name = "data/snapshots/2024-Q4.csv"
	big := &countingReader{r: io.MultiReader(strings.NewReader(snapHeader), endless{})}
	_, err := load.Dataset(sizedFS{site(nil), name, 100, big})
	want := []string{name + ": size-limit: file too large: over the limit of 16 MB; check that this is the right file, and if it is, split the data into several sites (one per province, for example)"}
	if diff := cmp.Diff(want, errorLines(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if big.n > 16<<20+1 {
		t.Errorf("read %d bytes, want at most the limit and one byte", big.n)
	}
}

// endless is an unending stream of rows.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	const row = "X1,P1,50,,,,\n"
	for i := range p {
		p[i] = row[i%len(row)]
	}
	return len(p), nil
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}
