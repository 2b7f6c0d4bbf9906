package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// readFile returns the content of a file the test expects to exist.
func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteFile(t *testing.T) {
	for _, tc := range []struct {
		name    string
		old     string // "" when the file does not exist yet
		replace bool
	}{
		{"new file", "", false},
		{"new file, replace allowed", "", true},
		{"replace", "unit,indicator\n02020,HT01\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "2025-Q1.csv")
			if tc.old != "" {
				if err := os.WriteFile(path, []byte(tc.old), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			data := "unit,indicator,value\n02035,HT01,\"85,5\"\r\nXã Bản Thi\x00\n"
			if err := WriteFile(path, []byte(data), FileOptions{Replace: tc.replace}); err != nil {
				t.Fatal(err)
			}
			if got := readFile(t, path); got != data {
				t.Errorf("content %q, want %q", got, data)
			}
			assertOnly(t, dir, "2025-Q1.csv")
			if fi, err := os.Stat(path); err != nil {
				t.Error(err)
			} else if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o644 {
				t.Errorf("mode %v, want 0644", fi.Mode().Perm())
			}
		})
	}
}

func TestWriteFileCreatesFolders(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "data", "snapshots", "2025-Q1.csv")
	if err := WriteFile(path, []byte("x\n"), FileOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != "x\n" {
		t.Errorf("content %q, want %q", got, "x\n")
	}
}

// TestWriteFileKeepsExisting checks that without Replace an existing file
// is never replaced, and that nothing is left beside it.
func TestWriteFileKeepsExisting(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "2025-Q1.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, []byte("new"), FileOptions{})
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("got %v, want an error wrapping fs.ErrExist", err)
	}
	if !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("error %q should name %q and no temporary file", err, path)
	}
	if got := readFile(t, path); got != "old" {
		t.Errorf("existing file now holds %q", got)
	}
	assertOnly(t, dir, "2025-Q1.csv")
}

// TestWriteFileFailureLeavesNoTemporary puts a folder where the file goes,
// so that the last step fails after the temporary file was written, and
// checks that the temporary file is gone and the folder untouched.
func TestWriteFileFailureLeavesNoTemporary(t *testing.T) {
	for _, replace := range []bool{false, true} {
		t.Run("replace="+strconv.FormatBool(replace), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "2025-Q1.csv")
			writeTree(t, path, tree{"keep.txt": "kept"})
			err := WriteFile(path, []byte("new"), FileOptions{Replace: replace})
			if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), path) {
				t.Errorf("got %v, want an error naming %q and wrapping fs.ErrExist", err, path)
			}
			assertOnly(t, dir, "2025-Q1.csv")
			assertTree(t, path, tree{"keep.txt": "kept"})
		})
	}
}

// TestWriteFileNoFolder checks the error when the folder cannot be made:
// a file stands where it would be.
func TestWriteFileNoFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "data"), []byte("a file"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(filepath.Join(dir, "data", "x.csv"), []byte("new"), FileOptions{})
	var pe *fs.PathError
	if err == nil || !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "cannot create the folder ") {
		t.Fatalf("got %v, want a folder error wrapping a *fs.PathError", err)
	}
	assertOnly(t, dir, "data")
}
