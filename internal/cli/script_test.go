package cli_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/minhbach/minhbach/internal/cli"
	"github.com/minhbach/minhbach/internal/golden"
	"github.com/minhbach/minhbach/internal/textform"
	"github.com/minhbach/minhbach/internal/xlsx/xlsxtest"
)

// The bad-input catalogue of the reliability brief has 30 rows; each is a
// script, testdata/script/NN-name.txtar.
const catalogueRows = 30

// TestScripts runs the scripts under testdata/script: the site is the
// script's files (text forms of files that are not UTF-8 text are
// unpacked first, see package textform), and the commands below come on
// top of testscript's own. Run with -update to rewrite the files the
// scripts cmp against, then read the diff.
//
//	[!] minhbach ARGS...    run the command line (in this process, on the
//	                        clock of the tests, 2025-03-01), which must
//	                        succeed, or with ! fail
//	status N                the last minhbach exited with N
//	jsonreport              stdout is a JSON report, ok when the exit
//	                        status was 0, its count that of its problems
//	mark                    remember every file under the current folder
//	unchanged [-except FILE...]
//	                        no file under the current folder was added,
//	                        removed or changed since mark, but FILE
//	live VAR TARGET         set $VAR to the release TARGET/current points to
//	treesave NAME DIR       remember every file under DIR as NAME
//	treecmp NAME DIR        DIR holds exactly the files of NAME, byte for byte
//	[root]                  the tests run as root (who may write anywhere)
//	[s3]                    an S3 server runs (MINHBACH_S3_ENDPOINT, see
//	                        scripts/seaweedfs.sh); MINHBACH_REQUIRE_S3=1
//	                        fails the test instead of skipping
//	s3bucket VAR            create a fresh bucket, set $VAR to its s3:// URL
//	s3get DIR URL           download what the bucket at URL serves into DIR
//	xlsx OUT SHEET ROWS [RANGE...]
//	                        write the workbook OUT with one worksheet
//	                        SHEET, whose rows are the text file ROWS (see
//	                        xlsxtest.FromText), its cells merged over
//	                        each RANGE ("B6:B8")
//	serve-bg, httpget, serve-stop
//	                        the preview, in the background: see
//	                        serve_script_test.go
func TestScripts(t *testing.T) {
	// Absolute: minhbach changes the working directory while other scripts
	// are being read (see cliMu).
	dir, err := filepath.Abs(filepath.Join("testdata", "script"))
	if err != nil {
		t.Fatal(err)
	}
	s3Credentials()
	testscript.Run(t, testscript.Params{
		Dir: dir,
		Setup: func(e *testscript.Env) error {
			e.Values[stateKey{}] = new(scriptState)
			return textform.Unpack(e.WorkDir)
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"minhbach":   cmdMinhbach,
			"status":     cmdStatus,
			"jsonreport": cmdJSONReport,
			"mark":       cmdMark,
			"unchanged":  cmdUnchanged,
			"live":       cmdLive,
			"treesave":   cmdTreeSave,
			"treecmp":    cmdTreeCmp,
			"xlsx":       cmdXLSX,
			"serve-bg":   cmdServeBg,
			"httpget":    cmdHTTPGet,
			"serve-stop": cmdServeStop,
			"s3bucket":   cmdS3Bucket,
			"s3get":      cmdS3Get,
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "root":
				return os.Geteuid() == 0, nil
			case "s3":
				return s3Endpoint(t), nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		UpdateScripts: *golden.Update,
	})
}

// TestCatalogueRows checks that the catalogue has all its rows, numbered
// 01 to 30 without gaps, and that each runs check in both languages and
// either runs import or says why it does not apply. The other scripts,
// one per behaviour of the command line, have names without a number.
func TestCatalogueRows(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "script", "[0-9][0-9]-*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != catalogueRows {
		t.Fatalf("want %d catalogue rows, found %d", catalogueRows, len(files))
	}
	for i, file := range files {
		name := filepath.Base(file)
		if !strings.HasPrefix(name, fmt.Sprintf("%02d-", i+1)) {
			t.Fatalf("row %d is %s: the rows must be numbered 01 to %d without gaps", i+1, name, catalogueRows)
		}
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		script := string(a.Comment)
		for _, re := range []string{`(?m)^(! )?minhbach check$`, `(?m)^(! )?minhbach check --lang en$`} {
			if !regexp.MustCompile(re).MatchString(script) {
				t.Errorf("%s: no line matches %s", name, re)
			}
		}
		if !strings.Contains(script, "minhbach import ") && !strings.Contains(script, "# import does not apply: ") {
			t.Errorf("%s: runs no import, nor says why import does not apply", name)
		}
	}
}

type stateKey struct{}

// scriptState is what the commands of one script remember.
type scriptState struct {
	ran      bool
	status   int               // of the last minhbach
	markDir  string            // where mark was run
	markList map[string]string // its listing
	trees    map[string]map[string]string
	serving  *serving // serve-bg's preview, until serve-stop
}

func state(ts *testscript.TestScript) *scriptState {
	return ts.Value(stateKey{}).(*scriptState)
}

// cliMu serialises the runs of the command line, which reads relative
// paths (--site, the file to import) against the working directory of
// the process: each run changes to its script's folder first. The runs
// stay in this process rather than exec a copy of the test binary
// (testscript.Main), whose every start spends about 0.2 s initialising
// Hugo's dependencies: the scripts run minhbach 161 times.
var cliMu sync.Mutex

func cmdMinhbach(ts *testscript.TestScript, neg bool, args []string) {
	st := state(ts)
	code := func() int {
		cliMu.Lock()
		defer cliMu.Unlock()
		wd, err := os.Getwd()
		ts.Check(err)
		ts.Check(os.Chdir(ts.MkAbs(".")))
		defer os.Chdir(wd)
		return cli.Main(context.Background(), args, cli.Env{Stdout: ts.Stdout(), Stderr: ts.Stderr(), Now: today})
	}()
	st.ran, st.status = true, code
	ts.Logf("[exit status %d]", code)
	if code == 0 && neg {
		ts.Fatalf("unexpected command success")
	}
	if code != 0 && !neg {
		ts.Fatalf("unexpected command failure")
	}
}

func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: status N")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	st := state(ts)
	if !st.ran {
		ts.Fatalf("status: minhbach has not run")
	}
	if st.status != want {
		ts.Fatalf("exit status %d, want %d", st.status, want)
	}
}

func cmdJSONReport(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: jsonreport")
	}
	var doc struct {
		OK       *bool            `json:"ok"`
		Count    int              `json:"count"`
		Problems []map[string]any `json:"problems"`
	}
	if err := json.Unmarshal([]byte(ts.ReadFile("stdout")), &doc); err != nil {
		ts.Fatalf("stdout is not JSON: %v", err)
	}
	st := state(ts)
	if doc.OK == nil || *doc.OK != (st.ran && st.status == 0) || doc.Count != len(doc.Problems) {
		ts.Fatalf("exit status %d, but the report has ok %v, count %d and %d problems", st.status, doc.OK, doc.Count, len(doc.Problems))
	}
}

func cmdMark(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: mark")
	}
	st := state(ts)
	st.markDir = ts.MkAbs(".")
	st.markList = listing(ts, st.markDir)
}

func cmdUnchanged(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) > 0 && args[0] != "-except" {
		ts.Fatalf("usage: unchanged [-except FILE...]")
	}
	st := state(ts)
	if dir := ts.MkAbs("."); dir != st.markDir {
		ts.Fatalf("unchanged in %s, but mark was in %s", dir, st.markDir)
	}
	before, after := st.markList, listing(ts, st.markDir)
	if len(args) > 0 {
		before, after = maps.Clone(before), maps.Clone(after)
		for _, f := range args[1:] {
			delete(before, f)
			delete(after, f)
		}
	}
	if diff := cmp.Diff(before, after); diff != "" {
		ts.Fatalf("files changed since mark (-before +after):\n%s", diff)
	}
}

// listing returns the size and digest of every file under dir, by slash
// path; files of 1 MiB or more (the 100 MB sparse file) by size only.
func listing(ts *testscript.TestScript, dir string) map[string]string {
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
			sum = fmt.Sprintf(" %x", sha256.Sum256(b))
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = fmt.Sprintf("%d%s", info.Size(), sum)
		return nil
	})
	ts.Check(err)
	return out
}

func cmdLive(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: live VAR TARGET")
	}
	to, err := os.Readlink(filepath.Join(ts.MkAbs(args[1]), "current"))
	ts.Check(err)
	ts.Setenv(args[0], filepath.Base(to))
}

func cmdTreeSave(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: treesave NAME DIR")
	}
	st := state(ts)
	if st.trees == nil {
		st.trees = map[string]map[string]string{}
	}
	dir, err := filepath.EvalSymlinks(ts.MkAbs(args[1]))
	ts.Check(err)
	st.trees[args[0]] = listing(ts, dir)
}

func cmdTreeCmp(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: treecmp NAME DIR")
	}
	want, ok := state(ts).trees[args[0]]
	if !ok {
		ts.Fatalf("treecmp: no tree saved as %s", args[0])
	}
	// Through the link: listing walks a folder, not a link to one.
	dir, err := filepath.EvalSymlinks(ts.MkAbs(args[1]))
	ts.Check(err)
	diff := cmp.Diff(want, listing(ts, dir))
	if neg && diff == "" {
		ts.Fatalf("%s holds the files of %s", args[1], args[0])
	}
	if !neg && diff != "" {
		ts.Fatalf("%s differs from %s (-saved +now):\n%s", args[1], args[0], diff)
	}
}

func cmdXLSX(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 3 {
		ts.Fatalf("usage: xlsx OUT SHEET ROWS [RANGE...]")
	}
	book, err := xlsxtest.Build(args[1], xlsxtest.FromText(ts.ReadFile(args[2])), args[3:]...)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), book, 0o644))
}
