package cli_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/cli"
	"github.com/minhbach/minhbach/internal/preview"
)

// syncBuffer is an output that the command writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// served is a running minhbach serve.
type served struct {
	url    string // http://127.0.0.1:PORT, no final slash
	stderr *syncBuffer
	stop   func() int // cancels it, as Ctrl-C does, and returns its exit code
}

// serve starts minhbach serve on a free port of 127.0.0.1 and returns
// once it has printed its address.
func serve(t *testing.T, args ...string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	code := make(chan int, 1)
	go func() {
		code <- cli.Main(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...),
			cli.Env{Stdout: &stdout, Stderr: &stderr, Now: today})
	}()
	s := &served{stderr: &stderr}
	var once sync.Once
	exit := -1
	s.stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case exit = <-code:
			case <-time.After(30 * time.Second):
				t.Error("serve did not stop within 30 s of its cancellation")
			}
		})
		return exit
	}
	t.Cleanup(func() { s.stop() })
	addr := regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+`)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := addr.FindString(stdout.String()); m != "" {
			s.url = m
			return s
		}
		select {
		case c := <-code:
			t.Fatalf("serve ended with %d before listening: %s", c, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("serve printed no address: %q %q", stdout.String(), stderr.String())
	return nil
}

// builds follows the preview's reload notifications: each is the number
// of builds done.
func (s *served) builds(t *testing.T) <-chan int {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), "GET", s.url+preview.EventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	out := make(chan int, 100)
	go func() {
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if n, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				if g, err := strconv.Atoi(n); err == nil {
					out <- g
				}
			}
		}
	}()
	return out
}

// after waits for a build numbered above gen and returns its number.
func after(t *testing.T, builds <-chan int, gen int) int {
	t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case g := <-builds:
			if g > gen {
				return g
			}
		case <-timeout:
			t.Fatalf("no build after build %d within 60 s", gen)
		}
	}
}

// get fetches a page of the preview and parses it.
func (s *served) get(t *testing.T, path string) (int, *html.Node) {
	t.Helper()
	res, err := http.Get(s.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	doc, err := html.Parse(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, doc
}

// setValue rewrites the value of line 2 of the sample's 2024-Q4 snapshot
// (the district's NL02, a count), as staff would save it.
func setValue(t *testing.T, src, value string) {
	t.Helper()
	name := filepath.Join(src, "data", "snapshots", "2024-Q4.csv")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(b), "\n", 3)
	if !strings.HasPrefix(lines[1], "064,NL02,") {
		t.Fatalf("sample changed: line 2 is %q", lines[1])
	}
	f := strings.SplitN(lines[1], ",", 4)
	f[2] = value
	lines[1] = strings.Join(f, ",")
	if err := os.WriteFile(name, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServe is the officer's preview: serve the sample, see a figure and
// the banner, save a new figure and see it, break the snapshot and see
// the problem at its position, fix it and get the page back; stop with
// Ctrl-C. Nothing is written into the site folder meanwhile.
func TestServe(t *testing.T) {
	t.Parallel()
	site := buildtest.New(t, "", buildtest.Options{Sample: true})
	before := files(t, site.Source)
	s := serve(t, "--site", site.Source, "--lang", "en")
	builds := s.builds(t)
	const page = "/chi-so/nl02/"
	value := func(doc *html.Node) string {
		v := buildtest.Select(doc, "p.big span.val")
		if len(v) == 0 {
			return ""
		}
		return buildtest.Text(v[0])
	}

	code, doc := s.get(t, page)
	if code != 200 || value(doc) != "2" {
		t.Fatalf("first page: status %d, value %q, want 200 and 2", code, value(doc))
	}
	if b := buildtest.Select(doc, "#"+preview.BannerID); len(b) != 1 || buildtest.Text(b[0]) != "BẢN XEM TRƯỚC: chưa công bố, chỉ có trên máy này" {
		t.Errorf("no Vietnamese preview banner on %s", page)
	}
	_, doc = s.get(t, "/en"+page)
	if b := buildtest.Select(doc, "#"+preview.BannerID); len(b) != 1 || buildtest.Text(b[0]) != "PREVIEW: not published, only on this computer" {
		t.Errorf("no English preview banner on /en%s", page)
	}
	gen := after(t, builds, 0)

	setValue(t, site.Source, "7")
	gen = after(t, builds, gen)
	if code, doc := s.get(t, page); code != 200 || value(doc) != "7" {
		t.Fatalf("after saving 7: status %d, value %q", code, value(doc))
	}

	setValue(t, site.Source, "bảy")
	gen = after(t, builds, gen)
	code, doc = s.get(t, page)
	items := buildtest.Select(doc, "ol.problems li")
	want := `data/snapshots/2024-Q4.csv:2:10: type-error: value "bảy": not a number`
	if code != 500 || len(items) != 1 || !strings.HasPrefix(buildtest.Text(items[0]), want) {
		t.Fatalf("broken snapshot: status %d, %d problems shown, want 500 and one starting %q:\n%s", code, len(items), want, s.stderr.String())
	}
	if h := buildtest.Text(buildtest.Select(doc, "h1")[0]); h != "The data has 1 problem" {
		t.Errorf("problems page in English: heading %q", h)
	}
	if !strings.Contains(s.stderr.String(), want) {
		t.Errorf("the terminal does not show the problem:\n%s", s.stderr.String())
	}

	setValue(t, site.Source, "7")
	after(t, builds, gen)
	if code, doc := s.get(t, page); code != 200 || value(doc) != "7" {
		t.Fatalf("after the fix: status %d, value %q", code, value(doc))
	}

	if c := s.stop(); c != cli.OK {
		t.Errorf("stopped preview exited %d", c)
	}
	if !strings.Contains(s.stderr.String(), "preview stopped and its temporary folder removed") {
		t.Errorf("no word of the stop: %s", s.stderr.String())
	}
	now := files(t, site.Source)
	delete(before, "data/snapshots/2024-Q4.csv")
	delete(now, "data/snapshots/2024-Q4.csv")
	if fmt.Sprint(before) != fmt.Sprint(now) {
		t.Errorf("the site folder changed: before %v, after %v", before, now)
	}
}

// files lists the files under dir with their sizes.
func files(t *testing.T, dir string) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = fi.Size()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestServeRefusesOtherAddresses: a draft is never served to the network.
func TestServeRefusesOtherAddresses(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	code := cli.Main(t.Context(), []string{"serve", "--addr", "0.0.0.0:1313"}, cli.Env{Stdout: io.Discard, Stderr: &stderr, Now: today})
	if code != cli.Usage || !strings.Contains(stderr.String(), `--addr "0.0.0.0:1313": bản xem trước chỉ mở trên máy này`) {
		t.Errorf("exit %d, %q", code, stderr.String())
	}
}

// TestServeUnderLoad: 100 clients fetch pages, downloads and the
// stylesheet as fast as they can while the site is rebuilt under them;
// every request succeeds. MINHBACH_LOAD_SECONDS sets the duration (2 s
// by default; bench/preview.sh runs 20 s) and the test prints the count.
func TestServeUnderLoad(t *testing.T) {
	t.Parallel()
	dur := 2 * time.Second
	if v := os.Getenv("MINHBACH_LOAD_SECONDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatal(err)
		}
		dur = time.Duration(n) * time.Second
	}
	site := buildtest.New(t, "", buildtest.Options{Sample: true})
	s := serve(t, "--site", site.Source)
	builds := s.builds(t)
	_, doc := s.get(t, "/")
	css := buildtest.Attr(buildtest.Select(doc, `link[rel="stylesheet"]`)[0], "href")
	gen := after(t, builds, 0)
	paths := []string{"/", "/chi-so/nl02/", "/en/", "/du-lieu/figures.csv", css, "/vendor/echarts/echarts.custom.min.js", "/tinh-trang/"}

	tr := &http.Transport{MaxIdleConnsPerHost: 100}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	var requests, failures atomic.Int64
	var firstErr atomic.Value
	ctx, cancel := context.WithTimeout(t.Context(), dur)
	defer cancel()
	var wg sync.WaitGroup
	for c := range 100 {
		wg.Go(func() {
			for i := c; ctx.Err() == nil; i++ {
				res, err := client.Get(s.url + paths[i%len(paths)])
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode != 200 {
						err = fmt.Errorf("%s: status %d", paths[i%len(paths)], res.StatusCode)
					}
				}
				requests.Add(1)
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err)
				}
			}
		})
	}
	// A save while the clients run: the rebuilt site is swapped in under
	// them.
	time.Sleep(dur / 4)
	setValue(t, site.Source, "3")
	rebuilt := make(chan struct{})
	go func() {
		for g := range builds {
			if g > gen {
				close(rebuilt)
				return
			}
		}
	}()
	wg.Wait()
	t.Logf("requests=%d errors=%d seconds=%.0f clients=100", requests.Load(), failures.Load(), dur.Seconds())
	if n := failures.Load(); n > 0 {
		t.Errorf("%d of %d requests failed; the first: %v", n, requests.Load(), firstErr.Load())
	}
	if requests.Load() < 100 {
		t.Errorf("only %d requests in %s", requests.Load(), dur)
	}
	select {
	case <-rebuilt:
	case <-time.After(60 * time.Second):
		t.Error("the save during the load was not rebuilt")
	}
	if c := s.stop(); c != cli.OK {
		t.Errorf("exit %d", c)
	}
}
