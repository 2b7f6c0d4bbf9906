package load_test

import (
	"testing"

	"github.com/minhbach/minhbach/internal/importcheck"
)

// TestOnlyUserOfGocsv keeps gocsv behind this package, where its cell
// types guard against its reading "" as 0: other packages write CSV with
// WriteCSV or encoding/csv.
func TestOnlyUserOfGocsv(t *testing.T) {
	importcheck.Only(t, "github.com/gocarina/gocsv", "internal/load")
}
