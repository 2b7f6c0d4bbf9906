package preview

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// watcher reports changes to a site's inputs: the named files and folders
// of the site directory (data/, content/, hugo.toml…), whole trees. It
// uses the OS's notifications (inotify, FSEvents, ReadDirectoryChangesW)
// through fsnotify, which watches one folder at a time: every folder of a
// tree is added, and new ones as they appear.
type watcher struct {
	fs    *fsnotify.Watcher
	root  string
	names map[string]bool // the inputs: first path elements under root
}

func newWatcher(root string, inputs []string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, root: root, names: map[string]bool{}}
	for _, n := range inputs {
		w.names[n] = true
	}
	// The site folder itself, for the config files and for input folders
	// created later (static/ added while previewing).
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, n := range inputs {
		if err := w.addTree(filepath.Join(root, n)); err != nil {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and every folder below it; a dir that is missing or
// is a file is not an error.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // gone meanwhile, or never there
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		return w.fs.Add(p)
	})
}

// run sends on out when an input changed, until ctx is done. Sends do not
// block: out holds one pending change, which stands for any number.
func (w *watcher) run(ctx context.Context, out chan<- struct{}) {
	defer w.fs.Close()
	notify := func() {
		select {
		case out <- struct{}{}:
		default:
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if !w.input(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					_ = w.addTree(ev.Name) // a folder that cannot be watched is seen at the next change above it
				}
			}
			notify()
		case _, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			// Events were lost (the OS queue overflowed): rebuild, since
			// something may have changed.
			notify()
		}
	}
}

// input tells whether ev concerns an input of the build. A change of
// permissions alone changes nothing a build reads; hidden files and
// editors' backups (".2025-Q1.csv.swp", "2025-Q1.csv~", the temporary
// file an import writes before renaming it into place) are not read
// either, and the rename that completes a save is seen on its own.
func (w *watcher) input(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || !filepath.IsLocal(rel) {
		return false
	}
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	if !w.names[first] {
		return false
	}
	base := filepath.Base(ev.Name)
	return !strings.HasPrefix(base, ".") && !strings.HasSuffix(base, "~")
}
