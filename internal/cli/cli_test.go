package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/cli"
	"github.com/minhbach/minhbach/internal/publish"
)

// today is the clock of the tests: 2025-03-01, when 2025-Q2 has not begun.
func today() time.Time { return time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC) }

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Main(context.Background(), args, cli.Env{Stdout: &out, Stderr: &errb, Now: today})
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
		{"help", []string{"--help"}, cli.OK, "Kiểm tra số liệu rồi xuất bản trang web", nil},
		{"help en", []string{"--help", "--lang", "en"}, cli.OK, "Check the data and publish the site", nil},
		{"build help", []string{"build", "--help"}, cli.OK, "--dest string     nơi xuất bản trang web (mặc định: SITE/public)", nil},
		{"build help en", []string{"build", "--help", "--lang=en"}, cli.OK, "--dest string     where to publish the site (default: SITE/public)", nil},
		{"check help", []string{"check", "--help"}, cli.OK, "Cách dùng:\n  minhbach check [--site DIR] [tùy chọn]", nil},
		{"unknown command", []string{"publsh"}, cli.Usage, "", []string{`không có lệnh "publsh" trong "minhbach"`}},
		{"unknown command en", []string{"publsh", "--lang", "en"}, cli.Usage, "", []string{`unknown command "publsh"`}},
		{"unknown flag", []string{"build", "--dst", "x", "--lang", "en"}, cli.Usage, "", []string{"unknown flag: --dst", "minhbach build --help"}},
		{"stray argument", []string{"check", "data"}, cli.Usage, "", []string{`lệnh check không nhận đối số nào, nhưng có "data"`}},
		{"stray argument en", []string{"check", "data", "--lang", "en"}, cli.Usage, "", []string{`check takes no arguments, got "data"`}},
		{"unknown flag in Vietnamese", []string{"check", "--srouce", "x"}, cli.Usage, "", []string{"không có tùy chọn --srouce", "Chạy 'minhbach check --help' để xem cách dùng."}},
		{"bad language", []string{"check", "--lang", "fr"}, cli.Usage, "", []string{`--lang phải là "vi" hoặc "en", không phải "fr"`, "Chạy 'minhbach check --help'"}},
		{"bad format", []string{"build", "--format=xml", "--lang=en"}, cli.Usage, "", []string{`--format must be text or json, not "xml"`, "Run 'minhbach build --help' for usage."}},
		{"check ok", []string{"check", "--site", good}, cli.OK, "minhbach: dữ liệu hợp lệ: 1 chỉ số, 3 đơn vị, 1 mục tiêu, 1 kỳ số liệu (mới nhất 2024-Q4)", nil},
		{"check ok en", []string{"check", "--site", good, "--lang", "en"}, cli.OK, "data OK: 1 indicators, 3 units, 1 targets, 1 snapshots (latest 2024-Q4)", nil},
		{"check bad", []string{"check", "--site", bad}, cli.Fail, "", []string{
			`data/snapshots/2024-Q4.csv:2:12: type-error: value "12,5": không phải là số: hãy viết 12.5, dùng dấu chấm thay cho dấu phẩy`,
			`data/snapshots/2024-Q4.csv:3:7: foreign-key: indicator "VB99": không có chỉ số này`,
			"minhbach: 2 lỗi; chưa xuất bản gì.",
		}},
		{"check bad en", []string{"check", "--site", bad, "--lang", "en"}, cli.Fail, "", []string{
			`data/snapshots/2024-Q4.csv:2:12: type-error: value "12,5": not a number: write 12.5, with a dot`,
			`data/snapshots/2024-Q4.csv:3:7: foreign-key: indicator "VB99": unknown indicator`,
			"minhbach: 2 problems found; nothing was published",
		}},
		{"build bad", []string{"build", "--site", bad, "--dest", filepath.Join(t.TempDir(), "www")}, cli.Fail, "", []string{
			`data/snapshots/2024-Q4.csv:2:12: type-error: value "12,5": không phải là số`,
			"minhbach: 2 lỗi; chưa xuất bản gì.",
		}},
		{"build bad json", []string{"build", "--site", bad, "--format", "json", "--dest", filepath.Join(t.TempDir(), "www")}, cli.Fail, `"code": "type-error"`, nil},
		{"check ok json", []string{"check", "--site", good, "--format", "json"}, cli.OK, `"ok": true`, nil},
		{"missing site", []string{"check", "--site", filepath.Join(good, "nope")}, cli.Fail, "", []string{"data/indicators.csv: source-error: không tìm thấy tệp"}},
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
	code, stdout, stderr := run(t, "build", "--site", src, "--dest", dest)
	if code != cli.OK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !regexp.MustCompile(`^minhbach: đã xuất bản \d+ trang và \d+ tệp tải về \(\d+ tệp, \d+,\d MB\) vào .+ trong \d+,\d giây\nminhbach: trang nặng nhất khi xem lần đầu \(nén gzip, hạn mức 60,0 KB\): chi-so/vb01/ \d+,\d KB, .+; bộ biểu đồ tương tác \d+,\d KB \(hạn mức \d+,\d KB\)\nminhbach: bản phát hành \d{8}-\d{6}-[0-9a-f]{12} đã được ghi vào lịch sử xuất bản \(history/\)\nminhbach: mọi tệp tải về của lần này \(số liệu, đính chính và tệp nén của tất cả\) được giữ tại /du-lieu/phat-hanh/(\d{8}-\d{6}-[0-9a-f]{12})/, địa chỉ để trích dẫn, không bao giờ thay đổi\n$`).MatchString(stdout) {
		t.Errorf("stdout: %q", stdout)
	} else if id := regexp.MustCompile(`phat-hanh/([^/]+)/`).FindStringSubmatch(stdout)[1]; !fileExists(filepath.Join(dest, "du-lieu", "phat-hanh", id, "SHA256SUMS")) {
		t.Errorf("the release said, %s, is not in the site", id)
	}
	// The release is recorded in the site's history, not in the web root.
	if b, err := os.ReadFile(filepath.Join(src, "history", "releases.csv")); err != nil || strings.Count(string(b), "\n") != 2 {
		t.Errorf("history/releases.csv after one build: %q, %v", b, err)
	}
	// English, and the same build again (publishing replaces the site).
	code, stdout, stderr = run(t, "build", "--site", src, "--dest", dest, "--lang", "en")
	if code != cli.OK || !regexp.MustCompile(`^minhbach: published \d+ pages and \d+ downloads`).MatchString(stdout) {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
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
	code, _, stderr = run(t, "build", "--site", src, "--dest", filepath.Join(src, "data"))
	if code != cli.Fail || !strings.Contains(stderr, "data") {
		t.Errorf("publishing over data/ must fail: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(src, "data", "units.csv")); err != nil {
		t.Errorf("data/ was damaged: %v", err)
	}
}

// TestJSONNotData checks that a failure that is not about the data (here,
// publishing into the data folder) still gives a JSON document.
func TestJSONNotData(t *testing.T) {
	src := site(t, header+"02020,VB01,90,9,10,,\n")
	code, stdout, stderr := run(t, "build", "--site", src, "--dest", filepath.Join(src, "data"), "--format", "json")
	var doc struct {
		OK       bool
		Problems []any
		Count    int
		Error    string
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("stdout is not JSON (%v): %q; stderr %q", err, stdout, stderr)
	}
	if code != cli.Fail || doc.OK || doc.Count != 0 || len(doc.Problems) != 0 || doc.Error == "" {
		t.Errorf("exit %d, document %+v", code, doc)
	}
}

// TestInterruptedBuildPublishesNothing: a build whose context is cancelled
// (SIGINT or SIGTERM in main) stops with a plain message in the chosen
// language and leaves the published site as it was.
func TestInterruptedBuildPublishesNothing(t *testing.T) {
	t.Parallel()
	src := site(t, "unit,indicator,value,numerator,denominator,note,source\n064,VB01,90,,,,\n")
	dest := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dest, "index.html"), []byte("published"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	for lang, want := range map[string]string{
		"vi": "minhbach: đã dừng theo yêu cầu; chưa xuất bản gì, trang đã công bố giữ nguyên.\n",
		"en": "minhbach: stopped on request; nothing was published, the published site is unchanged.\n",
	} {
		var out, errb bytes.Buffer
		code := cli.Main(ctx, []string{"build", "--site", src, "--dest", dest, "--lang", lang}, cli.Env{Stdout: &out, Stderr: &errb, Now: time.Now})
		if code != cli.Fail || out.Len() != 0 || errb.String() != want {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and %q", lang, code, out.String(), errb.String(), want)
		}
	}
	entries, _ := os.ReadDir(dest)
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "published" || len(entries) != 1 {
		t.Errorf("the published site changed: %d entries, index.html %q", len(entries), b)
	}
}

// TestBuildFailuresInBothLanguages: a failure that is not about the data
// (another build publishing to the same folder, a destination that would
// destroy the site's inputs, a broken template of the site) is said in
// Vietnamese by default and in English with --lang en, on one line after
// "minhbach:" (and Hugo's own lines), and publishes nothing.
func TestBuildFailuresInBothLanguages(t *testing.T) {
	const rows = header + "02020,VB01,90,9,10,,\n02023,VB01,,45,50,,\n"
	src := site(t, rows)
	locked := filepath.Join(t.TempDir(), "www")
	lease, err := publish.Lock(locked)
	if err != nil {
		t.Fatal(err)
	}
	defer lease.Unlock()
	lockFile := filepath.Join(filepath.Dir(locked), ".www.lock")
	data := filepath.Join(src, "data")
	broken := func(tmpl string) string {
		dir := site(t, rows)
		p := filepath.Join(dir, "layouts", "_partials", "footer-extra.html")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(tmpl), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	// A template that fails on every page would not do: with ten pages
	// failing to render, Hugo v0.165.0 may deadlock (Site.renderPages stops
	// its workers while still handing them pages).
	unparsable, failing := broken("{{ if }}"), broken(`{{ errorf "thiếu tệp %s" "chan-trang.html" }}`)
	pid := os.Getpid()
	host, _ := os.Hostname()
	for _, tc := range []struct {
		name   string
		source string
		dest   string
		vi, en []string // the start of the line, then what else it says
	}{
		{"publish lock", src, locked,
			[]string{fmt.Sprintf("minhbach: không xuất bản được vào %q: một lần dựng khác đang xuất bản vào đó (tiến trình %d của máy %q, từ ", locked, pid, host), fmt.Sprintf("; tệp khoá %q); hãy chờ lần đó xong rồi chạy lại\n", lockFile)},
			[]string{fmt.Sprintf("minhbach: cannot publish to %q: another build is already publishing there (process %d of computer %q, since ", locked, pid, host), fmt.Sprintf("; lock file %q); wait for it to finish, then try again\n", lockFile)}},
		{"destination holds the data", src, data,
			[]string{fmt.Sprintf(`minhbach: không xuất bản vào %q: thư mục này chứa %q, nơi trang web được dựng từ đó, và xuất bản sẽ xoá nó; hãy chọn một thư mục riêng, ví dụ "public"`+"\n", data, data)},
			[]string{fmt.Sprintf(`minhbach: refusing to publish to %q: it contains %q, which the site is built from, and publishing would delete it; choose a separate folder such as "public"`+"\n", data, data)}},
		{"template that does not parse", unparsable, filepath.Join(unparsable, "public"),
			[]string{"minhbach: Hugo không đọc được mẫu hoặc cấu hình của trang web: ", "footer-extra.html:1:1", "hãy sửa tệp được nêu (một tệp mẫu trong layouts/ có thể xoá đi để dùng mẫu mặc định)\n"},
			[]string{"minhbach: site: Hugo could not read the site's templates or settings: ", "footer-extra.html:1:1", "correct the file named (a template in layouts/ can be deleted to use the default)\n"}},
		{"template that reports an error", failing, filepath.Join(failing, "public"),
			[]string{"minhbach: Hugo không dựng được trang web: ", "hãy sửa tệp được nêu (một tệp mẫu trong layouts/ có thể xoá đi để dùng mẫu mặc định):\n  ERROR thiếu tệp chan-trang.html\n"},
			[]string{"minhbach: site: Hugo could not build the site: ", "correct the file named (a template in layouts/ can be deleted to use the default):\n  ERROR thiếu tệp chan-trang.html\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for lang, want := range map[string][]string{"vi": tc.vi, "en": tc.en} {
				code, stdout, stderr := run(t, "build", "--site", tc.source, "--dest", tc.dest, "--lang", lang)
				// Hugo's own log lines may come first; the report is last.
				report := stderr[max(strings.LastIndex(stderr, "minhbach: "), 0):]
				if code != cli.Fail || stdout != "" || !strings.HasPrefix(report, want[0]) {
					t.Errorf("%s: exit %d, stdout %q, stderr\n%s\nwant the report to start with\n%s", lang, code, stdout, stderr, want[0])
				}
				for _, w := range want[1:] {
					if !strings.Contains(report, w) {
						t.Errorf("%s: %q lacks %q", lang, report, w)
					}
				}
			}
			if _, err := os.Stat(filepath.Join(tc.dest, "index.html")); err == nil {
				t.Error("something was published")
			}
		})
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
