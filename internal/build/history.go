package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/ledger"
	"github.com/minhbach/minhbach/internal/publish"
)

// Previous is what the build compares with: the figures file of the
// release it follows, to find what was corrected since, and its errata
// file, to keep publishing the corrections found before. Each is nil when
// absent (a first publication).
type Previous struct {
	Figures     []byte
	Corrections []byte
	// Damaged, when set, turns a file that cannot be read into an error
	// at that file (the ledger's files must be readable); when nil, the
	// changes page says it could not be read (an old web root).
	Damaged func(name string, err error) error
}

// Compared says what a build compared with.
type Compared struct {
	Release string // the release of the ledger, when it was one
	Legacy  string // the published folder its history was read from, once (see base)
}

// base decides which history a build compares with; it is the only place
// that does. In order:
//
//  1. the release live at the target, when the ledger has it: after a
//     rollback, the rolled-back release, even one made by a rollback
//     that did not update this ledger;
//  2. the ledger's live release (the last publish or rollback recorded);
//  3. for a publish with an empty ledger (a site published before the
//     ledger existed), the figures and errata files of the tree live at
//     the target, read once: the release recorded then starts the ledger;
//  4. nothing: a first publication.
func base(led *ledger.Ledger, live publish.Live, record bool) (Previous, Compared, error) {
	id := ""
	if live.ID != "" && led.Has(live.ID) {
		id = live.ID
	} else if r, ok := led.Live(); ok {
		id = r.ID
	}
	if id != "" {
		h, err := led.Load(id)
		if err != nil {
			return Previous{}, Compared{}, err
		}
		damaged := func(name string, err error) error { return led.Errorf(id, name, err) }
		return Previous{Figures: h.Figures, Corrections: h.Corrections, Damaged: damaged}, Compared{Release: id}, nil
	}
	if record && led.Empty() && live.Dir != "" {
		prev := Previous{Figures: published(live.Dir, export.FiguresPath), Corrections: published(live.Dir, export.CorrectionsPath)}
		if prev.Figures != nil {
			return prev, Compared{Legacy: live.Dir}, nil
		}
	}
	return Previous{}, Compared{}, nil
}

// published reads a file of an old web root: nil when absent, empty when
// unreadable (the changes page then says so).
func published(dir, name string) []byte {
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return []byte{}
	}
	return b
}
