package preview

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
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
	"github.com/minhbach/minhbach/internal/diag"
)

// outcomes records the builds a rebuilder reports as done.
type outcomes struct {
	ch chan error
}

func newOutcomes() *outcomes { return &outcomes{ch: make(chan error, 100)} }

func (o *outcomes) done(err error, _ time.Duration) { o.ch <- err }

// next waits for the next reported build.
func (o *outcomes) next(t *testing.T) error {
	t.Helper()
	select {
	case err := <-o.ch:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("no build was reported")
		return nil
	}
}

// none checks that no build is reported for a while.
func (o *outcomes) none(t *testing.T, d time.Duration) {
	t.Helper()
	select {
	case err := <-o.ch:
		t.Fatalf("an extra build was reported (err %v)", err)
	case <-time.After(d):
	}
}

// TestRebuilderCoalescesABurst: the first build starts at once; twenty
// changes in a row, as an editor or a copy of many files makes them, give
// one more build, not twenty.
func TestRebuilderCoalescesABurst(t *testing.T) {
	t.Parallel()
	var builds atomic.Int32
	o := newOutcomes()
	r := rebuilder{build: func(context.Context, string) error { builds.Add(1); return nil }, quiet: 200 * time.Millisecond, done: o.done}
	ctx, cancel := context.WithCancel(t.Context())
	changes := make(chan struct{})
	stopped := make(chan struct{})
	go func() { r.run(ctx, changes); close(stopped) }()

	if err := o.next(t); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		changes <- struct{}{}
	}
	if err := o.next(t); err != nil {
		t.Fatal(err)
	}
	o.none(t, 400*time.Millisecond)
	if n := builds.Load(); n != 2 {
		t.Errorf("%d builds, want 2: the first and one for the burst", n)
	}
	cancel()
	<-stopped
}

// TestRebuilderCancelsTheRunningBuild: a change during a build cancels
// it; the cancelled build is not reported (its result is stale), the next
// one is, and stopping the preview waits for the running build to end.
func TestRebuilderCancelsTheRunningBuild(t *testing.T) {
	t.Parallel()
	started := make(chan context.Context, 10)
	var builds atomic.Int32
	build := func(ctx context.Context, _ string) error {
		n := builds.Add(1)
		started <- ctx
		if n == 2 {
			return nil
		}
		<-ctx.Done() // builds 1 and 3 run until cancelled
		return ctx.Err()
	}
	o := newOutcomes()
	r := rebuilder{build: build, quiet: 20 * time.Millisecond, done: o.done}
	ctx, cancel := context.WithCancel(t.Context())
	changes := make(chan struct{})
	stopped := make(chan struct{})
	go func() { r.run(ctx, changes); close(stopped) }()

	first := <-started
	changes <- struct{}{}
	select {
	case <-first.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("a change did not cancel the running build")
	}
	<-started
	if err := o.next(t); err != nil {
		t.Fatalf("second build reported %v, want success", err)
	}
	o.none(t, 100*time.Millisecond) // the first, cancelled, is never reported

	changes <- struct{}{}
	third := <-started
	cancel()
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("the rebuilder did not stop with its context")
	}
	if third.Err() == nil {
		t.Error("stopping left the running build uncancelled")
	}
	o.none(t, 0)
}

func parse(t *testing.T, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestInject: the banner, in the page's language, is the body's first
// element and the reload script its last, with the page's build number.
func TestInject(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ page, banner string }{
		{`<!doctype html><html lang="vi"><head><title>x</title></head><body class="a"><p>nội dung</p></body></html>`, "BẢN XEM TRƯỚC: chưa công bố, chỉ có trên máy này"},
		{`<!doctype html><html lang=en><head></head><body><p>text</p></body></html>`, "PREVIEW: not published, only on this computer"},
		{`<p>no body tag</p>`, "BẢN XEM TRƯỚC: chưa công bố, chỉ có trên máy này"},
	} {
		doc := parse(t, Inject([]byte(c.page), 7))
		body := buildtest.Select(doc, "body")[0]
		var kids []*html.Node
		for k := body.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.ElementNode {
				kids = append(kids, k)
			}
		}
		if len(kids) < 3 {
			t.Fatalf("%s: body has %d elements, want the banner, the page and the script", c.page, len(kids))
		}
		first, last := kids[0], kids[len(kids)-1]
		if buildtest.Attr(first, "id") != BannerID || buildtest.Text(first) != c.banner {
			t.Errorf("%s: first element %s %q, want the banner %q", c.page, buildtest.Attr(first, "id"), buildtest.Text(first), c.banner)
		}
		if last.Data != "script" || !strings.Contains(buildtest.Text(last), `var g="7"`) || !strings.Contains(buildtest.Text(last), EventsPath) {
			t.Errorf("%s: last element is not the reload script of build 7: %s %q", c.page, last.Data, buildtest.Text(last))
		}
		if p := buildtest.Select(doc, "p"); len(p) != 1 {
			t.Errorf("%s: the page's own content is not kept once", c.page)
		}
	}
}

// problems are two problems whose values try to run script.
func problems() error {
	var l diag.List
	l.Add(diag.New(diag.Position{File: "data/snapshots/2024-Q4.csv", Line: 2, Column: 3}, diag.CodeType, "value",
		`<script>alert(1)</script>`, msgBanner.With()))
	l.Add(diag.New(diag.Position{File: "data/units.csv", Line: 5, Column: 1}, diag.CodeForeignKey, "parent",
		`"><img src=x onerror=alert(2)>`, msgBanner.With()))
	return l.Err()
}

// TestOverlay: while the latest build failed, every page is the list of
// problems, each exactly as check prints it, in the chosen language,
// escaped, with the banner and the reload script; the stylesheet of the
// last good build is still served.
func TestOverlay(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "css"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "css", "site.css"), []byte("body{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := problems()
	for _, lang := range []string{"vi", "en"} {
		s := newServer(dir, lang)
		s.publish(err)
		for _, p := range []string{"/", "/chi-so/vb01/", "/missing.html"} {
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
			if rec.Code != http.StatusInternalServerError {
				t.Errorf("%s %s: status %d, want 500", lang, p, rec.Code)
			}
			doc := parse(t, rec.Body.Bytes())
			items := buildtest.Select(doc, "ol.problems li")
			all := diag.All(err)
			if len(items) != len(all) {
				t.Fatalf("%s %s: %d problems shown, want %d", lang, p, len(items), len(all))
			}
			for i, it := range items {
				if got, want := buildtest.Text(it), all[i].Line(lang); got != want {
					t.Errorf("%s: problem %d is %q, want %q", lang, i, got, want)
				}
			}
			if n := len(buildtest.Select(doc, "script")); n != 1 {
				t.Errorf("%s: %d script elements, want only the reload script", lang, n)
			}
			if n := len(buildtest.Select(doc, "img")); n != 0 {
				t.Errorf("%s: a value became an element", lang)
			}
			if len(buildtest.Select(doc, "#"+BannerID)) != 1 {
				t.Errorf("%s: no preview banner", lang)
			}
			if h := buildtest.Text(buildtest.Select(doc, "h1")[0]); h != map[string]string{"vi": "Dữ liệu có 2 lỗi", "en": "The data has 2 problems"}[lang] {
				t.Errorf("%s: heading %q", lang, h)
			}
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/css/site.css", nil))
		if rec.Code != http.StatusOK || rec.Body.String() != "body{}" {
			t.Errorf("%s: the stylesheet of the last good build: %d %q", lang, rec.Code, rec.Body.String())
		}
	}

	// A failure that is not about the data is shown as it is said.
	s := newServer(dir, "en")
	s.publish(errors.New(`layouts/x.html: <b>broken</b>`))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	doc := parse(t, rec.Body.Bytes())
	if pre := buildtest.Select(doc, "pre"); len(pre) != 1 || buildtest.Text(pre[0]) != `layouts/x.html: <b>broken</b>` {
		t.Errorf("the failure is not shown as text: %s", rec.Body.String())
	}
}

// TestPagesWaitForTheFirstBuild: a request made while the first build
// runs is answered when it ends, not with an error; a missing page is the
// site's own 404 page, with the banner.
func TestPagesWaitForTheFirstBuild(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := newServer(dir, "vi")
	rec := httptest.NewRecorder()
	var wg sync.WaitGroup
	wg.Go(func() { s.ServeHTTP(rec, httptest.NewRequest("GET", "/chi-so/", nil)) })
	write("chi-so/index.html", `<html lang="vi"><body><h1>Chỉ số</h1></body></html>`)
	write("404.html", `<html lang="en"><body><h1>Not found</h1></body></html>`)
	s.publish(nil)
	wg.Wait()
	doc := parse(t, rec.Body.Bytes())
	if rec.Code != 200 || buildtest.Text(buildtest.Select(doc, "h1")[0]) != "Chỉ số" || len(buildtest.Select(doc, "#"+BannerID)) != 1 {
		t.Errorf("page after the first build: %d %s", rec.Code, rec.Body.String())
	}
	if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q, want no-store", cc)
	}

	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/chi-so", nil))
	if rec.Code != http.StatusFound || rec.Header().Get("Location") != "/chi-so/" {
		t.Errorf("a folder without its slash: %d %q, want a redirect to /chi-so/", rec.Code, rec.Header().Get("Location"))
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/khong-co/", nil))
	doc = parse(t, rec.Body.Bytes())
	if rec.Code != 404 || buildtest.Text(buildtest.Select(doc, "h1")[0]) != "Not found" || len(buildtest.Select(doc, "#"+BannerID)) != 1 {
		t.Errorf("missing page: %d %s", rec.Code, rec.Body.String())
	}
	for _, p := range []string{"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"} {
		rec = httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
		if rec.Code == http.StatusOK {
			t.Errorf("%s: a path out of the site is served", p)
		}
	}
}

// TestCheckAddr: the preview is served on this computer only.
func TestCheckAddr(t *testing.T) {
	t.Parallel()
	for addr, ok := range map[string]bool{
		"127.0.0.1:1313": true, "localhost:0": true, "[::1]:80": true, "127.0.0.2:1313": true,
		":1313": false, "0.0.0.0:1313": false, "192.168.1.5:1313": false, "example.org:80": false, "1313": false,
	} {
		if err := CheckAddr(addr); (err == nil) != ok {
			t.Errorf("CheckAddr(%q) = %v, want ok %v", addr, err, ok)
		}
	}
}

// lockedBuffer is an output written by Serve while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeWatchesAndCleansUp: Serve builds at once, rebuilds when a file
// under an input folder is saved (not for a file outside the inputs, nor
// a hidden one), and once cancelled removes its private folder, where
// every build went.
func TestServeWatchesAndCleansUp(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	if err := os.MkdirAll(filepath.Join(src, "data", "snapshots"), 0o755); err != nil {
		t.Fatal(err)
	}
	var (
		mu    sync.Mutex
		dests []string
	)
	built := make(chan int, 10)
	build := func(_ context.Context, dest string) error {
		mu.Lock()
		dests = append(dests, dest)
		n := len(dests)
		mu.Unlock()
		if err := os.MkdirAll(dest, 0o755); err != nil {
			return err
		}
		err := os.WriteFile(filepath.Join(dest, "index.html"), []byte(`<html lang="vi"><body><h1>build `+strconv.Itoa(n)+`</h1></body></html>`), 0o644)
		built <- n
		return err
	}
	var out, log lockedBuffer
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan error, 1)
	go func() {
		served <- Serve(ctx, Options{Source: src, Inputs: []string{"data", "hugo.toml"}, Addr: "127.0.0.1:0", Lang: "en",
			Build: build, Out: &out, Log: &log, Quiet: 20 * time.Millisecond})
	}()
	// A change may reach the watcher as several events (create, write,
	// close), split further apart than the quiet time on a loaded machine:
	// each step waits for at least one build, then for the builds to stop.
	settle := func(what string) int {
		t.Helper()
		var n int
		select {
		case n = <-built:
		case <-time.After(20 * time.Second):
			t.Fatalf("no build after %s", what)
		}
		for {
			select {
			case n = <-built:
			case <-time.After(500 * time.Millisecond):
				return n
			}
		}
	}
	settle("the start")
	url := regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/`)
	deadline := time.Now().Add(10 * time.Second)
	for url.FindString(out.String()) == "" && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	res, err := http.Get(url.FindString(out.String()))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), "<h1>build 1</h1>") || !strings.Contains(string(body), BannerID) {
		t.Errorf("first page: %s", body)
	}

	for _, name := range []string{"notes.txt", "data/.snapshot.csv.swp", "data/snapshots/2025-Q1.csv~"} {
		if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(name)), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case n := <-built:
		t.Errorf("build %d for a file that is not an input", n)
	case <-time.After(500 * time.Millisecond):
	}
	if err := os.Mkdir(filepath.Join(src, "data", "new"), 0o755); err != nil {
		t.Fatal(err)
	}
	settle("a new folder under data/")
	if err := os.WriteFile(filepath.Join(src, "data", "new", "2025-Q1.csv"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	settle("a file in the new folder (it is watched)")
	if err := os.WriteFile(filepath.Join(src, "hugo.toml"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	last := settle("the configuration")
	// Every build that finished is reported, after it has returned.
	const want = "preview built in"
	for deadline := time.Now().Add(5 * time.Second); strings.Count(log.String(), want) < last && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}

	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("Serve after cancel: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	priv := filepath.Dir(dests[0])
	if _, err := os.Stat(priv); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the private folder %s is still there (%v)", priv, err)
	}
	if strings.HasPrefix(priv, src) {
		t.Errorf("the draft was built inside the site folder: %s", priv)
	}
	if got := strings.Count(log.String(), want); got != last || last < 4 {
		t.Errorf("%d builds reported, %d ran (want 4 or more):\n%s", got, last, log.String())
	}
	if !strings.Contains(log.String(), "preview stopped and its temporary folder removed") {
		t.Errorf("no word of the stop:\n%s", log.String())
	}
}
