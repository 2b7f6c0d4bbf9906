package importer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/cli"
)

// copySite copies the sample site's data/ (the repository root) into a
// temporary folder.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	sample := filepath.Join("..", "..", "data")
	err := filepath.WalkDir(sample, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(sample, p)
		dst := filepath.Join(dir, "data", rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	now := func() time.Time { return time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC) }
	code := cli.Main(context.Background(), args, cli.Env{Stdout: &out, Stderr: &errb, Now: now})
	return code, out.String(), errb.String()
}

func TestCLIImport(t *testing.T) {
	site := copySite(t)
	in := filepath.Join(t.TempDir(), "xa-ban-thi.csv")
	write := func(s string) {
		if err := os.WriteFile(in, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	snap := filepath.Join(site, "data", "snapshots", "2025-Q1.csv")
	read := func() string {
		b, err := os.ReadFile(snap)
		if err != nil {
			return ""
		}
		return string(b)
	}

	// Usage mistakes: exit 2, nothing written.
	for _, args := range [][]string{
		{"import"},
		{"import", in},
		{"import", in, "--period", "Q1-2025"},
		{"import", in, "--period", "2025-Q1", "--decimal", "phay"},
		{"import", in, "--period", "2025-Q1", "--lang", "fr"},
	} {
		if code, _, stderr := runCLI(args...); code != cli.Usage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, cli.Usage, stderr)
		}
	}

	// Problems: exit 1, every problem on its own line, nothing written.
	write("Đơn vị;HT01;HT04\nXã Bản Thi;gần 100%;2\nXã Không Có;90;1\n")
	code, _, stderr := runCLI("import", in, "--period", "2025-Q1", "--site", site, "--lang", "en")
	if code != cli.Fail || read() != "" {
		t.Fatalf("bad file: exit %d, snapshot %q; want %d and none\n%s", code, read(), cli.Fail, stderr)
	}
	for _, want := range []string{in + ":2:12: qualitative-value:", in + ":3:1: unit-not-found:"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// The same in Vietnamese (the default) and as JSON.
	if _, _, stderr := runCLI("import", in, "--period", "2025-Q1", "--site", site); !strings.Contains(stderr, "đây là lời, không phải số liệu") {
		t.Errorf("Vietnamese report lacks the translated message:\n%s", stderr)
	}
	code, stdout, _ := runCLI("import", in, "--period", "2025-Q1", "--site", site, "--format", "json")
	var rep struct {
		OK       bool
		Count    int
		Problems []struct {
			File         string
			Line, Column int
			Code         string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || code != cli.Fail || rep.OK || rep.Count != 2 || rep.Problems[0].File != in || rep.Problems[0].Line != 2 {
		t.Errorf("json report: exit %d, %+v, %v\n%s", code, rep, err, stdout)
	}

	// A good file: exit 0, the snapshot written, and the site still checks.
	write("UBND XÃ BẢN THI\nBÁO CÁO QUÝ I/2025\n\nĐơn vị;HT01;HT04;Ghi chú\nXã Bản Thi;14/16;2;\nXã Yên Thịnh;94,7;1;ước\n")
	code, stdout, stderr = runCLI("import", in, "--period", "2025-Q1", "--site", site)
	want := "unit,indicator,value,numerator,denominator,note,source\n" +
		"02035,HT01,,14,16,,xa-ban-thi.csv:5:12\n02035,HT04,2,,,,xa-ban-thi.csv:5:18\n" +
		"02044,HT01,94.7,,,ước,xa-ban-thi.csv:6:14\n02044,HT04,1,,,ước,xa-ban-thi.csv:6:19\n"
	if code != cli.OK || read() != want {
		t.Fatalf("good file: exit %d\n%s%s\nsnapshot:\n%s\nwant:\n%s", code, stdout, stderr, read(), want)
	}
	if !strings.Contains(stdout, "4 dòng, 2 đơn vị, 2 chỉ số") {
		t.Errorf("summary: %q", stdout)
	}
	if code, stdout, stderr := runCLI("check", "--site", site, "--lang", "en"); code != cli.OK {
		t.Errorf("check after import: exit %d\n%s%s", code, stdout, stderr)
	}

	// A later import for the same period adds to the snapshot: a figure
	// that differs is a conflict, naming both cells, and changes nothing;
	// --replace UNIT or --force lets the new figure in; the same figure
	// again is no conflict.
	write("Đơn vị;HT01;NL02\nXã Bản Thi;90;\nXã Nam Cường;80;1\n")
	code, _, stderr = runCLI("import", in, "--period", "2025-Q1", "--site", site, "--lang", "en")
	if code != cli.Fail || read() != want || !strings.Contains(stderr, in+":2:12: value-conflict: \"90\": unit 02035, indicator HT01 already has another figure, 14/16 at data/snapshots/2025-Q1.csv:2:1 (source: xa-ban-thi.csv:5:12)") {
		t.Errorf("conflict: exit %d, snapshot changed: %v\n%s", code, read() != want, stderr)
	}
	code, stdout, stderr = runCLI("import", in, "--period", "2025-Q1", "--site", site, "--replace", "02035")
	merged := "unit,indicator,value,numerator,denominator,note,source\n" +
		"02026,HT01,80,,,,xa-ban-thi.csv:3:14\n02026,NL02,1,,,,xa-ban-thi.csv:3:17\n" +
		"02035,HT01,90,,,,xa-ban-thi.csv:2:12\n" +
		"02044,HT01,94.7,,,ước,xa-ban-thi.csv:6:14\n02044,HT04,1,,,ước,xa-ban-thi.csv:6:19\n"
	if code != cli.OK || read() != merged || !strings.Contains(stdout, "giữ 2 dòng, thêm 3 dòng mới, thay 2 dòng cũ") {
		t.Errorf("--replace: exit %d, snapshot %q\n%s%s", code, read(), stdout, stderr)
	}
	code, stdout, stderr = runCLI("import", in, "--period", "2025-Q1", "--site", site)
	if code != cli.OK || read() != merged || !strings.Contains(stdout, "giữ 5 dòng, thêm 0 dòng mới, thay 0 dòng cũ") {
		t.Errorf("the same figures again: exit %d, snapshot %q\n%s%s", code, read(), stdout, stderr)
	}
	write("Đơn vị;HT01\nXã Nam Cường;85\n")
	code, _, stderr = runCLI("import", in, "--period", "2025-Q1", "--site", site, "--force")
	if code != cli.OK || !strings.Contains(read(), "02026,HT01,85,,,,xa-ban-thi.csv:2:14\n02026,NL02,1,") {
		t.Errorf("with --force: exit %d, snapshot %q\n%s", code, read(), stderr)
	}
	entries, _ := os.ReadDir(filepath.Dir(snap))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}

	// A period that overlaps the site's quarters, and one in the future.
	code, _, stderr = runCLI("import", in, "--period", "2024", "--site", site, "--lang", "en")
	if code != cli.Fail || !strings.Contains(stderr, "period-overlap") {
		t.Errorf("overlapping period: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runCLI("import", in, "--period", "2026-Q1", "--site", site, "--lang", "en")
	if code != cli.Fail || !strings.Contains(stderr, "period has not started yet") {
		t.Errorf("future period: exit %d\n%s", code, stderr)
	}
	for _, p := range []string{"2024.csv", "2026-Q1.csv"} {
		if _, err := os.Stat(filepath.Join(site, "data", "snapshots", p)); err == nil {
			t.Errorf("%s written despite problems", p)
		}
	}
}
