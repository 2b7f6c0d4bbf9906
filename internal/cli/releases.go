package cli

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/publish/gocloud"
)

// targetFlags are the flags of publish and rollback that choose and
// drive the target.
type targetFlags struct {
	to, src   string
	keep      int
	dryRun    bool
	breakLock bool
}

// releasesTarget turns --to into a target of kept releases: a folder on
// this machine (releases/ and a current link), or object storage
// (package gocloud): s3://bucket?…, or file:///path, a folder in the
// bucket's layout through the same code, to try an S3 layout on this
// computer or write to a mounted bucket. plan, when set, receives what a
// bucket publish changes; a lock removed (--break-lock) is said on env's
// stderr.
func releasesTarget(env Env, lang string, f targetFlags, plan *gocloud.Plan) (publish.Kept, error) {
	to, src, keep, dryRun := f.to, f.src, f.keep, f.dryRun
	if to == "" {
		return nil, usageError{msgNoTo.Err()}
	}
	if keep < 1 {
		return nil, usageError{msgKeep.Err(keep)}
	}
	if u, err := url.Parse(to); err == nil && len(u.Scheme) > 1 {
		switch u.Scheme {
		case "s3", "file":
			return gocloud.Bucket{URL: to, Keep: keep, DryRun: dryRun, Plan: plan, Source: src,
				BreakLock: f.breakLock, Broke: func(t msg.Text) { fmt.Fprintln(env.Stderr, t.In(lang)) }}, nil
		default:
			return nil, usageError{msgScheme.Err(u.Scheme)}
		}
	}
	if dryRun {
		return nil, usageError{msgDryRunFolder.Err()}
	}
	if f.breakLock {
		return nil, usageError{msgBreakLockFolder.Err()}
	}
	return publish.Releases{Root: to, Keep: keep, Source: src}, nil
}

func newPublish(env Env) *cobra.Command {
	var f targetFlags
	var opt reportOptions
	cmd := &cobra.Command{
		Use:   "publish [--site DIR] --to TARGET [--keep N] [--dry-run] [--break-lock]",
		Short: "Check the data and publish the site as a new release, keeping earlier ones",
		Long: `publish checks the data, builds the site into TARGET/releases/<id>/ and then
switches the link TARGET/current to it in one step: point the web server at
TARGET/current. The last N releases are kept (--keep, default 5) for
rollback; the release is recorded in the site's publishing history
(history/), and the what-changed page compares with the release live at
TARGET. TARGET must exist; it may not be inside the site folder.

TARGET may also be object storage: s3://BUCKET?endpoint=URL&region=R&use_path_style=true
(any S3-compatible server; credentials from AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY), or file:///PATH, a folder laid out as a bucket is
(the site at its top, no releases/ or current link), through the same code:
to try the bucket layout on this computer, or a mounted bucket. Only the files that changed are uploaded, assets
first and pages last, then files no longer in the site are deleted; kept
releases are recorded under _minhbach/ in the bucket. --dry-run lists what
would be uploaded and deleted, and changes nothing. While a publish runs,
the bucket is locked (_minhbach/lock says which computer and since when);
a lock left by a publish that stopped half way on another computer is
removed by --break-lock, after saying whose it is.

The id of a release is its date and time (UTC) and the start of a checksum
of its files, e.g. 20250301-000000-3fa2b1c4d5e6.`,
		Example: "  minhbach publish --to /var/www/cho-don\n  minhbach publish --site ../cho-don --to /srv/web/cho-don --keep 10",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var plan gocloud.Plan
			target, err := releasesTarget(env, opt.Lang, f, &plan)
			if err != nil {
				return err
			}
			start := time.Now()
			prog := progressOf(env, opt)
			res, err := build.Site(cmd.Context(), build.Options{Source: f.src, Today: env.Now(), Log: hugoLog(env, opt),
				Target: target, Record: !f.dryRun, Progress: prog})
			prog.Done()
			if err != nil {
				return err
			}
			if _, ok := target.(gocloud.Bucket); ok {
				return uploaded(env, opt, f.src, res, plan, f.dryRun, start)
			}
			return published(env, opt, f.src, res, start)
		},
	}
	cmd.Flags().StringVar(&f.src, "site", ".", "the site folder (with data/, and optionally content/, layouts/, hugo.toml)")
	cmd.Flags().StringVar(&f.to, "to", "", "the folder to publish to (its current link is what the web server serves), or s3://BUCKET?endpoint=…, or file:///PATH (a bucket's layout)")
	cmd.Flags().IntVar(&f.keep, "keep", publish.DefaultKeep, "how many releases to keep, the live one included")
	cmd.Flags().BoolVar(&f.dryRun, "dry-run", false, "object storage: list what would be uploaded and deleted, and change nothing")
	addBreakLock(cmd, &f)
	addReportFlags(cmd, &opt)
	addProgressFlags(cmd, &opt)
	return cmd
}

// addBreakLock adds --break-lock.
func addBreakLock(cmd *cobra.Command, f *targetFlags) {
	cmd.Flags().BoolVar(&f.breakLock, "break-lock", false, "object storage: remove the lock left by a publish that stopped half way on another computer (said whose first)")
}

func newRollback(env Env) *cobra.Command {
	var f targetFlags
	var release string
	var opt reportOptions
	cmd := &cobra.Command{
		Use:   "rollback --to TARGET [--release ID] [--site DIR] [--break-lock]",
		Short: "Make an earlier release live again",
		Long: `rollback switches TARGET/current back to a kept release in one step: the
one before the live release, or --release ID (see minhbach releases). The
release's files are checked against its id first. On object storage
(s3://…, file://…) the release is uploaded again from the copies kept in the bucket. The rollback is recorded
in the site's publishing history, so the next publish compares with the
release now live and carries its errata forward.`,
		Example: "  minhbach rollback --to /var/www/cho-don\n  minhbach rollback --to /var/www/cho-don --release 20250301-000000-3fa2b1c4d5e6",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f.keep = publish.DefaultKeep
			target, err := releasesTarget(env, opt.Lang, f, nil)
			if err != nil {
				return err
			}
			from, now, err := build.Rollback(cmd.Context(), build.RollbackOptions{Source: f.src, Target: target, Release: release, Today: env.Now()})
			if err != nil {
				return err
			}
			if opt.Format == "json" {
				writeJSON(env.Stdout, jsonReport{OK: true, Problems: []jsonProblem{}, Live: &jsonLive{Release: now, Previous: from}})
				return nil
			}
			say(env.Stdout, opt.Lang, msgRolledBack, now, target.String(), from)
			return nil
		},
	}
	cmd.Flags().StringVar(&f.src, "site", ".", "the site folder, whose history/ records the rollback")
	cmd.Flags().StringVar(&f.to, "to", "", "the folder published to")
	cmd.Flags().StringVar(&release, "release", "", "the release to make live (default: the one before the live one)")
	addBreakLock(cmd, &f)
	addReportFlags(cmd, &opt)
	return cmd
}

func newReleases(env Env) *cobra.Command {
	var to string
	var opt reportOptions
	cmd := &cobra.Command{
		Use:   "releases --to TARGET",
		Short: "List the releases kept at a target",
		Long: `releases lists the releases kept in TARGET/releases/, oldest first, with
the date they were published, their id, their number of pages and the
SHA-256 of their figures file (the same for the same figures). The live
one is marked with *.`,
		Example: "  minhbach releases --to /var/www/cho-don",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			target, err := releasesTarget(env, opt.Lang, targetFlags{to: to, keep: publish.DefaultKeep}, nil)
			if err != nil {
				return err
			}
			list, err := build.Releases(cmd.Context(), target)
			if err != nil {
				return err
			}
			if opt.Format == "json" {
				r := jsonReport{OK: true, Problems: []jsonProblem{}, Releases: []jsonRelease{}}
				for _, l := range list {
					r.Releases = append(r.Releases, jsonRelease{ID: l.ID, Date: l.Date.Format(time.RFC3339), Live: l.Live, Pages: l.Pages, Data: l.Data})
				}
				writeJSON(env.Stdout, r)
				return nil
			}
			if len(list) == 0 {
				say(env.Stdout, opt.Lang, msgNoReleases, target.String())
				return nil
			}
			fmt.Fprintln(env.Stdout, msgReleasesHead.With().In(opt.Lang))
			for _, l := range list {
				mark := " "
				if l.Live {
					mark = "*"
				}
				fmt.Fprintf(env.Stdout, "%s %-10s %s  %s  %6d  %s\n", mark,
					locale.Day(l.Date).In(opt.Lang), l.Date.Format("15:04"), l.ID, l.Pages, strings.TrimSpace(l.Data))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&to, "to", "", "the folder published to")
	addReportFlags(cmd, &opt)
	return cmd
}

type jsonLive struct {
	Release  string `json:"release"`
	Previous string `json:"previous"`
}

type jsonRelease struct {
	ID    string `json:"id"`
	Date  string `json:"date"`
	Live  bool   `json:"live"`
	Pages int    `json:"pages"`
	Data  string `json:"data_sha256"`
}

// uploaded reports a publish to object storage: what it built and what it
// uploaded, kept and deleted (with --dry-run: would).
func uploaded(env Env, opt reportOptions, src string, res build.Result, plan gocloud.Plan, dryRun bool, start time.Time) error {
	if opt.Format == "json" {
		writeJSON(env.Stdout, jsonReport{OK: true, Problems: []jsonProblem{}, Published: &jsonPublished{
			Dest: res.Dest, Pages: res.Pages, Downloads: res.Downloads, Files: res.Files, Bytes: res.Bytes,
			Release: res.Release, Compared: res.Compared.Release, Recorded: res.Recorded,
			Upload: plan.Upload, Unchanged: plan.Unchanged, Delete: plan.Delete, DryRun: dryRun}})
		return nil
	}
	if dryRun {
		for _, p := range plan.Upload {
			fmt.Fprintln(env.Stdout, "+", p)
		}
		for _, p := range plan.Delete {
			fmt.Fprintln(env.Stdout, "-", p)
		}
		say(env.Stdout, opt.Lang, msgWouldUpload, len(plan.Upload), locale.Size(plan.Bytes), plan.Unchanged, len(plan.Delete), res.Dest)
		return nil
	}
	if err := published(env, opt, src, res, start); err != nil {
		return err
	}
	say(env.Stdout, opt.Lang, msgUploaded, len(plan.Upload), locale.Size(plan.Bytes), plan.Unchanged, len(plan.Delete), locale.Duration(plan.Took))
	return nil
}
