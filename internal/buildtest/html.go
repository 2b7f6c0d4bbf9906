package buildtest

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Select returns the elements under n that match selector, in document
// order, as n.querySelectorAll(selector) would in a browser. It knows a
// small part of CSS: elements by tag, #id, .class, [attr] and [attr=value]
// (the value quoted or not), in any combination, and the descendant
// combinator (a space):
//
//	table#trend tbody tr
//	a[href="/chi-so/vb01/"]
//	section[aria-labelledby=h-sum] a
//
// It panics on anything else, as a mistake in the test.
func Select(n *html.Node, selector string) []*html.Node {
	chain, err := parseSelector(selector)
	if err != nil {
		panic(fmt.Sprintf("buildtest.Select(%q): %v", selector, err))
	}
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(e *html.Node) {
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && chain.match(c) {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

// Attr returns the value of n's attribute key, or "".
func Attr(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// Text returns the text under n with its runs of white space made single
// spaces, as a reader sees it.
func Text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// compound is one simple selector: tag#id.class[attr=value].
type compound struct {
	tag, id string
	classes []string
	attrs   []attrTest
}

type attrTest struct {
	key, val string
	hasVal   bool
}

// chain is a selector's compounds, outermost first.
type chain []compound

// match reports whether e matches the last compound and each earlier one
// matches an ancestor of the one after it.
func (ch chain) match(e *html.Node) bool {
	if !ch[len(ch)-1].match(e) {
		return false
	}
	i := len(ch) - 2
	for a := e.Parent; a != nil && i >= 0; a = a.Parent {
		if a.Type == html.ElementNode && ch[i].match(a) {
			i--
		}
	}
	return i < 0
}

func (c compound) match(e *html.Node) bool {
	if c.tag != "" && e.Data != c.tag {
		return false
	}
	if c.id != "" && Attr(e, "id") != c.id {
		return false
	}
	if len(c.classes) > 0 {
		have := strings.Fields(Attr(e, "class"))
		for _, cl := range c.classes {
			if !slices.Contains(have, cl) {
				return false
			}
		}
	}
	for _, a := range c.attrs {
		v, ok := attr(e, a.key)
		if !ok || a.hasVal && v != a.val {
			return false
		}
	}
	return true
}

func parseSelector(s string) (chain, error) {
	var ch chain
	s = strings.TrimSpace(s)
	for s != "" {
		var c compound
		var err error
		c, s, err = parseCompound(s)
		if err != nil {
			return nil, err
		}
		ch = append(ch, c)
		s = strings.TrimLeft(s, " \t\n")
	}
	if len(ch) == 0 {
		return nil, fmt.Errorf("empty selector")
	}
	return ch, nil
}

// parseCompound reads one compound from the start of s and returns the
// rest of s.
func parseCompound(s string) (compound, string, error) {
	var c compound
	start := s
	for s != "" && s[0] != ' ' && s[0] != '\t' && s[0] != '\n' {
		var name string
		switch s[0] {
		case '#':
			name, s = ident(s[1:])
			c.id = name
		case '.':
			name, s = ident(s[1:])
			c.classes = append(c.classes, name)
		case '[':
			end := strings.IndexByte(s, ']')
			if end < 0 {
				return c, s, fmt.Errorf("unclosed [")
			}
			key, val, hasVal := strings.Cut(s[1:end], "=")
			if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
				val = val[1 : len(val)-1]
			}
			c.attrs = append(c.attrs, attrTest{key: strings.TrimSpace(key), val: val, hasVal: hasVal})
			name, s = key, s[end+1:]
		default:
			if s != start {
				return c, s, fmt.Errorf("unexpected %q", s[0])
			}
			name, s = ident(s)
			c.tag = name
		}
		if name == "" {
			return c, s, fmt.Errorf("unsupported syntax at %q", s)
		}
	}
	return c, s, nil
}

// ident splits s after its leading name: letters, digits, '-' and '_'.
func ident(s string) (name, rest string) {
	i := strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_'
	})
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}
