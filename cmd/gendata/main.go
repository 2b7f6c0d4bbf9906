// Command gendata writes a synthetic minhbach site, for benchmarks and
// tests:
//
//	gendata --size 1x|10x-indicators|10x-units|national --out DIR [--seed N] [--quarters N] [--perf-csv DIR]
//
// The site passes minhbach check. --perf-csv also writes the same figures
// in the long format of the plain-Hugo benchmark. Exit codes: 0 written,
// 1 failure, 2 a mistake on the command line.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/minhbach/minhbach/internal/gendata"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	sizes := make([]string, 0, 4)
	for _, s := range gendata.Sizes() {
		sizes = append(sizes, string(s))
	}
	fl := flag.NewFlagSet("gendata", flag.ContinueOnError)
	fl.SetOutput(stderr)
	size := fl.String("size", "", "the site: "+strings.Join(sizes, ", "))
	out := fl.String("out", "", "the folder to write the site into (must not have data/ or hugo.toml yet)")
	seed := fl.Uint64("seed", 42, "the random seed: the same seed writes the same bytes")
	quarters := fl.Int("quarters", 0, "number of quarters (default 12; national 20)")
	perf := fl.String("perf-csv", "", "also write observations.csv, indicators.csv and units.csv for the plain-Hugo benchmark into this folder")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *size == "" || *out == "" || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "gendata: --size and --out are required, and nothing else")
		fl.Usage()
		return 2
	}
	site, err := gendata.Generate(gendata.Options{Size: gendata.Size(*size), Seed: *seed, Quarters: *quarters})
	if err != nil {
		fmt.Fprintln(stderr, "gendata:", err)
		return 2
	}
	if err := site.Write(*out); err != nil {
		fmt.Fprintln(stderr, "gendata:", err)
		return 1
	}
	if *perf != "" {
		if err := site.WritePerf(*perf); err != nil {
			fmt.Fprintln(stderr, "gendata:", err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "gendata: %s: %d indicators, %d units (%d reporting), %d periods %s to %s, %d snapshot rows\n",
		*size, len(site.Indicators), len(site.Units), site.Reporters(), len(site.Periods),
		site.Periods[0], site.Periods[len(site.Periods)-1], site.Rows())
	return 0
}
