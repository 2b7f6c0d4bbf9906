package gocloud

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
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
				if err == nil || errors.Is(err, inner) || !strings.Contains(err.Error(), "another publish is already running") {
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
	for _, u := range []string{"gs://x", "file:///no/such/folder/here"} {
		_, err := Bucket{URL: u}.Live(t.Context())
		if err == nil {
			t.Errorf("%s: no error", u)
		}
	}
}

func TestLockOfAnEndedPublishIsTakenOver(t *testing.T) {
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
			// A publish of another computer holds the lock: stop.
			bk.WriteAll(ctx, lockKey, []byte("elsewhere pid 1 2025-03-01T00:00:00Z\n"), nil)
			if _, err := (Bucket{URL: u}).Publish(ctx, day1, fillWith(site1, nil)); err == nil || !strings.Contains(err.Error(), "elsewhere pid 1") {
				t.Fatalf("publish under another computer's lock: %v", err)
			}
			// A publish of this computer that has ended left it: go on.
			cmd := exec.Command("true")
			if err := cmd.Run(); err != nil {
				t.Skip("no true command")
			}
			bk.WriteAll(ctx, lockKey, fmt.Appendf(nil, "%s pid %d 2025-03-01T00:00:00Z\n", host, cmd.Process.Pid), nil)
			if _, err := (Bucket{URL: u}).Publish(ctx, day1, fillWith(site1, nil)); err != nil {
				t.Fatalf("publish after an ended publish's lock: %v", err)
			}
			if ok, _ := bk.Exists(ctx, lockKey); ok {
				t.Error("the lock is still there")
			}
		})
	}
}
