package buildtest

import (
	"context"
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

// Main runs the tests of a package that uses Sample, then removes the
// sample's build:
//
//	func TestMain(m *testing.M) { buildtest.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	if sample.tmp != "" {
		os.RemoveAll(sample.tmp)
	}
	os.Exit(code)
}
