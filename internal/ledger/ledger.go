// Package ledger keeps a site's published history in the site folder, not
// in the web root: for each release, the figures it showed and the errata
// it published, and the order of publishes and rollbacks, so that the next
// build compares with the release that is live and carries its errata
// forward, whatever happened to the web root since.
//
//	history/releases.csv          one row per publish or rollback, oldest first
//	history/<id>/figures.csv      the figures file of release <id>
//	history/<id>/corrections.csv  its errata file
//
// releases.csv has the columns of Columns; every row says the format it
// was written in (Format), so a newer minhbach can tell an older ledger
// and an older one refuses a newer ledger instead of misreading it. The
// release that is live is that of the last row. Each row records the
// SHA-256 of its two files: a file changed or lost since is found when the
// release is loaded, and said at the row and cell. The figures and errata
// of the last releases are kept (see Record); the rows stay for ever.
//
// The folder is plain text, meant to be committed with the site. Only a
// publish writes it (Record, Rollback); a draft build or a preview only
// reads it.
package ledger

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/publish"
)

// Dir is the ledger's folder in a site folder.
const Dir = "history"

// File is the list of publishes and rollbacks in the ledger folder.
const File = "releases.csv"

// The files kept per release.
const (
	FiguresFile     = "figures.csv"
	CorrectionsFile = "corrections.csv"
)

// Format is the version of the ledger this minhbach writes and reads.
const Format = 1

// Columns are the columns of releases.csv, in order.
var Columns = []string{"format", "event", "release", "date", "latest_period", "pages", "figures_sha256", "corrections_sha256"}

// The events of releases.csv.
const (
	Published  = "publish"
	RolledBack = "rollback"
)

// Release is one published release as the ledger records it.
type Release struct {
	ID          string
	Date        time.Time // of the event: the publish, or the rollback
	Latest      string    // the latest period of its data, e.g. "2024-Q4"
	Pages       int
	Figures     string // SHA-256 of its figures file, hex
	Corrections string // SHA-256 of its errata file, hex
}

// Event is one row of releases.csv.
type Event struct {
	Kind string // Published or RolledBack
	Release
	row  int    // its line in releases.csv
	sums [2]int // the columns of its two checksums there
}

// Ledger is a site's history as read from its folder.
type Ledger struct {
	dir    string  // on disk
	shown  string  // in messages: the folder as staff know it, e.g. "history"
	events []Event // oldest first
	raw    []byte  // releases.csv as read, to append to
}

// History is what a build compares with: the figures and errata files of
// a release.
type History struct {
	Release     Release
	Figures     []byte
	Corrections []byte
}

// Read reads the ledger in dir, which messages call shown (slash path).
// A missing folder or file is an empty ledger; anything damaged is a
// positioned problem (see package diag), and so are the files of the
// live release when they are missing or changed.
func Read(ctx context.Context, dir, shown string) (*Ledger, error) {
	l := &Ledger{dir: dir, shown: shown}
	b, err := os.ReadFile(filepath.Join(dir, File))
	if errors.Is(err, fs.ErrNotExist) {
		return l, nil
	}
	if err != nil {
		return nil, diag.Newf(l.pos(0, 0), diag.CodeSource, "", "", msgUnreadable, err)
	}
	l.raw = b
	if err := l.parse(b); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if live, ok := l.Live(); ok {
		if _, err := l.Load(live.ID); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// pos is a position in releases.csv.
func (l *Ledger) pos(line, col int) diag.Position {
	return diag.Position{File: path.Join(l.shown, File), Line: line, Column: col}
}

var sha256Pattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

// parse reads releases.csv, reporting every damaged cell at once.
func (l *Ledger) parse(b []byte) error {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.FieldsPerRecord = -1
	var problems diag.List
	header, err := r.Read()
	if err != nil {
		return l.csvError(err)
	}
	if !slices.Equal(header, Columns) {
		return diag.Newf(l.pos(1, 1), diag.CodeFormat, "", "", msgHeader, strings.Join(Columns, ","))
	}
	published := map[string]bool{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return l.csvError(err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(Columns) {
			problems.Addf(l.pos(line, 1), diag.CodeExtraCell, msgCells, len(rec), len(Columns))
			continue
		}
		cell := func(i int, code string, m *msg.Message, args ...any) {
			_, col := r.FieldPos(i)
			problems.Add(diag.Newf(l.pos(line, col), code, Columns[i], rec[i], m, args...))
		}
		// The version first: a newer ledger is not misread as damaged.
		if f, err := strconv.Atoi(rec[0]); err != nil || f < 1 {
			cell(0, diag.CodeFormat, msgFormat, Format)
			continue
		} else if f > Format {
			cell(0, diag.CodeFormat, msgNewer, Format)
			continue
		}
		e := Event{Kind: rec[1], row: line, Release: Release{ID: rec[2], Latest: rec[4], Figures: rec[6], Corrections: rec[7]}}
		_, e.sums[0] = r.FieldPos(6)
		_, e.sums[1] = r.FieldPos(7)
		bad := problems.Len()
		if e.Kind != Published && e.Kind != RolledBack {
			cell(1, diag.CodeConstraint, msgEvent, Published, RolledBack)
		}
		if !publish.ValidID(e.ID) {
			cell(2, diag.CodeType, msgID)
		} else if e.Kind == RolledBack && !published[e.ID] {
			cell(2, diag.CodeForeignKey, msgRollbackUnknown)
		}
		if e.Date, err = time.Parse(time.RFC3339, rec[3]); err != nil {
			cell(3, diag.CodeType, msgDate)
		}
		if _, err := period.Parse(e.Latest); err != nil {
			cell(4, diag.CodeType, msgPeriod)
		}
		if e.Pages, err = strconv.Atoi(rec[5]); err != nil || e.Pages < 0 {
			cell(5, diag.CodeType, msgPages)
		}
		for _, i := range []int{6, 7} {
			if !sha256Pattern.MatchString(rec[i]) {
				cell(i, diag.CodeType, msgSum)
			}
		}
		if problems.Len() == bad {
			published[e.ID] = published[e.ID] || e.Kind == Published
			l.events = append(l.events, e)
		}
	}
	return problems.Err()
}

// csvError places a CSV syntax error.
func (l *Ledger) csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return diag.Newf(l.pos(pe.Line, pe.Column), diag.CodeFormat, "", "", msgSyntax, pe.Err)
	}
	if errors.Is(err, io.EOF) {
		return diag.Newf(l.pos(1, 1), diag.CodeFormat, "", "", msgEmpty, strings.Join(Columns, ","))
	}
	return diag.Newf(l.pos(0, 0), diag.CodeSource, "", "", msgUnreadable, err)
}

// Empty reports whether nothing was ever published with this ledger.
func (l *Ledger) Empty() bool { return len(l.events) == 0 }

// Live is the release of the last publish or rollback.
func (l *Ledger) Live() (Release, bool) {
	if len(l.events) == 0 {
		return Release{}, false
	}
	return l.latest(l.events[len(l.events)-1].ID)
}

// latest is the last publish of id, with the date of that publish.
func (l *Ledger) latest(id string) (Release, bool) {
	for i := len(l.events) - 1; i >= 0; i-- {
		if e := l.events[i]; e.ID == id && e.Kind == Published {
			return e.Release, true
		}
	}
	return Release{}, false
}

// Has reports whether release id was published and its files are kept.
func (l *Ledger) Has(id string) bool {
	if _, ok := l.latest(id); !ok {
		return false
	}
	_, err := os.Stat(filepath.Join(l.dir, id, FiguresFile))
	return err == nil
}

// Releases lists the releases published, oldest first, each once.
func (l *Ledger) Releases() []Release {
	var out []Release
	seen := map[string]bool{}
	for _, e := range l.events {
		if e.Kind == Published && !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, e.Release)
		}
	}
	return out
}

// Load reads release id's files and checks them against the checksums of
// its row: a file missing or changed is a problem at that cell.
func (l *Ledger) Load(id string) (History, error) {
	row := l.row(id)
	if row.ID == "" {
		return History{}, diag.Newf(l.pos(0, 0), diag.CodeForeignKey, "release", id, msgNoRelease)
	}
	h := History{Release: row.Release}
	var problems diag.List
	for i, f := range []struct {
		name, sum string
		dst       *[]byte
	}{{FiguresFile, row.Figures, &h.Figures}, {CorrectionsFile, row.Corrections, &h.Corrections}} {
		at, field := l.pos(row.row, row.sums[i]), Columns[6+i]
		file := path.Join(l.shown, id, f.name)
		b, err := os.ReadFile(filepath.Join(l.dir, id, f.name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			problems.Add(diag.Newf(at, diag.CodeSource, field, f.sum, msgFileMissing, file))
		case err != nil:
			problems.Add(diag.Newf(diag.Position{File: file}, diag.CodeSource, "", "", msgUnreadable, err))
		case publish.Sum(b) != f.sum:
			problems.Add(diag.Newf(at, diag.CodeChecksum, field, f.sum, msgFileChanged, file, publish.Sum(b)))
		default:
			*f.dst = b
		}
	}
	return h, problems.Err()
}

// Record adds release r, published now, with its figures and errata
// files; it is written all or nothing, files first and the row last, so
// that a ledger cut short by a crash still reads as the one before. The
// files of every release are kept: they are the releases of the data that
// every later build serves again (see Kept). keep is how many releases'
// files the ledger kept before it did; it is ignored.
func (l *Ledger) Record(ctx context.Context, r Release, figures, corrections []byte, keep int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.Figures, r.Corrections = publish.Sum(figures), publish.Sum(corrections)
	for name, b := range map[string][]byte{FiguresFile: figures, CorrectionsFile: corrections} {
		if err := publish.WriteFile(filepath.Join(l.dir, r.ID, name), b, publish.FileOptions{Replace: true}); err != nil {
			return msgWrite.Err(l.shown, err)
		}
	}
	return l.append(Event{Kind: Published, Release: r})
}

// KeptFile is a file of a release that the ledger keeps.
type KeptFile struct {
	Name   string // FiguresFile or CorrectionsFile
	Path   string // on disk
	Size   int64
	SHA256 string
}

// Kept lists the releases whose files the ledger has, oldest first, each
// with its files, after checking them against their row as a stream: a
// file changed since is a problem at its cell, as in Load. A release whose
// files are both gone (kept only for a while by an older minhbach) is left
// out; one with a single file gone is a problem.
func (l *Ledger) Kept(ctx context.Context) ([]Release, [][]KeptFile, error) {
	var rs []Release
	var files [][]KeptFile
	var problems diag.List
	for _, r := range l.Releases() {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		row := l.row(r.ID)
		var kept []KeptFile
		var own diag.List
		missing := 0
		for i, f := range []struct{ name, sum string }{{FiguresFile, r.Figures}, {CorrectionsFile, r.Corrections}} {
			at, field := l.pos(row.row, row.sums[i]), Columns[6+i]
			file := path.Join(l.shown, r.ID, f.name)
			disk := filepath.Join(l.dir, r.ID, f.name)
			fi, err := os.Stat(disk)
			if errors.Is(err, fs.ErrNotExist) {
				missing++
				own.Add(diag.Newf(at, diag.CodeSource, field, f.sum, msgFileMissing, file))
				continue
			}
			sum, err := publish.FileSum(disk)
			switch {
			case err != nil:
				own.Add(diag.Newf(diag.Position{File: file}, diag.CodeSource, "", "", msgUnreadable, err))
			case sum != f.sum:
				own.Add(diag.Newf(at, diag.CodeChecksum, field, f.sum, msgFileChanged, file, sum))
			default:
				kept = append(kept, KeptFile{Name: f.name, Path: disk, Size: fi.Size(), SHA256: sum})
			}
		}
		if missing == 2 {
			continue
		}
		problems.Merge(&own)
		rs = append(rs, r)
		files = append(files, kept)
	}
	return rs, files, problems.Err()
}

// row is the row of the last publish of id.
func (l *Ledger) row(id string) Event {
	var row Event
	for _, e := range l.events {
		if e.ID == id && e.Kind == Published {
			row = e
		}
	}
	return row
}

// Rollback records that release id, published before, is live again.
func (l *Ledger) Rollback(ctx context.Context, id string, date time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r, ok := l.latest(id)
	if !ok {
		return diag.Newf(l.pos(0, 0), diag.CodeForeignKey, "release", id, msgNoRelease)
	}
	if _, err := l.Load(id); err != nil {
		return err
	}
	r.Date = date
	return l.append(Event{Kind: RolledBack, Release: r})
}

// append writes releases.csv again with one more row, atomically.
func (l *Ledger) append(e Event) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if len(l.raw) == 0 {
		w.Write(Columns)
	}
	w.Write([]string{strconv.Itoa(Format), e.Kind, e.ID, e.Date.UTC().Format(time.RFC3339), e.Latest,
		strconv.Itoa(e.Pages), e.Figures, e.Corrections})
	w.Flush()
	raw := slices.Concat(l.raw, buf.Bytes())
	if len(l.raw) > 0 && !bytes.HasSuffix(l.raw, []byte("\n")) {
		raw = slices.Concat(l.raw, []byte("\n"), buf.Bytes())
	}
	if err := publish.WriteFile(filepath.Join(l.dir, File), raw, publish.FileOptions{Replace: true}); err != nil {
		return msgWrite.Err(l.shown, err)
	}
	l.raw = raw
	e.row = bytes.Count(raw, []byte("\n"))
	l.events = append(l.events, e)
	return nil
}

// String names the ledger in messages.
func (l *Ledger) String() string { return l.shown }

// Errorf is a problem with a release's files found after loading them (a
// figures file this minhbach cannot read), at that file.
func (l *Ledger) Errorf(id, name string, err error) error {
	return diag.Newf(diag.Position{File: path.Join(l.shown, id, name)}, diag.CodeFormat, "", "", msgBadFile, err)
}
