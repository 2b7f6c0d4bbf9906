package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/minhbach/minhbach/internal/export"
)

// previous returns the figures file of the site currently published at
// dest: nil when there is none (a first build), and an empty, non-nil
// slice when it exists but cannot be read, so the changes page says so
// instead of claiming there was nothing before. It is read under the
// publishing lock, before the new site replaces it.
func previous(dest string) []byte {
	b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(export.FiguresPath)))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return []byte{}
	}
	return b
}
