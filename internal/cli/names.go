package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/minhbach/minhbach/internal/importer"
)

// newNames is the names command: the unit and indicator names and codes
// that import accepts, in both languages, for staff to copy into their
// sheets.
func newNames(env Env) *cobra.Command {
	var src string
	var opt reportOptions
	cmd := &cobra.Command{
		Use: "names [units|indicators] [--site DIR]",
		Args: func(cmd *cobra.Command, args []string) error {
			if err := cobra.MatchAll(cobra.MaximumNArgs(1), cobra.OnlyValidArgs)(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		},
		ValidArgs: []string{"units", "indicators"},
		RunE: func(cmd *cobra.Command, args []string) error {
			units, inds, err := importer.Lists(os.DirFS(src))
			if err != nil {
				return err
			}
			which := ""
			if len(args) == 1 {
				which = args[0]
			}
			var doc jsonNames
			if which != "indicators" {
				doc.Units = []jsonName{}
				for _, u := range units {
					doc.Units = append(doc.Units, jsonName{Code: u.Code, NameVI: u.Name.VI, NameEN: u.Name.EN})
				}
			}
			if which != "units" {
				doc.Indicators = []jsonName{}
				for _, i := range inds {
					doc.Indicators = append(doc.Indicators, jsonName{Code: i.Code, NameVI: i.Name.VI, NameEN: i.Name.EN})
				}
			}
			if opt.Format == "json" {
				writeJSON(env.Stdout, jsonReport{OK: true, Problems: []jsonProblem{}, Names: &doc})
				return nil
			}
			w := env.Stdout
			// Tab-separated, so that a selection pastes into Excel's
			// columns.
			if doc.Units != nil {
				say(w, opt.Lang, msgNamesUnits)
				for _, n := range doc.Units {
					fmt.Fprintf(w, "%s\t%s\t%s\n", n.Code, n.NameVI, n.NameEN)
				}
			}
			if doc.Indicators != nil {
				if doc.Units != nil {
					fmt.Fprintln(w)
				}
				say(w, opt.Lang, msgNamesIndicators)
				for _, n := range doc.Indicators {
					fmt.Fprintf(w, "%s\t%s\t%s\n", n.Code, n.NameVI, n.NameEN)
				}
			}
			fmt.Fprintln(w)
			say(w, opt.Lang, msgNamesHint)
			return nil
		},
	}
	cmd.Flags().StringVar(&src, "site", ".", "")
	addReportFlags(cmd, &opt)
	return cmd
}

// jsonNames is what names --format json prints.
type jsonNames struct {
	Units      []jsonName `json:"units,omitempty"`
	Indicators []jsonName `json:"indicators,omitempty"`
}

type jsonName struct {
	Code   string `json:"code"`
	NameVI string `json:"name_vi"`
	NameEN string `json:"name_en"`
}
