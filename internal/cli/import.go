package cli

import (
	"encoding/json"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/importer"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/site"
)

// newImport is the import command: an Excel workbook or a CSV/text export
// from a commune becomes the canonical snapshot of a period.
func newImport(env Env) *cobra.Command {
	var (
		src, per, sheet, dec      string
		fraction, keepText, force bool
		replace                   []string
		opt                       reportOptions
	)
	cmd := &cobra.Command{
		Use: "import FILE... --period P [--site DIR]",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{msgImportArgs.Err()}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if per == "" {
				return usageError{msgNoPeriod.Err()}
			}
			p, err := period.Parse(per)
			if err != nil {
				return usageError{err}
			}
			mark, ok := importer.ParseMark(dec)
			if !ok {
				return usageError{msgBadDecimal.Err(dec)}
			}
			res, err := importer.Import(importer.Options{
				Files: args, Site: src, Replace: replace, Period: p, Sheet: sheet, Decimal: mark,
				Fraction: fraction, KeepText: keepText, Force: force, Today: env.Now(),
			})
			if err != nil {
				return err // Main reports it with this command's --lang and --format
			}
			summary(env, res, opt)
			if opt.Format == "text" {
				// What check would warn of in the new snapshot, said now;
				// nothing when the site has problems elsewhere (check says
				// those).
				if a, _, err := build.Check(cmd.Context(), build.Options{Source: src, Today: env.Now()}); err == nil {
					var own []*diag.Error
					threshold := site.DefaultThreshold
					if s, err := site.ReadSettings(src); err == nil {
						threshold = s.Threshold
					}
					for _, w := range warnings(a, threshold) {
						if w.Pos.File == res.Path {
							own = append(own, w)
						}
					}
					printWarnings(env.Stderr, opt.Lang, own)
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&per, "period", "", "")
	f.StringVar(&src, "site", ".", "")
	f.StringVar(&sheet, "sheet", "", "")
	f.StringVar(&dec, "decimal", "", "")
	f.BoolVar(&fraction, "fraction", false, "")
	f.BoolVar(&keepText, "keep-text", false, "")
	f.BoolVar(&force, "force", false, "")
	f.StringSliceVar(&replace, "replace", nil, "")
	addReportFlags(cmd, &opt)
	return cmd
}

// jsonImported is what --format json prints on success: the report's
// fields (ok, no problems) and what was written.
type jsonImported struct {
	jsonReport
	Imported *importer.Result `json:"imported"`
}

// summary tells staff what was imported, in their language.
func summary(env Env, res *importer.Result, opt reportOptions) {
	if opt.Format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(jsonImported{jsonReport{OK: true, Problems: []jsonProblem{}}, res})
		return
	}
	layout := msgLong.With()
	if res.Wide {
		layout = msgWide.With()
	}
	if res.Sheet != "" {
		layout = msgOnSheet.With(layout, res.Sheet)
	}
	if res.Files > 1 {
		layout = msgFiles.With(res.Files)
	}
	w, lang := env.Stdout, opt.Lang
	say(w, lang, msgWrote, filepath.FromSlash(res.Path), res.Rows, res.Units, res.Indicators, layout)
	say(w, lang, msgSkipped, res.Groups, res.Totals, res.Filled)
	if res.Unchecked > 0 {
		say(w, lang, msgUnchecked, res.Unchecked)
	}
	if res.Kept > 0 || res.Replaced > 0 {
		say(w, lang, msgMerged, res.Kept, res.Added, res.Replaced)
	}
}
