package cli

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/publish"
)

// releasesTarget turns --to into a target of kept releases: a folder on
// this machine (or file:///path). Object storage (s3://bucket?endpoint=…)
// is a Target of its own, not built in yet.
func releasesTarget(to, src string, keep int) (publish.Releases, error) {
	if to == "" {
		return publish.Releases{}, usageError{msgNoTo.Err()}
	}
	if u, err := url.Parse(to); err == nil && len(u.Scheme) > 1 {
		if u.Scheme != "file" {
			return publish.Releases{}, usageError{msgScheme.Err(u.Scheme)}
		}
		to = u.Path
	}
	if keep < 1 {
		return publish.Releases{}, usageError{msgKeep.Err(keep)}
	}
	return publish.Releases{Root: to, Keep: keep, Source: src}, nil
}

func newPublish(env Env) *cobra.Command {
	var src, to string
	var keep int
	var opt reportOptions
	cmd := &cobra.Command{
		Use:   "publish [--source DIR] --to TARGET [--keep N]",
		Short: "Check the data and publish the site as a new release, keeping earlier ones",
		Long: `publish checks the data, builds the site into TARGET/releases/<id>/ and then
switches the link TARGET/current to it in one step: point the web server at
TARGET/current. The last N releases are kept (--keep, default 5) for
rollback; the release is recorded in the site's publishing history
(history/), and the what-changed page compares with the release live at
TARGET. TARGET must exist; it may not be inside the site folder.

The id of a release is its date and time (UTC) and the start of a checksum
of its files, e.g. 20250301-000000-3fa2b1c4d5e6.`,
		Example: "  minhbach publish --to /var/www/cho-don\n  minhbach publish --source ../cho-don --to /srv/web/cho-don --keep 10",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			target, err := releasesTarget(to, src, keep)
			if err != nil {
				return err
			}
			start := time.Now()
			prog := progressOf(env, opt)
			res, err := build.Site(cmd.Context(), build.Options{Source: src, Today: env.Now(), Log: hugoLog(env, opt),
				Target: target, Record: true, Keep: keep, Progress: prog})
			prog.Done()
			if err != nil {
				return err
			}
			return published(env, opt, src, res, start)
		},
	}
	cmd.Flags().StringVar(&src, "source", ".", "the site folder (with data/, and optionally content/, layouts/, hugo.toml)")
	cmd.Flags().StringVar(&to, "to", "", "the folder to publish to: its current link is what the web server serves")
	cmd.Flags().IntVar(&keep, "keep", publish.DefaultKeep, "how many releases to keep, the live one included")
	addReportFlags(cmd, &opt)
	addProgressFlags(cmd, &opt)
	return cmd
}

func newRollback(env Env) *cobra.Command {
	var src, to, release string
	var opt reportOptions
	cmd := &cobra.Command{
		Use:   "rollback --to TARGET [--release ID] [--source DIR]",
		Short: "Make an earlier release live again",
		Long: `rollback switches TARGET/current back to a kept release in one step: the
one before the live release, or --release ID (see minhbach releases). The
release's files are checked against its id first. The rollback is recorded
in the site's publishing history, so the next publish compares with the
release now live and carries its errata forward.`,
		Example: "  minhbach rollback --to /var/www/cho-don\n  minhbach rollback --to /var/www/cho-don --release 20250301-000000-3fa2b1c4d5e6",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			target, err := releasesTarget(to, src, publish.DefaultKeep)
			if err != nil {
				return err
			}
			from, now, err := build.Rollback(cmd.Context(), build.RollbackOptions{Source: src, Target: target, Release: release, Today: env.Now()})
			if err != nil {
				return err
			}
			if opt.Format == "json" {
				writeJSON(env.Stdout, jsonReport{OK: true, Problems: []jsonProblem{}, Live: &jsonLive{Release: now, Previous: from}})
				return nil
			}
			say(env.Stdout, opt.Lang, msgRolledBack, now, target.Root, from)
			return nil
		},
	}
	cmd.Flags().StringVar(&src, "source", ".", "the site folder, whose history/ records the rollback")
	cmd.Flags().StringVar(&to, "to", "", "the folder published to")
	cmd.Flags().StringVar(&release, "release", "", "the release to make live (default: the one before the live one)")
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
			target, err := releasesTarget(to, "", publish.DefaultKeep)
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
				say(env.Stdout, opt.Lang, msgNoReleases, target.Root)
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
