// Package catalogtest helps the tests of packages that make messages prove
// that every message has a Vietnamese form: it finds the format literals in
// a package's source and checks them against source's catalogue.
package catalogtest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/minhbach/minhbach/internal/source"
)

// Literals parses the Go files of dir (tests excluded) and returns every
// format passed to a message constructor. calls maps a function or method
// name to the index of its format argument, such as {"Newf": 4, "P": 0}.
// A format must be a string literal (or a sum of literals), unless it is a
// parameter of the function making the call, a wrapper whose own callers
// are checked in turn: a format computed at run time could not be proven
// to have a translation.
func Literals(t testing.TB, dir string, calls map[string]int) []string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			params := map[string]bool{}
			for _, fl := range fn.Type.Params.List {
				for _, n := range fl.Names {
					params[n.Name] = true
				}
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				idx, ok := calls[callee(call)]
				if !ok || idx >= len(call.Args) {
					return true
				}
				arg := call.Args[idx]
				if s, ok := literal(arg); ok {
					out = append(out, s)
				} else if id, ok := arg.(*ast.Ident); !ok || !params[id.Name] {
					t.Errorf("%s: the format given to %s is not a string literal", fset.Position(arg.Pos()), callee(call))
				}
				return true
			})
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func callee(call *ast.CallExpr) string {
	switch f := call.Fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// literal evaluates a string literal or a sum of them.
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := literal(e.X)
		b, ok2 := literal(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "", false
}

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// sample returns arguments that fit the verbs of an English format.
func sample(format string) []any {
	var args []any
	for _, v := range verbRE.FindAllString(format, -1) {
		switch v[len(v)-1] {
		case '%':
		case 'd', 'x', 'X', 'c', 'U':
			args = append(args, 7)
		case 'f', 'g':
			args = append(args, 7.5)
		default:
			args = append(args, "ARG")
		}
	}
	return args
}

// CheckVI fails t for every format without a Vietnamese form, or whose
// form does not take the same arguments or still reads as English.
func CheckVI(t testing.TB, formats []string) {
	t.Helper()
	for _, f := range formats {
		vi, ok := source.VI(f)
		if !ok {
			t.Errorf("no Vietnamese form for %q", f)
			continue
		}
		args := sample(f)
		if got := fmt.Sprintf(vi, args...); strings.Contains(got, "%!") {
			t.Errorf("the Vietnamese form of %q does not fit its arguments: %q", f, got)
		}
		if fmt.Sprintf(f, args...) == fmt.Sprintf(vi, args...) && strings.ContainsFunc(verbRE.ReplaceAllString(f, ""), unicode.IsLetter) {
			t.Errorf("the Vietnamese form of %q is the English one", f)
		}
		if w := English(vi); len(w) > 0 {
			t.Errorf("the Vietnamese form of %q has English words %q: %q", f, w, vi)
		}
	}
}

// englishRE matches words that only an untranslated message would hold.
// Words that are data (column names, the values percent, count, up…) are
// quoted in Vietnamese messages, and quoted text is not searched.
var englishRE = regexp.MustCompile(`(?i)\b(the|not|and|or|is|are|must|write|missing|delete|column|cell|file|files|row|line|with|without|unknown|give|only|too|more|than|expected|save|perhaps|number|year|empty|already|keep|use|name|text|code|codes|both|neither|instead|between|this|these|has|have|cannot|found|invalid|large|long|such|as|if|of|in|on|at|to|from|for|by)\b`)

// quotedRE matches text quoted in a message or its value, and the
// command a hint names: they are data, not words to translate.
var quotedRE = regexp.MustCompile(`"[^"]*"|“[^”]*”|'[^']*'|data/[^\s,;:)]*|[^\s(]+\.(csv|md)\b`)

// English returns the English words left in s, a Vietnamese message.
func English(s string) []string {
	s = quotedRE.ReplaceAllString(s, " ")
	s = verbRE.ReplaceAllString(s, " ")
	return englishRE.FindAllString(s, -1)
}

// dataWordsRE is englishRE without the words that are also data: column
// names (code, year, name_vi) and the words a measure is written with
// (number), which a message may quote.
var dataWordsRE = regexp.MustCompile(`(?i)\b(the|not|and|or|is|are|must|write|missing|delete|column|cell|file|files|row|line|with|without|unknown|give|only|too|more|than|expected|save|perhaps|empty|already|keep|use|both|neither|instead|between|this|these|has|have|cannot|found|invalid|large|long|such|as|if|of|in|on|at|to|from|for|by)\b`)

// EnglishData returns the English words left in s, a Vietnamese message
// rendered with its arguments.
func EnglishData(s string) []string {
	s = quotedRE.ReplaceAllString(s, " ")
	return dataWordsRE.FindAllString(s, -1)
}
