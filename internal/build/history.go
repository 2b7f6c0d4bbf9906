package build

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/ledger"
	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/route"
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

// keptReleases are the releases of the data whose files led keeps,
// oldest first, checked against its rows.
func keptReleases(ctx context.Context, led *ledger.Ledger) ([]export.Release, error) {
	rs, files, err := led.Kept(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]export.Release, len(rs))
	for i, r := range rs {
		var fs []export.ReleaseFile
		for _, f := range files[i] {
			fs = append(fs, export.ReleaseFile{Name: f.Name, Size: f.Size, SHA256: f.SHA256, Open: f.Open})
		}
		out[i] = export.NewRelease(r.Date, r.Latest, fs)
	}
	return out, nil
}

// releaseNames are the downloads a release of the data holds, by their
// names in the history (package ledger): the zip of every download, and
// the figures and errata beside it, the files most cited.
var releaseNames = map[string]string{
	route.Bundle:           ledger.ZipFile,
	export.FiguresPath:     ledger.FiguresFile,
	export.CorrectionsPath: ledger.CorrectionsFile,
}

// writeReleases writes into into.Dir the releases of the data the site
// serves, and returns them newest first: those the history keeps and,
// for a publish, this build's, made of the very files the history will
// keep of it (see Site), so a later build gives it the same id and bytes;
// current is the id of that one.
func writeReleases(ctx context.Context, a *analyse.Analysis, downloads []export.File, into Into) (all []export.Release, current string, err error) {
	all = into.Releases
	if !into.Release.IsZero() {
		var files []export.ReleaseFile
		for _, d := range downloads {
			name := releaseNames[d.Path]
			if name == "" {
				continue
			}
			f := export.ReleaseFile{Name: name, Size: int64(d.Size), SHA256: d.SHA256, Data: d.Data}
			if d.Path == route.Bundle {
				// Written to disk, not held in memory (export.Bundle).
				on := filepath.Join(into.Dir, filepath.FromSlash(d.Path))
				f.Open = func() (io.ReadCloser, error) { return os.Open(on) }
			}
			files = append(files, f)
		}
		r := export.NewRelease(into.Release, a.Latest().String(), files)
		all, current = append(slices.Clone(all), r), r.ID
	}
	all = export.Newest(all)
	for _, r := range all {
		if err := r.Write(ctx, into.Dir); err != nil {
			return nil, "", err
		}
	}
	return all, current, nil
}
