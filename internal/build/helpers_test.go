package build_test

// Helpers of the tests that build hostile or edited copies of the sample,
// shared by the plain tests and the browser tests (browser_test.go, built
// with -tags browser).

import (
	"bufio"
	"encoding/csv"
	"os"
	"strings"
	"testing"
)

// contains reports whether list holds s, spaces trimmed.
func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.TrimSpace(x) == s {
			return true
		}
	}
	return false
}

// payloads returns the hostile strings of testdata/xss-payloads.txt.
func payloads(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("testdata/xss-payloads.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// rewriteCSV applies edit to every data record of a CSV file, with the
// header's column indexes.
func rewriteCSV(t *testing.T, file string, edit func(col map[string]int, rec []string)) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, r := range recs[1:] {
		edit(col, r)
	}
	var out strings.Builder
	w := csv.NewWriter(&out)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
