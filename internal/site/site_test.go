package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/sitedata"
)

// minimal is the smallest generated data the theme renders: a section of
// indicators with no indicator, and one report. It stands in for
// sitedata.Site, with the same methods and view model types.
type minimal struct{}

func (minimal) Pages(lang string) []map[string]any {
	title := map[string]string{"vi": "Báo cáo", "en": "Report"}[lang]
	return []map[string]any{
		{"path": "chi-so", "kind": "section", "title": title, "params": map[string]any{"view": "chi-so"}},
		{"path": "bao-cao", "kind": "section", "title": title, "params": map[string]any{"view": "bao-cao"}},
		{"path": "bao-cao/2024-q4", "title": title, "params": map[string]any{"view": "bao-cao/2024-q4"}, "dates": map[string]any{"date": "2024-12-31"}},
	}
}

func (minimal) View(lang, path string) (any, error) {
	switch path {
	case "chi-so":
		return &sitedata.IndicatorList{District: "Huyện X", Period: "quý IV/2024"}, nil
	case "bao-cao/2024-q4":
		return &sitedata.ReportParams{Period: "quý IV/2024", District: "Huyện X"}, nil
	}
	return nil, nil
}

func (minimal) Home(lang string) *sitedata.Home {
	return &sitedata.Home{IndicatorList: sitedata.IndicatorList{District: "Huyện X", Period: "quý IV/2024"}}
}

func (minimal) Section(name string) (string, error) {
	return (&sitedata.Site{}).Section(name)
}

func (minimal) Nav() []string    { return (&sitedata.Site{}).Nav() }
func (minimal) About() []string  { return (&sitedata.Site{}).About() }
func (minimal) Footer() []string { return (&sitedata.Site{}).Footer() }

func (minimal) HomeDescription(lang string) string { return "Huyện X, quý IV/2024" }
func (minimal) SitePreview(lang string) string     { return (&sitedata.Site{}).SitePreview(lang) }

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
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

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestConfigMergeAndForcedSettings(t *testing.T) {
	src := writeSite(t, map[string]string{"hugo.toml": `
baseURL = "https://x.example.invalid/"
[languages.vi]
title = "Huyện X"
[security.http]
urls = [".*"]
[markup.goldmark.renderer]
unsafe = true
`})
	cfg, err := mergedConfig(src)
	if err != nil {
		t.Fatal(err)
	}
	langs := cfg["languages"].(map[string]any)
	vi, en := langs["vi"].(map[string]any), langs["en"].(map[string]any)
	if vi["title"] != "Huyện X" || vi["locale"] != "vi-VN" {
		t.Errorf("vi = %v: want the site's title merged over the theme's locale", vi)
	}
	if en["title"] != "Digital government indicators" {
		t.Errorf("en title = %v: the theme's default should stay", en["title"])
	}
	if cfg["baseurl"] != "https://x.example.invalid/" {
		t.Errorf("baseurl = %v", cfg["baseurl"])
	}
	if _, dup := cfg["baseURL"]; dup {
		t.Error("keys must be merged case-insensitively, as Hugo reads them")
	}
	urls := cfg["security"].(map[string]any)["http"].(map[string]any)["urls"]
	if got := urls.([]any); len(got) != 1 || got[0] != "^$" {
		t.Errorf("security.http.urls = %v: a site must not reopen network access", got)
	}
	unsafe := cfg["markup"].(map[string]any)["goldmark"].(map[string]any)["renderer"].(map[string]any)["unsafe"]
	if unsafe != false {
		t.Error("raw HTML in Markdown must stay off")
	}
}

func TestBuildUsesUserLayoutsAndSkipsEditorialDir(t *testing.T) {
	src := writeSite(t, map[string]string{
		"hugo.toml":                     `baseURL = "https://x.example.invalid/"`,
		"layouts/_partials/footer.html": `<footer>Liên hệ: Văn phòng</footer>`,
		"content/gioi-thieu.md":         "---\ntitle: Giới thiệu\n---\nTrang **riêng** của huyện.\n",
		"content/bao-cao/2024-Q4.md":    "---\ntitle: X\n---\nEDITORIAL-MARKER\n",
		"static/logo.txt":               "logo",
	})
	dest := t.TempDir()
	if err := Build(t.Context(), Options{Source: src, Dest: dest, Data: minimal{}, SkipContent: []string{"bao-cao"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(read(t, dest, "index.html"), "Liên hệ: Văn phòng") {
		t.Error("the site's own footer partial did not override the theme's")
	}
	if !strings.Contains(read(t, dest, "gioi-thieu/index.html"), "<strong>riêng</strong>") {
		t.Error("a page of the site's own content/ was not built")
	}
	if got := read(t, dest, "bao-cao/2024-q4/index.html"); strings.Contains(got, "EDITORIAL-MARKER") {
		t.Error("the editorial file became a page of its own instead of being merged by minhbach")
	}
	if read(t, dest, "logo.txt") != "logo" {
		t.Error("static files of the site were not copied")
	}
	rss := read(t, dest, "index.xml")
	if !strings.Contains(rss, "<item>") || !strings.Contains(rss, "Tue, 31 Dec 2024") {
		t.Errorf("RSS should list the report dated at its period's end:\n%s", rss)
	}
}

// TestSiteConfigCannotReopenContent: a site's config may not let raw HTML
// pages or inline shortcodes (template code in content) through.
func TestSiteConfigCannotReopenContent(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"html page": {
			"hugo.toml":            "[security]\nallowContent = ['text/html', 'text/markdown']\n",
			"content/trang/a.html": "<p>x</p><script>alert(1)</script>",
		},
		"inline shortcode": {
			"hugo.toml":          "enableInlineShortcodes = true\n[security]\nenableInlineShortcodes = true\n",
			"content/trang/b.md": "---\ntitle: b\n---\n{{< now.inline >}}{{ now.Unix }}{{< /now.inline >}}\n",
		},
	} {
		t.Run(name, func(t *testing.T) {
			src := writeSite(t, files)
			dest := t.TempDir()
			err := Build(t.Context(), Options{Source: src, Dest: dest, Data: minimal{}})
			if err == nil {
				b, _ := os.ReadFile(filepath.Join(dest, "trang", "a", "index.html"))
				c, _ := os.ReadFile(filepath.Join(dest, "trang", "b", "index.html"))
				_, main, _ := strings.Cut(string(c), "<main")
				main, _, _ = strings.Cut(main, "</main>")
				if strings.Contains(string(b), "<script>") || regexp.MustCompile(`\d{9,}`).MatchString(main) {
					t.Fatalf("the site's config reopened content: %s / %s", b, main)
				}
			}
		})
	}
}

func TestBuildIsClosedToNetworkAndEnvironment(t *testing.T) {
	for name, tmpl := range map[string]string{
		"http":   `{{ with try (resources.GetRemote "https://example.invalid/x.json") }}{{ with .Err }}{{ errorf "%s" . }}{{ end }}{{ end }}`,
		"getenv": `{{ os.Getenv "HOME" }}`,
	} {
		t.Run(name, func(t *testing.T) {
			src := writeSite(t, map[string]string{"layouts/_partials/footer.html": tmpl})
			err := Build(t.Context(), Options{Source: src, Dest: t.TempDir(), Data: minimal{}})
			if err == nil || !strings.Contains(err.Error(), "access denied") {
				t.Fatalf("want an access-denied build error, got %v", err)
			}
		})
	}
}

func TestReadEditorial(t *testing.T) {
	src := writeSite(t, map[string]string{
		"content/bao-cao/2024-Q4.md":    "---\nTitle: Báo cáo quý IV\n---\n## Hạn chế\n",
		"content/bao-cao/2024-Q4.en.md": "+++\ntitle = \"Q4 report\"\n+++\n## Limitations\n",
		"content/bao-cao/2024-Q3.md":    "Chỉ có nội dung.\n",
		"content/bao-cao/_index.md":     "---\ntitle: skip\n---\n",
		"content/bao-cao/notes.txt":     "skip",
	})
	got, err := ReadEditorial(src, "bao-cao")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ file, name, lang, title, body string }{
		{"content/bao-cao/2024-Q3.md", "2024-Q3", "", "", "Chỉ có nội dung.\n"},
		{"content/bao-cao/2024-Q4.en.md", "2024-Q4", "en", "Q4 report", "## Limitations\n"},
		{"content/bao-cao/2024-Q4.md", "2024-Q4", "", "Báo cáo quý IV", "## Hạn chế\n"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d files, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		title, _ := g.Params["title"].(string)
		if g.File != w.file || g.Name != w.name || g.Lang != w.lang || title != w.title || g.Body != w.body {
			t.Errorf("file %d = %+v (title %q), want %+v", i, g, title, w)
		}
	}
	none, err := ReadEditorial(t.TempDir(), "bao-cao")
	if err != nil || none != nil {
		t.Errorf("a site without editorial text: %v, %v", none, err)
	}
}

// cancelling stands in for sitedata.Site once the build is cancelled: its
// first view cancels and refuses, as sitedata.Site's do.
type cancelling struct {
	minimal
	cancel context.CancelFunc
	ctx    context.Context
}

func (c cancelling) View(lang, path string) (any, error) {
	c.cancel()
	return nil, c.ctx.Err()
}

// TestBuildStopsWhenCancelled: Hugo takes no context, so a cancelled build
// is stopped by the page data refusing to render; Build reports the
// cancellation, not a template error.
func TestBuildStopsWhenCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	err := Build(ctx, Options{Source: writeSite(t, nil), Dest: t.TempDir(), Data: cancelling{cancel: cancel, ctx: ctx}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestWaitBuildAbandonsAStuckHugo: once Hugo has stopped itself (too many
// failed pages), a build that does not return within the grace period is
// reported as stuck rather than waited for forever; one that returns is
// not.
func TestWaitBuildAbandonsAStuckHugo(t *testing.T) {
	t.Parallel()
	stopped := make(chan bool)
	close(stopped)
	if _, stuck := waitBuild(make(chan error), stopped, 10*time.Millisecond); !stuck {
		t.Error("a build that never returns after Hugo stopped was not reported stuck")
	}
	done := make(chan error, 1)
	done <- errors.New("ten pages failed")
	if err, stuck := waitBuild(done, stopped, time.Minute); stuck || err == nil {
		t.Errorf("a build that returned: err %v, stuck %v", err, stuck)
	}
	done <- nil
	if err, stuck := waitBuild(done, make(chan bool), time.Millisecond); stuck || err != nil {
		t.Errorf("a build that was never stopped: err %v, stuck %v", err, stuck)
	}
}

// Hugo's messages never name the folder it builds in: the built-in
// theme's files are minhbach's ("minhbach:layouts/404.html"), the site's
// own relative to its folder.
func TestHugoMessagesNameTheSiteFiles(t *testing.T) {
	src := writeSite(t, map[string]string{
		"hugo.toml":                     `baseURL = "https://x.example.invalid/"`,
		"layouts/_partials/footer.html": "<footer>{{ warnf \"chú ý %s\" \"x\" }}{{ .NoSuchField }}</footer>",
	})
	var log strings.Builder
	err := Build(t.Context(), Options{Source: src, Dest: t.TempDir(), Data: minimal{}, Log: &log})
	if err == nil {
		t.Fatal("a layout asking for a missing field built")
	}
	for what, s := range map[string]string{"error": err.Error(), "log": log.String()} {
		if strings.Contains(s, root+"/") {
			t.Errorf("the %s names Hugo's folder %s:\n%s", what, root, s)
		}
	}
	// Which page fails first depends on Hugo's order of rendering: any of
	// the theme's layouts, named as minhbach's.
	if !regexp.MustCompile(`"minhbach:layouts/[a-z0-9/-]+\.html:\d+:\d+"`).MatchString(err.Error()) || !strings.Contains(err.Error(), "_partials/footer.html:1:39") {
		t.Errorf("the error names neither the theme's page layout as minhbach's nor the site's partial:\n%s", err)
	}
	if !strings.Contains(log.String(), "chú ý x") {
		t.Errorf("Hugo's warning did not reach the log:\n%s", log.String())
	}
}
