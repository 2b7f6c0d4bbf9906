package cli

import (
	"encoding/json"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/minhbach/minhbach/internal/importer"
	"github.com/minhbach/minhbach/internal/period"
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
		Use:   "import FILE --period P [--source DIR]",
		Short: "Convert an Excel workbook or a CSV export into a snapshot",
		Long: `import reads a workbook (.xlsx) or a CSV or text export (.csv, .txt) as communes
send them — title lines, Vietnamese headings, merged cells, group headings and
total rows, one row per figure or one column per indicator, in UTF-8,
UTF-16 or Windows-1258, with decimal commas or points — and writes the
canonical snapshot data/snapshots/P.csv of the site.

Units and indicators are matched by code or by name against data/units.csv
and data/indicators.csv. Anything that could be read two ways is reported,
never guessed: give --decimal, --fraction or --keep-text to decide. Every
problem is reported at once with its cell, and nothing is written unless the
whole file converts and the snapshot passes the same checks as 'check'.`,
		Example: "  minhbach import bao-cao-xa.xlsx --period 2025-Q1\n" +
			"  minhbach import tong-hop.csv --period 2024-Q4 --decimal comma --force\n" +
			"  minhbach import so-lieu.xlsx --period 2025 --sheet \"Biểu 01\" --source ../cho-don",
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
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&per, "period", "", "the period of the figures: YYYY, YYYY-H1, YYYY-Q1 or YYYY-MM (required)")
	f.StringVar(&src, "source", ".", "the site folder (with data/units.csv and data/indicators.csv)")
	f.StringVar(&sheet, "sheet", "", "the worksheet to read (default: the first one with a heading row)")
	f.StringVar(&dec, "decimal", "", "the decimal mark, when the file cannot show it: comma (85,5 and 1.234) or dot (85.5 and 1,234)")
	f.BoolVar(&fraction, "fraction", false, "percents are written as fractions: 0,9 means 90%")
	f.BoolVar(&keepText, "keep-text", false, "keep words such as \"gần 100%\" as a note, with no figure, instead of stopping")
	f.BoolVar(&force, "force", false, "every new figure replaces the one of the period's snapshot that differs")
	f.StringSliceVar(&replace, "replace", nil, "units (codes or names, comma-separated) whose figures in the period's snapshot give way to the new files'")
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
