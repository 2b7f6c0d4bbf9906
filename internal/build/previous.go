package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/minhbach/minhbach/internal/export"
)

// Previous is what the site currently published at the destination left
// for the next build: its figures file, to find what was corrected since,
// and its errata file, to keep publishing the corrections found before.
// Each is nil when absent (a first build, or one made before the file
// existed), and empty but non-nil when it exists but cannot be read, so
// the changes page says so instead of claiming there was nothing before.
type Previous struct {
	Figures     []byte
	Corrections []byte
}

// previous reads them under the publishing lock, before the new site
// replaces them.
func previous(dest string) Previous {
	return Previous{Figures: published(dest, export.FiguresPath), Corrections: published(dest, export.CorrectionsPath)}
}

func published(dest, name string) []byte {
	b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return []byte{}
	}
	return b
}
