package export

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
)

// Checksums are the SHA256SUMS of each language's data folder: a line
// "<sha256>  <name>" per download in that folder (the zip and the data
// package included), by name relative to it, in the format `sha256sum -c`
// checks from there. A journalist checks what is in the folder they
// downloaded from, so each folder has its own. They are made last, from
// the other files' hashes; the Vietnamese folder's first.
func Checksums(files []File) []File {
	var out []File
	for _, lang := range model.Langs {
		out = append(out, checksums(files, string(lang)))
	}
	return out
}

func checksums(files []File, lang string) File {
	own := route.InLang(lang, route.Checksums)
	var lines []SumLine
	for _, f := range files {
		if rel, ok := route.InDataOf(lang, f.Path); ok && f.Path != own {
			lines = append(lines, SumLine{Name: rel, SHA256: f.SHA256})
		}
	}
	f := newFile(own, "checksums", "", len(lines), SumsFile(lines))
	f.Lang = model.Lang(lang)
	return f
}

// SumLine is a line of a SHA256SUMS file.
type SumLine struct{ Name, SHA256 string }

// SumsFile is a SHA256SUMS file of lines, sorted by name.
func SumsFile(lines []SumLine) []byte {
	lines = slices.Clone(lines)
	slices.SortFunc(lines, func(a, b SumLine) int { return cmp.Compare(a.Name, b.Name) })
	var b bytes.Buffer
	for _, l := range lines {
		// Two spaces: a text-mode line, as sha256sum writes it. Names are
		// our own paths (codes, periods): no backslash or line break to escape.
		b.WriteString(l.SHA256 + "  " + l.Name + "\n")
	}
	return b.Bytes()
}
