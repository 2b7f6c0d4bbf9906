package msg_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/minhbach/minhbach/internal/importcheck"
	"github.com/minhbach/minhbach/internal/msg/msgtest"
)

const msgPath = "github.com/minhbach/minhbach/internal/msg"

// declared is a message of the module, found by reading its source.
type declared struct {
	at     string // file:line
	vi, en string
	args   int // how many arguments it takes
}

// TestCatalogue reads every msg.New of the module (tests excepted) and
// proves each message whole: both forms are literals, neither is empty,
// they take the same arguments with the same verbs, and the Vietnamese
// form is not the English one and has no English words outside quotes.
// Where a message is said with its arguments (m.With(a, b), m.Err(a, b),
// or f(…, m, a, b) as source.Newf takes them), their number must be the
// number the message takes, as go vet checks for fmt.Printf.
func TestCatalogue(t *testing.T) {
	root := importcheck.ModuleRoot(t)
	fset := token.NewFileSet()
	type file struct {
		rel string
		f   *ast.File
	}
	var files []file
	for _, rel := range importcheck.GoFiles(t, root) {
		if strings.HasSuffix(rel, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(root, filepath.FromSlash(rel)), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, file{rel, f})
	}

	// The messages, by "package.Name" when a variable holds them.
	byName := map[string]declared{}
	count := 0
	for _, fl := range files {
		local := importName(fl.f)
		if local == "" {
			continue
		}
		named := map[*ast.CallExpr]string{}
		for _, d := range fl.f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				for i, v := range vs.Values {
					if c, ok := v.(*ast.CallExpr); ok && i < len(vs.Names) {
						named[c] = fl.f.Name.Name + "." + vs.Names[i].Name
					}
				}
			}
		}
		ast.Inspect(fl.f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || !isSel(c.Fun, local, "New") {
				return true
			}
			at := fmt.Sprintf("%s:%d", fl.rel, fset.Position(c.Pos()).Line)
			count++
			m, err := check(c)
			if err != nil {
				t.Errorf("%s: %v", at, err)
				return true
			}
			m.at = at
			if name, ok := named[c]; ok {
				byName[name] = m
			}
			return true
		})
	}
	if count < 150 {
		t.Fatalf("found only %d messages in the module; did the way they are declared change?", count)
	}

	// The arguments given where messages are said.
	for _, fl := range files {
		ast.Inspect(fl.f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || c.Ellipsis.IsValid() {
				return true // f(m, args...) forwards arguments it cannot count
			}
			given, m, ok := said(c, fl.f, byName)
			if ok && given != m.args {
				t.Errorf("%s:%d: %d arguments for the message of %s, which takes %d", fl.rel, fset.Position(c.Pos()).Line, given, m.at, m.args)
			}
			return true
		})
	}
}

// importName is the name file f gives package msg, or "" if it does not
// import it.
func importName(f *ast.File) string {
	for _, s := range f.Imports {
		if p, _ := strconv.Unquote(s.Path.Value); p == msgPath {
			if s.Name != nil {
				return s.Name.Name
			}
			return path.Base(p)
		}
	}
	return ""
}

func isSel(e ast.Expr, pkg, name string) bool {
	s, ok := e.(*ast.SelectorExpr)
	if !ok || s.Sel.Name != name {
		return false
	}
	x, ok := s.X.(*ast.Ident)
	return ok && x.Name == pkg
}

// check proves one msg.New call and returns its message.
func check(c *ast.CallExpr) (declared, error) {
	if len(c.Args) != 2 {
		return declared{}, fmt.Errorf("msg.New takes the Vietnamese and the English form")
	}
	vi, ok1 := literal(c.Args[0])
	en, ok2 := literal(c.Args[1])
	if !ok1 || !ok2 {
		return declared{}, fmt.Errorf("both forms of a message must be string literals, so that this test can read them")
	}
	if vi == "" || en == "" {
		return declared{}, fmt.Errorf("a form is empty: vi %q, en %q", vi, en)
	}
	vv, err := verbs(vi)
	if err != nil {
		return declared{}, fmt.Errorf("Vietnamese %q: %v", vi, err)
	}
	ve, err := verbs(en)
	if err != nil {
		return declared{}, fmt.Errorf("English %q: %v", en, err)
	}
	if !maps.Equal(vv, ve) {
		return declared{}, fmt.Errorf("the forms take different arguments: Vietnamese %v in %q, English %v in %q", vv, vi, ve, en)
	}
	if vi == en && strings.ContainsFunc(msgtest.StripVerbs(en), unicode.IsLetter) {
		return declared{}, fmt.Errorf("the Vietnamese form is the English one: %q", vi)
	}
	if w := msgtest.English(vi); len(w) > 0 {
		return declared{}, fmt.Errorf("the Vietnamese form has English words %q: %q", w, vi)
	}
	n := 0
	for i := range ve {
		n = max(n, i)
	}
	return declared{vi: vi, en: en, args: n}, nil
}

// said finds a message said with its arguments in call c: the receiver of
// With or Err, or an argument followed by the message's own. It returns
// how many arguments were given.
func said(c *ast.CallExpr, f *ast.File, byName map[string]declared) (int, declared, bool) {
	lookup := func(e ast.Expr) (declared, bool) {
		switch e := e.(type) {
		case *ast.Ident:
			m, ok := byName[f.Name.Name+"."+e.Name]
			return m, ok
		case *ast.SelectorExpr:
			if x, ok := e.X.(*ast.Ident); ok {
				m, ok := byName[x.Name+"."+e.Sel.Name]
				return m, ok
			}
		}
		return declared{}, false
	}
	if s, ok := c.Fun.(*ast.SelectorExpr); ok && (s.Sel.Name == "With" || s.Sel.Name == "Err") {
		if m, ok := lookup(s.X); ok {
			return len(c.Args), m, true
		}
	}
	for i, a := range c.Args {
		if m, ok := lookup(a); ok {
			return len(c.Args) - i - 1, m, true
		}
	}
	return 0, declared{}, false
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

// verbs maps each argument a format takes (from 1) to its verbs, as fmt
// reads them: %[n] sets the argument, and the next verb takes the one
// after. Widths and precisions from arguments (*) are refused.
func verbs(format string) (map[int]string, error) {
	out := map[int]string{}
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		index := func() error {
			if i < len(format) && format[i] == '[' {
				end := strings.IndexByte(format[i:], ']')
				n, err := strconv.Atoi(format[i+1 : i+max(end, 1)])
				if end < 0 || err != nil || n < 1 {
					return fmt.Errorf("bad argument index at %d", i)
				}
				arg, i = n, i+end+1
			}
			return nil
		}
		if err := index(); err != nil {
			return nil, err
		}
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '.') {
			i++
		}
		if err := index(); err != nil {
			return nil, err
		}
		if i >= len(format) {
			return nil, fmt.Errorf("a verb is cut off at the end")
		}
		switch v := format[i]; {
		case v == '%':
		case v == '*':
			return nil, fmt.Errorf("* widths are not supported in messages")
		case unicode.IsLetter(rune(v)):
			if !strings.Contains(out[arg], string(v)) {
				b := []byte(out[arg] + string(v))
				slices.Sort(b)
				out[arg] = string(b)
			}
			arg++
		default:
			return nil, fmt.Errorf("bad verb %q", v)
		}
	}
	return out, nil
}

func TestVerbs(t *testing.T) {
	for _, tt := range []struct {
		format string
		want   map[int]string
	}{
		{"no verbs, 100%%", map[int]string{}},
		{"%s and %d", map[int]string{1: "s", 2: "d"}},
		{"%[2]s before %[1]s", map[int]string{1: "s", 2: "s"}},
		{"%s or %s, %[1]s for %[2]s", map[int]string{1: "s", 2: "s"}},
		{"%[2]s then %s", map[int]string{2: "s", 3: "s"}},
		{"U+%04X, %.1f, %-5q", map[int]string{1: "X", 2: "f", 3: "q"}},
		{"%v %[1]q", map[int]string{1: "qv"}},
	} {
		got, err := verbs(tt.format)
		if err != nil || !maps.Equal(got, tt.want) {
			t.Errorf("verbs(%q) = %v, %v; want %v", tt.format, got, err, tt.want)
		}
	}
	for _, bad := range []string{"%*d", "%[x]s", "cut %", "%[0]s"} {
		if _, err := verbs(bad); err == nil {
			t.Errorf("verbs(%q): no error", bad)
		}
	}
}
