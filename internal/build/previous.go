package build

import (
	"os"
	"path/filepath"

	"github.com/minhbach/minhbach/internal/export"
)

// previous returns the figures file of the site currently published at
// dest, or nil when there is none (a first build) or it cannot be read.
// It is read before the new site replaces it, so the changes page can list
// every figure the new build corrects. Its absence never fails a build: the
// page then says there is nothing to compare with.
func previous(dest string) []byte {
	b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(export.FiguresPath)))
	if err != nil {
		return nil
	}
	return b
}
