// Package gocloud publishes releases to object storage (S3 and any
// S3-compatible server, or a folder through gocloud.dev's fileblob) with
// gocloud.dev/blob, the engine under Hugo's own "hugo deploy": the bucket
// is opened from a URL such as
//
//	s3://bucket?endpoint=http://127.0.0.1:8333&region=us-east-1&use_path_style=true
//
// with the credentials of the AWS SDK's usual places (AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, ~/.aws). Hugo's deploy package itself needs a
// whole Hugo configuration and site and keeps no releases, so this package
// drives gocloud.dev directly and adds what a rollback needs.
//
// A bucket serves its live release at the top of the bucket, as a web
// server or CDN reads it, and keeps under the _minhbach/ prefix:
//
//	_minhbach/live                 the id of the live release
//	_minhbach/releases/<id>.json   each kept release's file list (path, size, MD5, SHA-256)
//	_minhbach/objects/<sha256>     each file of a kept release once, by content
//	_minhbach/lock                 present while a publish runs: who holds it (see Holder)
//
// A publish uploads only the files whose MD5 differs from the object's
// (the ETag S3 lists), the other assets first and the HTML pages last, so
// that pages never reference a file not yet there; then it records the
// release, points _minhbach/live at it and deletes the objects no longer in
// the site. A rollback does the same from the kept copies in the bucket:
// it needs nothing from this computer, which may not be the one that
// published.
package gocloud

import (
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/smithy-go"
	"gocloud.dev/blob"
	"gocloud.dev/blob/fileblob"
	"gocloud.dev/blob/s3blob"
	"gocloud.dev/gcerrors"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/publish"
)

// The keys minhbach keeps in a bucket beside the site.
const (
	Prefix      = "_minhbach/"
	liveKey     = Prefix + "live"
	lockKey     = Prefix + "lock"
	releasesPfx = Prefix + "releases/"
	objectsPfx  = Prefix + "objects/"
	format      = 1
)

// md5Meta is the metadata key of each uploaded file's MD5, for the files
// S3 uploads in parts, whose ETag is not their MD5.
const md5Meta = "md5"

// Cache-Control headers: a fingerprinted file never changes under its name;
// anything else (pages, downloads, feeds) may change at the next publish.
const (
	CacheImmutable = "public, max-age=31536000, immutable"
	CacheShort     = "public, max-age=300"
)

// Schemes are the URL schemes a Bucket opens.
var Schemes = []string{s3blob.Scheme, fileblob.Scheme}

// Bucket is a publishing target in object storage (see the package
// comment). It implements publish.Kept.
type Bucket struct {
	URL  string // s3://bucket?… or file:///folder
	Keep int    // releases kept, the live one included (0: publish.DefaultKeep)
	// DryRun makes Publish build and compare, report the plan in Plan, and
	// change nothing.
	DryRun bool
	// Plan, when set, receives what a publish or rollback uploads and
	// deletes (with DryRun: would).
	Plan *Plan
	// Workers is how many uploads run at once (0: 8).
	Workers int
	// BreakLock removes a lock held by a publish of another computer
	// (see StaleLock), after saying whose through Broke.
	BreakLock bool
	// Broke, when set, is told of each lock removed, and why, in words
	// to show staff.
	Broke func(msg.Text)
	// Source is the site folder: a file:// bucket inside it is refused,
	// as a folder target is.
	Source string
}

// Plan is what a publish changes in the bucket.
type Plan struct {
	Upload    []string // slash paths uploaded, in order
	Unchanged int      // files already there with the same MD5
	Delete    []string // objects of no kept file of the live release, deleted
	Bytes     int64    // bytes uploaded
	// Took is how long the upload, records and deletes took (not the
	// build before them).
	Took time.Duration
}

// String names the target in messages: its URL without the query, which
// says where the server is, not which bucket.
func (b Bucket) String() string {
	if u, err := url.Parse(b.URL); err == nil {
		u.RawQuery = ""
		return u.String()
	}
	return b.URL
}

// file is one file of a release.
type file struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	MD5    string `json:"md5"`
	SHA256 string `json:"sha256"`
}

// manifest is a release's record in the bucket.
type manifest struct {
	Format int    `json:"format"`
	ID     string `json:"id"`
	Files  []file `json:"files"`
}

// fault is a problem at the bucket, exit 1, in plain words.
func (b Bucket) fault(m *msg.Message, args ...any) error {
	return diag.Newf(diag.Position{File: b.String()}, diag.CodeTarget, "", "", m, args...)
}

// failed words an error of the storage engine.
func (b Bucket) failed(what string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return b.fault(msgStorage, what, reason(err))
}

// reason is the engine's error without the Go call chain where it can.
func reason(err error) string {
	var api smithy.APIError
	switch {
	case gcerrors.Code(err) == gcerrors.PermissionDenied,
		// What S3 says of keys it does not know or a wrong secret, which
		// gocloud leaves unclassified.
		errors.As(err, &api) && (api.ErrorCode() == "InvalidAccessKeyId" || api.ErrorCode() == "SignatureDoesNotMatch"):
		return msgDenied.With().String()
	}
	s := err.Error()
	// The AWS SDK's "operation X, https response error StatusCode: …":
	// the part after the last ", " is what the server said.
	if i := strings.LastIndex(s, "api error "); i >= 0 {
		return s[i+len("api error "):]
	}
	return s
}

// folder is the folder of a file:// bucket, as fileblob reads its URL
// (file:///abs/path, or file://./rel/path).
func (b Bucket) folder() (string, bool) {
	u, err := url.Parse(b.URL)
	// fileblob drops any other host: file://www/site would be /site.
	if err != nil || u.Scheme != fileblob.Scheme || u.Host != "" && u.Host != "." && u.Host != "localhost" {
		return "", false
	}
	p := u.Path
	if u.Host == "." || os.PathSeparator != '/' {
		p = strings.TrimPrefix(p, "/")
	}
	if u.Host == "." && p == "" {
		p = "."
	}
	return filepath.FromSlash(p), p != ""
}

// open opens the bucket of b.URL.
func (b Bucket) open(ctx context.Context) (*blob.Bucket, error) {
	u, err := url.Parse(b.URL)
	if err != nil || !slices.Contains(Schemes, u.Scheme) {
		return nil, b.fault(msgBadURL)
	}
	if u.Scheme == fileblob.Scheme {
		dir, ok := b.folder()
		if !ok {
			return nil, b.fault(msgBadFileURL)
		}
		// Said as for a folder target: missing (a disk not mounted),
		// a file, a loop of links, inside the site folder.
		if err := publish.CheckFolder(dir, b.Source); err != nil {
			return nil, err
		}
		// A mounted disk is not the temporary folder's: write each file
		// beside its place and rename it there, not across disks.
		q := u.Query()
		if !q.Has("no_tmp_dir") {
			q.Set("no_tmp_dir", "1")
			u.RawQuery = q.Encode()
		}
	}
	bk, err := blob.OpenBucket(ctx, u.String())
	if err != nil {
		return nil, b.fault(msgOpen, reason(err))
	}
	if u.Scheme == s3blob.Scheme {
		// A bucket that is not there would otherwise be read as one
		// with nothing published, and fail later in the storage's words.
		ok, err := bk.IsAccessible(ctx)
		if err == nil && !ok {
			err = b.fault(msgNoBucket, u.Host)
		} else if err != nil && ctx.Err() == nil {
			err = b.fault(msgOpen, reason(err))
		}
		if err != nil {
			bk.Close()
			return nil, err
		}
	}
	return bk, nil
}

// Live is the id in _minhbach/live: "" when nothing was published.
func (b Bucket) Live(ctx context.Context) (string, error) {
	bk, err := b.open(ctx)
	if err != nil {
		return "", err
	}
	defer bk.Close()
	return b.live(ctx, bk)
}

func (b Bucket) live(ctx context.Context, bk *blob.Bucket) (string, error) {
	data, err := bk.ReadAll(ctx, liveKey)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return "", nil
	}
	if err != nil {
		return "", b.failed(liveKey, err)
	}
	id := strings.TrimSpace(string(data))
	if !publish.ValidID(id) {
		return "", b.fault(msgBadLive, liveKey, id)
	}
	return id, nil
}

// List gives the kept releases, oldest first.
func (b Bucket) List(ctx context.Context) ([]string, error) {
	bk, err := b.open(ctx)
	if err != nil {
		return nil, err
	}
	defer bk.Close()
	return b.list(ctx, bk)
}

func (b Bucket) list(ctx context.Context, bk *blob.Bucket) ([]string, error) {
	var ids []string
	it := bk.List(&blob.ListOptions{Prefix: releasesPfx})
	for {
		o, err := it.Next(ctx)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, b.failed(releasesPfx, err)
		}
		id := strings.TrimSuffix(strings.TrimPrefix(o.Key, releasesPfx), ".json")
		if publish.ValidID(id) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// manifest reads release id's file list and checks it against its id.
func (b Bucket) manifest(ctx context.Context, bk *blob.Bucket, id string) (manifest, error) {
	key := releasesPfx + id + ".json"
	data, err := bk.ReadAll(ctx, key)
	if gcerrors.Code(err) == gcerrors.NotFound || !publish.ValidID(id) {
		return manifest{}, b.fault(msgNoRelease, id)
	}
	if err != nil {
		return manifest{}, b.failed(key, err)
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil || m.ID != id {
		return manifest{}, b.fault(msgBadManifest, key)
	}
	if m.Format > format {
		return manifest{}, b.fault(msgNewerManifest, key, m.Format)
	}
	if !strings.HasSuffix(id, "-"+treeSum(m.Files)[:12]) {
		return manifest{}, diag.Newf(diag.Position{File: b.String()}, diag.CodeChecksum, "", "", msgReleaseDamaged, id)
	}
	return m, nil
}

// Describe counts release id's files and pages from its file list.
func (b Bucket) Describe(ctx context.Context, id, sum string) (publish.Described, error) {
	bk, err := b.open(ctx)
	if err != nil {
		return publish.Described{}, err
	}
	defer bk.Close()
	m, err := b.manifest(ctx, bk, id)
	if err != nil {
		return publish.Described{}, err
	}
	var d publish.Described
	for _, f := range m.Files {
		d.Count(f.Path, f.Size)
		if f.Path == sum {
			d.Sum = f.SHA256
		}
	}
	return d, nil
}

// Verify checks that release id's file list is whole and that the bucket
// still keeps a copy of each of its files.
func (b Bucket) Verify(ctx context.Context, id string) error {
	bk, err := b.open(ctx)
	if err != nil {
		return err
	}
	defer bk.Close()
	_, err = b.verify(ctx, bk, id)
	return err
}

func (b Bucket) verify(ctx context.Context, bk *blob.Bucket, id string) (manifest, error) {
	m, err := b.manifest(ctx, bk, id)
	if err != nil {
		return manifest{}, err
	}
	kept, err := b.objects(ctx, bk, objectsPfx)
	if err != nil {
		return manifest{}, err
	}
	for _, f := range m.Files {
		if o, ok := kept[objectsPfx+f.SHA256]; !ok || o.Size != f.Size {
			return manifest{}, b.fault(msgLostCopy, id, f.Path)
		}
	}
	return m, nil
}

// object is what a listing says of an object.
type object struct {
	Size int64
	MD5  string
}

// objects lists the objects under prefix ("" the whole bucket but
// _minhbach/), by key.
func (b Bucket) objects(ctx context.Context, bk *blob.Bucket, prefix string) (map[string]object, error) {
	out := map[string]object{}
	it := bk.List(&blob.ListOptions{Prefix: prefix})
	for {
		o, err := it.Next(ctx)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, b.failed(prefix, err)
		}
		if o.IsDir || prefix == "" && strings.HasPrefix(o.Key, Prefix) {
			continue
		}
		out[o.Key] = object{Size: o.Size, MD5: hex.EncodeToString(o.MD5)}
	}
}

// Publish builds the release into a local folder with fill, then uploads
// it (see the package comment). With DryRun it stops after the plan.
func (b Bucket) Publish(ctx context.Context, date time.Time, fill func(tmp string, live publish.Live) error) (id string, err error) {
	bk, err := b.open(ctx)
	if err != nil {
		return "", err
	}
	defer bk.Close()
	if !b.DryRun {
		unlock, err := b.lock(ctx, bk)
		if err != nil {
			return "", err
		}
		defer func() {
			if uerr := unlock(); err == nil {
				err = uerr
			}
		}()
	}
	liveID, err := b.live(ctx, bk)
	if err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp("", "minhbach-publish-*")
	if err != nil {
		return "", b.fault(msgTemp, err)
	}
	defer os.RemoveAll(tmp)
	if err := fill(tmp, publish.Live{ID: liveID}); err != nil {
		return "", err
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	files, err := scan(ctx, tmp)
	if err != nil {
		return "", b.fault(msgTemp, err)
	}
	id = publish.ReleaseID(date, treeSum(files))
	m := manifest{Format: format, ID: id, Files: files}
	return id, b.apply(ctx, bk, m, func(f file) (io.ReadCloser, error) {
		return os.Open(filepath.Join(tmp, filepath.FromSlash(f.Path)))
	})
}

// Switch makes kept release id live again from the bucket's own copies.
func (b Bucket) Switch(ctx context.Context, id string) (err error) {
	bk, err := b.open(ctx)
	if err != nil {
		return err
	}
	defer bk.Close()
	unlock, err := b.lock(ctx, bk)
	if err != nil {
		return err
	}
	defer func() {
		if uerr := unlock(); err == nil {
			err = uerr
		}
	}()
	m, err := b.verify(ctx, bk, id)
	if err != nil {
		return err
	}
	return b.apply(ctx, bk, m, func(f file) (io.ReadCloser, error) {
		return bk.NewReader(ctx, objectsPfx+f.SHA256, nil)
	})
}

// apply makes release m live: uploads what differs (assets, then pages),
// keeps a copy of each file, records m, points live at it, deletes what
// m does not have and prunes old releases. open reads a file of m.
func (b Bucket) apply(ctx context.Context, bk *blob.Bucket, m manifest, open func(file) (io.ReadCloser, error)) error {
	have, err := b.objects(ctx, bk, "")
	if err != nil {
		return err
	}
	kept, err := b.objects(ctx, bk, objectsPfx)
	if err != nil {
		return err
	}
	var assets, pages []file
	plan := Plan{}
	in := map[string]bool{}
	for _, f := range m.Files {
		in[f.Path] = true
		o, ok := have[f.Path]
		if ok && o.MD5 == "" && o.Size == f.Size {
			o.MD5 = b.md5(ctx, bk, f.Path)
		}
		if ok && o.MD5 == f.MD5 && o.Size == f.Size {
			plan.Unchanged++
			continue
		}
		plan.Bytes += f.Size
		if isHTML(f.Path) {
			pages = append(pages, f)
		} else {
			assets = append(assets, f)
		}
	}
	for _, f := range append(slices.Clone(assets), pages...) {
		plan.Upload = append(plan.Upload, f.Path)
	}
	for k := range have {
		if !in[k] {
			plan.Delete = append(plan.Delete, k)
		}
	}
	slices.Sort(plan.Delete)
	if b.Plan != nil {
		*b.Plan = plan
	}
	if b.DryRun {
		return nil
	}

	start := time.Now()
	// Each file's kept copy first: a publish stopped half way leaves
	// copies, never a live file without one.
	var copies []file
	seen := map[string]bool{}
	for _, f := range m.Files {
		if _, ok := kept[objectsPfx+f.SHA256]; !ok && !seen[f.SHA256] {
			seen[f.SHA256] = true
			copies = append(copies, f)
		}
	}
	if err := b.upload(ctx, bk, copies, open, func(f file) string { return objectsPfx + f.SHA256 }); err != nil {
		return err
	}
	key := func(f file) string { return f.Path }
	if err := b.upload(ctx, bk, assets, open, key); err != nil {
		return err
	}
	if err := b.upload(ctx, bk, pages, open, key); err != nil {
		return err
	}
	data, _ := json.Marshal(m)
	if err := b.write(ctx, bk, releasesPfx+m.ID+".json", data, "application/json"); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := b.write(ctx, bk, liveKey, []byte(m.ID+"\n"), "text/plain; charset=utf-8"); err != nil {
		return err
	}
	// The release is live: what follows only tidies, and is not undone
	// by Ctrl-C.
	ctx = context.WithoutCancel(ctx)
	for _, k := range plan.Delete {
		if err := bk.Delete(ctx, k); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
			return b.failed(k, err)
		}
	}
	err = b.prune(ctx, bk, m.ID)
	if b.Plan != nil {
		b.Plan.Took = time.Since(start)
	}
	return err
}

// md5 is the MD5 of the object at key, for a store whose listing has
// none (on S3, a file uploaded in parts, whose ETag is not its MD5):
// its attributes', or the md5 put recorded beside it, or else, in a
// file:// bucket, its bytes' (one written with ?metadata=skip, or files
// put there by other means). "" when not known: the file is uploaded
// again.
func (b Bucket) md5(ctx context.Context, bk *blob.Bucket, key string) string {
	if a, err := bk.Attributes(ctx, key); err == nil && len(a.MD5) > 0 {
		return hex.EncodeToString(a.MD5)
	} else if err == nil && a.Metadata[md5Meta] != "" {
		return a.Metadata[md5Meta]
	}
	if _, ok := b.folder(); !ok {
		return ""
	}
	r, err := bk.NewReader(ctx, key, nil)
	if err != nil {
		return ""
	}
	defer r.Close()
	h := md5.New()
	if _, err := io.Copy(h, r); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// upload writes each of files to key(f), Workers at a time, with its
// content type and cache header. It returns the first failure.
func (b Bucket) upload(ctx context.Context, bk *blob.Bucket, files []file, open func(file) (io.ReadCloser, error), key func(file) string) error {
	workers := b.Workers
	if workers <= 0 {
		workers = 8
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan file)
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				if err := b.put(ctx, bk, key(f), f, open); err != nil {
					once.Do(func() { first = err; cancel(err) })
				}
			}
		}()
	}
	for _, f := range files {
		if ctx.Err() != nil {
			break
		}
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// put uploads one file to key.
func (b Bucket) put(ctx context.Context, bk *blob.Bucket, key string, f file, open func(file) (io.ReadCloser, error)) error {
	r, err := open(f)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return b.failed(f.Path, err)
	}
	defer r.Close()
	sum, _ := hex.DecodeString(f.MD5)
	opt := &blob.WriterOptions{ContentType: ContentType(f.Path), CacheControl: CacheControl(f.Path), ContentMD5: sum,
		Metadata: map[string]string{md5Meta: f.MD5}}
	if err := bk.Upload(ctx, key, r, opt); err != nil {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		return b.failed(key, err)
	}
	return nil
}

// write puts a small record at key.
func (b Bucket) write(ctx context.Context, bk *blob.Bucket, key string, data []byte, ctype string) error {
	err := bk.WriteAll(ctx, key, data, &blob.WriterOptions{ContentType: ctype, CacheControl: "no-store"})
	if err != nil {
		return b.failed(key, err)
	}
	return nil
}

// prune removes release records beyond Keep (never the live one), then
// the kept copies no kept release has.
func (b Bucket) prune(ctx context.Context, bk *blob.Bucket, live string) error {
	keep := b.Keep
	if keep <= 0 {
		keep = publish.DefaultKeep
	}
	ids, err := b.list(ctx, bk)
	if err != nil {
		return err
	}
	used := map[string]bool{}
	kept := 1
	for i := len(ids) - 1; i >= 0; i-- {
		id := ids[i]
		if id != live && kept >= keep {
			if err := bk.Delete(ctx, releasesPfx+id+".json"); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
				return b.failed(releasesPfx+id+".json", err)
			}
			continue
		}
		if id != live {
			kept++
		}
		m, err := b.manifest(ctx, bk, id)
		if err != nil {
			// A damaged record keeps its copies: nothing is lost by
			// keeping them until it is removed by hand.
			return nil
		}
		for _, f := range m.Files {
			used[f.SHA256] = true
		}
	}
	copies, err := b.objects(ctx, bk, objectsPfx)
	if err != nil {
		return err
	}
	for k := range copies {
		if !used[strings.TrimPrefix(k, objectsPfx)] {
			if err := bk.Delete(ctx, k); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
				return b.failed(k, err)
			}
		}
	}
	return nil
}

// scan lists the files of the built tree with their sums, in path order.
func scan(ctx context.Context, root string) ([]file, error) {
	var files []file
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		m, s := md5.New(), sha256.New()
		n, err := io.Copy(io.MultiWriter(m, s), f)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files = append(files, file{Path: filepath.ToSlash(rel), Size: n,
			MD5: hex.EncodeToString(m.Sum(nil)), SHA256: hex.EncodeToString(s.Sum(nil))})
		return nil
	})
	slices.SortFunc(files, func(a, b file) int { return strings.Compare(a.Path, b.Path) })
	return files, err
}

// treeSum is publish.TreeSum of a file list.
func treeSum(files []file) string {
	lines := make([]string, len(files))
	for i, f := range files {
		lines[i] = f.Path + "\x00" + f.SHA256 + "\n"
	}
	slices.Sort(lines)
	h := sha256.New()
	for _, l := range lines {
		io.WriteString(h, l)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func isHTML(p string) bool { return path.Ext(p) == ".html" }

// fingerprint matches a name that carries a digest of its content, as
// Hugo's fingerprint gives it (site.min.<64 hex>.css).
var fingerprint = regexp.MustCompile(`\.[0-9a-f]{32,}\.[A-Za-z0-9]+$`)

// CacheControl is the Cache-Control header of the file at slash path p.
func CacheControl(p string) string {
	if fingerprint.MatchString(p) {
		return CacheImmutable
	}
	return CacheShort
}

// contentTypes are the types of the files a site has, fixed here rather
// than read from the system's tables, which differ between machines.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".json":        "application/json",
	".jsonld":      "application/ld+json",
	".webmanifest": "application/manifest+json",
	".csv":         "text/csv; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
	".xlsx":        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".zip":         "application/zip",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
	".pdf":         "application/pdf",
	"":             "text/plain; charset=utf-8", // SHA256SUMS, LICENSE, NOTICE
}

// ContentType is the Content-Type of the file at slash path p.
func ContentType(p string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(p))]; ok {
		return t
	}
	return "application/octet-stream"
}
