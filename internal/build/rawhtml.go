package build

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/sitedata"
)

// CodeRawHTML warns of HTML in the staff's text, which the site leaves out
// (Markdown only, raw HTML off): the words inside a <div> vanish from the
// page without a word unless the build says so, at the line.
const CodeRawHTML = "raw-html"

// htmlTag is an HTML tag or comment as Goldmark takes it for raw HTML; an
// autolink (<https://…>) has no space or ">" after its scheme's letters.
var htmlTag = regexp.MustCompile(`<!--|<\?|</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>`)

// EditorialWarnings finds the raw HTML of each editorial text, outside code
// fences and code spans: one warning per line, at its first tag.
func EditorialWarnings(eds []sitedata.Editorial) []*diag.Error {
	var out []*diag.Error
	for _, e := range eds {
		fence := ""
		for i, line := range strings.Split(e.Body, "\n") {
			trim := strings.TrimSpace(line)
			if fence != "" {
				if strings.HasPrefix(trim, fence) {
					fence = ""
				}
				continue
			}
			if strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~") {
				fence = trim[:3]
				continue
			}
			if strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t") {
				continue // an indented code block
			}
			loc := firstTag(line)
			if loc == nil {
				continue
			}
			pos := diag.Position{File: e.File, Line: e.Line + i, Column: utf8.RuneCountInString(line[:loc[0]]) + 1}
			out = append(out, diag.Newf(pos, CodeRawHTML, "", line[loc[0]:loc[1]], msgRawHTML))
		}
	}
	return out
}

// firstTag is the first tag of line outside `code spans`, or nil.
func firstTag(line string) []int {
	off := 0
	for {
		rest := line[off:]
		tick := strings.IndexByte(rest, '`')
		seg := rest
		if tick >= 0 {
			seg = rest[:tick]
		}
		if loc := htmlTag.FindStringIndex(seg); loc != nil {
			return []int{off + loc[0], off + loc[1]}
		}
		if tick < 0 {
			return nil
		}
		// Skip the code span: to the closing run of as many backticks.
		n := len(rest[tick:]) - len(strings.TrimLeft(rest[tick:], "`"))
		end := strings.Index(rest[tick+n:], strings.Repeat("`", n))
		if end < 0 {
			return nil
		}
		off += tick + n + end + n
	}
}
