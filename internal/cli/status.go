package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

// newStatus is the status command: who has reported what for a period,
// and who is still missing, by the site's one rule of who is expected to
// report what (analyse.Expects, analyse.Reporters, analyse.Coverage).
func newStatus(env Env) *cobra.Command {
	var src string
	var opt reportOptions
	cmd := &cobra.Command{
		Use: "status [PERIOD] [--site DIR]",
		Args: func(cmd *cobra.Command, args []string) error {
			if err := cobra.MaximumNArgs(1)(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			a, _, err := build.Check(cmd.Context(), build.Options{Source: src, Today: env.Now()})
			if err != nil {
				return err
			}
			p := a.Latest()
			if len(args) == 1 {
				if p, err = period.Parse(args[0]); err != nil {
					return usageError{err}
				}
				if !slices.Contains(a.Periods(), p) {
					return usageError{msgNoSuchPeriod.Err(args[0], periodList(a.Periods()))}
				}
			}
			st := reportingStatus(a, p)
			if opt.Format == "json" {
				writeJSON(env.Stdout, jsonReport{OK: true, Problems: []jsonProblem{}, Status: &st})
				return nil
			}
			printStatus(env.Stdout, opt.Lang, st)
			return nil
		},
	}
	cmd.Flags().StringVar(&src, "site", ".", "")
	addReportFlags(cmd, &opt)
	return cmd
}

func periodList(ps []period.Period) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.String())
	}
	return strings.Join(s, ", ")
}

// jsonStatus is who has reported what in a period (status --format json).
type jsonStatus struct {
	Period string `json:"period"`
	// Reported of Expected units reported for the period
	// (analyse.Reporters): the "2/5" of the site's coverage notes and of
	// check's period-incomplete.
	Reported   int              `json:"reported"`
	Expected   int              `json:"expected"`
	Units      []unitStatus     `json:"units"`      // units expected to report something, in the order of units.csv
	Indicators []indicatorCover `json:"indicators"` // per indicator, units below the top unit that reported it / are expected to
}

type unitStatus struct {
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	Reported []string `json:"reported"` // indicator codes
	Missing  []string `json:"missing"`  // expected, not reported
	name     model.Text
}

type indicatorCover struct {
	Code     string `json:"code"`
	Reported int    `json:"reported"`
	Expected int    `json:"expected"`
}

// reportingStatus applies the rule of package analyse to period p.
func reportingStatus(a *analyse.Analysis, p period.Period) jsonStatus {
	ds := a.Dataset()
	st := jsonStatus{Period: p.String(), Units: []unitStatus{}, Indicators: []indicatorCover{}}
	st.Reported, st.Expected = a.Reporters(p)
	top := a.Index().Top().Code
	for _, u := range ds.Units {
		us := unitStatus{Code: u.Code, Name: u.Name.VI, Reported: []string{}, Missing: []string{}, name: u.Name}
		for _, ind := range ds.Indicators {
			switch {
			case !a.Expects(u.Code, ind.Code):
			case a.Reported(u.Code, ind.Code, p):
				us.Reported = append(us.Reported, ind.Code)
			default:
				us.Missing = append(us.Missing, ind.Code)
			}
		}
		if len(us.Reported)+len(us.Missing) > 0 {
			st.Units = append(st.Units, us)
		}
	}
	for _, ind := range ds.Indicators {
		r, e := a.Coverage(top, ind.Code, p)
		st.Indicators = append(st.Indicators, indicatorCover{Code: ind.Code, Reported: r, Expected: e})
	}
	return st
}

// printStatus says, units that have reported first, then those that have
// not, which indicators each has given and which it still owes.
func printStatus(w io.Writer, lang string, st jsonStatus) {
	var done, none []unitStatus
	for _, u := range st.Units {
		if len(u.Reported) > 0 {
			done = append(done, u)
		} else {
			none = append(none, u)
		}
	}
	say(w, lang, msgStatusHead, st.Period, locale.Coverage(model.Lang(lang), st.Reported, st.Expected))
	if len(done) > 0 {
		say(w, lang, msgStatusDone)
		for _, u := range done {
			line := fmt.Sprintf("  %s %s: %s", u.Code, u.name.In(model.Lang(lang)),
				msgStatusCount.With(len(u.Reported), len(u.Reported)+len(u.Missing)).In(lang))
			if len(u.Missing) > 0 {
				line += "; " + msgStatusMissing.With(strings.Join(u.Missing, ", ")).In(lang)
			}
			fmt.Fprintln(w, line)
		}
	}
	if len(none) > 0 {
		say(w, lang, msgStatusNone)
		for _, u := range none {
			fmt.Fprintf(w, "  %s %s: %s\n", u.Code, u.name.In(model.Lang(lang)),
				msgStatusOwes.With(strings.Join(u.Missing, ", ")).In(lang))
		}
	}
	say(w, lang, msgStatusInds)
	for _, c := range st.Indicators {
		if c.Expected > 0 {
			fmt.Fprintf(w, "  %s %s\n", c.Code, msgStatusUnits.With(c.Reported, c.Expected).In(lang))
		}
	}
}
