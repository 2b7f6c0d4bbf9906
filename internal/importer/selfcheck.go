package importer

// Before anything is written, the snapshot is read back by the project's
// own loader and validator, in place among the site's files, and what they
// find is reported at the cell of the input.

import (
	"bytes"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/validate"
)

// selfCheck reads the snapshot back with the project's own loader and
// validator, together with the site's lists and other snapshots, as
// "minhbach check" will. Problems in the new file are reported at the cell
// of the input they came from; problems of the site's other files are not
// import's business, except a period that overlaps the new one.
func (im *importer) selfCheck(fsys fs.FS, out []record) {
	target := im.res.Path
	over := &overlay{base: fsys, name: target, data: im.res.Data}
	ds, err := load.Dataset(over)
	all := diag.All(err)
	if ds != nil {
		all = append(all, diag.All(validate.Dataset(ds, validate.Options{Today: im.opt.Today}))...)
	}
	for _, e := range all {
		if e.Pos.File != target && !slices.Contains(e.Text.Args(), any(target)) && !strings.Contains(e.Msg, target) {
			continue
		}
		ne := *e
		if e.Pos.File == target && e.Pos.Line >= 2 && e.Pos.Line-2 < len(out) {
			r := out[e.Pos.Line-2]
			p, ok := r.pos[e.Field]
			if !ok {
				p = r.origin
			}
			ne.Pos = p
			if text, ok := r.text[e.Field]; ok && e.Value != "" {
				ne.Value = text
			}
		}
		im.add(&ne)
	}
}

// overlay is fsys with one file added or replaced, so the new snapshot is
// checked in place before anything is written.
type overlay struct {
	base fs.FS
	name string
	data []byte
}

func (o *overlay) Open(name string) (fs.File, error) {
	if name == o.name {
		return &memFile{Reader: bytes.NewReader(o.data), info: memInfo{name: filepath.Base(name), size: int64(len(o.data))}}, nil
	}
	return o.base.Open(name)
}

func (o *overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	dir, file := pathSplit(o.name)
	if name != dir {
		return entries, err
	}
	if err != nil && len(entries) == 0 {
		entries, err = nil, nil // the folder does not exist yet
	}
	entries = slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return e.Name() == file })
	entries = append(entries, fs.FileInfoToDirEntry(memInfo{name: file, size: int64(len(o.data))}))
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, err
}

func pathSplit(p string) (dir, file string) {
	i := strings.LastIndexByte(p, '/')
	return p[:i], p[i+1:]
}

type memFile struct {
	*bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

var _ io.Reader = (*memFile)(nil)

type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
