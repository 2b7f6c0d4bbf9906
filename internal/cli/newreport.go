package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/publish"
)

// newNew is the new command; "new report PERIOD" writes the skeleton of
// a period's report text.
func newNew(env Env) *cobra.Command {
	cmd := &cobra.Command{Use: "new", Args: noArgs}
	cmd.AddCommand(newReport(env))
	return cmd
}

// newReport writes content/bao-cao/PERIOD.md and PERIOD.en.md with the
// sections of the district's reports (results, shortcomings, next tasks),
// and never overwrites either.
func newReport(env Env) *cobra.Command {
	var src string
	var opt reportOptions
	cmd := &cobra.Command{
		Use: "report PERIOD [--site DIR]",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{msgReportArgs.Err()}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := period.Parse(args[0])
			if err != nil {
				return usageError{err}
			}
			files := []struct {
				name string
				lang model.Lang
				body *msg.Message
				head *msg.Message
			}{
				{p.String() + ".md", model.VI, msgReportBody, msgReportTitle},
				{p.String() + ".en.md", model.EN, msgReportBody, msgReportTitle},
			}
			rel := "content/" + build.EditorialDir // as staff see it
			dir := filepath.Join(src, filepath.FromSlash(rel))
			for _, f := range files {
				if _, err := os.Lstat(filepath.Join(dir, f.name)); err == nil {
					return msgReportExists.Err(rel + "/" + f.name)
				}
			}
			for _, f := range files {
				lang := string(f.lang)
				text := fmt.Sprintf("---\ntitle: %q\n%s---\n\n%s", f.head.With(locale.Period(f.lang, p)).In(lang),
					msgReportGuide.With().In(lang), f.body.With().In(lang))
				err := publish.WriteFile(filepath.Join(dir, f.name), []byte(text), publish.FileOptions{})
				if errors.Is(err, fs.ErrExist) {
					return msgReportExists.Err(rel + "/" + f.name)
				} else if err != nil {
					return err
				}
			}
			say(env.Stdout, opt.Lang, msgReportWrote, rel+"/"+files[0].name, rel+"/"+files[1].name)
			return nil
		},
	}
	cmd.Flags().StringVar(&src, "site", ".", "")
	addReportFlags(cmd, &opt)
	return cmd
}
