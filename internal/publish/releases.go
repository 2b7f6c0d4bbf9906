package publish

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/msg"
)

// Releases is a folder on this machine, or a mounted web root, that keeps
// whole releases side by side and serves one of them:
//
//	TARGET/releases/<id>/   one complete site per release
//	TARGET/current          a symbolic link to releases/<id>: the web server's root
//
// A release is built in TARGET/releases/.tmp-<random>, flushed, renamed to
// its id, and made live by replacing the link with rename(2), which is
// atomic: a web server pointed at current serves the old tree or the new
// one, never a mix, and a rollback is the same switch to a kept release,
// without copying. (The renameat2 exchange of Folder swaps two trees but
// keeps no release by name, so it cannot roll back.)
type Releases struct {
	Root string // TARGET
	Keep int    // releases kept, the live one included; at least 1 (0 means DefaultKeep)
	// Source is the site folder: a target inside it is refused, since its
	// kept releases would travel with the site and be read back as its
	// files.
	Source string
}

// DefaultKeep is how many releases a target keeps unless told otherwise.
const DefaultKeep = 5

// The names inside a Releases target.
const (
	ReleasesDir = "releases"
	CurrentLink = "current"
)

func (r Releases) String() string { return r.Root }

// Dir is where release id is kept.
func (r Releases) Dir(id string) string { return filepath.Join(r.Root, ReleasesDir, id) }

// fault is a target error at the target's path, exit 1 like a data
// problem, in plain words.
func fault(path string, m *msg.Message, args ...any) error {
	return diag.Newf(diag.Position{File: path}, diag.CodeTarget, "", "", m, args...)
}

// CheckFolder refuses a folder to publish to (a Releases target, or a
// folder used as a bucket) that is missing, not a folder, a loop of
// links, or the site folder source or inside it ("" when not known),
// before anything is built, said at root in plain words.
func CheckFolder(root, source string) error {
	if _, err := checkPath(root); err != nil {
		return err
	}
	// Before whether it exists: a target inside the site is wrong even
	// when it has not been made yet.
	if source != "" {
		_, in := inside(root, []string{source})
		a, aerr := os.Stat(root)
		b, berr := os.Stat(source)
		if in || aerr == nil && berr == nil && os.SameFile(a, b) {
			return fault(root, msgTargetInSource, source)
		}
	}
	fi, err := os.Stat(root)
	switch {
	case errors.Is(err, syscall.ELOOP):
		return fault(root, msgLoop)
	case errors.Is(err, fs.ErrNotExist):
		return fault(root, msgTargetMissing)
	case err != nil:
		return fault(root, msgTargetUnreadable, reason(err))
	case !fi.IsDir():
		return fault(root, msgTargetNotFolder)
	}
	return nil
}

// NotWritable says that the folder target at path refused a write (err):
// nothing live was changed.
func NotWritable(path string, err error) error {
	return fault(path, msgTargetReadOnly, reason(err))
}

// check refuses a target that CheckFolder refuses, or whose current is
// not minhbach's link, before anything is built.
func (r Releases) check() error {
	if err := CheckFolder(r.Root, r.Source); err != nil {
		return err
	}
	for _, name := range []string{ReleasesDir, CurrentLink} {
		p := filepath.Join(r.Root, name)
		if _, err := os.Stat(p); errors.Is(err, syscall.ELOOP) {
			return fault(p, msgLoop)
		}
	}
	if fi, err := os.Lstat(filepath.Join(r.Root, CurrentLink)); err == nil && fi.Mode()&fs.ModeSymlink == 0 {
		return fault(filepath.Join(r.Root, CurrentLink), msgCurrentNotLink)
	}
	return nil
}

// lock takes the target's publishing lock, TARGET/.current.lock.
func (r Releases) lock() (*Lease, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	// Lock words a refused lock file as a lock problem; on a target it
	// is a folder that cannot be written, said as such.
	link := filepath.Join(r.Root, CurrentLink)
	f, err := os.OpenFile(lockPath(link), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, NotWritable(r.Root, err)
	}
	f.Close()
	return Lock(link)
}

// Live is the release current points to: "" when there is none yet.
func (r Releases) Live(context.Context) (string, error) {
	link := filepath.Join(r.Root, CurrentLink)
	to, err := os.Readlink(link)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fault(link, msgTargetUnreadable, reason(err))
	}
	id := filepath.Base(to)
	if filepath.ToSlash(filepath.Dir(to)) != ReleasesDir || !ValidID(id) {
		return "", fault(link, msgCurrentElsewhere, to)
	}
	return id, nil
}

// List returns the ids of the kept releases, oldest first.
func (r Releases) List(context.Context) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(r.Root, ReleasesDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fault(filepath.Join(r.Root, ReleasesDir), msgTargetUnreadable, reason(err))
	}
	var ids []string
	for _, e := range entries {
		if e.IsDir() && ValidID(e.Name()) {
			ids = append(ids, e.Name())
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// Publish builds a release with fill and makes it live (see Target).
func (r Releases) Publish(ctx context.Context, date time.Time, fill func(tmp string, live Live) error) (id string, err error) {
	if fill == nil {
		return "", errors.New("publish.Releases: fill is nil")
	}
	lease, err := r.lock()
	if err != nil {
		return "", err
	}
	defer func() {
		if uerr := lease.Unlock(); err == nil {
			err = uerr
		}
	}()
	r.cleanStale()
	live := Live{}
	if live.ID, err = r.Live(ctx); err != nil {
		return "", err
	}
	if live.ID != "" {
		live.Dir = r.Dir(live.ID)
	}
	dir := filepath.Join(r.Root, ReleasesDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", NotWritable(r.Root, err)
	}
	tmp, err := os.MkdirTemp(dir, ".tmp-*")
	if err != nil {
		return "", NotWritable(r.Root, err)
	}
	// Until it is renamed to its id, the new tree goes whatever happens.
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", msgPermissions.Err(tmp, reason(err))
	}
	if err := fill(tmp, live); err != nil {
		return "", err
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	sum, err := TreeSum(ctx, tmp)
	if err != nil {
		return "", err
	}
	id = ReleaseID(date, sum)
	if err := syncTree(tmp); err != nil {
		return "", msgSaveSite.Err(err, r.Root)
	}
	final := r.Dir(id)
	created := false
	if _, err := os.Lstat(final); errors.Is(err, fs.ErrNotExist) {
		// The same id is the same files at the same date: a kept release
		// with this id is this release, and is switched to as it is.
		if err := rename(tmp, final); err != nil {
			return "", msgMoveIn.Err(final, reason(err))
		}
		created = true
		_ = syncDir(dir)
	}
	// Interrupted before the switch: nothing changes for readers, and the
	// release made for nothing goes too.
	if err := ctx.Err(); err != nil {
		if created {
			_ = os.RemoveAll(final)
		}
		return "", err
	}
	if err := r.point(id); err != nil {
		if created {
			_ = os.RemoveAll(final)
		}
		return "", err
	}
	r.prune(id)
	return id, nil
}

// Switch makes the kept release id live again (a rollback), after
// checking that its files still add up to its id.
func (r Releases) Switch(ctx context.Context, id string) (err error) {
	lease, err := r.lock()
	if err != nil {
		return err
	}
	defer func() {
		if uerr := lease.Unlock(); err == nil {
			err = uerr
		}
	}()
	r.cleanStale()
	if err := r.Verify(ctx, id); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return r.point(id)
}

// Verify checks that release id is kept and that its files are those it
// was published with: its id ends with the start of their TreeSum.
func (r Releases) Verify(ctx context.Context, id string) error {
	dir := r.Dir(id)
	if fi, err := os.Stat(dir); !ValidID(id) || err != nil || !fi.IsDir() {
		return fault(r.Root, msgNoRelease, id)
	}
	sum, err := TreeSum(ctx, dir)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fault(dir, msgTargetUnreadable, reason(err))
	}
	if !strings.HasSuffix(id, "-"+sum[:12]) {
		return diag.Newf(diag.Position{File: dir}, diag.CodeChecksum, "", "", msgReleaseDamaged, id)
	}
	return nil
}

// point replaces current with a link to releases/id in one rename.
func (r Releases) point(id string) error {
	link := filepath.Join(r.Root, CurrentLink)
	tmp := sibling(link, ".tmp-"+randomSuffix())
	if err := os.Symlink(filepath.Join(ReleasesDir, id), tmp); err != nil {
		return NotWritable(r.Root, err)
	}
	if err := rename(tmp, link); err != nil {
		os.Remove(tmp)
		return msgExchange.Err(link, reason(err))
	}
	_ = syncDir(r.Root)
	return nil
}

// prune removes the oldest releases beyond Keep, never the live one.
// Failures are ignored: a leftover release is harmless and goes next time.
func (r Releases) prune(live string) {
	keep := r.Keep
	if keep <= 0 {
		keep = DefaultKeep
	}
	ids, err := r.List(context.Background())
	if err != nil {
		return
	}
	kept := 1 // the live one
	for i := len(ids) - 1; i >= 0; i-- {
		if ids[i] == live {
			continue
		}
		if kept < keep {
			kept++
			continue
		}
		_ = os.RemoveAll(r.Dir(ids[i]))
	}
}

// cleanStale removes what a killed publish left: unfinished trees and
// links. Only call it under the lock.
func (r Releases) cleanStale() {
	if entries, err := os.ReadDir(filepath.Join(r.Root, ReleasesDir)); err == nil {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".tmp-") {
				_ = os.RemoveAll(filepath.Join(r.Root, ReleasesDir, e.Name()))
			}
		}
	}
	if entries, err := os.ReadDir(r.Root); err == nil {
		prefix := "." + CurrentLink + ".tmp-"
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), prefix) {
				_ = os.Remove(filepath.Join(r.Root, e.Name()))
			}
		}
	}
}

// Describe counts release id's files and pages and sums its file at the
// slash path sum ("" when it has none).
func (r Releases) Describe(ctx context.Context, id, sum string) (Described, error) {
	dir := r.Dir(id)
	var d Described
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		d.Count(filepath.ToSlash(rel), info.Size())
		return nil
	})
	if err != nil {
		return Described{}, fault(dir, msgTargetUnreadable, reason(err))
	}
	if sum != "" {
		if d.Sum, err = fileSum(filepath.Join(dir, filepath.FromSlash(sum))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return Described{}, fault(dir, msgTargetUnreadable, reason(err))
		}
	}
	return d, nil
}
