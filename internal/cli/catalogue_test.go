package cli_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// The bad-input catalogue of the reliability brief has 30 rows; each is a
// mini-site under testdata/catalogue/NN-name.
const catalogueRows = 30

// TestCatalogue runs `minhbach check` on every row of the bad-input
// catalogue, in Vietnamese (the default) and in English, and compares
// stdout, stderr and the exit code with the row's want.golden. Rows that
// are accepted by design (BOM, NFC, markup-looking text, formulas, 010)
// record the accepted outcome. Run with -update to rewrite the goldens,
// then read the diff.
func TestCatalogue(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "catalogue", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) != catalogueRows {
		t.Fatalf("want %d catalogue rows, found %d", catalogueRows, len(dirs))
	}
	for i, dir := range dirs {
		name := filepath.Base(dir)
		if !strings.HasPrefix(name, fmt.Sprintf("%02d-", i+1)) {
			t.Fatalf("row %d is %s: the rows must be numbered 01 to %d without gaps", i+1, name, catalogueRows)
		}
		t.Run(name, func(t *testing.T) {
			src := copySite(t, dir)
			before := tree(t, src)
			var b strings.Builder
			for _, args := range [][]string{{"check"}, {"check", "--lang", "en"}} {
				code, stdout, stderr := run(t, append(args, "--source", src)...)
				fmt.Fprintf(&b, "$ minhbach %s\nexit %d\n-- stdout --\n%s-- stderr --\n%s\n", strings.Join(args, " "), code, stdout, stderr)
				if code == 0 && stderr != "" || code != 0 && stdout != "" {
					t.Errorf("%v: exit %d with stdout %q and stderr %q", args, code, stdout, stderr)
				}
			}
			if after := tree(t, src); !cmp.Equal(before, after) {
				t.Errorf("check changed the site folder:\n%s", cmp.Diff(before, after))
			}
			golden(t, filepath.Join(dir, "want.golden"), b.String())
		})
	}
}

// TestJSONReport compares `check --format json` with goldens: problems in
// each language, and a clean run. The document is on stdout, stderr is
// empty and the exit code is the text report's.
func TestJSONReport(t *testing.T) {
	for _, tc := range []struct {
		row, lang string
		code      int
	}{
		{"10-ragged", "vi", 1},
		{"21-duplicate-key", "en", 1},
		{"03-utf8-bom", "vi", 0},
	} {
		t.Run(tc.row+"/"+tc.lang, func(t *testing.T) {
			src := copySite(t, filepath.Join("testdata", "catalogue", tc.row))
			code, stdout, stderr := run(t, "check", "--source", src, "--format", "json", "--lang", tc.lang)
			if code != tc.code || stderr != "" {
				t.Errorf("exit %d (want %d), stderr %q", code, tc.code, stderr)
			}
			var doc struct {
				OK       bool `json:"ok"`
				Count    int  `json:"count"`
				Problems []struct {
					File, Code, Message string
					Line, Column        int
				} `json:"problems"`
			}
			if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
				t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
			}
			if doc.OK != (tc.code == 0) || doc.Count != len(doc.Problems) {
				t.Errorf("ok %v, count %d, %d problems", doc.OK, doc.Count, len(doc.Problems))
			}
			golden(t, filepath.Join("testdata", "json", tc.row+"."+tc.lang+".json"), stdout)
		})
	}
}

func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", file, diff)
	}
}

// copySite copies a fixture's data/ into a temporary folder, so that the
// run cannot touch the repository, and makes the files a fixture lists in
// sparse.txt: files too large to commit ("path size" lines), sparse so
// that they take no disk space.
func copySite(t *testing.T, dir string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(filepath.Join(dir, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "sparse.txt"))
	if os.IsNotExist(err) {
		return dst
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, size, ok := strings.Cut(line, " ")
		n, err := strconv.ParseInt(size, 10, 64)
		if !ok || err != nil {
			t.Fatalf("sparse.txt: bad line %q", line)
		}
		p := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.WriteFile(p, []byte("unit,indicator,value,numerator,denominator,note,source\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(p, n); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// tree returns the size and a digest of every file under dir.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		sum := ""
		if info.Size() < 1<<20 {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum = fmt.Sprintf("%x", bytes.Clone(b))
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = fmt.Sprintf("%d %.64s", info.Size(), sum)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
