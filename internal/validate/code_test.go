package validate

import (
	"regexp"
	"testing"
)

// The rules isCode and reservedCode implement, as regular expressions:
// the loops must agree with them on every input.
var (
	codeSpec     = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)
	reservedSpec = regexp.MustCompile(`(?i)^(con|prn|aux|nul|com[0-9]|lpt[0-9])$`)
)

func TestCodeRulesMatchSpec(t *testing.T) {
	inputs := []string{
		"", "a", "Z", "0", "VB01", "DVC-07", "ha_tang", "02020", "-a", "_a", "a-", "a_",
		"a b", " a", "a.", "a/b", "Tỷlệ", "é", "a\x00", "\u212a", "a\u00a0",
		"con", "CON", "Con", "prn", "aux", "NuL", "com0", "COM9", "lpt1", "LPT7",
		"coma", "com", "com10", "lpt", "nul1", "conx", "xcon", "co", "c0n", "com-", "lpt_",
	}
	for _, s := range inputs {
		if got, want := isCode(s), codeSpec.MatchString(s); got != want {
			t.Errorf("isCode(%q) = %v, want %v", s, got, want)
		}
		if got, want := reservedCode(s), reservedSpec.MatchString(s); got != want {
			t.Errorf("reservedCode(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzCodeRules(f *testing.F) {
	for _, s := range []string{"VB01", "con", "lpt9", "-x", "a_b-c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isCode(s), codeSpec.MatchString(s); got != want {
			t.Errorf("isCode(%q) = %v, want %v", s, got, want)
		}
		if got, want := reservedCode(s), reservedSpec.MatchString(s); got != want {
			t.Errorf("reservedCode(%q) = %v, want %v", s, got, want)
		}
	})
}
