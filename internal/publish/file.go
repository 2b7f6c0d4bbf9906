package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/minhbach/minhbach/internal/msg"
)

// FileOptions say how WriteFile treats a file that is already there.
type FileOptions struct {
	// Replace allows replacing an existing file. Without it WriteFile never
	// replaces one, even one that appeared while the caller was preparing
	// data, and reports fs.ErrExist.
	Replace bool
}

// WriteFile puts data at path as one file, all or nothing: it writes a
// temporary file ".<base>.tmp-<random>" beside path (same folder, hence the
// same file system), flushes it to disk and only then moves it into place,
// so that a reader, a crash or a power cut finds either the previous file
// or the complete new one. The file is made readable by all (0644) and the
// folders leading to it are created.
//
// On failure path is left as it was and the temporary file is removed. The
// error is in plain words and wraps the OS error, so errors.Is(err,
// fs.ErrExist) tells that path exists and opt.Replace was not given.
func WriteFile(path string, data []byte, opt FileOptions) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &fileError{msgFolderFor.With(dir, path, reason(err)), err}
	}
	// A dot name: the loader skips a file that a crash leaves behind.
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return &fileError{msgTempFile.With(path, reason(err)), err}
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			os.Remove(name)
		}
	}()
	if err := writeSynced(tmp, data); err != nil {
		return &fileError{msgSaveFile.With(path, reason(err)), err}
	}
	if err := os.Chmod(name, 0o644); err != nil {
		return &fileError{msgPermissions.With(name, reason(err)), err}
	}
	if err := place(name, path, opt.Replace); errors.Is(err, fs.ErrExist) {
		return &fileError{msgExists.With(path), err}
	} else if err != nil {
		return &fileError{msgMoveFile.With(path, reason(err)), err}
	}
	// Make the rename itself durable. The file is already in place, and not
	// every system can flush a folder: a failure here is not an error.
	_ = syncDir(dir)
	return nil
}

// writeSynced writes data to f, flushes it to disk and closes f.
func writeSynced(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// place moves the finished temporary file tmp to path. Without replace it
// links tmp at path, which fails if path exists, then removes tmp; where
// the file system has no hard links (some network drives) it renames tmp
// into place unless path exists, leaving only a short race.
func place(tmp, path string, replace bool) error {
	if replace {
		return rename(tmp, path)
	}
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		os.Remove(tmp)
		return err
	}
	if _, serr := os.Lstat(path); serr == nil {
		return fs.ErrExist
	}
	return rename(tmp, path)
}

// fileError is a WriteFile failure: a sentence for people, in either
// language, and the OS error underneath for callers that word their own
// message or test for fs.ErrExist.
type fileError struct {
	msg.Text
	err error
}

func (e *fileError) Error() string { return e.String() }
func (e *fileError) Unwrap() error { return e.err }
