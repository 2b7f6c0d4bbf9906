package publish

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// A Target is a place releases are published to: one folder swapped in
// place (Folder), a folder of kept releases served through a link
// (Releases), and later object storage, which builds into a local folder
// and uploads it. Every target publishes all or nothing.
type Target interface {
	// Publish takes the target's lock, calls fill with an empty local
	// folder and what is live now, and makes what fill wrote live at
	// once. It returns the new release's id (see ReleaseID). If fill
	// fails or ctx is cancelled first, what was live stays live and the
	// folder is removed.
	Publish(ctx context.Context, date time.Time, fill func(tmp string, live Live) error) (id string, err error)
	// String names the target in messages.
	String() string
}

// Live is what a target serves when a publish starts.
type Live struct {
	ID  string // its release id; empty when none or not known (Folder)
	Dir string // the live tree on this machine; empty when none
}

// ReleaseID names a release by the date it was published (the injected
// clock, UTC) and a digest of its files (see TreeSum), so that the same
// data built at the same moment gets the same id, and ids sort by date:
// 20250301-000000-3fa2b1c4d5e6.
func ReleaseID(date time.Time, tree string) string {
	return date.UTC().Format("20060102-150405") + "-" + tree[:12]
}

var releaseIDPattern = regexp.MustCompile(`^[0-9]{8}-[0-9]{6}-[0-9a-f]{12}$`)

// ValidID reports whether id has the form ReleaseID gives.
func ValidID(id string) bool { return releaseIDPattern.MatchString(id) }

// ReleaseDate is the date part of an id.
func ReleaseDate(id string) (time.Time, bool) {
	if !ValidID(id) {
		return time.Time{}, false
	}
	t, err := time.Parse("20060102-150405", id[:15])
	return t, err == nil
}

// TreeSum is the SHA-256 of a tree's file list: each file's slash path
// and the SHA-256 of its bytes, in path order. Two trees with the same
// files have the same sum, wherever they are.
func TreeSum(ctx context.Context, root string) (string, error) {
	var lines []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		sum, err := fileSum(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		lines = append(lines, filepath.ToSlash(rel)+"\x00"+sum+"\n")
		return nil
	})
	if err != nil {
		return "", err
	}
	slices.Sort(lines)
	h := sha256.New()
	for _, l := range lines {
		io.WriteString(h, l)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// FileSum is the SHA-256 of a file, in hex.
func FileSum(path string) (string, error) { return fileSum(path) }

func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Folder is the simple target of "build --dest": one folder whose whole
// tree is swapped for the new one (see Dir). It keeps no earlier release.
type Folder struct {
	Dest string
	Opt  Options
}

func (f Folder) String() string { return f.Dest }

// Publish is Dir, with the release id computed from the finished tree.
func (f Folder) Publish(ctx context.Context, date time.Time, fill func(tmp string, live Live) error) (id string, err error) {
	err = Dir(ctx, f.Dest, f.Opt, func(tmp string) error {
		live := Live{}
		if fi, err := os.Stat(f.Dest); err == nil && fi.IsDir() {
			live.Dir = f.Dest
		}
		if err := fill(tmp, live); err != nil {
			return err
		}
		sum, err := TreeSum(ctx, tmp)
		if err != nil {
			return fmt.Errorf("%s: %w", tmp, err)
		}
		id = ReleaseID(date, sum)
		return nil
	})
	return id, err
}

// Sum is the SHA-256 of b, in hex.
func Sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Kept is a target that keeps whole releases by id and can make a kept
// one live again: a folder of releases (Releases) or object storage
// (package gocloud).
type Kept interface {
	Target
	// Live is the id of the release served now; "" when none.
	Live(ctx context.Context) (string, error)
	// List gives the ids of the kept releases, oldest first.
	List(ctx context.Context) ([]string, error)
	// Verify checks that release id is kept whole, as published.
	Verify(ctx context.Context, id string) error
	// Switch makes the kept release id live, after Verify.
	Switch(ctx context.Context, id string) error
	// Describe counts release id's files and pages, and gives the
	// SHA-256 of its file at the slash path sum ("" when absent).
	Describe(ctx context.Context, id, sum string) (Described, error)
}

// Described is what Kept.Describe says of a release.
type Described struct {
	Files int
	Bytes int64
	Pages int
	Sum   string
}

// Count adds the file at slash path p, of n bytes.
func (d *Described) Count(p string, n int64) {
	d.Files++
	d.Bytes += n
	if IsPage(p) {
		d.Pages++
	}
}

// IsPage reports whether the file at slash path p is a page of the site:
// every page is a folder's index.html.
func IsPage(p string) bool { return strings.HasSuffix(p, "index.html") }
