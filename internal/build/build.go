// Package build runs the pipeline: load → validate → analyse → export and
// chart → site → publish. It is the only package that knows the order of
// the stages; each stage knows nothing of the others' inputs.
package build

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/budget"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/echartsjs"
	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/ledger"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/ogimage"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/progress"
	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/route"
	"github.com/minhbach/minhbach/internal/site"
	"github.com/minhbach/minhbach/internal/sitedata"
	"github.com/minhbach/minhbach/internal/validate"
)

// Options configure a check or a build.
type Options struct {
	Source string    // the site directory: data/, content/, layouts/, hugo.toml
	Dest   string    // where the site is published; default Source/public
	Today  time.Time // the clock, injected: periods that have not started are errors
	Log    io.Writer // Hugo's warnings; nil discards them

	// Target is where the site is published; nil is the folder Dest,
	// swapped in whole (publish.Folder).
	Target publish.Target
	// History is the ledger folder (see package ledger); default
	// Source/history. Every build compares with the release it records
	// as live.
	History string
	// Record writes the release into History once it is live: only a
	// publish does. A build that leaves it false (build --draft, a
	// preview server) reads the history but never changes it.
	Record bool
	// Progress shows the steps on a terminal; nil shows nothing.
	Progress *progress.Line
	// Preview is a build for minhbach serve: the share images (Open
	// Graph), which only social networks fetch, are not drawn (they were
	// a third of a rebuild's time), and the pages' weight is not measured
	// against the budget (gzip of every page, a tenth of what is left):
	// it fails only a publish, which measures it, and build --draft and
	// check before it.
	Preview bool
	// Cache keeps work between the builds of one process, a preview's:
	// the indicator workbooks whose figures did not change (export.Cache).
	// Nil keeps nothing.
	Cache *export.Cache
}

// Result describes a finished build.
type Result struct {
	Dest      string
	Pages     int // generated pages, every language
	Files     int // files written
	Bytes     int64
	Downloads int
	Release   string // its release id (see publish.ReleaseID)
	// DataRelease is the id of its release of the data (see
	// export.Release), for a build that records one.
	DataRelease string
	Compared    Compared      // what it was compared with
	Recorded    bool          // the ledger now records it
	Budget      budget.Report // the pages' weight
	Limits      budget.Limits // and the site's budget
	// Warnings are what the build says without failing: raw HTML in the
	// staff's text, left out of the pages (EditorialWarnings).
	Warnings []*diag.Error
}

// historyDir is the ledger folder of opt, and its name in messages.
func historyDir(opt Options) (dir, shown string) {
	if opt.History != "" {
		return opt.History, filepath.ToSlash(opt.History)
	}
	return filepath.Join(opt.Source, ledger.Dir), ledger.Dir
}

// EditorialDir is the content/ folder whose Markdown files are merged into
// the generated report of their period (2024-Q4.md, 2024-Q4.en.md).
const EditorialDir = string(route.Reports)

// GeneratedKey is the editorial front matter key that says what happens to
// the generated summary: "keep" (the default) or "replace".
const GeneratedKey = "generated"

// Inputs lists the folders and files of a site directory that a build
// reads, relative to it: publishing never overwrites them, and a preview
// rebuilds when one changes.
func Inputs() []string { return append([]string{"data"}, site.Inputs()...) }

// Check loads and validates the site's data and editorial text, reporting
// every problem at once. The Analysis is nil when there is any problem.
func Check(ctx context.Context, opt Options) (*analyse.Analysis, []sitedata.Editorial, error) {
	fsys := os.DirFS(opt.Source)
	var problems diag.List
	opt.Progress.Step(progress.Load)
	ds, err := load.Dataset(fsys)
	if err := collect(&problems, err); err != nil {
		return nil, nil, err
	}
	if ds != nil {
		err = validate.Dataset(ds, validate.Options{Today: opt.Today})
		if err := collect(&problems, err); err != nil {
			return nil, nil, err
		}
	}
	var eds []sitedata.Editorial
	if ds != nil {
		eds, err = editorial(opt.Source, ds, &problems)
		if err != nil {
			return nil, nil, err
		}
	}
	if err := problems.Err(); err != nil {
		return nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	opt.Progress.Step(progress.Analyse)
	return analyse.Run(ds), eds, nil
}

// collect moves positioned problems from err into l, and returns err when
// it holds anything else (an I/O failure rather than bad data).
func collect(l *diag.List, err error) error {
	if err == nil {
		return nil
	}
	all := diag.All(err)
	if len(all) == 0 {
		return err
	}
	for _, e := range all {
		l.Add(e)
	}
	return nil
}

// editorial reads content/bao-cao/*.md and checks each names a period that
// has a snapshot and a language the site has.
func editorial(src string, ds *model.Dataset, problems *diag.List) ([]sitedata.Editorial, error) {
	files, err := site.ReadEditorial(src, EditorialDir)
	if err != nil {
		return nil, err
	}
	have := map[period.Period]bool{}
	for _, s := range ds.Snapshots {
		have[s.Period] = true
	}
	var out []sitedata.Editorial
	type key struct {
		p    period.Period
		lang model.Lang
	}
	seen := map[key]string{}
	for _, f := range files {
		pos := diag.Position{File: f.File}
		p, err := period.Parse(f.Name)
		if err != nil {
			problems.Addf(pos, diag.CodeSource, msgNotPeriod)
			continue
		}
		if !have[p] {
			problems.Addf(pos, diag.CodeForeignKey, msgNoSnapshot, p, p)
			continue
		}
		lang := model.VI
		switch f.Lang {
		case "", "vi":
		case "en":
			lang = model.EN
		default:
			problems.Addf(pos, diag.CodeSource, msgUnknownLang, f.Lang, p, p)
			continue
		}
		// 2024-Q4.md and 2024-Q4.vi.md are both the Vietnamese text: one
		// would silently hide the other.
		if other, dup := seen[key{p, lang}]; dup {
			problems.Addf(pos, diag.CodePrimaryKey, msgDupEditorial, other)
			continue
		}
		seen[key{p, lang}] = f.File
		title, _ := f.Params["title"].(string)
		// "generated: replace" puts the staff's text in place of the
		// generated summary; the key is not Hugo's own "summary".
		replace := false
		switch g := f.Params[GeneratedKey]; g {
		case nil, "keep":
		case "replace":
			replace = true
		default:
			problems.Addf(pos, diag.CodeSource, msgGenerated, GeneratedKey, fmt.Sprint(g), GeneratedKey)
			continue
		}
		out = append(out, sitedata.Editorial{Period: p, Lang: lang, Title: title, Body: f.Body, File: f.File, Line: f.Line, Replace: replace})
	}
	return out, nil
}

// Site checks the data, then builds and publishes the site. Nothing is
// published unless every stage succeeds: the previous site stays as it was.
// With opt.Record, the release is then recorded in the ledger.
//
// Cancelling ctx (Ctrl-C) stops the build before it publishes anything.
func Site(ctx context.Context, opt Options) (Result, error) {
	a, eds, err := Check(ctx, opt)
	if err != nil {
		return Result{}, err
	}
	dest := opt.Dest
	if dest == "" {
		dest = filepath.Join(opt.Source, "public")
	}
	hdir, shown := historyDir(opt)
	protect := []string{hdir}
	for _, in := range Inputs() {
		protect = append(protect, filepath.Join(opt.Source, in))
	}
	settings, err := site.ReadSettings(opt.Source)
	if err != nil {
		return Result{}, err
	}
	about := export.About{Title: settings.Title, Licence: settings.Licence, BaseURL: settings.BaseURL}
	dl := downloadOptions(opt.Today, settings)
	dl.Cache = opt.Cache
	defer opt.Cache.Sweep()
	target := opt.Target
	if target == nil {
		target = publish.Folder{Dest: dest, Opt: publish.Options{Protect: protect}}
	}
	if opt.Record {
		// Two publishes of one site must not interleave their records.
		lease, err := publish.Lock(hdir)
		if err != nil {
			return Result{}, err
		}
		defer lease.Unlock()
	}
	led, err := ledger.Read(ctx, hdir, shown)
	if err != nil {
		return Result{}, err
	}
	res := Result{Dest: target.String(), Warnings: EditorialWarnings(eds)}
	var staged *ledger.Staged
	defer func() { staged.Drop() }()
	res.Release, err = target.Publish(ctx, opt.Today, func(tmp string, live publish.Live) error {
		// Under the target's lock: the release compared with is the one
		// replaced.
		prev, compared, err := base(led, live, opt.Record)
		if err != nil {
			return err
		}
		res.Compared = compared
		opt.Progress.Step(progress.Downloads)
		into := Into{Dir: tmp, About: about, Threshold: settings.Threshold, NoPreviews: opt.Preview}
		if into.Releases, err = keptReleases(ctx, led); err != nil {
			return err
		}
		if opt.Record {
			into.Release = opt.Today
		}
		g, err := Generate(ctx, os.DirFS(opt.Source), a, eds, prev, dl, into)
		if err != nil {
			return err
		}
		res.Downloads, res.DataRelease = g.Downloads, g.Release
		opt.Progress.Step(progress.Render)
		stop := countPages(opt.Progress, g.Site)
		err = site.Build(ctx, site.Options{Source: opt.Source, Dest: tmp, Files: g.Files, Data: g.Site, SkipContent: []string{EditorialDir}, Log: opt.Log})
		stop()
		if err != nil {
			return err
		}
		res.Limits = settings.Budget
		if !opt.Preview {
			if res.Budget, err = budget.Measure(tmp, settings.BaseURL, settings.Budget); err != nil {
				return err
			}
			if err := res.Budget.Check(settings.Budget); err != nil {
				return err
			}
		}
		opt.Progress.Step(progress.Publish)
		if opt.Record {
			// The zip the release served, copied beside the history
			// before the switch: after it, tmp may be gone (S3).
			if staged, err = led.Stage(ctx, filepath.Join(tmp, filepath.FromSlash(route.Bundle))); err != nil {
				return err
			}
		}
		return tally(tmp, &res)
	})
	if err != nil {
		return Result{}, err
	}
	if opt.Record {
		// After the switch: a publish killed in between is compared with
		// the release before it next time, which finds the same
		// corrections again, rather than with one never live.
		r := ledger.Release{ID: res.Release, Date: opt.Today, Latest: a.Latest().String(), Pages: res.Pages}
		if err := led.Record(context.WithoutCancel(ctx), r, staged); err != nil {
			return res, err
		}
		res.Recorded = true
	}
	return res, nil
}

// countPages draws the pages rendered so far on the progress line, ten
// times a second, until stop is called.
func countPages(p *progress.Line, s *sitedata.Site) (stop func()) {
	if p == nil {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				p.Count(s.Rendered())
			}
		}
	})
	return func() { close(done); wg.Wait() }
}

// Generated is what the build hands Hugo: the pages' data and the files.
type Generated struct {
	Site      *sitedata.Site    // the pages and their view models, made as Hugo renders
	Files     map[string][]byte // the downloads and the vendored chart library, by path in the site
	Downloads int
	Release   string // the id of this build's release of the data; "" for none
}

// Into is where Generate writes the one download too large to hold in
// memory (the zip of all downloads), and what the downloads say of their
// publisher.
type Into struct {
	Dir       string // the folder the site is built in
	About     export.About
	Threshold float64 // the site's reporting threshold (site.Settings)
	// NoPreviews leaves out the share images (Options.Preview).
	NoPreviews bool
	// Releases are the releases of the data the history keeps, oldest
	// first: every build serves them again, byte for byte.
	Releases []export.Release
	// Release, when set, is the date this build is published at: it is
	// then a release of the data too. Zero for a draft or a preview,
	// which make none.
	Release time.Time
}

// Generate makes the downloads, compares them with the previous build, and
// prepares the pages' data.
func Generate(ctx context.Context, fsys fs.FS, a *analyse.Analysis, eds []sitedata.Editorial, prev Previous, dl export.Options, into Into) (Generated, error) {
	downloads, err := export.Files(ctx, fsys, a, dl)
	if err != nil {
		return Generated{}, fmt.Errorf("downloads: %w", err)
	}
	rev := export.Revise(a, prev.Figures, prev.Corrections)
	if prev.Damaged != nil {
		if rev.PreviousErr != nil {
			return Generated{}, prev.Damaged(ledger.FiguresFile, rev.PreviousErr)
		}
		if rev.ErrataErr != nil {
			return Generated{}, prev.Damaged(ledger.CorrectionsFile, rev.ErrataErr)
		}
	}
	downloads = append(downloads, export.CorrectionsFiles(rev.Errata, a)...)
	if downloads, err = machineReadable(ctx, fsys, a, downloads, into); err != nil {
		return Generated{}, fmt.Errorf("downloads: %w", err)
	}
	releases, current, err := writeReleases(ctx, a, downloads, into)
	if err != nil {
		return Generated{}, fmt.Errorf("releases: %w", err)
	}
	g := Generated{
		Site: sitedata.New(ctx, sitedata.Input{Analysis: a, Editorial: eds, Downloads: downloads, Revisions: rev, About: into.About,
			Releases: releases, Threshold: into.Threshold}),
		Files:     map[string][]byte{},
		Downloads: len(downloads),
	}
	g.Release = current
	for i := range downloads {
		// The bytes live in Files only, which site.Build empties once they
		// are written; the page data keeps the size and checksum. The zip
		// is already on disk.
		if downloads[i].Data != nil {
			g.Files[downloads[i].Path] = downloads[i].Data
		}
		downloads[i].Data = nil
	}
	for _, lang := range model.Langs {
		ix, err := g.Site.SearchIndex(string(lang))
		if err != nil {
			return Generated{}, err
		}
		g.Files[route.InLang(string(lang), route.SearchIndex)] = ix
		if into.NoPreviews {
			continue
		}
		if err := previews(g, lang, into.About.Title.In(lang)); err != nil {
			return Generated{}, err
		}
	}
	for _, f := range echartsjs.Files() {
		b, err := echartsjs.FS.ReadFile(f.Name)
		if err != nil {
			return Generated{}, err
		}
		name := path.Join("vendor", "echarts", f.Name)
		if f.Name == "charts.js" {
			name = path.Join("js", "charts.js")
		}
		g.Files[name] = b
	}
	return g, nil
}

// downloadOptions are what the downloads say of themselves: the site's
// title and licence per language, and the day of the build (the day only,
// so two builds of one day give the same bytes).
func downloadOptions(today time.Time, s site.Settings) export.Options {
	dl := export.Options{Built: today.UTC().Truncate(24 * time.Hour), Sites: map[model.Lang]export.Meta{}}
	for _, lang := range model.Langs {
		dl.Sites[lang] = export.Meta{Title: s.Title.In(lang), Licence: s.Licence.In(lang)}
	}
	return dl
}

// machineReadable adds to the downloads the JSON of each indicator, the
// data packages that describe the CSVs of each data folder, the zip of
// them all (written to into.Dir) and, last, each data folder's
// SHA256SUMS.
func machineReadable(ctx context.Context, fsys fs.FS, a *analyse.Analysis, downloads []export.File, into Into) ([]export.File, error) {
	jsons, err := export.JSONFiles(a)
	if err != nil {
		return nil, err
	}
	downloads = append(downloads, jsons...)
	dps, err := export.DataPackages(downloads, a, into.About)
	if err != nil {
		return nil, err
	}
	downloads = append(downloads, dps...)
	zip, err := export.Bundle(ctx, into.Dir, downloads, fsys)
	if err != nil {
		return nil, err
	}
	downloads = append(downloads, zip)
	return append(downloads, export.Checksums(downloads)...), nil
}

// tally counts what the build wrote.
func tally(dir string, res *Result) error {
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		res.Files++
		res.Bytes += info.Size()
		if publish.IsPage(p) {
			res.Pages++
		}
		return nil
	})
}

// previews draws the preview images of a language's pages (Open Graph):
// the site's and each indicator's, on every core (about 25 ms each).
func previews(g Generated, lang model.Lang, title string) error {
	cards, err := g.Site.Previews(string(lang), title)
	if err != nil {
		return err
	}
	paths := slices.Sorted(maps.Keys(cards))
	out := make([][]byte, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range paths {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i], errs[i] = ogimage.PNG(cards[p])
		})
	}
	wg.Wait()
	for i, p := range paths {
		if errs[i] != nil {
			return fmt.Errorf("%s: %w", p, errs[i])
		}
		g.Files[p] = out[i]
	}
	return nil
}
