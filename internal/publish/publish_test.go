package publish

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// tree is a folder's content: slash path → file content.
type tree map[string]string

var (
	oldSite = tree{
		"index.html":      "<h1>old</h1>",
		"only-old.txt":    "removed by the next publish",
		"sub/a.txt":       "old a",
		"sub/deep/x.json": `{"v":1}`,
	}
	newSite = tree{
		"index.html":       "<h1>new</h1>",
		"sub/a.txt":        "new a",
		"sub/b.txt":        "new b",
		"assets/app.css":   "body{}",
		"vi/chi-tiêu.html": "Chợ Đồn",
	}
)

func writeTree(t testing.TB, root string, tr tree) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(tr)) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(tr[name]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// manifest hashes every file under root and lists every folder (key ending
// in "/"), so that any added, removed or changed entry shows.
func manifest(t testing.TB, root string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
		case d.IsDir():
			m[rel+"/"] = ""
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			m[rel] = sum(string(b))
		default:
			m[rel] = "type " + d.Type().String()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// want is the manifest a folder holding exactly tr has.
func want(tr tree) map[string]string {
	m := map[string]string{}
	for name, content := range tr {
		m[name] = sum(content)
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			m[d+"/"] = ""
		}
	}
	return m
}

func fillWith(tr tree) func(string) error {
	return func(tmp string) error {
		for _, name := range slices.Sorted(maps.Keys(tr)) {
			p := filepath.Join(tmp, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(p, []byte(tr[name]), 0o644); err != nil {
				return err
			}
		}
		return nil
	}
}

// names lists a folder, sorted.
func names(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func assertTree(t testing.TB, dir string, tr tree) {
	t.Helper()
	if got, w := manifest(t, dir), want(tr); !maps.Equal(got, w) {
		t.Fatalf("%s:\n got %v\nwant %v", dir, got, w)
	}
}

// assertOnly checks that the parent folder holds exactly these names: no
// temporary or old tree left behind.
func assertOnly(t testing.TB, dir string, want ...string) {
	t.Helper()
	if got := names(t, dir); !slices.Equal(got, want) {
		t.Fatalf("%s holds %q, want %q", dir, got, want)
	}
}

func TestDirReplacesContent(t *testing.T) {
	for _, tc := range []struct {
		name string
		dest string // relative to a fresh working folder
		old  tree   // nil: dest does not exist yet
	}{
		{"replace", "public", oldSite},
		{"first publish", "public", nil},
		{"missing parents", filepath.Join("out", "site", "public"), nil},
		{"trailing slash", "public" + string(filepath.Separator), oldSite},
		{"empty old site", "public", tree{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if tc.old != nil {
				if err := os.Mkdir("public", 0o755); err != nil {
					t.Fatal(err)
				}
				writeTree(t, "public", tc.old)
				if err := os.Chmod("public", 0o755); err != nil { // whatever the umask
					t.Fatal(err)
				}
			}
			var gotTmp string
			err := Dir(t.Context(), tc.dest, Options{}, func(tmp string) error {
				gotTmp = tmp
				return fillWith(newSite)(tmp)
			})
			if err != nil {
				t.Fatal(err)
			}
			dest := filepath.Clean(tc.dest)
			// Built beside dest, under a hidden name, with a relative path.
			if filepath.Dir(gotTmp) != filepath.Dir(dest) || !strings.HasPrefix(filepath.Base(gotTmp), ".public.tmp-") {
				t.Errorf("fill got %q, want .public.tmp-* beside %q", gotTmp, dest)
			}
			assertTree(t, dest, newSite)
			assertOnly(t, filepath.Dir(dest), ".public.lock", "public")
			// The site stays readable by the web server, not 0700 like
			// os.MkdirTemp makes it.
			if fi, err := os.Stat(dest); err != nil {
				t.Error(err)
			} else if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o755 {
				t.Errorf("published folder has mode %v, want 0755", fi.Mode().Perm())
			}
		})
	}
}

func TestDirFailureLeavesDestUntouched(t *testing.T) {
	errBuild := errors.New("data/chi-tieu.csv:3:7: value \"1,5\": not a number")
	for _, tc := range []struct {
		name string
		fill func(tmp string) error
	}{
		{"error", func(tmp string) error {
			if err := fillWith(newSite)(tmp); err != nil {
				return err
			}
			return errBuild
		}},
		{"error before writing", func(string) error { return errBuild }},
		{"panic", func(tmp string) error {
			if err := fillWith(newSite)(tmp); err != nil {
				return err
			}
			panic(errBuild)
		}},
		{"fill removes tmp", func(tmp string) error { return os.RemoveAll(tmp) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dest := filepath.Join(root, "public")
			writeTree(t, dest, oldSite)
			before := manifest(t, dest)

			var err error
			var recovered any
			func() {
				defer func() { recovered = recover() }()
				err = Dir(t.Context(), dest, Options{}, tc.fill)
			}()

			switch tc.name {
			case "panic":
				if recovered != errBuild {
					t.Errorf("panic value = %v, want the fill's panic %v", recovered, errBuild)
				}
			case "fill removes tmp":
				if err == nil || !strings.Contains(err.Error(), "was left unchanged") {
					t.Errorf("err = %v, want a message saying dest was left unchanged", err)
				}
			default:
				if err != errBuild {
					t.Errorf("err = %v, want the fill's error unchanged", err)
				}
			}
			if after := manifest(t, dest); !maps.Equal(before, after) {
				t.Errorf("dest changed:\nbefore %v\n after %v", before, after)
			}
			assertOnly(t, root, ".public.lock", "public")
			// The lock was released despite the failure.
			l, err := Lock(dest)
			if err != nil {
				t.Fatalf("lock still held after a failed Dir: %v", err)
			}
			l.Unlock()
		})
	}
}

func TestDirConcurrentFailsWithErrLocked(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	writeTree(t, dest, oldSite)

	inside, release := make(chan string), make(chan struct{})
	first := make(chan error, 1)
	go func() {
		first <- Dir(t.Context(), dest, Options{}, func(tmp string) error {
			if err := fillWith(newSite)(tmp); err != nil {
				return err
			}
			inside <- tmp
			<-release
			return nil
		})
	}()
	tmp := <-inside

	called := false
	err := Dir(t.Context(), dest, Options{}, func(string) error { called = true; return nil })
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Dir: err = %v, want ErrLocked", err)
	}
	msg := err.Error()
	for _, w := range []string{strconv.Quote(dest), "process " + strconv.Itoa(os.Getpid()), filepath.Join(root, ".public.lock"), "try again"} {
		if !strings.Contains(msg, w) {
			t.Errorf("error %q does not mention %q", msg, w)
		}
	}
	if called {
		t.Error("second Dir called its fill")
	}
	// The second build touched nothing: dest is the old site and the first
	// build's unfinished tree was not "cleaned up" as stale.
	assertTree(t, dest, oldSite)
	assertTree(t, tmp, newSite)
	assertOnly(t, root, ".public.lock", filepath.Base(tmp), "public")

	close(release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, newSite)
	assertOnly(t, root, ".public.lock", "public")
}

func TestLockUnlock(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "site", "public")

	l, err := Lock(dest)
	if err != nil {
		t.Fatal(err)
	}
	// The lock file sits beside dest, not inside it; dest is not created.
	assertOnly(t, filepath.Join(root, "site"), ".public.lock")

	_, err = Lock(dest + string(filepath.Separator))
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Lock: err = %v, want ErrLocked", err)
	}
	// It says who holds it: process, computer, since when.
	host, _ := os.Hostname()
	wantMsg := regexp.MustCompile(fmt.Sprintf(`^cannot publish to %s: another build is already publishing there \(process %d of computer %s, since \d{4}-\d\d-\d\d at \d\d:\d\d \S+; lock file %s\); wait for it to finish, then try again$`,
		regexp.QuoteMeta(strconv.Quote(dest)), os.Getpid(), regexp.QuoteMeta(strconv.Quote(host)), regexp.QuoteMeta(strconv.Quote(filepath.Join(root, "site", ".public.lock")))))
	if !wantMsg.MatchString(err.Error()) {
		t.Errorf("error:\n got %s\nwant %s", err, wantMsg)
	}
	// A different destination in the same folder is independent.
	other, err := Lock(filepath.Join(root, "site", "public2"))
	if err != nil {
		t.Fatalf("lock of another destination: %v", err)
	}
	other.Unlock()

	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	if err := l.Unlock(); err != nil {
		t.Errorf("second Unlock: %v", err)
	}
	l2, err := Lock(dest)
	if err != nil {
		t.Fatalf("Lock after Unlock: %v", err)
	}
	if err := l2.Unlock(); err != nil {
		t.Fatal(err)
	}
}

func TestDirCleansStaleSiblings(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	writeTree(t, dest, oldSite)
	writeTree(t, filepath.Join(root, ".public.tmp-123456"), tree{"half.html": "<h1"})
	writeTree(t, filepath.Join(root, ".public.old-abcdef"), oldSite)
	// Look-alikes of other destinations or of nothing are not ours.
	writeTree(t, filepath.Join(root, ".public2.tmp-1"), tree{"keep": "1"})
	writeTree(t, filepath.Join(root, ".public.tmp-"), tree{"keep": "2"})
	writeTree(t, filepath.Join(root, "public.tmp-1"), tree{"keep": "3"})

	if err := Dir(t.Context(), dest, Options{}, fillWith(newSite)); err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, newSite)
	assertOnly(t, root, ".public.lock", ".public.tmp-", ".public2.tmp-1", "public", "public.tmp-1")
}

// A run killed between the two renames of the fallback leaves no dest and
// the live site under an old- name: the next run puts it back before
// building, so even a failing build leaves the previous site in place.
func TestDirRestoresSiteMovedAside(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	writeTree(t, filepath.Join(root, ".public.old-0123456789abcdef"), oldSite)
	writeTree(t, filepath.Join(root, ".public.tmp-42"), newSite)

	errBuild := errors.New("build failed")
	if err := Dir(t.Context(), dest, Options{}, func(string) error { return errBuild }); err != errBuild {
		t.Fatalf("err = %v, want %v", err, errBuild)
	}
	assertTree(t, dest, oldSite)
	assertOnly(t, root, ".public.lock", "public")
}

func TestRenameSwap(t *testing.T) {
	errFull := &os.LinkError{Op: "rename", Err: errors.New("no space left on device")}
	for _, tc := range []struct {
		name    string
		failAt  int // which rename call fails (1-based); 0: none
		wantErr string
		want    tree
	}{
		{"ok", 0, "", newSite},
		{"first fails", 1, `cannot move the previous site "%s" aside: no space left on device; it was left unchanged`, oldSite},
		{"second fails", 2, `cannot move the new site into place at "%s": no space left on device; the previous site was put back`, oldSite},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dest, tmp := filepath.Join(root, "public"), filepath.Join(root, ".public.tmp-1")
			writeTree(t, dest, oldSite)
			writeTree(t, tmp, newSite)
			calls := 0
			old, err := renameSwap(tmp, dest, func(from, to string) error {
				calls++
				if calls == tc.failAt {
					return errFull
				}
				return os.Rename(from, to)
			})
			assertTree(t, dest, tc.want)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(filepath.Base(old), ".public.old-") || filepath.Dir(old) != root {
					t.Errorf("old tree at %q, want .public.old-* beside dest", old)
				}
				assertTree(t, old, oldSite)
				return
			}
			if w := fmt.Sprintf(tc.wantErr, dest); err == nil || err.Error() != w {
				t.Errorf("err:\n got %v\nwant %s", err, w)
			}
			assertOnly(t, root, ".public.tmp-1", "public") // nothing lost, no old- left
		})
	}
}

func TestDirRefusesDangerousDestinations(t *testing.T) {
	work := t.TempDir()
	t.Chdir(work)
	home := filepath.Join(work, "users", "lan")
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	writeTree(t, work, tree{
		"data/chi-tieu.csv":       "unit,indicator\n",
		"proj/data/x.csv":         "a\n",
		"config.toml":             "title='x'\n",
		"users/lan/notes.txt":     "mine",
		"public/index.html":       "old",
		"afile":                   "not a folder",
		"real/index.html":         "linked",
		"proj/public/index.html":  "ok",
		"proj/nested/index.html":  "ok",
		"proj/nested/deep/a.html": "ok",
	})
	protect := []string{"data", filepath.Join("proj", "data"), "config.toml", "no-such-folder"}

	symlinkOK := os.Symlink("real", "link") == nil

	for _, tc := range []struct {
		dest string
		want string // substring of the error; "" = allowed
	}{
		{"", "no destination folder was given"},
		{string(filepath.Separator), "is the root of the disk"},
		{".", `refusing to publish to ".": it is the current folder or contains it`},
		{"./", `refusing to publish to ".": it is the current folder`},
		{"..", `refusing to publish to "..": it is the current folder or contains it`},
		{work, "it is the current folder"},
		{"users", `refusing to publish to "users": it is your home folder or contains it`},
		{filepath.Join("users", "lan"), "your home folder"},
		{"data", `refusing to publish to "data": it contains "data", which the site is built from`},
		{"data/", `refusing to publish to "data"`},
		{"proj", `refusing to publish to "proj": it contains "` + filepath.Join("proj", "data") + `"`},
		{"afile", `refusing to publish to "afile": it is a file, not a folder`},
		// Inside an input folder: the next build would read the site as data.
		{filepath.Join("data", "pub"), `refusing to publish to "` + filepath.Join("data", "pub") + `": it is inside "data"`},
		{filepath.Join("proj", "data", "new", "out"), `it is inside "` + filepath.Join("proj", "data") + `"`},
		{"link", `refusing to publish to "link": it is a link to "real"`},
		// Allowed: beside or inside the protected paths' parents.
		{"public", ""},
		{filepath.Join("proj", "public"), ""},
		{filepath.Join("proj", "nested"), ""},
		{"new-folder", ""},
	} {
		t.Run(tc.dest, func(t *testing.T) {
			if tc.dest == "link" && !symlinkOK {
				t.Skip("cannot create symbolic links here")
			}
			before := manifest(t, work)
			called := false
			err := Dir(t.Context(), tc.dest, Options{Protect: protect}, func(tmp string) error {
				called = true
				return fillWith(tree{"index.html": "new"})(tmp)
			})
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused a safe destination: %v", err)
				}
				assertTree(t, tc.dest, tree{"index.html": "new"})
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
			if called {
				t.Error("fill was called")
			}
			if after := manifest(t, work); !maps.Equal(before, after) {
				t.Errorf("a refused Dir changed files:\nbefore %v\n after %v", before, after)
			}
		})
	}
	if _, err := Lock(""); err == nil {
		t.Error("Lock(\"\") succeeded")
	}
}

// A protected folder reached through a link is still protected: the check
// compares folders, not spellings.
func TestDirProtectThroughLink(t *testing.T) {
	work := t.TempDir()
	writeTree(t, filepath.Join(work, "site", "data"), tree{"a.csv": "x"})
	if err := os.Symlink(filepath.Join(work, "site"), filepath.Join(work, "alias")); err != nil {
		t.Skip("cannot create symbolic links here:", err)
	}
	err := Dir(t.Context(), filepath.Join(work, "site"), Options{Protect: []string{filepath.Join(work, "alias", "data")}}, fillWith(newSite))
	if err == nil || !strings.Contains(err.Error(), "which the site is built from") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	assertTree(t, filepath.Join(work, "site"), tree{"data/a.csv": "x"})
}

// TestDirCancelledLeavesDestUntouched: Ctrl-C while the new site is being
// written (the context is cancelled during fill) publishes nothing: the
// old site stays byte for byte and no temporary folder is left.
func TestDirCancelledLeavesDestUntouched(t *testing.T) {
	t.Parallel()
	work := t.TempDir()
	dest := filepath.Join(work, "site")
	writeTree(t, dest, oldSite)
	ctx, cancel := context.WithCancel(t.Context())
	err := Dir(ctx, dest, Options{}, func(tmp string) error {
		if err := fillWith(newSite)(tmp); err != nil {
			return err
		}
		cancel() // the signal arrives after the last file is written
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	assertTree(t, dest, oldSite)
	assertOnly(t, work, ".site.lock", "site")
}
