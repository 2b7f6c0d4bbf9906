package gocloud

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"gocloud.dev/blob"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/publish"
)

// The S3 server of scripts/seaweedfs.sh, when one runs.
var endpoint = os.Getenv("MINHBACH_S3_ENDPOINT")

func TestMain(m *testing.M) {
	if endpoint != "" && os.Getenv("AWS_ACCESS_KEY_ID") == "" {
		// The credentials scripts/seaweedfs.sh configures.
		os.Setenv("AWS_ACCESS_KEY_ID", "minhbach")
		os.Setenv("AWS_SECRET_ACCESS_KEY", "minhbach-secret")
	}
	os.Exit(m.Run())
}

// backends are the stores each test runs against: a folder through
// fileblob always, and the S3 server when there is one. CI sets
// MINHBACH_REQUIRE_S3=1 so that the S3 half never silently skips.
func backends(t *testing.T) map[string]func(t *testing.T) string {
	t.Helper()
	out := map[string]func(t *testing.T) string{
		"file": func(t *testing.T) string { return "file://" + filepath.ToSlash(t.TempDir()) },
	}
	if endpoint != "" {
		out["s3"] = newS3Bucket
	} else if os.Getenv("MINHBACH_REQUIRE_S3") != "" {
		t.Fatal("MINHBACH_REQUIRE_S3 is set but MINHBACH_S3_ENDPOINT is not: start scripts/seaweedfs.sh")
	} else {
		t.Log("no S3 server (MINHBACH_S3_ENDPOINT): the S3 backend is not tested")
	}
	return out
}

// newS3Bucket creates a fresh bucket on the server at MINHBACH_S3_ENDPOINT
// and returns its URL.
func newS3Bucket(t *testing.T) string {
	t.Helper()
	var b [6]byte
	rand.Read(b[:])
	name := "t-" + hex.EncodeToString(b[:])
	u := "s3://" + name + "?endpoint=" + endpoint + "&region=us-east-1&use_path_style=true"
	bk, err := blob.OpenBucket(t.Context(), u)
	if err != nil {
		t.Fatal(err)
	}
	defer bk.Close()
	var client *s3.Client
	if !bk.As(&client) {
		t.Fatal("not an S3 bucket")
	}
	if _, err := client.CreateBucket(t.Context(), &s3.CreateBucketInput{Bucket: aws.String(name)}); err != nil {
		t.Fatal(err)
	}
	return u
}

// tree is a site: slash path → content.
type tree map[string]string

// fillWith is a fill that writes t.
func fillWith(tr tree, saw *publish.Live) func(string, publish.Live) error {
	return func(tmp string, live publish.Live) error {
		if saw != nil {
			*saw = live
		}
		for p, c := range tr {
			f := filepath.Join(tmp, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(f, []byte(c), 0o644); err != nil {
				return err
			}
		}
		return nil
	}
}

// served is the bucket's tree as a web server reads it (without _minhbach/).
func served(t *testing.T, u string) tree {
	t.Helper()
	bk, err := blob.OpenBucket(t.Context(), u)
	if err != nil {
		t.Fatal(err)
	}
	defer bk.Close()
	out := tree{}
	it := bk.List(nil)
	for {
		o, err := it.Next(t.Context())
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(o.Key, Prefix) {
			continue
		}
		b, err := bk.ReadAll(t.Context(), o.Key)
		if err != nil {
			t.Fatal(err)
		}
		out[o.Key] = string(b)
	}
	return out
}

const css = "css/site.min.b030a9be1da9b7ee969b1721d286ea47fe616af27c8cc97bc53cf5e8be1e0cc5.css"

var (
	day1  = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	day2  = day1.Add(24 * time.Hour)
	day3  = day2.Add(24 * time.Hour)
	site1 = tree{
		"index.html":          "<p>one</p>",
		"en/index.html":       "<p>en one</p>",
		css:                   "body{}",
		"du-lieu/figures.csv": "a,1\n",
		"du-lieu/SHA256SUMS":  "x\n",
		"old.txt":             "gone later",
	}
	site2 = tree{
		"index.html":          "<p>two</p>", // changed page
		"en/index.html":       "<p>en one</p>",
		css:                   "body{}",
		"du-lieu/figures.csv": "a,2\n", // changed download
		"du-lieu/SHA256SUMS":  "x\n",
		"new/index.html":      "<p>new</p>", // added page
	}
)

func TestPublishUploadsChangesAndRollsBack(t *testing.T) {
	t.Parallel()
	for name, mk := range backends(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := t.Context()
			u := mk(t)
			var plan Plan
			b := Bucket{URL: u, Plan: &plan, Keep: 5}

			var saw publish.Live
			id1, err := b.Publish(ctx, day1, fillWith(site1, &saw))
			if err != nil {
				t.Fatal(err)
			}
			if saw.ID != "" || len(plan.Upload) != len(site1) || plan.Unchanged != 0 {
				t.Fatalf("first publish: live %q, plan %+v", saw.ID, plan)
			}
			// Pages last: every asset before the first page.
			if i := slices.IndexFunc(plan.Upload, isHTML); slices.ContainsFunc(plan.Upload[i:], func(p string) bool { return !isHTML(p) }) {
				t.Errorf("upload order %v: an asset after a page", plan.Upload)
			}
			if got := served(t, u); !maps.Equal(got, site1) {
				t.Fatalf("served %v, want %v", got, site1)
			}
			checkHeaders(t, u, map[string][2]string{
				"index.html":          {"text/html; charset=utf-8", CacheShort},
				css:                   {"text/css; charset=utf-8", CacheImmutable},
				"du-lieu/figures.csv": {"text/csv; charset=utf-8", CacheShort},
				"du-lieu/SHA256SUMS":  {"text/plain; charset=utf-8", CacheShort},
			})

			// Only what changed goes up; what went is deleted.
			id2, err := b.Publish(ctx, day2, fillWith(site2, &saw))
			if err != nil {
				t.Fatal(err)
			}
			if saw.ID != id1 {
				t.Errorf("second publish saw live %q, want %q", saw.ID, id1)
			}
			wantUp := []string{"du-lieu/figures.csv", "index.html", "new/index.html"}
			if !slices.Equal(plan.Upload, wantUp) || plan.Unchanged != 3 || !slices.Equal(plan.Delete, []string{"old.txt"}) {
				t.Errorf("second publish plan %+v, want upload %v, 3 unchanged, delete [old.txt]", plan, wantUp)
			}
			if got := served(t, u); !maps.Equal(got, site2) {
				t.Fatalf("served %v, want %v", got, site2)
			}

			// A dry run says what would change and changes nothing.
			dry := Bucket{URL: u, Plan: &plan, DryRun: true}
			if _, err := dry.Publish(ctx, day3, fillWith(site1, nil)); err != nil {
				t.Fatal(err)
			}
			if len(plan.Upload) != 3 || !slices.Equal(plan.Delete, []string{"new/index.html"}) {
				t.Errorf("dry run plan %+v", plan)
			}
			if got := served(t, u); !maps.Equal(got, site2) {
				t.Fatalf("dry run changed the bucket: %v", got)
			}
			if live, _ := b.Live(ctx); live != id2 {
				t.Errorf("live %q after a dry run, want %q", live, id2)
			}

			// The releases are listed and described from their records.
			ids, err := b.List(ctx)
			if err != nil || !slices.Equal(ids, []string{id1, id2}) {
				t.Fatalf("List = %v, %v; want [%s %s]", ids, err, id1, id2)
			}
			d, err := b.Describe(ctx, id2, "du-lieu/figures.csv")
			if err != nil || d.Pages != 3 || d.Files != len(site2) || d.Sum != publish.Sum([]byte(site2["du-lieu/figures.csv"])) {
				t.Errorf("Describe = %+v, %v", d, err)
			}

			// Rollback: the live tree is release 1 again, byte for byte,
			// from the bucket's own copies.
			if err := b.Switch(ctx, id1); err != nil {
				t.Fatal(err)
			}
			if got := served(t, u); !maps.Equal(got, site1) {
				t.Fatalf("after rollback served %v, want %v", got, site1)
			}
			if live, _ := b.Live(ctx); live != id1 {
				t.Errorf("live %q after rollback, want %q", live, id1)
			}
			checkHeaders(t, u, map[string][2]string{"index.html": {"text/html; charset=utf-8", CacheShort}})
			// The id is the tree's, as for a folder target.
			dir := t.TempDir()
			fillWith(site1, nil)(dir, publish.Live{})
			sum, _ := publish.TreeSum(ctx, dir)
			if publish.ReleaseID(day1, sum) != id1 {
				t.Errorf("id %s is not the ReleaseID of its tree (%s)", id1, sum[:12])
			}
			if err := b.Switch(ctx, "20250101-000000-000000000000"); err == nil || !strings.Contains(err.Error(), "no release") {
				t.Errorf("Switch to an unknown release: %v", err)
			}
		})
	}
}

func checkHeaders(t *testing.T, u string, want map[string][2]string) {
	t.Helper()
	bk, err := blob.OpenBucket(t.Context(), u)
	if err != nil {
		t.Fatal(err)
	}
	defer bk.Close()
	for key, w := range want {
		a, err := bk.Attributes(t.Context(), key)
		if err != nil {
			t.Fatal(err)
		}
		if a.ContentType != w[0] || a.CacheControl != w[1] {
			t.Errorf("%s: Content-Type %q, Cache-Control %q; want %q, %q", key, a.ContentType, a.CacheControl, w[0], w[1])
		}
	}
}

func TestKeepPrunesReleasesAndCopies(t *testing.T) {
	t.Parallel()
	for name, mk := range backends(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := t.Context()
			u := mk(t)
			b := Bucket{URL: u, Keep: 2}
			var ids []string
			for i, d := range []time.Time{day1, day2, day3} {
				id, err := b.Publish(ctx, d, fillWith(tree{"index.html": fmt.Sprint("<p>", i, "</p>")}, nil))
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, id)
			}
			got, _ := b.List(ctx)
			if !slices.Equal(got, ids[1:]) {
				t.Errorf("kept %v, want %v", got, ids[1:])
			}
			bk, _ := blob.OpenBucket(ctx, u)
			defer bk.Close()
			copies, _ := b.objects(ctx, bk, objectsPfx)
			if len(copies) != 2 {
				t.Errorf("%d kept copies, want 2 (one per kept release): %v", len(copies), slices.Collect(maps.Keys(copies)))
			}
			if err := b.Switch(ctx, ids[0]); err == nil {
				t.Error("switched to a pruned release")
			}
		})
	}
}

func TestSecondPublishStopsAtTheLock(t *testing.T) {
	t.Parallel()
	for name, mk := range backends(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := t.Context()
			u := mk(t)
			b := Bucket{URL: u}
			inner := errors.New("not reached")
			_, err := b.Publish(ctx, day1, func(tmp string, live publish.Live) error {
				// While the first holds the lock, a second publish stops.
				_, err := b.Publish(ctx, day2, func(string, publish.Live) error { return inner })
				if err == nil || errors.Is(err, inner) || !strings.Contains(err.Error(), "another publish of this same computer is running there") {
					t.Errorf("second publish: %v", err)
				}
				return fillWith(site1, nil)(tmp, live)
			})
			if err != nil {
				t.Fatal(err)
			}
			if got := served(t, u); !maps.Equal(got, site1) {
				t.Errorf("served %v", got)
			}
			// The lock went with the first publish.
			if _, err := b.Publish(ctx, day2, fillWith(site2, nil)); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestCancelledPublishChangesNothing(t *testing.T) {
	t.Parallel()
	for name, mk := range backends(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			u := mk(t)
			b := Bucket{URL: u}
			if _, err := b.Publish(t.Context(), day1, fillWith(site1, nil)); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(t.Context())
			_, err := b.Publish(ctx, day2, func(tmp string, live publish.Live) error {
				cancel()
				return fillWith(site2, nil)(tmp, live)
			})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want cancelled", err)
			}
			if got := served(t, u); !maps.Equal(got, site1) {
				t.Errorf("served %v after a cancelled publish", got)
			}
			if live, _ := b.Live(t.Context()); !strings.HasPrefix(live, "20250301") {
				t.Errorf("live %q", live)
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	t.Parallel()
	for p, want := range map[string][2]string{
		"index.html":     {"text/html; charset=utf-8", CacheShort},
		css:              {"text/css; charset=utf-8", CacheImmutable},
		"js/charts.js":   {"text/javascript; charset=utf-8", CacheShort},
		"x.xlsx":         {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", CacheShort},
		"vendor/LICENSE": {"text/plain; charset=utf-8", CacheShort},
		"a.bin":          {"application/octet-stream", CacheShort},
	} {
		if ct, cc := ContentType(p), CacheControl(p); ct != want[0] || cc != want[1] {
			t.Errorf("%s: %q, %q; want %q, %q", p, ct, cc, want[0], want[1])
		}
	}
}

func TestBadAddresses(t *testing.T) {
	t.Parallel()
	want := map[string]string{
		"gs://x":                      "cannot read this address",
		"file:///no/such/folder/here": "no such folder: create it first",
		"file://relative/folder":      "cannot read this folder address",
	}
	if endpoint != "" {
		want["s3://no-such-bucket-here?endpoint="+endpoint+"&region=us-east-1&use_path_style=true"] = `there is no bucket "no-such-bucket-here" on this server: create it first`
	}
	for u, w := range want {
		_, err := Bucket{URL: u}.Live(t.Context())
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("%s: %v, want %q", u, err, w)
		}
	}
}

// TestFolderWithoutMetadata: a file:// bucket written with
// ?metadata=skip (a mounted bucket, where fileblob's .attrs files would
// be served as objects) lists no MD5; the files are compared by their
// bytes, so only what changed is uploaded, and no .attrs file is left.
func TestFolderWithoutMetadata(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var plan Plan
	b := Bucket{URL: "file://" + filepath.ToSlash(dir) + "?metadata=skip", Plan: &plan}
	if _, err := b.Publish(t.Context(), day1, fillWith(site1, nil)); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Publish(t.Context(), day2, fillWith(site2, nil)); err != nil {
		t.Fatal(err)
	}
	if want := []string{"du-lieu/figures.csv", "index.html", "new/index.html"}; !slices.Equal(plan.Upload, want) || plan.Unchanged != 3 {
		t.Errorf("second publish plan %+v, want upload %v, 3 unchanged", plan, want)
	}
	if got := served(t, b.URL); !maps.Equal(got, site2) {
		t.Errorf("served %v", got)
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if strings.HasSuffix(p, ".attrs") || strings.HasSuffix(p, ".tmp") {
			t.Errorf("left %s", p)
		}
		return err
	})
}

// TestLargeFileKept: a file large enough for S3 to take in parts (its
// ETag then not its MD5) is not uploaded again when unchanged: its MD5 is
// recorded beside it.
func TestLargeFileKept(t *testing.T) {
	t.Parallel()
	for name, mk := range backends(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			u := mk(t)
			var plan Plan
			b := Bucket{URL: u, Plan: &plan}
			big := tree{"index.html": "<p>one</p>", "du-lieu/all.zip": strings.Repeat("0123456789abcdef", 12<<16)} // 12 MiB
			if _, err := b.Publish(t.Context(), day1, fillWith(big, nil)); err != nil {
				t.Fatal(err)
			}
			big["index.html"] = "<p>two</p>"
			if _, err := b.Publish(t.Context(), day2, fillWith(big, nil)); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(plan.Upload, []string{"index.html"}) || plan.Unchanged != 1 {
				t.Errorf("second publish plan: upload %v, %d unchanged; want [index.html], 1", plan.Upload, plan.Unchanged)
			}
		})
	}
}

// TestLockSaysWhoAndIsBroken: a lock of another computer stops a publish
// with its computer, process and date, in both languages, until
// BreakLock removes it after saying whose it was; a lock of this
// computer's ended process, or one older than StaleLock, is taken over
// with a word; the lock of a process still running here never is.
func TestLockSaysWhoAndIsBroken(t *testing.T) {
	t.Parallel()
	for name, mk := range backends(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := t.Context()
			u := mk(t)
			bk, err := blob.OpenBucket(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			defer bk.Close()
			host, _ := os.Hostname()
			var said []string
			broke := func(m msg.Text) { said = append(said, m.In(msg.EN)) }
			hold := func(h Holder) []byte {
				data, _ := json.Marshal(h)
				if err := bk.WriteAll(ctx, lockKey, data, nil); err != nil {
					t.Fatal(err)
				}
				return data
			}
			since := time.Date(2025, 3, 1, 8, 5, 0, 0, time.UTC)
			other := hold(Holder{Host: "may-so-7", PID: 4242, Started: since})

			// Another computer's lock: stop, naming it, in both languages.
			_, err = Bucket{URL: u, Broke: broke}.Publish(ctx, day1, fillWith(site1, nil))
			at := since.Local()
			for lang, want := range map[string]string{
				msg.EN: fmt.Sprintf(`another publish holds the storage's lock: computer "may-so-7" (process 4242), since %s at %s, 0 minutes ago. If that publish is still running, wait`, at.Format(time.DateOnly), at.Format("15:04 MST")),
				msg.VI: fmt.Sprintf(`một lần xuất bản khác đang giữ khoá của kho lưu trữ: máy "may-so-7" (tiến trình 4242), từ %s lúc %s, cách đây 0 phút.`, at.Format("02/01/2006"), at.Format("15:04 MST")),
			} {
				var de *diag.Error
				if !errors.As(err, &de) {
					t.Fatalf("not a positioned problem: %v", err)
				}
				if got := de.Line(lang); !strings.Contains(got, want) || !strings.Contains(got, "--break-lock") {
					t.Errorf("%s: publish under another computer's lock:\n%s\nwant it to contain\n%s", lang, got, want)
				}
			}
			if got, _ := bk.ReadAll(ctx, lockKey); string(got) != string(other) || len(said) > 0 {
				t.Fatalf("the lock was touched (%q) or said broken (%q)", got, said)
			}
			// A rollback stops at it too.
			if err := (Bucket{URL: u}).Switch(ctx, "20250101-000000-000000000000"); err == nil || !strings.Contains(err.Error(), `computer "may-so-7"`) {
				t.Errorf("rollback under another computer's lock: %v", err)
			}

			// --break-lock: removed after saying whose, then the publish
			// takes and leaves its own.
			id1, err := Bucket{URL: u, BreakLock: true, Broke: broke}.Publish(ctx, day1, fillWith(site1, nil))
			if err != nil {
				t.Fatalf("publish with BreakLock: %v", err)
			}
			if len(said) != 1 || !strings.Contains(said[0], `as --break-lock asks, removed the lock of the earlier publish (computer "may-so-7" (process 4242), since`) {
				t.Errorf("said %q", said)
			}
			if ok, _ := bk.Exists(ctx, lockKey); ok {
				t.Error("the lock is still there after the publish")
			}

			// This computer's publish that has ended (a process that
			// ran and exited), in minhbach's earlier one-line form.
			cmd := exec.Command("true")
			if err := cmd.Run(); err != nil {
				t.Skip("no true command")
			}
			said = nil
			bk.WriteAll(ctx, lockKey, fmt.Appendf(nil, "%s pid %d 2025-03-01T00:00:00Z\n", host, cmd.Process.Pid), nil)
			if _, err := (Bucket{URL: u, Broke: broke}).Publish(ctx, day2, fillWith(site2, nil)); err != nil {
				t.Fatalf("publish after an ended publish's lock: %v", err)
			}
			if want := fmt.Sprintf(`removed the lock left by a publish of this computer (computer %q (process %d), since 2025-03-01`, host, cmd.Process.Pid); len(said) != 1 || !strings.Contains(said[0], want) {
				t.Errorf("said %q, want %q", said, want)
			}

			// A process of this computer still running (this test): never
			// removed, even when asked.
			hold(Holder{Host: host, PID: os.Getpid(), Started: since})
			err = Bucket{URL: u, BreakLock: true, Broke: broke}.Switch(ctx, id1)
			if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("another publish of this same computer is running there: computer %q (process %d)", host, os.Getpid())) {
				t.Errorf("rollback under a running publish's lock with BreakLock: %v", err)
			}
			// BreakLock removes another computer's lock for a rollback.
			hold(Holder{Host: "may-so-7", PID: 4242, Started: since})
			said = nil
			if err := (Bucket{URL: u, BreakLock: true, Broke: broke}).Switch(ctx, id1); err != nil {
				t.Fatalf("rollback with BreakLock: %v", err)
			}
			if len(said) != 1 || !strings.Contains(said[0], `"may-so-7"`) {
				t.Errorf("rollback said %q", said)
			}
			if got := served(t, u); !maps.Equal(got, site1) {
				t.Errorf("after the rollback served %v", got)
			}

			// A damaged lock: which computer cannot be read; its date is
			// the lock's own.
			bk.WriteAll(ctx, lockKey, []byte("garbage"), nil)
			_, err = Bucket{URL: u}.Publish(ctx, day3, fillWith(site2, nil))
			if err == nil || !strings.Contains(err.Error(), "holds the storage's lock: which computer cannot be read, since "+time.Now().Format(time.DateOnly)) {
				t.Errorf("publish under a damaged lock: %v", err)
			}
			bk.Delete(ctx, lockKey)
		})
	}
}

// TestStaleLockIsTakenOver: a lock older than StaleLock (its date in the
// store, set here on the file of a file:// bucket) is taken over, with a
// word that says how old it was.
func TestStaleLockIsTakenOver(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	u := "file://" + filepath.ToSlash(dir)
	bk, err := blob.OpenBucket(t.Context(), u)
	if err != nil {
		t.Fatal(err)
	}
	defer bk.Close()
	bk.WriteAll(t.Context(), lockKey, []byte(`{"host":"may-so-7","pid":4242,"started":"2025-03-01T08:05:00Z"}`), nil)
	old := time.Now().Add(-StaleLock - 3*time.Hour)
	if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(lockKey)), old, old); err != nil {
		t.Fatal(err)
	}
	var said []string
	if _, err := (Bucket{URL: u, Broke: func(m msg.Text) { said = append(said, m.In(msg.EN)) }}).Publish(t.Context(), day1, fillWith(site1, nil)); err != nil {
		t.Fatalf("publish under a stale lock: %v", err)
	}
	if len(said) != 1 || !strings.Contains(said[0], `removed the lock left by a publish (computer "may-so-7" (process 4242), since 2025-03-01`) || !strings.Contains(said[0], "it is 5 hours old") {
		t.Errorf("said %q", said)
	}
}

// TestFolderLockIsExclusive: two processes cannot both take the lock of a
// file:// bucket (fileblob's IfNotExist is check-then-rename; the lock is
// an O_EXCL file instead): of many tries at once, exactly one wins.
func TestFolderLockIsExclusive(t *testing.T) {
	t.Parallel()
	for round := range 20 {
		u := "file://" + filepath.ToSlash(t.TempDir())
		b := Bucket{URL: u}
		const n = 8
		won := make(chan bool, n)
		start := make(chan struct{})
		for range n {
			// Each its own bucket, as two processes have: fileblob locks
			// a mutex of the bucket, which hides the race within one.
			bk, err := blob.OpenBucket(t.Context(), u)
			if err != nil {
				t.Fatal(err)
			}
			defer bk.Close()
			go func() {
				<-start
				won <- b.create(t.Context(), bk, []byte("x")) == nil
			}()
		}
		close(start)
		wins := 0
		for range n {
			if <-won {
				wins++
			}
		}
		if wins != 1 {
			t.Fatalf("round %d: %d of %d took the lock at once, want 1", round, wins, n)
		}
	}
}
