package cli

import (
	"context"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/preview"
)

// newServe is the serve command: a draft of the site on this computer,
// rebuilt as its files change (see package preview).
func newServe(env Env) *cobra.Command {
	var src, addr string
	var opt reportOptions
	cmd := &cobra.Command{
		Use:   "serve [--site DIR] [--addr 127.0.0.1:1313]",
		Short: "Preview the site on this computer while editing it",
		Long: `serve builds the site into a temporary folder of its own and serves it on
this computer only. Open the address it prints in a browser: each page
carries a "preview" banner, and reloads by itself when a file in data/,
content/, layouts/, static/, i18n/, assets/ or the site's hugo.toml changes.

While the data has problems, the browser shows them, as check reports
them; the page comes back once they are fixed. Nothing is published: the
destination folder and its list of corrections are never read or
written. Ctrl-C stops the preview and removes its temporary folder.`,
		Example: "  minhbach serve\n  minhbach serve --site ../cho-don --addr 127.0.0.1:8080 --lang en",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := preview.CheckAddr(addr); err != nil {
				return usageError{err}
			}
			abs, err := filepath.Abs(src)
			if err != nil {
				return err
			}
			// One cache for the preview's builds: a save rebuilds only the
			// workbooks whose figures it changed.
			cache := &export.Cache{}
			return preview.Serve(cmd.Context(), preview.Options{
				Source: abs, Inputs: build.Inputs(), Addr: addr, Lang: opt.Lang,
				Out: env.Stdout, Log: env.Stderr,
				Build: func(ctx context.Context, dest string) error {
					res, err := build.Site(ctx, build.Options{Source: abs, Dest: dest, Today: env.Now(), Log: env.Stderr, Preview: true, Cache: cache})
					printWarnings(env.Stderr, opt.Lang, res.Warnings)
					return err
				},
			})
		},
	}
	cmd.Flags().StringVar(&src, "site", ".", "the site folder (with data/, and optionally content/, layouts/, hugo.toml)")
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:1313", "where to serve the preview: an address of this computer and a port")
	addReportFlags(cmd, &opt)
	_ = cmd.Flags().MarkHidden("format") // the preview reports to the browser and the terminal
	return cmd
}
