package buildtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/minhbach/minhbach/internal/build"
)

// sample is the repository's sample site, built at most once per test
// binary, the first time a test asks for it.
var sample = struct {
	once   sync.Once
	root   string // the repository: the sample's inputs
	tmp    string // made by os.MkdirTemp; Main removes it
	result build.Result
	err    error
}{}

// Sample returns the repository's sample site (data/, content/, layouts/,
// hugo.toml at the root), built with the clock Today. It is built once per
// test binary and shared by every test that asks for it, including
// parallel ones, so it is read-only: Build, Rebuild and EditFiles fail the
// test; Copy it to change it.
//
// The build goes to a folder made by os.MkdirTemp, which Main removes; in a
// test binary without Main it is left to the OS.
func Sample(t testing.TB) *Builder {
	t.Helper()
	sample.once.Do(func() {
		sample.root, sample.err = repoRoot()
		if sample.err != nil {
			return
		}
		sample.tmp, sample.err = os.MkdirTemp("", "minhbach-sample-")
		if sample.err != nil {
			return
		}
		// Not the test's context: the build outlives the test that
		// happened to ask first.
		// Its history goes beside the build, never into the repository.
		b := sampleBuilder(t)
		sample.result, sample.err = build.Site(context.Background(), b.options())
	})
	if sample.err != nil {
		t.Fatalf("build the sample: %v", sample.err)
	}
	b := sampleBuilder(t)
	b.Result = sample.result
	return b
}

func sampleBuilder(t testing.TB) *Builder {
	return &Builder{Source: sample.root, Dest: filepath.Join(sample.tmp, "public"), History: filepath.Join(sample.tmp, "history"), t: t, today: Today, shared: true}
}

// shared are the sites of Shared, by name, each built at most once per
// test binary into a folder under sharedTmp.
var shared = struct {
	mu    sync.Mutex
	tmp   string // made by os.MkdirTemp; Main removes it
	sites map[string]*sharedSite
}{sites: map[string]*sharedSite{}}

type sharedSite struct {
	once sync.Once
	b    Builder
	err  error
}

// Shared is Sample for a changed copy of the sample: the first test that
// asks for name copies the sample's inputs, lets edit change them (with b
// writable, and the test's t for failures), and builds them; every later
// test of the binary, parallel or not, gets that build read-only. It is
// for tests that each would otherwise build the same variant of the sample
// again (hostile names, say). The same name must always come with the same
// edit.
func Shared(t testing.TB, name string, edit func(t testing.TB, b *Builder)) *Builder {
	t.Helper()
	shared.mu.Lock()
	s := shared.sites[name]
	if s == nil {
		s = &sharedSite{}
		shared.sites[name] = s
	}
	shared.mu.Unlock()
	s.once.Do(func() {
		// Until edit and the build return: a failure that stops the
		// first test (t.Fatal in edit) fails the others too.
		s.err = fmt.Errorf("buildtest: the shared site %q was not made: see the first test that asked for it", name)
		var err error
		shared.mu.Lock()
		if shared.tmp == "" {
			shared.tmp, err = os.MkdirTemp("", "minhbach-shared-")
		}
		tmp := shared.tmp
		shared.mu.Unlock()
		if err != nil {
			s.err = err
			return
		}
		root, err := repoRoot()
		if err != nil {
			s.err = err
			return
		}
		dir, err := os.MkdirTemp(tmp, "site-")
		if err != nil {
			s.err = err
			return
		}
		b := &Builder{Source: filepath.Join(dir, "site"), Dest: filepath.Join(dir, "public"), History: filepath.Join(dir, "history"), t: t, today: Today}
		if err := copyInputs(root, b.Source); err != nil {
			s.err = fmt.Errorf("buildtest: copy the sample: %w", err)
			return
		}
		edit(t, b)
		// Not the test's context: the build outlives the test that
		// happened to ask first.
		res, err := build.Site(context.Background(), b.options())
		b.Result, s.b, s.err = res, *b, err
	})
	if s.err != nil {
		t.Fatalf("build the shared site %q: %v", name, s.err)
	}
	b := s.b
	b.t, b.shared = t, true
	return &b
}

// Main runs the tests of a package that uses Sample or Shared, then removes
// their builds:
//
//	func TestMain(m *testing.M) { buildtest.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	if sample.tmp != "" {
		os.RemoveAll(sample.tmp)
	}
	if shared.tmp != "" {
		os.RemoveAll(shared.tmp)
	}
	os.Exit(code)
}
