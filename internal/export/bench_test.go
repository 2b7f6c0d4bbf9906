package export

import (
	"context"
	"os"
	"testing"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/validate"
)

// BenchmarkSampleFiles makes every download of the repository's sample,
// workbooks included: go test ./internal/export -run '^$' -bench SampleFiles
func BenchmarkSampleFiles(b *testing.B) {
	ds, err := load.Dataset(os.DirFS("../.."))
	if err != nil {
		b.Fatal(err)
	}
	if err := validate.Dataset(ds, validate.Options{}); err != nil {
		b.Fatal(err)
	}
	a := analyse.Run(ds)
	for b.Loop() {
		if _, err := Files(context.Background(), os.DirFS("../.."), a, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
