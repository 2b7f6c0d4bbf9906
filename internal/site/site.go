// Package site is the only user of Hugo. It lays out an in-memory Hugo
// project from the embedded default theme, the user's site directory and the
// files minhbach generated, and builds it into a destination directory.
package site

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/spf13/afero"
)

// theme holds the default layouts, i18n strings, CSS and the base config.
// A user's layouts/ overrides any of them file by file.
//
//go:embed all:theme
var theme embed.FS

// Options says what to build and where.
type Options struct {
	// Source is the user's site directory. Its Hugo config file (hugo.toml,
	// .yaml or .json), content/, layouts/, i18n/, static/ and assets/ are used;
	// its data/ is not (minhbach reads that and passes the result in Files).
	Source string
	// Dest is the directory the site is written to. It should be empty.
	Dest string
	// Files are generated files published as they are, keyed by a slash
	// path relative to the site root, e.g. "du-lieu/snapshots/2024-Q4.csv".
	// They are written straight into Dest after the static folders (so a
	// site's static/ cannot replace them) and before Hugo renders, never
	// staged in Hugo's in-memory file system. Build empties the map once
	// they are written: at national scale they are hundreds of megabytes,
	// which Hugo's own peak need not carry.
	Files map[string][]byte
	// Data is handed to the templates as site.Params.minhbach: the content
	// adapter asks it for the pages, each layout for its page's view model
	// (see package sitedata). Hugo calls its methods while rendering.
	Data any
	// SkipContent lists content/ subdirectories that minhbach reads itself
	// (editorial text merged into generated pages), so Hugo must not also
	// turn them into pages.
	SkipContent []string
	// Log receives Hugo's warnings; nil discards them.
	Log io.Writer
}

const (
	root      = "/site"
	themeName = "minhbach"
)

// userDirs are the parts of a user's site directory Hugo may see.
var userDirs = []string{"content", "layouts", "i18n", "static", "assets"}

// configNames are the Hugo config file names we accept, in Hugo's order.
var configNames = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"}

// Inputs lists the folders and files of a site directory that a build
// reads (besides data/), so publishing can refuse to overwrite them.
func Inputs() []string { return append(slices.Clone(userDirs), configNames...) }

// Build lays out the project and runs Hugo once.
//
// Hugo's build takes no context: cancelling ctx makes the page data
// (Options.Data) refuse to render, which stops Hugo at the next page.
func Build(ctx context.Context, opt Options) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	dest, err := filepath.Abs(opt.Dest)
	if err != nil {
		return err
	}
	mem := afero.NewMemMapFs()
	if err := stage(mem, opt); err != nil {
		return err
	}

	// Hugo logs template errors and returns only a count: keep the log so
	// the error we return says what went wrong.
	var logged bytes.Buffer
	logOut := io.Writer(&logged)
	if opt.Log != nil {
		logOut = io.MultiWriter(opt.Log, &logged)
	}
	logOut = sitePaths{logOut}
	logger := loggers.New(loggers.Options{
		Level:         logg.LevelWarn,
		StdOut:        logOut,
		StdErr:        logOut,
		DistinctLevel: logg.LevelWarn,
	})

	flags := config.New()
	flags.Set("workingDir", root)
	flags.Set("publishDir", dest)
	// We hold our own lock around the whole publish; Hugo's would only
	// guard the in-memory tree.
	flags.Set("noBuildLock", true)
	if opt.Data != nil {
		flags.Set("params.minhbach", opt.Data)
	}

	res, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:      mem,
		Flags:   flags,
		Logger:  logger,
		Environ: []string{}, // the build must not depend on HUGO_* variables of the machine
	})
	if err != nil {
		return msgConfig.Err(err)
	}
	if err := copyStatic(mem, dest); err != nil {
		return err
	}
	if err := writeFiles(dest, opt.Files); err != nil {
		return err
	}
	clear(opt.Files)
	hfs := hugofs.NewFromSourceAndDestination(mem, afero.NewOsFs(), res.LoadingInfo.Cfg)
	hs, err := hugolib.NewHugoSites(deps.DepsCfg{Configs: res, Fs: hfs, LogLevel: logger.Level(), StdErr: logOut})
	if err != nil {
		return msgStart.Err(err)
	}
	done := make(chan error, 1)
	go func() { done <- hs.Build(hugolib.BuildCfg{}) }()
	err, stuck := waitBuild(done, hs.Done(), stuckAfter)
	if stuck {
		// Hugo is deadlocked: closing it would wait for it too. Its
		// goroutines are left behind; the command ends soon after.
		return msgStuck.Err(detail(&logged))
	}
	defer hs.Close()
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return msgBuild.Err(errors.New(sitePath(err.Error())), detail(&logged))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if n := logger.LoggCount(logg.LevelError); n > 0 {
		return msgHugoErrors.Err(n, detail(&logged))
	}
	return nil
}

// sitePath names the files of Hugo's messages as the staff know them: a
// site's own file relative to its folder ("layouts/_partials/x.html",
// not "/site/layouts/…"), a file of the built-in theme as minhbach's
// ("minhbach:layouts/home.html", not "/site/themes/minhbach/…").
func sitePath(s string) string {
	s = strings.ReplaceAll(s, path.Join(root, "themes", themeName)+"/", themeName+":")
	return strings.ReplaceAll(s, root+"/", "")
}

// sitePaths rewrites Hugo's log lines with sitePath. Hugo writes each
// message in one call.
type sitePaths struct{ w io.Writer }

func (p sitePaths) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, sitePath(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}

// writeFiles writes the generated files into dest, in a fixed order.
func writeFiles(dest string, files map[string][]byte) error {
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if !fs.ValidPath(name) {
			return fmt.Errorf("site: generated file %q: not a clean relative path", name)
		}
		if err := writeOut(dest, name, files[name]); err != nil {
			return err
		}
	}
	return nil
}

// writeOut writes a file of the site at its slash path under dest.
func writeOut(dest, name string, b []byte) error {
	out := filepath.Join(dest, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

// detail returns Hugo's logged lines, indented, to follow an error.
func detail(log *bytes.Buffer) string {
	s := strings.TrimSpace(log.String())
	if s == "" {
		return ""
	}
	return ":\n  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// copyStatic copies the theme's static files, then the project's (the
// user's and the generated ones, which were written over the user's), into
// dest. Hugo's library build renders pages only; copying static files is
// the command line's job, which we do not use.
func copyStatic(mem afero.Fs, dest string) error {
	for _, dir := range []string{path.Join(root, "themes", themeName, "static"), path.Join(root, "static")} {
		err := afero.Walk(mem, dir, func(p string, info fs.FileInfo, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == dir {
					return nil
				}
				return err
			}
			if info.IsDir() {
				return nil
			}
			b, err := afero.ReadFile(mem, p)
			if err != nil {
				return err
			}
			return writeOut(dest, strings.TrimPrefix(p, dir+"/"), b)
		})
		if err != nil {
			return msgStatic.Err(err)
		}
	}
	return nil
}

// stage writes the whole Hugo project into mem.
func stage(mem afero.Fs, opt Options) error {
	// The default theme.
	err := fs.WalkDir(theme, "theme", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := theme.ReadFile(p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "theme/")
		if rel == "hugo.toml" {
			return nil // merged below, not used as a theme config
		}
		return write(mem, path.Join(root, "themes", themeName, rel), b)
	})
	if err != nil {
		return err
	}

	// The user's directories.
	for _, dir := range userDirs {
		src := filepath.Join(opt.Source, dir)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == src {
					return nil
				}
				return err
			}
			rel, _ := filepath.Rel(opt.Source, p)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				if dir == "content" && slices.Contains(opt.SkipContent, strings.TrimPrefix(rel, "content/")) {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil // no symlinks or devices: the site tree is what it looks like
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return write(mem, path.Join(root, rel), b)
		})
		if err != nil {
			return msgReadSite.Err(err)
		}
	}

	cfg, err := mergedConfig(opt.Source)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return err
	}
	return write(mem, path.Join(root, "hugo.json"), b)
}

func write(mem afero.Fs, name string, b []byte) error {
	if err := mem.MkdirAll(path.Dir(name), 0o755); err != nil {
		return err
	}
	return afero.WriteFile(mem, name, b, 0o644)
}

// mergedConfig returns the theme's base config, overlaid with the user's
// config, overlaid with the settings minhbach never lets a site change
// (security, raw HTML off, theme).
func mergedConfig(source string) (map[string]any, error) {
	base, err := theme.ReadFile("theme/hugo.toml")
	if err != nil {
		return nil, err
	}
	themeCfg, err := metadecoders.Default.UnmarshalToMap(base, metadecoders.TOML)
	if err != nil {
		return nil, fmt.Errorf("theme config: %w", err)
	}
	cfg := map[string]any{}
	merge(cfg, themeCfg)
	for _, name := range configNames {
		b, err := os.ReadFile(filepath.Join(source, name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		user, err := metadecoders.Default.UnmarshalToMap(b, metadecoders.FormatFromString(path.Ext(name)))
		if err != nil {
			return nil, msgUserConfig.Err(name, err)
		}
		merge(cfg, user)
		break
	}
	merge(cfg, forced())
	return cfg, nil
}

// forced are settings a site config cannot change: the build reads no
// network and runs no programs, raw HTML in Markdown stays off, and the
// theme is ours.
func forced() map[string]any {
	return map[string]any{
		"theme":                  themeName,
		"enableInlineShortcodes": false, // the pre-0.145 key, in case an old config sets it
		"security": map[string]any{
			// Markdown only: an .html content file would be published as is,
			// script and all, and inline shortcodes run template code.
			"allowContent":           []any{"^text/markdown$"},
			"enableInlineShortcodes": false,
			"exec":                   map[string]any{"allow": []any{"^$"}, "osEnv": []any{"^$"}},
			"funcs":                  map[string]any{"getenv": []any{"^$"}},
			"http":                   map[string]any{"urls": []any{"^$"}, "methods": []any{"^$"}},
		},
		"markup": map[string]any{
			"goldmark": map[string]any{"renderer": map[string]any{"unsafe": false}},
		},
		// Hugo's warning names the page by the theme's content adapter
		// (/site/themes/minhbach/content/_content.gotmpl), in English; the
		// build says it instead, at the line of the staff's own file
		// (build.EditorialWarnings).
		"ignoreLogs": []any{"warning-goldmark-raw-html"},
	}
}

// merge copies src into dst, descending into maps so that a user setting
// one language's title keeps the theme's other language settings. Keys are
// compared lower-cased, as Hugo does (baseURL = baseurl).
func merge(dst, src map[string]any) {
	for _, k0 := range slices.Sorted(maps.Keys(src)) {
		sv, k := src[k0], strings.ToLower(k0)
		if sm, ok := sv.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				merge(dm, sm)
				continue
			}
			cp := map[string]any{}
			merge(cp, sm)
			dst[k] = cp
			continue
		}
		dst[k] = sv
	}
}

// Hugo v0.165.0 stops its render workers once 10 pages have failed, and
// the loop handing out pages can then wait for a worker forever: a typo in
// one layout override could hang a build. Once Hugo has stopped itself,
// its build is given stuckAfter to return before it is abandoned.
const stuckAfter = 30 * time.Second

// waitBuild waits for Hugo's build to end, and reports stuck when Hugo
// stopped itself (stopped closed) and the build did not end grace later.
func waitBuild(done <-chan error, stopped <-chan bool, grace time.Duration) (err error, stuck bool) {
	select {
	case err := <-done:
		return err, false
	case <-stopped:
	}
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case err := <-done:
		return err, false
	case <-t.C:
		return nil, true
	}
}
