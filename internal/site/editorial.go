package site

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gohugoio/hugo/parser/pageparser"
)

// Editorial is one Markdown file of staff's own words, front matter parsed.
type Editorial struct {
	File   string         // slash path relative to the site, e.g. "content/bao-cao/2024-Q4.en.md"
	Name   string         // file name without language and extension: "2024-Q4"
	Lang   string         // "" for the default language, else the code before .md ("en")
	Params map[string]any // front matter, keys lower-cased as Hugo does
	Body   string         // Markdown after the front matter
	Line   int            // the line of the file Body starts on (1 without front matter)
}

// ReadEditorial reads every .md file directly in source/content/dir. A
// missing directory means no editorial text.
func ReadEditorial(source, dir string) ([]Editorial, error) {
	abs := filepath.Join(source, "content", dir)
	entries, err := os.ReadDir(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Editorial
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") || strings.HasPrefix(e.Name(), "_") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		rel := path.Join("content", dir, e.Name())
		b, err := os.ReadFile(filepath.Join(abs, e.Name()))
		if err != nil {
			return nil, err
		}
		cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(b))
		if err != nil {
			return nil, msgFrontMatter.Err(rel, err)
		}
		body := cf.Content
		if body == nil && len(cf.FrontMatter) == 0 {
			body = b
		}
		params := map[string]any{}
		for _, k := range slices.Sorted(maps.Keys(cf.FrontMatter)) {
			params[strings.ToLower(k)] = cf.FrontMatter[k]
		}
		name := strings.TrimSuffix(e.Name(), ".md")
		lang := ""
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name, lang = name[:i], name[i+1:]
		}
		line := 1
		if len(body) <= len(b) && bytes.HasSuffix(b, body) {
			line += bytes.Count(b[:len(b)-len(body)], []byte("\n"))
		}
		out = append(out, Editorial{File: rel, Name: name, Lang: lang, Params: params, Body: string(body), Line: line})
	}
	return out, nil
}
