// Package publish replaces the built site folder atomically, so that readers
// and staff never see a half-built site and a failed or killed build leaves
// the previous one exactly as it was.
//
// The new version is built in a temporary folder beside the destination
// (same parent, hence the same file system, so a rename moves it without
// copying), flushed to disk, and swapped in only when complete. A lock file
// beside the destination makes a second concurrent build fail clearly
// instead of interleaving with the first.
//
// WriteFile does the same for one file, such as an imported snapshot: a
// temporary file beside it, flushed, then moved into place.
package publish

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Options guard Dir against destinations whose replacement would destroy
// the user's work.
type Options struct {
	// Protect lists paths that publishing must never delete, such as the
	// data folder and the configuration file. Dir refuses a destination
	// that is, or contains, any of them, so "--dest ." or "--dest data"
	// cannot wipe the site's inputs. Paths that do not exist are ignored.
	Protect []string
}

// Dir publishes a new version of dest. It takes the lock (see Lock) for the
// whole operation, removes debris that a killed earlier run left beside
// dest, creates a fresh temporary folder ".<base>.tmp-<random>" beside dest
// and calls fill with its path. Only if fill returns nil does it flush every
// file and folder to disk, swap the temporary folder into place and remove
// the old tree.
//
// If fill returns an error, or ctx is cancelled before the swap, Dir
// returns that error unchanged; if fill
// panics, the panic continues after clean-up. In both cases, and if the
// swap fails, dest is left exactly as it was and the temporary folder is
// removed. Failing to remove the old tree after a successful swap is not an
// error: the new site is live, and the next run removes the leftover.
//
// dest may be relative. Dir refuses an empty path, the root of a disk, the
// current folder or one of its parents, the home folder or one of its
// parents, a folder that is or contains one of opt.Protect, a symbolic link
// and a file that is not a folder.
func Dir(ctx context.Context, dest string, opt Options, fill func(tmp string) error) (err error) {
	if fill == nil {
		return errors.New("publish.Dir: fill is nil")
	}
	dest, err = checkDest(dest, opt.Protect)
	if err != nil {
		return err
	}
	lease, err := Lock(dest)
	if err != nil {
		return err
	}
	defer func() {
		if uerr := lease.Unlock(); err == nil {
			err = uerr
		}
	}()

	cleanStale(dest)
	// Check again under the lock: the folder may have changed while we
	// waited, or cleanStale may have restored it.
	if _, err := checkDest(dest, opt.Protect); err != nil {
		return err
	}
	perm := fs.FileMode(0o755)
	existed := false
	if fi, err := os.Lstat(dest); err == nil {
		perm, existed = fi.Mode().Perm(), true
	}

	parent, base := filepath.Dir(dest), filepath.Base(dest)
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-*")
	if err != nil {
		return msgTempFolder.Err(dest, reason(err))
	}
	// Whatever happens, tmp goes: it is the unfinished new tree on failure,
	// the old tree after an exchange, and already gone after a rename.
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, perm); err != nil {
		return msgPermissions.Err(tmp, reason(err))
	}

	if err := fill(tmp); err != nil {
		return err
	}
	// Cancelled while filling (Ctrl-C): the new tree is not published.
	if err := ctx.Err(); err != nil {
		return err
	}
	if fi, err := os.Lstat(tmp); err != nil || !fi.IsDir() {
		return msgTempGone.Err(tmp, dest)
	}
	if err := syncTree(tmp); err != nil {
		return msgSaveSite.Err(err, dest)
	}

	if !existed {
		if err := rename(tmp, dest); err != nil {
			return msgMoveIn.Err(dest, reason(err))
		}
	} else {
		old, err := replace(tmp, dest)
		if err != nil {
			return err
		}
		_ = os.RemoveAll(old) // a leftover is removed by the next run
	}
	// Make the rename itself durable. The site is already live, so a
	// failure here is not worth failing the build over.
	_ = syncDir(filepath.Dir(dest))
	return nil
}

// replace swaps the finished tree at tmp with the existing dest and returns
// where the old tree now is. It exchanges the two atomically where the OS
// can; otherwise it renames dest aside and tmp into place, which leaves a
// brief moment without dest and is undone if the second rename fails.
func replace(tmp, dest string) (old string, err error) {
	err = exchange(tmp, dest)
	if err == nil {
		return tmp, nil
	}
	if !errors.Is(err, errNoExchange) {
		return "", msgExchange.Err(dest, reason(err))
	}
	return renameSwap(tmp, dest, rename)
}

// errNoExchange is returned by exchange where an atomic swap of two folders
// is not available.
var errNoExchange = errors.New("atomic exchange not supported")

// renameSwap is the two-rename fallback of replace; rename is a parameter so
// that tests can make the second step fail.
func renameSwap(tmp, dest string, rename func(from, to string) error) (old string, err error) {
	old = sibling(dest, ".old-"+randomSuffix())
	if err := rename(dest, old); err != nil {
		return "", msgMoveAside.Err(dest, reason(err))
	}
	if err := rename(tmp, dest); err != nil {
		if rerr := rename(old, dest); rerr != nil {
			return "", msgKeptAt.Err(dest, reason(err), reason(rerr), old)
		}
		return "", msgPutBack.Err(dest, reason(err))
	}
	return old, nil
}

// cleanStale removes the temporary and old trees that a killed run left
// beside dest. Only call it while holding the lock: without it, the
// temporary folder of a running build would look stale. If dest is missing
// but exactly one old tree exists, a run was killed between the two renames
// of renameSwap, and that tree is the previous live site: it is put back.
// Failures are ignored; every run uses fresh random names, so debris is
// harmless until a later run manages to remove it.
func cleanStale(dest string) {
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	tmpPrefix, oldPrefix := "."+base+".tmp-", "."+base+".old-"
	var tmps, olds []string
	for _, e := range entries {
		switch name := e.Name(); {
		case strings.HasPrefix(name, tmpPrefix) && len(name) > len(tmpPrefix):
			tmps = append(tmps, filepath.Join(parent, name))
		case strings.HasPrefix(name, oldPrefix) && len(name) > len(oldPrefix):
			olds = append(olds, filepath.Join(parent, name))
		}
	}
	if len(olds) == 1 {
		if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) && rename(olds[0], dest) == nil {
			olds = nil
		}
	}
	for _, p := range append(tmps, olds...) {
		_ = os.RemoveAll(p)
	}
}

// syncEach flushes every regular file and folder under root to disk, one
// fsync each, so that a power cut after the swap cannot reveal empty or
// partial files. syncTree uses it where the system has nothing faster.
func syncEach(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return msgAtPath.Err(reason(err), path)
		}
		switch {
		case d.IsDir():
			err = syncDir(path)
		case d.Type().IsRegular():
			err = syncFile(path)
		}
		if err != nil {
			return msgAtPath.Err(reason(err), path)
		}
		return nil
	})
}

// checkPath cleans dest and refuses the paths that are never a valid
// destination, whatever exists on disk.
func checkPath(dest string) (string, error) {
	if dest == "" {
		return "", msgNoDest.Err()
	}
	dest = filepath.Clean(dest)
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", msgWhere.Err(dest, reason(err))
	}
	if filepath.Dir(abs) == abs {
		return "", msgRoot.Err(dest)
	}
	return dest, nil
}

// checkDest is checkPath plus the checks of what is on disk. It returns the
// cleaned dest.
func checkDest(dest string, protect []string) (string, error) {
	dest, err := checkPath(dest)
	if err != nil {
		return "", err
	}
	if p, ok := inside(dest, protect); ok {
		return "", msgInsideInput.Err(dest, p)
	}
	fi, err := os.Lstat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return dest, nil // a missing folder holds nothing to lose
	}
	if err != nil {
		return "", msgCheckDest.Err(dest, reason(err))
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		target, _ := os.Readlink(dest)
		return "", msgLink.Err(dest, target)
	}
	if !fi.IsDir() {
		return "", msgNotFolder.Err(dest)
	}
	if wd, err := os.Getwd(); err == nil && contains(fi, wd) {
		return "", msgCurrent.Err(dest)
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" && contains(fi, home) {
		return "", msgHome.Err(dest)
	}
	for _, p := range protect {
		if p != "" && contains(fi, p) {
			return "", msgContainsInput.Err(dest, p)
		}
	}
	return dest, nil
}

// inside reports which protected folder dest is strictly in, checking the
// nearest folder of dest that exists, so a destination not created yet is
// caught too.
func inside(dest string, protect []string) (string, bool) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", false
	}
	at := abs
	for {
		if _, err := os.Stat(at); err == nil {
			break
		}
		up := filepath.Dir(at)
		if up == at {
			return "", false
		}
		at = up
	}
	here, err := os.Stat(at)
	if err != nil {
		return "", false
	}
	for _, p := range protect {
		// dest == p is refused elsewhere, as "contains".
		if fi, err := os.Stat(p); err == nil && fi.IsDir() && !(at == abs && os.SameFile(fi, here)) && contains(fi, at) {
			return p, true
		}
	}
	return "", false
}

// contains reports whether the folder dir is p or one of p's parents. It
// compares files, not names, so links and case-insensitive disks cannot
// disguise a match.
func contains(dir fs.FileInfo, p string) bool {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	} else {
		return false // p does not exist: there is nothing to protect
	}
	p, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	for {
		if fi, err := os.Stat(p); err == nil && os.SameFile(fi, dir) {
			return true
		}
		up := filepath.Dir(p)
		if up == p {
			return false
		}
		p = up
	}
}

// sibling names a file beside dest: ".<base><suffix>".
func sibling(dest, suffix string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+suffix)
}

func randomSuffix() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand panics instead)
	return hex.EncodeToString(b[:])
}

// reason is why err happened, for a message: the OS's own words ("no such
// device"), without the Go operation name and paths that the caller
// already puts in plainer words, or for the failures staff meet most
// (permission denied, a full or read-only disk) words of the catalogue,
// said in either language.
func reason(err error) any {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.Is(err, fs.ErrPermission):
		return msgDenied.With()
	case errors.Is(err, syscall.ENOSPC):
		return msgDiskFull.With()
	case errors.Is(err, syscall.EROFS):
		return msgReadOnly.With()
	case errors.As(err, &pe):
		return pe.Err.Error()
	case errors.As(err, &le):
		return le.Err.Error()
	}
	return err.Error()
}
