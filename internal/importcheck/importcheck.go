// Package importcheck lets the tests of an adapter package prove that it is
// the only package of the module to import a third-party library, so that
// the library's types, settings and hazards stay in one place. GoFiles
// lists the module's Go files for other checks of the whole module.
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
	fset := token.NewFileSet()
	files := 0
	root := ModuleRoot(t)
	for _, rel := range GoFiles(t, root) {
		if strings.HasPrefix(rel, owner+"/") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(root, filepath.FromSlash(rel)), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		files++
		for _, spec := range f.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			if p == lib || strings.HasPrefix(p, lib+"/") {
				t.Errorf("%s:%d imports %s: only %s may; go through it", rel, fset.Position(spec.Pos()).Line, p, owner)
			}
		}
	}
	if files == 0 {
		t.Fatalf("no Go files found under %s", root)
	}
}

// GoFiles yields the slash path, from root, of every Go file of the
// module at root, tests included, that the go command would read: not
// those under testdata, vendor, or a folder whose name starts with . or _.
func GoFiles(t testing.TB, root string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") {
			rel, _ := filepath.Rel(root, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// ModuleRoot is the nearest folder up from the current one with a go.mod:
// the module's root, as go test runs in the package's own folder.
func ModuleRoot(t testing.TB) string {
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
