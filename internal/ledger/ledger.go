// Package ledger keeps a site's published history in the site folder, not
// in the web root: for each release, the downloads it served (among them
// the figures it showed and the errata it published), and the order of
// publishes and rollbacks, so that the next build compares with the
// release that is live and carries its errata forward, whatever happened
// to the web root since, and every build serves each release of the data
// again, byte for byte.
//
//	history/releases.csv          one row per publish or rollback, oldest first
//	history/<id>/du-lieu.zip      the zip of every download release <id> served
//
// releases.csv has the columns of Columns; every row says the format it
// was written in (Format), so a newer minhbach can tell an older ledger
// and an older one refuses a newer ledger instead of misreading it. The
// release that is live is that of the last row. Each row records the
// SHA-256 of the release's zip and of the figures and errata files in it:
// a file changed or lost since is found when the release is loaded, and
// said at the row and cell. The rows and files stay for ever.
//
// Format 2 keeps the zip only: the figures and errata are entries of it,
// deflated (the figures file is about a twentieth of its size there), so
// nothing is kept twice. Format 1 kept figures.csv and corrections.csv as
// they are in the release's folder, and no zip; its rows are still read,
// and its releases served with those two files. A format-1 releases.csv
// has no zip_sha256 column: the first publish by this minhbach adds it,
// empty in the older rows, whose lines stay where they were.
//
// The folder is meant to be committed with the site. Only a publish
// writes it (Stage, Record, Rollback); a draft build or a preview only
// reads it.
package ledger

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
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

// The files of a release: the zip kept (format 2), and the figures and
// errata files, entries at the top of that zip (format 2) or files of
// their own (format 1).
const (
	ZipFile         = "du-lieu.zip"
	FiguresFile     = "figures.csv"
	CorrectionsFile = "corrections.csv"
)

// Format is the version of the ledger this minhbach writes; it reads
// every version up to it.
const Format = 2

// Columns are the columns of releases.csv, in order.
var Columns = []string{"format", "event", "release", "date", "latest_period", "pages", "figures_sha256", "corrections_sha256", "zip_sha256"}

// columns1 are those of a ledger written in format 1, before the zip.
var columns1 = Columns[:8]

// The columns of the checksums, in Columns.
const (
	colFigures = 6 + iota
	colCorrections
	colZip
)

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
	// Zip is the SHA-256 of the zip of every download it served; "" for
	// a release recorded in format 1, which kept no zip.
	Zip string
}

// Event is one row of releases.csv.
type Event struct {
	Kind string // Published or RolledBack
	Release
	row  int    // its line in releases.csv
	sums [3]int // the columns of its checksums there: figures, errata, zip
}

// Ledger is a site's history as read from its folder.
type Ledger struct {
	dir    string  // on disk
	shown  string  // in messages: the folder as staff know it, e.g. "history"
	events []Event // oldest first
	raw    []byte  // releases.csv as read, to append to
	// old is set when releases.csv is in format 1 (no zip_sha256
	// column); rows are its records, to write again with that column.
	old  bool
	rows [][]string
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
	switch {
	case slices.Equal(header, Columns):
	case slices.Equal(header, columns1):
		l.old = true
	default:
		return diag.Newf(l.pos(1, 1), diag.CodeFormat, "", "", msgHeader, strings.Join(Columns, ","))
	}
	width := len(Columns)
	if l.old {
		width = len(columns1)
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
		l.rows = append(l.rows, rec)
		if len(rec) != width {
			problems.Addf(l.pos(line, 1), diag.CodeExtraCell, msgCells, len(rec), width)
			continue
		}
		cell := func(i int, code string, m *msg.Message, args ...any) {
			_, col := r.FieldPos(i)
			problems.Add(diag.Newf(l.pos(line, col), code, Columns[i], rec[i], m, args...))
		}
		// The version first: a newer ledger is not misread as damaged.
		f, err := strconv.Atoi(rec[0])
		switch {
		case err != nil || f < 1:
			cell(0, diag.CodeFormat, msgFormat, Format)
			continue
		case f > Format:
			cell(0, diag.CodeFormat, msgNewer, Format)
			continue
		case f > 1 && l.old:
			cell(0, diag.CodeFormat, msgNoZipColumn, f, Columns[colZip])
			continue
		}
		e := Event{Kind: rec[1], row: line, Release: Release{ID: rec[2], Latest: rec[4], Figures: rec[colFigures], Corrections: rec[colCorrections]}}
		for i := range width - colFigures {
			_, e.sums[i] = r.FieldPos(colFigures + i)
		}
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
		for _, i := range []int{colFigures, colCorrections} {
			if !sha256Pattern.MatchString(rec[i]) {
				cell(i, diag.CodeType, msgSum)
			}
		}
		switch {
		case f >= 2 && !sha256Pattern.MatchString(rec[colZip]):
			cell(colZip, diag.CodeType, msgSum)
		case f >= 2:
			e.Zip = rec[colZip]
		case !l.old && rec[colZip] != "":
			cell(colZip, diag.CodeFormat, msgZipInOld)
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
	r, ok := l.latest(id)
	if !ok {
		return false
	}
	name := ZipFile
	if r.Zip == "" {
		name = FiguresFile
	}
	_, err := os.Stat(filepath.Join(l.dir, id, name))
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

// Load reads release id's figures and errata and checks them, and the
// zip they are in, against the checksums of its row: a file missing or
// changed is a problem at that cell.
func (l *Ledger) Load(id string) (History, error) {
	row := l.row(id)
	if row.ID == "" {
		return History{}, diag.Newf(l.pos(0, 0), diag.CodeForeignKey, "release", id, msgNoRelease)
	}
	h := History{Release: row.Release}
	files, _, problems := l.files(row)
	for _, f := range files {
		dst := map[string]*[]byte{FiguresFile: &h.Figures, CorrectionsFile: &h.Corrections}[f.Name]
		if dst == nil {
			continue
		}
		b, err := f.read()
		switch {
		case err != nil:
			problems.Add(diag.Newf(diag.Position{File: f.shown}, diag.CodeFormat, "", "", msgBadFile, err))
		case publish.Sum(b) != f.SHA256:
			problems.Add(diag.Newf(f.at, diag.CodeChecksum, f.field, f.SHA256, msgFileChanged, f.shown, publish.Sum(b)))
		default:
			*dst = b
		}
	}
	return h, problems.Err()
}

// KeptFile is a file of a release that the ledger keeps: a file of its
// own, or an entry of the release's zip.
type KeptFile struct {
	Name   string // ZipFile, FiguresFile or CorrectionsFile
	Path   string // on disk: the file, or the zip it is an entry of
	Entry  string // its name in the zip at Path; "" for a file of its own
	Size   int64
	SHA256 string

	at    diag.Position // the cell of its checksum
	field string
	shown string // in messages
}

// Open reads the file as a stream.
func (f KeptFile) Open() (io.ReadCloser, error) {
	if f.Entry == "" {
		return os.Open(f.Path)
	}
	z, err := zip.OpenReader(f.Path)
	if err != nil {
		return nil, err
	}
	r, err := z.Open(f.Entry)
	if err != nil {
		z.Close()
		return nil, err
	}
	return entry{r, z}, nil
}

// entry closes an entry of a zip, then the zip.
type entry struct {
	io.ReadCloser
	zip io.Closer
}

func (e entry) Close() error { return errors.Join(e.ReadCloser.Close(), e.zip.Close()) }

func (f KeptFile) read() ([]byte, error) {
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// files finds release e's files, checking each file of its own against
// its row as a stream; the entries of a zip whose checksum holds are
// taken from the zip's directory (its CRC-32s guard their bytes as they
// are read, and Load checks the figures and errata it reads). gone says
// that a format-1 release's files are both gone: an older minhbach kept
// them only for a while.
func (l *Ledger) files(e Event) (kept []KeptFile, gone bool, problems diag.List) {
	at := func(col int) (diag.Position, string) {
		return l.pos(e.row, e.sums[col-colFigures]), Columns[col]
	}
	missing := 0
	// own checks a file of its own; false when it is not as recorded.
	own := func(name, sum string, col int) bool {
		pos, field := at(col)
		f := KeptFile{Name: name, Path: filepath.Join(l.dir, e.ID, name), SHA256: sum, at: pos, field: field, shown: path.Join(l.shown, e.ID, name)}
		fi, err := os.Stat(f.Path)
		if errors.Is(err, fs.ErrNotExist) {
			missing++
			problems.Add(diag.Newf(pos, diag.CodeSource, field, sum, msgFileMissing, f.shown))
			return false
		}
		got, err := publish.FileSum(f.Path)
		switch {
		case err != nil:
			problems.Add(diag.Newf(diag.Position{File: f.shown}, diag.CodeSource, "", "", msgUnreadable, err))
			return false
		case got != sum:
			problems.Add(diag.Newf(pos, diag.CodeChecksum, field, sum, msgFileChanged, f.shown, got))
			return false
		}
		f.Size = fi.Size()
		kept = append(kept, f)
		return true
	}
	if e.Zip == "" {
		own(FiguresFile, e.Figures, colFigures)
		own(CorrectionsFile, e.Corrections, colCorrections)
		return kept, missing == 2, problems
	}
	if !own(ZipFile, e.Zip, colZip) {
		return kept, false, problems
	}
	z := kept[0]
	r, err := zip.OpenReader(z.Path)
	if err != nil {
		problems.Add(diag.Newf(diag.Position{File: z.shown}, diag.CodeFormat, "", "", msgBadFile, err))
		return kept, false, problems
	}
	defer r.Close()
	for _, f := range []struct {
		name, sum string
		col       int
	}{{FiguresFile, e.Figures, colFigures}, {CorrectionsFile, e.Corrections, colCorrections}} {
		pos, field := at(f.col)
		shown := z.shown + ": " + f.name
		i := slices.IndexFunc(r.File, func(zf *zip.File) bool { return zf.Name == f.name })
		if i < 0 {
			problems.Add(diag.Newf(pos, diag.CodeSource, field, f.sum, msgFileMissing, shown))
			continue
		}
		kept = append(kept, KeptFile{Name: f.name, Path: z.Path, Entry: f.name, Size: int64(r.File[i].UncompressedSize64), SHA256: f.sum,
			at: pos, field: field, shown: shown})
	}
	return kept, false, problems
}

// Kept lists the releases whose files the ledger has, oldest first, each
// with its files, after checking them against their row as a stream: a
// file changed since is a problem at its cell, as in Load. A format-1
// release whose files are both gone (kept only for a while by an older
// minhbach) is left out; any other file gone is a problem.
func (l *Ledger) Kept(ctx context.Context) ([]Release, [][]KeptFile, error) {
	var rs []Release
	var files [][]KeptFile
	var problems diag.List
	for _, r := range l.Releases() {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		kept, gone, own := l.files(l.row(r.ID))
		if gone {
			continue
		}
		problems.Merge(&own)
		rs = append(rs, r)
		files = append(files, kept)
	}
	return rs, files, problems.Err()
}

// Staged is the zip of a release being published, copied into the
// ledger's folder before the release goes live (Stage) and recorded with
// it after (Record): the folder the site was built in may be gone by
// then (object storage), and a copy beside the ledger is moved into place
// at once.
type Staged struct {
	path                      string
	zip, figures, corrections string // their SHA-256, hex
}

// stagePrefix names the staged copies: a publish killed before recording
// leaves one, which the next Stage removes.
const stagePrefix = ".stage-"

// Stage copies the zip at name into the ledger's folder, flushed to disk,
// and reads the checksums of the zip and of its figures and errata
// entries from the copy, as the ledger will keep it. It runs before the
// switch: its errors are the system's own (a full disk is said as the
// build says it), for nothing is published yet.
func (l *Ledger) Stage(ctx context.Context, name string) (s *Staged, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(l.dir, 0o755); err != nil {
		return nil, err
	}
	old, _ := filepath.Glob(filepath.Join(l.dir, stagePrefix+"*"))
	for _, o := range old {
		os.Remove(o)
	}
	out, err := os.CreateTemp(l.dir, stagePrefix+"*.zip")
	if err != nil {
		return nil, err
	}
	staged := out.Name()
	defer func() {
		if err != nil {
			os.Remove(staged) // s is nil by now
		}
	}()
	s = &Staged{path: staged}
	in, err := os.Open(name)
	if err != nil {
		out.Close()
		return nil, err
	}
	defer in.Close()
	sum := sha256.New()
	_, err = io.Copy(io.MultiWriter(out, sum), in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(s.path, 0o644)
	}
	if err != nil {
		return nil, err
	}
	s.zip = hex.EncodeToString(sum.Sum(nil))
	for name, dst := range map[string]*string{FiguresFile: &s.figures, CorrectionsFile: &s.corrections} {
		b, err := KeptFile{Path: s.path, Entry: name}.read()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", ZipFile, name, err)
		}
		*dst = publish.Sum(b)
	}
	return s, nil
}

// Drop removes a staged zip that was not recorded (a publish that
// failed); after Record it does nothing.
func (s *Staged) Drop() {
	if s != nil {
		os.Remove(s.path)
	}
}

// Record adds release r, published now, with its zip staged by Stage;
// it is written all or nothing, the zip first and the row last, so that
// a ledger cut short by a crash still reads as the one before. The files
// of every release are kept: they are the releases of the data that every
// later build serves again (see Kept).
func (l *Ledger) Record(ctx context.Context, r Release, s *Staged) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.Figures, r.Corrections, r.Zip = s.figures, s.corrections, s.zip
	dir := filepath.Join(l.dir, r.ID)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return msgWrite.Err(l.shown, err)
	}
	if err := os.Rename(s.path, filepath.Join(dir, ZipFile)); err != nil {
		return msgWrite.Err(l.shown, err)
	}
	syncDir(dir)
	return l.append(Event{Kind: Published, Release: r})
}

// syncDir makes a rename in dir durable where the system can: the file
// is in place either way.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
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

// append writes releases.csv again with one more row, atomically. A
// format-1 file is written in the new format first: its header gains
// zip_sha256, and its rows an empty cell there (they kept no zip), so
// that every line stays where it was.
func (l *Ledger) append(e Event) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	prefix := l.raw
	if len(l.raw) == 0 || l.old {
		prefix = nil
		w.Write(Columns)
		for _, rec := range l.rows {
			w.Write(append(slices.Clone(rec), ""))
		}
	} else if !bytes.HasSuffix(l.raw, []byte("\n")) {
		prefix = slices.Concat(l.raw, []byte("\n"))
	}
	format := Format
	if e.Zip == "" {
		format = 1 // a rollback to a release that kept no zip
	}
	rec := []string{strconv.Itoa(format), e.Kind, e.ID, e.Date.UTC().Format(time.RFC3339), e.Latest,
		strconv.Itoa(e.Pages), e.Figures, e.Corrections, e.Zip}
	w.Write(rec)
	w.Flush()
	raw := slices.Concat(prefix, buf.Bytes())
	if err := publish.WriteFile(filepath.Join(l.dir, File), raw, publish.FileOptions{Replace: true}); err != nil {
		return msgWrite.Err(l.shown, err)
	}
	l.raw, l.old = raw, false
	l.rows = append(l.rows, rec)
	e.row = bytes.Count(raw, []byte("\n"))
	e.sums = sumColumns(rec)
	l.events = append(l.events, e)
	return nil
}

// sumColumns are the columns where rec's checksums start in its line, as
// encoding/csv writes it (none of its cells needs quotes).
func sumColumns(rec []string) [3]int {
	var cols [3]int
	col := 1
	for i, c := range rec {
		if i >= colFigures {
			cols[i-colFigures] = col
		}
		col += len(c) + 1
	}
	return cols
}

// String names the ledger in messages.
func (l *Ledger) String() string { return l.shown }

// Errorf is a problem with a release's files found after loading them (a
// figures file this minhbach cannot read), at that file.
func (l *Ledger) Errorf(id, name string, err error) error {
	file := path.Join(l.shown, id, name)
	if l.row(id).Zip != "" {
		file = path.Join(l.shown, id, ZipFile) + ": " + name
	}
	return diag.Newf(diag.Position{File: file}, diag.CodeFormat, "", "", msgBadFile, err)
}
