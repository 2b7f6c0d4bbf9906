// Package cli is the minhbach command line: it parses flags, runs the
// pipeline and turns the outcome into messages and an exit code.
package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/source"
)

// Exit codes.
const (
	OK    = 0 // success
	Fail  = 1 // the data or the build has problems
	Usage = 2 // the command line is wrong
)

// Env is what a run may touch, injected so tests control it.
type Env struct {
	Stdout, Stderr io.Writer
	Now            func() time.Time
}

// usageError marks command-line mistakes (exit 2).
type usageError struct{ error }

// Main runs minhbach with args (without the program name) and returns the
// exit code.
func Main(args []string, env Env) int {
	root := newRoot(env)
	root.SetArgs(args)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	cmd, err := root.ExecuteC()
	if err == nil {
		return OK
	}
	// Flag and argument mistakes are tagged usageError; anything cobra
	// reports against a command that does no work (an unknown command) is
	// a usage mistake too.
	var ue usageError
	if errors.As(err, &ue) || cmd == nil || !cmd.Runnable() {
		fmt.Fprintf(env.Stderr, "minhbach: %v\n", err)
		fmt.Fprintf(env.Stderr, "Run 'minhbach %s--help' for usage.\n", subName(cmd))
		return Usage
	}
	report(env.Stderr, err, reportOptions{Lang: "en", Format: "text"})
	return Fail
}

func subName(cmd *cobra.Command) string {
	if cmd == nil || !cmd.HasParent() {
		return ""
	}
	return cmd.Name() + " "
}

// reportOptions choose how problems are printed: Lang "vi" or "en",
// Format "text" or "json".
type reportOptions struct {
	Lang, Format string
}

// report prints every positioned problem on its own line, then a count,
// so staff can work through the list in one pass.
func report(w io.Writer, err error, _ reportOptions) {
	problems := source.All(err)
	if len(problems) == 0 {
		fmt.Fprintf(w, "minhbach: %v\n", err)
		return
	}
	for _, p := range problems {
		fmt.Fprintln(w, p.Error())
	}
	noun := "problems"
	if len(problems) == 1 {
		noun = "problem"
	}
	fmt.Fprintf(w, "minhbach: %d %s found; nothing was published\n", len(problems), noun)
}

func newRoot(env Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "minhbach",
		Short: "Build a website of charts, tables and progress reports from CSV snapshots of indicators",
		Long: `minhbach turns the CSV files in a site's data/ folder into a static website:
one page per indicator, unit and reporting period, in Vietnamese and English,
with charts, tables, downloads and a generated progress report.

Every problem in the data is reported at once, as file:line:column, and
nothing is published until all of them are fixed.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newBuild(env), newCheck(env), newImport(env))
	root.CompletionOptions.DisableDefaultCmd = true
	return root
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("%s takes no arguments, got %q (use --source DIR for the site folder)", cmd.Name(), args[0])}
	}
	return nil
}

func newBuild(env Env) *cobra.Command {
	var src, dest string
	cmd := &cobra.Command{
		Use:   "build [--source DIR] [--dest DIR]",
		Short: "Check the data and publish the site",
		Long: `build checks every input file, then builds the site into a temporary folder
beside the destination and swaps it in only when it is complete. If anything
fails, the previously published site is left exactly as it was.`,
		Example: "  minhbach build\n  minhbach build --source ../cho-don --dest /var/www/cho-don",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			start := time.Now()
			res, err := build.Site(build.Options{Source: src, Dest: dest, Today: env.Now(), Log: env.Stderr})
			if err != nil {
				return err
			}
			rel := res.Dest
			if r, err := filepath.Rel(src, res.Dest); err == nil && filepath.IsLocal(r) {
				rel = r
			}
			fmt.Fprintf(env.Stdout, "minhbach: published %d pages and %d downloads (%d files, %.1f MB) to %s in %.1fs\n",
				res.Pages, res.Downloads, res.Files, float64(res.Bytes)/1e6, rel, time.Since(start).Seconds())
			return nil
		},
	}
	cmd.Flags().StringVar(&src, "source", ".", "the site folder (with data/, and optionally content/, layouts/, hugo.toml)")
	cmd.Flags().StringVar(&dest, "dest", "", "where to publish the site (default: SOURCE/public)")
	return cmd
}

func newCheck(env Env) *cobra.Command {
	var src string
	cmd := &cobra.Command{
		Use:     "check [--source DIR]",
		Short:   "Check the data without building anything",
		Long:    "check reads and validates every input file and reports all problems at once. It writes nothing.",
		Example: "  minhbach check\n  minhbach check --source ../cho-don",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, _, err := build.Check(build.Options{Source: src, Today: env.Now()})
			if err != nil {
				return err
			}
			ds := a.Dataset()
			fmt.Fprintf(env.Stdout, "minhbach: data OK: %d indicators, %d units, %d targets, %d snapshots (latest %s)\n",
				len(ds.Indicators), len(ds.Units), len(ds.Targets), len(ds.Snapshots), a.Latest())
			return nil
		},
	}
	cmd.Flags().StringVar(&src, "source", ".", "the site folder (with data/)")
	return cmd
}
