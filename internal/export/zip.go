package export

import (
	"archive/zip"
	"bufio"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/minhbach/minhbach/internal/route"
)

// zipTime is every entry's time: the zip's own epoch, so that the same
// downloads make the same bytes whenever they are built.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// inputKinds are the kinds of File that are copies of input files; the zip
// also holds those inputs byte for byte (route.Original).
var inputKinds = map[string]bool{"indicators": true, "units": true, "targets": true, "snapshot": true}

// Bundle writes every file of files (the English ones under en/, see
// route.InBundle) and the original input files they copy (read from site) into one zip at route.Bundle under dest, and
// returns it, without its bytes. Entries are sorted by name and carry a
// fixed time, so the same downloads make the same zip; the zip is streamed
// to disk, and each original is copied from its file, so memory does not
// grow with the zip.
func Bundle(ctx context.Context, dest string, files []File, site fs.FS) (f File, err error) {
	type entry struct {
		name  string
		data  []byte // a download's bytes, or
		input string // an input file to copy from site
	}
	var entries []entry
	for _, f := range files {
		rel, ok := route.InBundle(f.Path)
		if !ok || f.Path == route.Bundle || f.Kind == "checksums" {
			continue
		}
		entries = append(entries, entry{name: rel, data: f.Data})
		if inputKinds[f.Kind] {
			in := route.InputOf(f.Path)
			entries = append(entries, entry{name: route.Original(in), input: in})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.name, b.name) })

	out := filepath.Join(dest, filepath.FromSlash(route.Bundle))
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return File{}, err
	}
	file, err := os.Create(out)
	if err != nil {
		return File{}, err
	}
	defer func() {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}()
	sum := sha256.New()
	counted := &countWriter{w: io.MultiWriter(file, sum)}
	buf := bufio.NewWriterSize(counted, 1<<16)
	zw := zip.NewWriter(buf)
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return File{}, err
		}
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: zipTime}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return File{}, err
		}
		if e.input == "" {
			if _, err := w.Write(e.data); err != nil {
				return File{}, err
			}
			continue
		}
		if err := copyFrom(w, site, e.input); err != nil {
			return File{}, err
		}
	}
	if err := zw.Close(); err != nil {
		return File{}, err
	}
	if err := buf.Flush(); err != nil {
		return File{}, err
	}
	return File{Path: route.Bundle, Kind: "zip", Rows: len(entries), Size: int(counted.n), SHA256: hex.EncodeToString(sum.Sum(nil))}, nil
}

func copyFrom(w io.Writer, site fs.FS, name string) error {
	r, err := site.Open(name)
	if err != nil {
		return err
	}
	defer r.Close()
	_, err = io.Copy(w, r)
	return err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
