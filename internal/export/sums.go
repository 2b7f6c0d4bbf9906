package export

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/minhbach/minhbach/internal/route"
)

// Checksums is SHA256SUMS: a line "<sha256>  <name>" per download (the
// zip included), by name relative to the data folder, in the format
// `sha256sum -c` checks from there. It is made last, from the other
// files' hashes.
func Checksums(files []File) File {
	type line struct{ name, sum string }
	var lines []line
	for _, f := range files {
		if rel, ok := route.InData(f.Path); ok && f.Path != route.Checksums {
			lines = append(lines, line{rel, f.SHA256})
		}
	}
	slices.SortFunc(lines, func(a, b line) int { return cmp.Compare(a.name, b.name) })
	var b bytes.Buffer
	for _, l := range lines {
		// Two spaces: a text-mode line, as sha256sum writes it. Names are
		// our own paths (codes, periods): no backslash or line break to escape.
		b.WriteString(l.sum + "  " + l.name + "\n")
	}
	return newFile(route.Checksums, "checksums", "", len(lines), b.Bytes())
}
