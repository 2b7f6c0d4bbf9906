package export

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/route"
)

// Release is a release of the data: the files a published build served
// that the publishing history keeps, kept at route.Release(ID) with their
// own SHA256SUMS, at an address that never changes: its zip of every
// download (route.Bundle), and its figures and errata files, byte for
// byte (a release recorded by an older minhbach has these two only).
// Every later build serves them again from the history, so they are the
// same bytes for ever.
type Release struct {
	// ID is the date of the publish and the start of the SHA-256 of the
	// release's SHA256SUMS (publish.ReleaseID's form): it follows from
	// the history's row alone, so every later build gives the same id,
	// and it is known before the site that lists it is built, which the
	// id of the site's tree is not.
	ID     string
	Date   time.Time
	Latest string        // the latest period of its data, e.g. "2024-Q4"
	Files  []ReleaseFile // by name
	Sums   File          // its SHA256SUMS, at route.ReleaseFile(ID, "SHA256SUMS")
}

// ReleaseFile is one file of a release.
type ReleaseFile struct {
	Name   string // "figures.csv"
	Size   int64
	SHA256 string
	// Open reads the bytes it is copied from (the history's copy, or the
	// zip this build wrote); Data are its bytes otherwise (a file of the
	// release being published).
	Open func() (io.ReadCloser, error)
	Data []byte
}

// SumsName is the name of a release's checksums file.
const SumsName = "SHA256SUMS"

// NewRelease is the release published at date of files, whose data ends
// with the period latest.
func NewRelease(date time.Time, latest string, files []ReleaseFile) Release {
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b ReleaseFile) int { return cmp.Compare(a.Name, b.Name) })
	lines := make([]SumLine, len(files))
	for i, f := range files {
		lines[i] = SumLine{Name: f.Name, SHA256: f.SHA256}
	}
	b := SumsFile(lines)
	id := publish.ReleaseID(date, publish.Sum(b))
	return Release{ID: id, Date: date.UTC(), Latest: latest, Files: files,
		Sums: newFile(route.ReleaseFile(id, SumsName), "checksums", id, len(lines), b)}
}

// Write puts the release's files and its SHA256SUMS under dest (the site
// being built). A file with Open is copied as a stream, never held in
// memory; not linked, so that neither copy can change the other.
func (r Release) Write(ctx context.Context, dest string) error {
	for _, f := range r.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		to := filepath.Join(dest, filepath.FromSlash(route.ReleaseFile(r.ID, f.Name)))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if f.Open == nil {
			if err := os.WriteFile(to, f.Data, 0o644); err != nil {
				return err
			}
			continue
		}
		if err := copyFile(f.Open, to); err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	to := filepath.Join(dest, filepath.FromSlash(r.Sums.Path))
	return os.WriteFile(to, r.Sums.Data, 0o644)
}

func copyFile(open func() (io.ReadCloser, error), to string) (err error) {
	in, err := open()
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, out.Close()) }()
	_, err = io.Copy(out, in)
	return err
}

// Newest sorts releases newest first, by date, then by the order given
// (the history's, oldest first), and keeps one of each id (the same files
// published the same second are one release).
func Newest(releases []Release) []Release {
	var out []Release
	seen := map[string]bool{}
	for i := len(releases) - 1; i >= 0; i-- {
		if r := releases[i]; !seen[r.ID] {
			seen[r.ID] = true
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b Release) int { return b.Date.Compare(a.Date) })
	return out
}
