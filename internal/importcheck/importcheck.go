// Package importcheck lets the tests of an adapter package prove that it is
// the only package of the module to import a third-party library, so that
// the library's types, settings and hazards stay in one place.
package importcheck

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Only fails t for every Go file of the module, tests included, that
// imports lib (a module path: its packages and major versions count too)
// and is not in the folder owner or below it. owner is a slash path from
// the module root, such as "internal/xlsx". The module root is found from
// the current folder, as go test runs in the package's own.
func Only(t testing.TB, lib, owner string) {
	t.Helper()
	root := moduleRoot(t)
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// Neither the go command nor the build read these.
			if name := d.Name(); path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, owner+"/") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		for _, spec := range f.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			if p == lib || strings.HasPrefix(p, lib+"/") {
				t.Errorf("%s:%d imports %s: only %s may; go through it", rel, fset.Position(spec.Pos()).Line, p, owner)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files == 0 {
		t.Fatalf("no Go files found under %s", root)
	}
}

// moduleRoot is the nearest folder up from the current one with a go.mod.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the current folder")
		}
		dir = up
	}
}
