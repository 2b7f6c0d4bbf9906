// Package buildtest builds whole sites in tests, in the manner of Hugo's
// integration tests (hugolib.Test): a site written inline as a txtar
// archive, built with a fixed clock, then asserted on file by file.
//
//	b := buildtest.Build(t, `
//	-- data/indicators.csv --
//	code,group,name_vi,name_en,unit,direction,definition_vi,definition_en,source_vi,source_en
//	VB01,van-ban,Tỷ lệ văn bản được ký số,Documents signed digitally,percent,up,,,,
//	-- data/snapshots/2024-Q4.csv --
//	…
//	`)
//	b.AssertFile("chi-so/vb01/index.html", "Tỷ lệ văn bản được ký số", "! Đạt mục tiêu")
//	b.AssertHTML("index.html", "li.tile", 1)
//
// Sample builds the repository's own sample site once per test binary and
// shares the result, read-only, between the tests that only read it.
package buildtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/net/html"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/site"
	"github.com/minhbach/minhbach/internal/textform"
)

// Today is the clock of every build unless Options says otherwise: after
// the sample's last quarter, 2024-Q4.
var Today = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)

// Options change how a site is built.
type Options struct {
	Today time.Time // the clock; zero means Today
	// Sample starts the site from a copy of the repository's sample
	// (data/, content/, layouts/, hugo.toml): the files of the archive
	// replace or add to its files.
	Sample bool
}

// Builder is one site and where it is built. Its methods report failures
// to the test that made it.
type Builder struct {
	Source  string       // the site's inputs
	Dest    string       // the built site
	History string       // its publishing history (the ledger), beside Source
	Result  build.Result // of the last successful build

	t      testing.TB
	today  time.Time
	shared bool // the sample: read-only
}

// Build writes files, a txtar archive, into a new site and builds it,
// failing the test if the build fails. At most one Options is used.
func Build(t testing.TB, files string, opts ...Options) *Builder {
	t.Helper()
	return New(t, files, opts...).Build()
}

// BuildErr is Build for a site that must fail to build: it fails the test
// if the build succeeds, and returns the error (see source.All for the
// problems in it).
func BuildErr(t testing.TB, files string, opts ...Options) error {
	t.Helper()
	return New(t, files, opts...).BuildErr()
}

// New writes files, a txtar archive, into a new site under t.TempDir()
// without building it, for a test that changes the inputs first. A file
// whose name ends with a text-form note, such as "(utf-16)", becomes the
// file it stands for (see package textform).
func New(t testing.TB, files string, opts ...Options) *Builder {
	t.Helper()
	if len(opts) > 1 {
		t.Fatalf("buildtest: %d Options, want at most one", len(opts))
	}
	var opt Options
	if len(opts) == 1 {
		opt = opts[0]
	}
	dir := t.TempDir()
	b := &Builder{Source: filepath.Join(dir, "site"), Dest: filepath.Join(dir, "public"), History: filepath.Join(dir, "history"), t: t, today: opt.Today}
	if b.today.IsZero() {
		b.today = Today
	}
	if opt.Sample {
		root, err := repoRoot()
		if err != nil {
			t.Fatal(err)
		}
		if err := copyInputs(root, b.Source); err != nil {
			t.Fatalf("buildtest: copy the sample: %v", err)
		}
	} else if err := os.MkdirAll(b.Source, 0o755); err != nil {
		t.Fatal(err)
	}
	return b.EditFiles(files)
}

// EditFiles writes files, a txtar archive, into the site's inputs,
// replacing files of the same name.
func (b *Builder) EditFiles(files string) *Builder {
	b.t.Helper()
	b.writable()
	for _, f := range txtar.Parse([]byte(files)).Files {
		name := filepath.Join(b.Source, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			b.t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			b.t.Fatal(err)
		}
	}
	if err := textform.Unpack(b.Source); err != nil {
		b.t.Fatal(err)
	}
	return b
}

// Build builds the site into Dest, failing the test if the build fails.
// Dest keeps what an earlier build published there, as it would in use:
// the new build compares its figures with it (corrections, what changed).
func (b *Builder) Build() *Builder {
	b.t.Helper()
	if err := b.build(); err != nil {
		b.t.Fatalf("build %s: %v", b.Source, err)
	}
	return b
}

// BuildErr builds the site into Dest, failing the test if the build
// succeeds, and returns the error.
func (b *Builder) BuildErr() error {
	b.t.Helper()
	err := b.build()
	if err == nil {
		b.t.Fatalf("build %s: succeeded, want an error", b.Source)
	}
	return err
}

// At sets the clock of b's next builds, for a publish made later than
// the one before.
func (b *Builder) At(today time.Time) *Builder {
	b.writable()
	b.today = today
	return b
}

// Rebuild writes the files of patch, a txtar archive, into the inputs and
// builds again into the same Dest.
func (b *Builder) Rebuild(patch string) *Builder {
	b.t.Helper()
	return b.EditFiles(patch).Build()
}

// RebuildErr is Rebuild for a change that must make the build fail.
func (b *Builder) RebuildErr(patch string) error {
	b.t.Helper()
	return b.EditFiles(patch).BuildErr()
}

func (b *Builder) build() error {
	b.writable()
	res, err := build.Site(b.t.Context(), b.options())
	if err == nil {
		b.Result = res
	}
	return err
}

// options are those of every build of b: each is a publish, recorded
// in b.History.
func (b *Builder) options() build.Options {
	return build.Options{Source: b.Source, Dest: b.Dest, History: b.History, Record: true, Today: b.today}
}

// writable stops the test if it is about to change the shared sample.
func (b *Builder) writable() {
	b.t.Helper()
	if b.shared {
		b.t.Fatal("buildtest: the sample is shared by every test: Copy it to change or rebuild it")
	}
}

// Copy copies the site's inputs, its built output and its history into
// t.TempDir(), for a test that changes them: the next Build compares with
// the copied history's live release.
func (b *Builder) Copy() *Builder {
	b.t.Helper()
	dir := b.t.TempDir()
	c := &Builder{Source: filepath.Join(dir, "site"), Dest: filepath.Join(dir, "public"), History: filepath.Join(dir, "history"), Result: b.Result, t: b.t, today: b.today}
	if err := copyInputs(b.Source, c.Source); err != nil {
		b.t.Fatalf("buildtest: copy the inputs: %v", err)
	}
	if err := copyDir(b.Dest, c.Dest); err != nil {
		b.t.Fatalf("buildtest: copy the built site: %v", err)
	}
	if _, err := os.Stat(b.History); err == nil {
		if err := copyDir(b.History, c.History); err != nil {
			b.t.Fatalf("buildtest: copy the history: %v", err)
		}
	}
	return c
}

// ReadFile returns the built file name, a slash path under Dest.
func (b *Builder) ReadFile(name string) []byte {
	b.t.Helper()
	data, err := os.ReadFile(filepath.Join(b.Dest, filepath.FromSlash(name)))
	if err != nil {
		b.t.Fatalf("built file: %v", err)
	}
	return data
}

// HTML parses the built file name.
func (b *Builder) HTML(name string) *html.Node {
	b.t.Helper()
	doc, err := html.Parse(strings.NewReader(string(b.ReadFile(name))))
	if err != nil {
		b.t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// AssertFile checks that the built file name contains each of matches; a
// match that starts with "! " must not be in it.
func (b *Builder) AssertFile(name string, matches ...string) {
	b.t.Helper()
	content := string(b.ReadFile(name))
	for _, m := range matches {
		want, not := strings.CutPrefix(m, "! ")
		if strings.Contains(content, want) != not {
			continue
		}
		verb := "lacks"
		if not {
			verb = "contains"
		}
		b.t.Errorf("%s %s %q%s", name, verb, want, excerpt(content))
	}
}

// AssertHTML checks that selector (see Select) matches n elements of the
// built page name.
func (b *Builder) AssertHTML(name, selector string, n int) {
	b.t.Helper()
	if got := len(Select(b.HTML(name), selector)); got != n {
		b.t.Errorf("%s: %q matches %d elements, want %d", name, selector, got, n)
	}
}

// excerpt shows a short file whole, and the size of a long one.
func excerpt(s string) string {
	if len(s) > 2000 {
		return fmt.Sprintf(" (%d bytes)", len(s))
	}
	return ":\n" + s
}

// repoRoot returns the repository's root, where the sample site is: the
// nearest folder above the current one that holds go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("buildtest: no go.mod above the current folder")
		}
		dir = parent
	}
}

// copyInputs copies what a build reads from a site folder: data/ and the
// folders and files that site.Inputs lists, those that exist.
func copyInputs(src, dst string) error {
	for _, in := range append([]string{"data"}, site.Inputs()...) {
		from := filepath.Join(src, in)
		fi, err := os.Stat(from)
		switch {
		case os.IsNotExist(err):
			continue
		case err != nil:
			return err
		case fi.IsDir():
			err = copyDir(from, filepath.Join(dst, in))
		default:
			err = copyFile(from, filepath.Join(dst, in))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func copyDir(src, dst string) error {
	return os.CopyFS(dst, os.DirFS(src))
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
