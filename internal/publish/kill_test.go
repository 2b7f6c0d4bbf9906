package publish

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// The kill tests re-run this test binary as a child process, selected by
// this environment variable, so that it can be killed like a real build.
const (
	childEnv     = "PUBLISH_TEST_CHILD"
	childDestEnv = "PUBLISH_TEST_DEST"
)

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "":
		os.Exit(m.Run())
	case "lock":
		childLock(os.Getenv(childDestEnv))
	case "dir":
		childDir(os.Getenv(childDestEnv))
	case "releases":
		childReleases(os.Getenv(childDestEnv))
	}
	os.Exit(0)
}

// childLock takes the lock, says so, and waits to be killed.
func childLock(dest string) {
	if _, err := Lock(dest); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Println("locked")
	io.Copy(io.Discard, os.Stdin)
	os.Exit(0)
}

// bigSite is what the child publishes: enough files that a kill can land
// in the middle of writing, flushing or swapping.
func bigSite() tree {
	tr := tree{}
	for i := range 30 {
		tr[fmt.Sprintf("d%d/page-%02d.html", i%4, i)] = strings.Repeat(fmt.Sprintf("new page %d\n", i), 50)
	}
	return tr
}

// gate returns the child's step: print a report, then wait for a line on
// stdin until stdin is closed.
func gate() func(string) {
	in := bufio.NewReader(os.Stdin)
	gated := true
	return func(msg string) {
		fmt.Println(msg)
		if gated {
			if _, err := in.ReadString('\n'); err != nil {
				gated = false
			}
		}
	}
}

// fillBig writes bigSite one file at a time, reporting each with step,
// and stops when ctx is cancelled.
func fillBig(ctx context.Context, step func(string)) func(tmp string) error {
	site := bigSite()
	return func(tmp string) error {
		for i := range 30 {
			if err := ctx.Err(); err != nil {
				return err
			}
			name := fmt.Sprintf("d%d/page-%02d.html", i%4, i)
			if err := fillWith(tree{name: site[name]})(tmp); err != nil {
				return err
			}
			step("wrote " + strconv.Itoa(i))
		}
		step("filled")
		return nil
	}
}

// childDir publishes bigSite, reporting each file on stdout ("wrote i",
// "filled", "done"). After each report it waits for a line on stdin, so the
// parent decides exactly where the kill lands; once stdin is closed it runs
// freely to the end.
func childDir(dest string) {
	step := gate()
	err := Dir(context.Background(), dest, Options{}, fillBig(context.Background(), step))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	step("done")
	os.Exit(0)
}

type child struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
	err strings.Builder
}

func startChild(t *testing.T, mode, dest string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(os.Args[0], "-test.run=^$")}
	c.cmd.Env = append(os.Environ(), childEnv+"="+mode, childDestEnv+"="+dest)
	c.cmd.Stderr = &c.err
	var err error
	if c.in, err = c.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c.out = bufio.NewReader(out)
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.cmd.Process.Kill(); c.cmd.Wait() })
	return c
}

// waitFor reads the child's reports up to and including line, letting the
// child go on after each one except the last.
func (c *child) waitFor(t *testing.T, line string) {
	t.Helper()
	for {
		got, err := c.out.ReadString('\n')
		if err != nil {
			t.Fatalf("child ended before %q: %v; stderr: %s", line, err, c.err.String())
		}
		if got = strings.TrimSpace(got); got == line {
			return
		}
		io.WriteString(c.in, "go\n")
	}
}

func (c *child) kill(t *testing.T) { c.killOrDone(t, false) }

// killOrDone kills the child; when mayFinish is set, a child that ran to
// completion before the signal landed is accepted too (a free-running
// child can win that race on a fast machine).
func (c *child) killOrDone(t *testing.T, mayFinish bool) {
	t.Helper()
	if err := c.cmd.Process.Kill(); err != nil && !(mayFinish && errors.Is(err, os.ErrProcessDone)) {
		t.Fatal(err)
	}
	err := c.cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) || (mayFinish && err == nil) {
		return
	}
	t.Fatalf("child was not killed: %v; stderr: %s", err, c.err.String())
}

func skipKill(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("kill -9 semantics and lock release timing are Unix-specific")
	}
	if testing.Short() {
		t.Skip("starts child processes")
	}
}

func TestLockReleasedWhenHolderDies(t *testing.T) {
	skipKill(t)
	dest := filepath.Join(t.TempDir(), "public")
	c := startChild(t, "lock", dest)
	c.waitFor(t, "locked")

	_, err := Lock(dest)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Lock while the child holds it: err = %v, want ErrLocked", err)
	}
	if w := "process " + strconv.Itoa(c.cmd.Process.Pid); !strings.Contains(err.Error(), w) {
		t.Errorf("error %q does not name the holder (%s)", err, w)
	}

	c.kill(t)
	l, err := Lock(dest)
	if err != nil {
		t.Fatalf("Lock after the holder died: %v", err)
	}
	l.Unlock()
}

// TestDirKill9 kills a publishing child at many points, from mid-fill to
// mid-swap, and checks that dest is then exactly the old or exactly the new
// site, never a mix, and that the next run cleans up and succeeds.
func TestDirKill9(t *testing.T) {
	skipKill(t)
	newTree := bigSite()
	third := tree{"index.html": "third build"}

	type point struct {
		name  string
		after string // the child's report to stop at
		free  bool   // then let it run freely and kill at once, landing anywhere in flush/swap
		swap  bool   // with free: kill as soon as the old site is gone from dest, while the old tree is being removed
		want  tree   // nil: either old or new
	}
	points := []point{
		{"mid-fill 0", "wrote 0", false, false, oldSite},
		{"mid-fill 14", "wrote 14", false, false, oldSite},
		{"fill done", "filled", false, false, oldSite},
		{"published", "done", false, false, newTree},
	}
	for i, at := range []string{"wrote 28", "filled", "filled", "filled"} {
		points = append(points, point{fmt.Sprintf("racing %d", i), at, true, false, nil})
	}
	for i := range 3 {
		points = append(points, point{fmt.Sprintf("removing old %d", i), "filled", true, true, newTree})
	}

	for _, p := range points {
		t.Run(p.name, func(t *testing.T) {
			root := t.TempDir()
			dest := filepath.Join(root, "public")
			writeTree(t, dest, oldSite)

			c := startChild(t, "dir", dest)
			c.waitFor(t, p.after)
			if p.free {
				c.in.Close()
			}
			if p.swap {
				// Only the old site has index.html. Spin rather than
				// sleep: the swap is a few milliseconds away.
				for i := 0; ; i++ {
					if _, err := os.Lstat(filepath.Join(dest, "index.html")); errors.Is(err, fs.ErrNotExist) {
						break
					}
					if i == 10_000_000 {
						t.Fatal("the child never swapped")
					}
				}
			}
			c.killOrDone(t, p.free)

			got := manifest(t, dest)
			switch {
			case p.want != nil:
				if w := want(p.want); !maps.Equal(got, w) {
					t.Fatalf("after kill at %q dest is\n %v\nwant\n %v", p.after, got, w)
				}
			case maps.Equal(got, want(oldSite)):
				t.Log("killed before the swap: dest is the old site")
			case maps.Equal(got, want(newTree)):
				t.Log("killed after the swap: dest is the new site")
			default:
				t.Fatalf("after kill dest is neither the old nor the new site: %v", got)
			}

			t.Logf("left beside dest: %q", names(t, root))
			// The next run is not blocked by the dead child's lock, and
			// removes its debris.
			if err := Dir(t.Context(), dest, Options{}, fillWith(third)); err != nil {
				t.Fatalf("next Dir: %v", err)
			}
			assertTree(t, dest, third)
			assertOnly(t, root, ".public.lock", "public")
		})
	}
}
