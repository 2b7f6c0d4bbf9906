package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/cli"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	now := func() time.Time { return time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC) }
	code = cli.Main(args, cli.Env{Stdout: &out, Stderr: &errb, Now: now})
	return code, out.String(), errb.String()
}

// site writes a minimal valid site and returns its folder.
func site(t *testing.T, snapshot string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"data/indicators.csv": "code,group,name_vi,name_en,unit,direction,definition_vi,definition_en,source_vi,source_en\n" +
			"VB01,van-ban,Tỷ lệ văn bản được ký số,Signed documents,percent,up,Định nghĩa,Definition,Nguồn,Source\n",
		"data/units.csv": "code,name_vi,name_en,kind,parent\n064,Huyện Chợ Đồn,Chợ Đồn district,district,\n" +
			"02020,Thị trấn Bằng Lũng,Bằng Lũng township,township,064\n02023,Xã Xuân Lạc,Xuân Lạc commune,commune,064\n",
		"data/targets.csv":           "indicator,unit,year,value,basis_vi,basis_en\nVB01,*,2025,100,Quyết định 942/QĐ-TTg,Decision 942/QĐ-TTg\n",
		"data/snapshots/2024-Q4.csv": snapshot,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const header = "unit,indicator,value,numerator,denominator,note,source\n"

func TestExitCodes(t *testing.T) {
	good := site(t, header+"02020,VB01,90,9,10,,\n02023,VB01,,45,50,,\n")
	bad := site(t, header+"02020,VB01,\"12,5\",,,,\n02023,VB99,50,,,,\n")
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string // substring
		stderr []string
	}{
		{"help", []string{"--help"}, cli.OK, "build", nil},
		{"build help", []string{"build", "--help"}, cli.OK, "--dest", nil},
		{"check help", []string{"check", "--help"}, cli.OK, "--source", nil},
		{"unknown command", []string{"publsh"}, cli.Usage, "", []string{`unknown command "publsh"`}},
		{"unknown flag", []string{"build", "--dst", "x"}, cli.Usage, "", []string{"unknown flag: --dst", "minhbach build --help"}},
		{"stray argument", []string{"check", "data"}, cli.Usage, "", []string{"check takes no arguments"}},
		{"check ok", []string{"check", "--source", good}, cli.OK, "data OK: 1 indicators, 3 units, 1 targets, 1 snapshots (latest 2024-Q4)", nil},
		{"check bad", []string{"check", "--source", bad}, cli.Fail, "", []string{
			`data/snapshots/2024-Q4.csv:2:12: value "12,5": not a number`,
			`data/snapshots/2024-Q4.csv:3:7: indicator "VB99"`,
			"minhbach: 2 problems found; nothing was published",
		}},
		{"missing site", []string{"check", "--source", filepath.Join(good, "nope")}, cli.Fail, "", []string{"data/indicators.csv"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tc.stdout) {
				t.Errorf("stdout %q lacks %q", stdout, tc.stdout)
			}
			for _, want := range tc.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
		})
	}
}

func TestBuildPublishes(t *testing.T) {
	src := site(t, header+"02020,VB01,90,9,10,,\n02023,VB01,,45,50,,\n")
	dest := filepath.Join(t.TempDir(), "www")
	code, stdout, stderr := run(t, "build", "--source", src, "--dest", dest)
	if code != cli.OK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "minhbach: published") {
		t.Errorf("stdout: %q", stdout)
	}
	b, err := os.ReadFile(filepath.Join(dest, "chi-so", "vb01", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// 9/10 and 45/50 roll up to 54/60 = 90%, not the mean of 90% and 90%
	// (equal here) — and the ratio is shown.
	if !bytes.Contains(b, []byte("54/60")) {
		t.Error("indicator page lacks the rolled-up ratio 54/60")
	}
	// Build into the site's own data folder is refused before anything is touched.
	code, _, stderr = run(t, "build", "--source", src, "--dest", filepath.Join(src, "data"))
	if code != cli.Fail || !strings.Contains(stderr, "data") {
		t.Errorf("publishing over data/ must fail: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(src, "data", "units.csv")); err != nil {
		t.Errorf("data/ was damaged: %v", err)
	}
}
