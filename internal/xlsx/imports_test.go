package xlsx

import (
	"testing"

	"github.com/minhbach/minhbach/internal/importcheck"
)

// TestOnlyUserOfExcelize keeps excelize behind this package: the rest of
// the module, tests included, reads and builds workbooks through it (or
// through xlsxtest, its test side).
func TestOnlyUserOfExcelize(t *testing.T) {
	importcheck.Only(t, "github.com/xuri/excelize", "internal/xlsx")
}
