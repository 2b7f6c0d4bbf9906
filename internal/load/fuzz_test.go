package load_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/validate"
)

// seed adds every file of the golden cases matching pattern to the corpus.
func seed(f *testing.F, pattern string) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*", "data", pattern))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seeds for %s (%v)", pattern, err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkReport runs load and validate on fsys and checks the promises every
// report keeps, whatever the input: no panic, only *diag.Error values,
// each naming a file of the site and a line in it, with a stable code and a
// message in both languages. Only whole-file problems (source-error:
// missing, empty, no rows; size-limit) have no line; whole-file problems
// found by validation (period-overlap, a future period, no top unit) cannot
// occur with the fixed files used here.
func checkReport(t *testing.T, fsys fstest.MapFS) {
	ds, err := load.Dataset(fsys)
	if ds == nil {
		t.Fatal("nil dataset")
	}
	checkErrors(t, err)
	verr := validate.Dataset(ds, validate.Options{})
	checkErrors(t, verr)
	for _, e := range append(diag.All(err), diag.All(verr)...) {
		f, ok := fsys[e.Pos.File]
		switch {
		case !ok:
			t.Errorf("error names a file that is not in the site: %v", e)
			continue
		case e.Pos.Line == 0:
			if (e.Code != diag.CodeSource && e.Code != diag.CodeSizeLimit) || e.Pos.Column != 0 {
				t.Errorf("only a whole-file source-error may have no line: %v (%s)", e, e.Code)
			}
		case e.Pos.Line < 0, e.Pos.Column < 1:
			t.Errorf("bad position %+v: %v", e.Pos, e)
		case e.Pos.Line > bytes.Count(f.Data, []byte("\n"))+1:
			t.Errorf("line %d is past the end of the file: %v", e.Pos.Line, e)
		}
		if e.Code == "" || e.Msg == "" {
			t.Errorf("error without code or message: %#v", e)
		}
		if r, _ := utf8.DecodeRuneInString(e.Msg); unicode.IsUpper(r) || strings.HasSuffix(e.Msg, ".") {
			t.Errorf("message must be lower case without a final period: %q", e.Msg)
		}
		if !utf8.ValidString(e.Error()) {
			t.Errorf("report line is not valid UTF-8: %q", e.Error())
		}
		if !codeRE.MatchString(e.Code) {
			t.Errorf("code %q is not a stable lower-case name: %v", e.Code, e)
		}
		// A translation that does not fit its arguments prints %!; the
		// input itself may hold %! too, in the value or the arguments.
		vi := e.Line("vi")
		if !utf8.ValidString(vi) || !strings.HasPrefix(vi, e.Pos.String()+": "+e.Code+": ") ||
			strings.Count(e.Message("vi"), "%!") > strings.Count(fmt.Sprint(e.Text.Args()...), "%!") {
			t.Errorf("Vietnamese report line is malformed: %q", vi)
		}
	}
}

var codeRE = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

func FuzzSnapshot(f *testing.F) {
	seed(f, "snapshots/*.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := site(nil)
		fsys["data/snapshots/2024-Q4.csv"] = &fstest.MapFile{Data: data}
		checkReport(t, fsys)
	})
}

func FuzzIndicators(f *testing.F) {
	seed(f, "indicators.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := site(nil)
		fsys["data/indicators.csv"] = &fstest.MapFile{Data: data}
		checkReport(t, fsys)
	})
}
