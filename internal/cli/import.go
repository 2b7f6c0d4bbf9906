package cli

import (
	"errors"

	"github.com/spf13/cobra"
)

// newImport is the import command (issue: accept Excel files and messy CSVs).
func newImport(env Env) *cobra.Command {
	return &cobra.Command{
		Use:    "import FILE --period P",
		Short:  "Convert an Excel workbook or a CSV export into a snapshot",
		Hidden: true, // until the importer lands
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("import is not available yet")
		},
	}
}
