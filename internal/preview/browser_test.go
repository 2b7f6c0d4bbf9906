//go:build browser

package preview

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserReloads opens a preview page in headless Chromium (Debian's
// chromium, or $MINHBACH_CHROMIUM; skipped without one unless
// MINHBACH_REQUIRE_BROWSER=1), saves an input file, and waits for the
// page to show the next build by itself; then makes the build fail and
// waits for the problems page, then fixes it and waits for the page.
func TestBrowserReloads(t *testing.T) {
	t.Parallel()
	exe := os.Getenv("MINHBACH_CHROMIUM")
	if exe == "" {
		exe, _ = exec.LookPath("chromium")
	}
	if exe == "" {
		if os.Getenv("MINHBACH_REQUIRE_BROWSER") == "1" {
			t.Fatal("MINHBACH_REQUIRE_BROWSER=1 but no browser: set MINHBACH_CHROMIUM or install chromium")
		}
		t.Skip("no chromium: set MINHBACH_CHROMIUM to run the browser tests")
	}

	src := t.TempDir()
	data := filepath.Join(src, "data", "x.csv")
	if err := os.MkdirAll(filepath.Dir(data), 0o755); err != nil {
		t.Fatal(err)
	}
	save := func(s string) {
		t.Helper()
		if err := os.WriteFile(data, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	save("ok")
	n := 0
	build := func(_ context.Context, dest string) error {
		b, err := os.ReadFile(data)
		if err != nil {
			return err
		}
		if string(b) != "ok" {
			return problems()
		}
		n++
		if err := os.MkdirAll(dest, 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dest, "index.html"),
			[]byte(`<!doctype html><html lang="en"><head><title>t</title></head><body><h1 id="b">build `+strconv.Itoa(n)+`</h1></body></html>`), 0o644)
	}
	var out, log lockedBuffer
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go func() {
		_ = Serve(ctx, Options{Source: src, Inputs: []string{"data"}, Addr: "127.0.0.1:0", Lang: "en",
			Build: build, Out: &out, Log: &log, Quiet: 20 * time.Millisecond})
	}()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/`)
	deadline := time.Now().Add(10 * time.Second)
	for addr.FindString(out.String()) == "" && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	url := addr.FindString(out.String())

	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU, chromedp.NoFirstRun)...)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	tab, stop := context.WithTimeout(browser, 60*time.Second)
	defer stop()

	// text waits until the element sel shows want. A reload during the
	// wait ends the poll (the page it ran in is gone): poll again.
	text := func(sel, want string) error {
		var err error
		for end := time.Now().Add(30 * time.Second); time.Now().Before(end); {
			_, err = chromedp.Run(tab, chromedp.Poll[chromedp.Void](`(function(){var e=document.querySelector(`+strconv.Quote(sel)+
				`);return e!==null&&e.textContent===`+strconv.Quote(want)+`})()`, chromedp.WithPollingTimeout(time.Until(end))))
			if err == nil || tab.Err() != nil {
				return err
			}
			time.Sleep(50 * time.Millisecond)
		}
		return err
	}
	if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if err := text("#b", "build 1"); err != nil {
		t.Fatalf("first page: %v\n%s", err, log.String())
	}
	banner, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.getElementById(`+strconv.Quote(BannerID)+`).textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if banner != "PREVIEW: not published, only on this computer" {
		t.Errorf("banner %q", banner)
	}
	save("ok") // saved again, unchanged: a new build all the same
	if err := text("#b", "build 2"); err != nil {
		t.Fatalf("the page did not reload after a save: %v\n%s", err, log.String())
	}
	save("broken")
	if err := text("h1", "The data has 2 problems"); err != nil {
		t.Fatalf("the problems page did not come: %v\n%s", err, log.String())
	}
	save("ok")
	if err := text("#b", "build 3"); err != nil {
		t.Fatalf("the page did not come back after the fix: %v\n%s", err, log.String())
	}
}
