package publish

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
)

var day = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)

// publishTree publishes tr to r at date, failing the test on error.
func publishTree(t *testing.T, r Releases, date time.Time, tr tree) string {
	t.Helper()
	id, err := r.Publish(t.Context(), date, func(tmp string, _ Live) error { return fillWith(tr)(tmp) })
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// liveTree is the manifest of what TARGET/current serves.
func liveTree(t *testing.T, root string) map[string]string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(filepath.Join(root, CurrentLink))
	if err != nil {
		t.Fatal(err)
	}
	return manifest(t, dir)
}

func TestReleasesPublishSwitchPrune(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	r := Releases{Root: root, Keep: 2}
	var seen []Live
	id1, err := r.Publish(t.Context(), day, func(tmp string, live Live) error {
		seen = append(seen, live)
		return fillWith(oldSite)(tmp)
	})
	if err != nil {
		t.Fatal(err)
	}
	sum1, _ := TreeSum(t.Context(), r.Dir(id1))
	if id1 != "20250301-000000-"+sum1[:12] {
		t.Errorf("id %s, want the date and the tree's sum %s", id1, sum1)
	}
	id2, err := r.Publish(t.Context(), day.Add(time.Hour), func(tmp string, live Live) error {
		seen = append(seen, live)
		return fillWith(newSite)(tmp)
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []Live{{}, {ID: id1, Dir: r.Dir(id1)}}; !slices.Equal(seen, want) {
		t.Errorf("fill saw live %v, want %v", seen, want)
	}
	if !maps.Equal(liveTree(t, root), want(newSite)) {
		t.Error("current is not the second release")
	}
	if to, _ := os.Readlink(filepath.Join(root, CurrentLink)); to != filepath.Join("releases", id2) {
		t.Errorf("current -> %s, want a relative link to releases/%s", to, id2)
	}
	// The same files at the same moment are the same release.
	if again := publishTree(t, r, day.Add(time.Hour), newSite); again != id2 {
		t.Errorf("republished as %s, want %s", again, id2)
	}

	if err := r.Switch(t.Context(), id1); err != nil {
		t.Fatal(err)
	}
	if live, _ := r.Live(t.Context()); live != id1 || !maps.Equal(liveTree(t, root), want(oldSite)) {
		t.Errorf("after switching back, live %s", live)
	}
	// Keep 2: a third release removes the oldest that is not live.
	id3 := publishTree(t, r, day.Add(2*time.Hour), tree{"index.html": "third"})
	ids, _ := r.List(t.Context())
	if !slices.Equal(ids, []string{id2, id3}) {
		t.Errorf("kept %v, want %v", ids, []string{id2, id3})
	}
	assertOnly(t, root, ".current.lock", CurrentLink, ReleasesDir)
	assertOnly(t, filepath.Join(root, ReleasesDir), id2, id3)

	// A kept release whose files were changed is not switched to.
	os.WriteFile(filepath.Join(r.Dir(id2), "index.html"), []byte("tampered"), 0o644)
	err = r.Switch(t.Context(), id2)
	if e := diag.All(err); len(e) != 1 || e[0].Code != diag.CodeChecksum {
		t.Errorf("switch to a changed release: %v", err)
	}
	if live, _ := r.Live(t.Context()); live != id3 {
		t.Errorf("live %s after a refused switch, want %s", live, id3)
	}
}

func TestReleasesFailureAndCancel(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	r := Releases{Root: root}
	id := publishTree(t, r, day, oldSite)
	boom := errors.New("boom")
	if _, err := r.Publish(t.Context(), day, func(tmp string, _ Live) error { fillWith(newSite)(tmp); return boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	if _, err := r.Publish(ctx, day, func(tmp string, _ Live) error { cancel(); return fillWith(newSite)(tmp) }); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: err = %v", err)
	}
	if live, _ := r.Live(t.Context()); live != id || !maps.Equal(liveTree(t, root), want(oldSite)) {
		t.Error("a failed or cancelled publish changed the live release")
	}
	assertOnly(t, filepath.Join(root, ReleasesDir), id)
}

// childReleases publishes bigSite as a release, reporting each file as
// childDir does; SIGTERM cancels it as main's signal.NotifyContext does.
func childReleases(root string) {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	step := gate()
	fill := fillBig(ctx, step)
	_, err := Releases{Root: root}.Publish(ctx, day.Add(time.Hour), func(tmp string, _ Live) error { return fill(tmp) })
	if errors.Is(err, context.Canceled) {
		fmt.Println("stopped")
		os.Exit(3)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	step("done")
	os.Exit(0)
}

// TestReleasesSIGTERM: a publish told to stop mid-fill leaves the live
// release as it was and removes its unfinished tree before exiting.
func TestReleasesSIGTERM(t *testing.T) {
	skipKill(t)
	for _, at := range []string{"wrote 0", "wrote 17", "wrote 29"} {
		t.Run(at, func(t *testing.T) {
			root := t.TempDir()
			old := publishTree(t, Releases{Root: root}, day, oldSite)
			c := startChild(t, "releases", root)
			c.waitFor(t, at)
			if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			c.in.Close() // let it run on and notice
			err := c.cmd.Wait()
			var ee interface{ ExitCode() int }
			if !errors.As(err, &ee) || ee.ExitCode() != 3 {
				t.Fatalf("child: %v, want exit 3 (stopped); stderr: %s", err, c.err.String())
			}
			if live, _ := (Releases{Root: root}).Live(t.Context()); live != old || !maps.Equal(liveTree(t, root), want(oldSite)) {
				t.Fatal("SIGTERM changed the live release")
			}
			assertOnly(t, filepath.Join(root, ReleasesDir), old)
			assertOnly(t, root, ".current.lock", CurrentLink, ReleasesDir)
		})
	}
}

// TestReleasesKill9 kills a publishing child anywhere from mid-fill to
// the switch: current is always one whole release, and the next publish
// removes the debris.
func TestReleasesKill9(t *testing.T) {
	skipKill(t)
	for i, p := range []struct {
		after string
		free  bool
	}{{"wrote 3", false}, {"filled", false}, {"wrote 28", true}, {"filled", true}, {"filled", true}} {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			root := t.TempDir()
			r := Releases{Root: root}
			publishTree(t, r, day, oldSite)
			c := startChild(t, "releases", root)
			c.waitFor(t, p.after)
			if p.free {
				c.in.Close()
			}
			c.killOrDone(t, p.free)
			got := liveTree(t, root)
			if !maps.Equal(got, want(oldSite)) && !maps.Equal(got, want(bigSite())) {
				t.Fatalf("after kill -9 current is neither release: %v", got)
			}
			third := publishTree(t, r, day.Add(2*time.Hour), tree{"index.html": "third"})
			assertOnly(t, root, ".current.lock", CurrentLink, ReleasesDir)
			for _, id := range names(t, filepath.Join(root, ReleasesDir)) {
				if strings.HasPrefix(id, ".") {
					t.Errorf("debris left: %s", id)
				}
			}
			if live, _ := r.Live(t.Context()); live != third {
				t.Errorf("live %s, want %s", live, third)
			}
		})
	}
}

// TestReleasesLocked: a second publish to a target being published to
// stops with the lock message and changes nothing.
func TestReleasesLocked(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	r := Releases{Root: root}
	id := publishTree(t, r, day, oldSite)
	_, err := r.Publish(t.Context(), day.Add(time.Hour), func(tmp string, _ Live) error {
		_, err := r.Publish(t.Context(), day.Add(2*time.Hour), func(string, Live) error { return nil })
		if !errors.Is(err, ErrLocked) {
			t.Errorf("second publish: %v, want ErrLocked", err)
		}
		return err
	})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("first publish: %v", err)
	}
	if live, _ := r.Live(t.Context()); live != id {
		t.Errorf("live %s, want %s", live, id)
	}
	assertOnly(t, filepath.Join(root, ReleasesDir), id)
}
