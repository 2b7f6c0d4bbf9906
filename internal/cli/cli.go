// Package cli is the minhbach command line: it parses flags, runs the
// pipeline and turns the outcome into messages and an exit code.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/minhbach/minhbach/internal/budget"
	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/ledger"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/progress"
	"github.com/minhbach/minhbach/internal/route"
	"github.com/minhbach/minhbach/internal/site"
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

// In is the mistake in lang: in words from the catalogue when it is one of
// ours, in cobra's English otherwise.
func (u usageError) In(lang string) string { return msg.ErrorIn(u.error, lang) }

// say prints m with its arguments in lang, on a line of its own.
func say(w io.Writer, lang string, m *msg.Message, args ...any) {
	fmt.Fprintln(w, m.With(args...).In(lang))
}

// Main runs minhbach with args (without the program name) and returns the
// exit code.
func Main(ctx context.Context, args []string, env Env) int {
	root := newRoot(env)
	localize(root, langArg(args))
	root.SetArgs(args)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return OK
	}
	// Flag and argument mistakes are tagged usageError; anything cobra
	// reports against a command that does no work (an unknown command) is
	// a usage mistake too.
	var ue usageError
	if errors.As(err, &ue) || cmd == nil || !cmd.Runnable() {
		lang := langArg(args)
		fmt.Fprintf(env.Stderr, "minhbach: %s\n", cobraError(err, lang))
		say(env.Stderr, lang, msgUsage, subName(cmd))
		return Usage
	}
	opt := optionsOf(cmd)
	w := env.Stderr
	if opt.Format == "json" {
		w = env.Stdout
	}
	report(w, err, opt)
	return Fail
}

// langArg finds --lang in args, for messages printed when the flags could
// not be parsed: Vietnamese unless English was asked for.
func langArg(args []string) string {
	for i, a := range args {
		switch {
		case a == "--":
			return "vi"
		case a == "--lang" && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(a, "--lang="):
			return strings.TrimPrefix(a, "--lang=")
		}
	}
	return "vi"
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
	Command      string // the command that failed: import writes a file, the others publish
	// Quiet prints only errors; Verbose each step's time (build, publish).
	Quiet, Verbose bool
}

// addProgressFlags gives a long command --quiet and --verbose.
func addProgressFlags(cmd *cobra.Command, opt *reportOptions) {
	cmd.Flags().BoolVar(&opt.Quiet, "quiet", false, "")
	cmd.Flags().BoolVar(&opt.Verbose, "verbose", false, "")
	pre := cmd.PreRunE // addReportFlags' checks
	cmd.PreRunE = func(c *cobra.Command, args []string) error {
		if opt.Quiet && opt.Verbose {
			return usageError{msgQuietVerbose.Err()}
		}
		if pre != nil {
			return pre(c, args)
		}
		return nil
	}
}

// progressOf is the progress line of a command: on stderr when it is a
// terminal and the output is text, with the steps' times when --verbose;
// nil with --quiet.
func progressOf(env Env, opt reportOptions) *progress.Line {
	if opt.Quiet {
		return nil
	}
	tty := opt.Format == "text" && progress.IsTerminal(env.Stderr)
	return progress.New(env.Stderr, opt.Lang, tty, opt.Verbose)
}

// hugoLog is where Hugo's warnings go: nowhere with --quiet.
func hugoLog(env Env, opt reportOptions) io.Writer {
	if opt.Quiet {
		return nil
	}
	return env.Stderr
}

// optionsOf reads a command's --lang and --format, with their defaults
// when the command has no such flag.
func optionsOf(cmd *cobra.Command) reportOptions {
	opt := reportOptions{Lang: "vi", Format: "text"}
	if cmd == nil {
		return opt
	}
	opt.Command = cmd.Name()
	if f := cmd.Flags().Lookup("lang"); f != nil {
		opt.Lang = f.Value.String()
	}
	if f := cmd.Flags().Lookup("format"); f != nil {
		opt.Format = f.Value.String()
	}
	return opt
}

// addReportFlags adds --lang and --format to cmd, and checks their values
// before the command runs.
func addReportFlags(cmd *cobra.Command, opt *reportOptions) {
	cmd.Flags().StringVar(&opt.Lang, "lang", "vi", "")
	cmd.Flags().StringVar(&opt.Format, "format", "text", "")
	cmd.PreRunE = func(*cobra.Command, []string) error {
		if opt.Lang != "vi" && opt.Lang != "en" {
			return usageError{msgBadLang.Err(opt.Lang)}
		}
		if opt.Format != "text" && opt.Format != "json" {
			return usageError{msgBadFormat.Err(opt.Format)}
		}
		return nil
	}
}

// report prints every positioned problem on its own line, then a count,
// so staff can work through the list in one pass; with Format "json" it
// prints the same report as one JSON document (see jsonReport). An error
// that is not about the input (a disk failure, a lock held) is printed as
// it is.
func report(w io.Writer, err error, opt reportOptions) {
	problems := diag.All(err)
	if opt.Format == "json" {
		r := jsonReport{Problems: jsonProblems(problems, opt.Lang), Count: len(problems)}
		if len(problems) == 0 && err != nil {
			r.Error = msg.ErrorIn(err, opt.Lang)
		}
		writeJSON(w, r)
		return
	}
	if len(problems) == 0 {
		if errors.Is(err, context.Canceled) {
			// Interrupted (Ctrl-C): say so plainly, not "context canceled".
			say(w, opt.Lang, msgStopped)
			return
		}
		if _, said := err.(msg.Localized); !said && errors.Is(err, syscall.ENOSPC) {
			// The build leaves the live site as it was (scripts/faults.sh
			// diskfull): say what to do, not Go's words. Publishing says
			// its own (package publish).
			var pe *fs.PathError
			file := ""
			if errors.As(err, &pe) {
				file = pe.Path
			}
			say(w, opt.Lang, msgDiskFull, file)
			return
		}
		fmt.Fprintf(w, "minhbach: %s\n", msg.ErrorIn(err, opt.Lang))
		return
	}
	for _, p := range problems {
		fmt.Fprintln(w, p.Line(opt.Lang))
	}
	nothing := msgNothingPublished
	if opt.Command == "import" {
		nothing = msgNothingWritten
	}
	count := msgProblems
	if len(problems) == 1 {
		count = msgProblem
	}
	say(w, opt.Lang, count, len(problems), nothing.With())
}

// jsonProblems is problems in the JSON report's form, in lang.
func jsonProblems(problems []*diag.Error, lang string) []jsonProblem {
	out := make([]jsonProblem, 0, len(problems))
	for _, p := range problems {
		out = append(out, jsonProblem{
			File: p.Pos.File, Sheet: p.Pos.Sheet, Line: p.Pos.Line, Column: p.Pos.Column,
			Code: p.Code, Field: p.Field, Value: p.Value, Message: p.Message(lang),
			ThroughLine: p.Through.Line, ThroughColumn: p.Through.Column, Count: p.Count,
		})
	}
	return out
}

// printWarnings prints each warning as a problem is printed, marked as a
// warning, then their count.
func printWarnings(w io.Writer, lang string, warn []*diag.Error) {
	if len(warn) == 0 {
		return
	}
	for _, p := range warn {
		fmt.Fprintf(w, "%s (%s)\n", p.Line(lang), msgWarning.With().In(lang))
	}
	say(w, lang, msgWarnings, len(warn))
}

// jsonReport is the report for programs (--format json): ok is true when
// there is nothing to fix; problems lists each one, its message in the
// chosen language; error holds a failure that is not about the input.
// The exit code is the same as with text.
type jsonReport struct {
	OK        bool           `json:"ok"`
	Problems  []jsonProblem  `json:"problems"`
	Count     int            `json:"count"`
	Error     string         `json:"error,omitempty"`
	Data      *jsonData      `json:"data,omitempty"`      // check: what was read
	Published *jsonPublished `json:"published,omitempty"` // build: what was published
	Live      *jsonLive      `json:"live,omitempty"`      // rollback: the release now live
	Releases  []jsonRelease  `json:"releases,omitempty"`  // releases: those kept
	Warnings  []jsonProblem  `json:"warnings,omitempty"`  // check: what does not stop a build but should be fixed
	Status    *jsonStatus    `json:"status,omitempty"`    // status: who has reported what
	Names     *jsonNames     `json:"names,omitempty"`     // names: what import accepts
}

// jsonProblem is one problem: line and column are 0 for a whole file,
// sheet is set only in workbooks.
type jsonProblem struct {
	File    string `json:"file"`
	Sheet   string `json:"sheet,omitempty"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Code    string `json:"code"`
	Field   string `json:"field"`
	Value   string `json:"value"`
	Message string `json:"message"`
	// A problem repeated over several cells (the same code, value and
	// message) is one problem: from line and column through these, count
	// cells in all.
	ThroughLine   int `json:"through_line,omitempty"`
	ThroughColumn int `json:"through_column,omitempty"`
	Count         int `json:"cells,omitempty"`
}

type jsonData struct {
	Indicators int    `json:"indicators"`
	Units      int    `json:"units"`
	Targets    int    `json:"targets"`
	Snapshots  int    `json:"snapshots"`
	Latest     string `json:"latest"`
}

type jsonPublished struct {
	Dest      string        `json:"dest"`
	Pages     int           `json:"pages"`
	Downloads int           `json:"downloads"`
	Files     int           `json:"files"`
	Bytes     int64         `json:"bytes"`
	Release   string        `json:"release"`                // its id
	Data      string        `json:"data_release,omitempty"` // the id of its release of the data (route.Release)
	Compared  string        `json:"compared,omitempty"`     // the release compared with
	Recorded  bool          `json:"recorded"`               // in the publishing history
	Legacy    string        `json:"legacy,omitempty"`       // the old web root the history was read from, once
	Heaviest  []budget.Page `json:"heaviest,omitempty"`     // the heaviest first views, gzipped bytes
	Chart     int           `json:"chart_bundle,omitempty"` // the interactive chart bundle, gzipped bytes
	// Object storage only: what was (with dry_run: would be) uploaded and deleted.
	Upload    []string `json:"upload,omitempty"`
	Unchanged int      `json:"unchanged,omitempty"`
	Delete    []string `json:"delete,omitempty"`
	DryRun    bool     `json:"dry_run,omitempty"`
}

func writeJSON(w io.Writer, r jsonReport) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(r) // nothing to do if the terminal is gone
}

// newRoot makes the command tree; the commands' descriptions and their
// flags' usages are in help.go, in both languages (see localize).
func newRoot(env Env) *cobra.Command {
	root := &cobra.Command{
		Use:           "minhbach",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.Flags().String("lang", "vi", "") // for "minhbach --help --lang en"; see localize
	root.AddCommand(newBuild(env), newCheck(env), newImport(env), newStatus(env), newNames(env), newNew(env), newPublish(env), newRollback(env), newReleases(env), newServe(env))
	root.CompletionOptions.DisableDefaultCmd = true
	// --source was the site folder's flag before "source" came to mean
	// only where a figure comes from: old scripts keep working.
	root.SetGlobalNormalizationFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if name == "source" {
			name = "site"
		}
		return pflag.NormalizedName(name)
	})
	return root
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{msgNoArgs.Err(cmd.Name(), args[0])}
	}
	return nil
}

func newBuild(env Env) *cobra.Command {
	var src, dest string
	var draft bool
	var opt reportOptions
	cmd := &cobra.Command{
		Use:  "build [--site DIR] [--dest DIR] [--draft]",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			start := time.Now()
			prog := progressOf(env, opt)
			res, err := build.Site(cmd.Context(), build.Options{Source: src, Dest: dest, Today: env.Now(), Log: hugoLog(env, opt), Record: !draft, Progress: prog})
			prog.Done()
			if err != nil {
				return err
			}
			return published(env, opt, src, res, start)
		},
	}
	cmd.Flags().StringVar(&src, "site", ".", "")
	cmd.Flags().StringVar(&dest, "dest", "", "")
	cmd.Flags().BoolVar(&draft, "draft", false, "")
	addReportFlags(cmd, &opt)
	addProgressFlags(cmd, &opt)
	return cmd
}

// heaviest lists pages and their first-view weight, in a language.
type heaviest []budget.Page

func (h heaviest) In(lang string) string {
	parts := make([]string, len(h))
	for i, p := range h {
		parts[i] = strings.TrimSuffix(p.Path, "index.html") + " " + budget.KBs(p.Total).In(lang) + " KB"
	}
	return strings.Join(parts, ", ")
}

// published says what a build or publish did: where, how much, and where
// its history came from when that is worth knowing.
func published(env Env, opt reportOptions, src string, res build.Result, start time.Time) error {
	rel := res.Dest
	if r, err := filepath.Rel(src, res.Dest); err == nil && filepath.IsLocal(r) {
		rel = r
	}
	if opt.Format == "json" {
		writeJSON(env.Stdout, jsonReport{OK: true, Problems: []jsonProblem{}, Warnings: jsonProblems(res.Warnings, opt.Lang), Published: &jsonPublished{
			Dest: rel, Pages: res.Pages, Downloads: res.Downloads, Files: res.Files, Bytes: res.Bytes,
			Release: res.Release, Data: res.DataRelease, Compared: res.Compared.Release, Recorded: res.Recorded, Legacy: res.Compared.Legacy,
			Heaviest: res.Budget.Heaviest, Chart: res.Budget.Chart}})
		return nil
	}
	if opt.Quiet {
		return nil // only errors
	}
	printWarnings(env.Stderr, opt.Lang, res.Warnings)
	if res.Compared.Legacy != "" {
		say(env.Stderr, opt.Lang, msgMigrated, res.Compared.Legacy, ledger.Dir)
	}
	say(env.Stdout, opt.Lang, msgPublished, res.Pages, res.Downloads, res.Files,
		locale.Size(res.Bytes), rel, locale.Duration(time.Since(start)))
	if b := res.Budget; len(b.Heaviest) > 0 {
		say(env.Stdout, opt.Lang, msgHeaviest, budget.KBs(res.Limits.PageKB*budget.KB), heaviest(b.Heaviest),
			budget.KBs(b.Chart), budget.KBs(res.Limits.ChartKB*budget.KB))
	}
	if res.Recorded {
		say(env.Stdout, opt.Lang, msgRecorded, res.Release, ledger.Dir)
		say(env.Stdout, opt.Lang, msgDataRelease, route.Release(res.DataRelease))
	} else {
		say(env.Stdout, opt.Lang, msgDraft, ledger.Dir)
	}
	return nil
}

func newCheck(env Env) *cobra.Command {
	var src string
	var opt reportOptions
	cmd := &cobra.Command{
		Use:  "check [--site DIR]",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, eds, err := build.Check(cmd.Context(), build.Options{Source: src, Today: env.Now()})
			if err != nil {
				return err
			}
			ds := a.Dataset()
			d := jsonData{Indicators: len(ds.Indicators), Units: len(ds.Units), Targets: len(ds.Targets), Snapshots: len(ds.Snapshots), Latest: a.Latest().String()}
			settings, err := site.ReadSettings(src)
			if err != nil {
				return err
			}
			warn := append(warnings(a, settings.Threshold), build.EditorialWarnings(eds)...)
			if opt.Format == "json" {
				writeJSON(env.Stdout, jsonReport{OK: true, Problems: []jsonProblem{}, Data: &d, Warnings: jsonProblems(warn, opt.Lang)})
				return nil
			}
			printWarnings(env.Stderr, opt.Lang, warn)
			say(env.Stdout, opt.Lang, msgDataOK, d.Indicators, d.Units, d.Targets, d.Snapshots, d.Latest)
			return nil
		},
	}
	cmd.Flags().StringVar(&src, "site", ".", "")
	addReportFlags(cmd, &opt)
	return cmd
}
