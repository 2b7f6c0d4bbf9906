package importer

// Matching unit and indicator names as staff write them against the
// site's lists, without guessing between two candidates.

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese tone marks, as combining characters after NFD. Every other
// mark (circumflex, breve, horn) changes the letter and is kept.
var tones = map[rune]byte{
	'\u0301': '1', // sắc
	'\u0300': '2', // huyền
	'\u0309': '3', // hỏi
	'\u0303': '4', // ngã
	'\u0323': '5', // nặng
}

// NameKey folds a Vietnamese name to the form names are compared in, so
// that every way staff write the same name gives the same key:
//
//   - case, NFC/NFD and spaces or punctuation around and between words;
//   - where the tone mark sits: old "hoà", "thuỷ" and new "hòa", "thủy"
//     (the tone is moved to the end of its syllable: "hoa2", "thuy3");
//   - y or i as the only vowel of a syllable: "Sỹ"/"Sĩ", "Kỳ"/"Kì", "Quý"/"Quí";
//   - leading words that say what kind of unit it is: "UBND", "Ủy ban nhân
//     dân", "Thị trấn", "TT", "Xã", "Phường", "Huyện", "Phòng"
//     (only when something is left after them).
//
// Letters themselves are never folded: "Lũng" and "Lãng" stay different.
func NameKey(s string) string {
	_, rest := unitKind(syllables(s, true))
	return strings.Join(rest, " ")
}

// Kinds of unit that a name's leading words may state. A name that states
// one only matches a unit of that kind: "Xã Chợ Đồn" is not "Huyện Chợ
// Đồn". "UBND" and "Ủy ban nhân dân" state none.
var kindWords = []struct {
	kind  string
	words []string
}{
	{"", syllables("Ủy ban nhân dân", true)},
	{"", syllables("Uỷ ban nhân dân", true)},
	{"", syllables("UBND", true)},
	{"tt", syllables("Thị trấn", true)},
	{"tt", syllables("TT", true)},
	{"xa", syllables("Xã", true)},
	{"phuong", syllables("Phường", true)},
	{"huyen", syllables("Huyện", true)},
	{"phong", syllables("Phòng", true)},
}

// unitKind strips the leading words that say what kind of unit a name is
// ("UBND xã", "TT") and returns the last kind stated, if any. Nothing is
// stripped that would leave no name.
func unitKind(words []string) (kind string, rest []string) {
	for {
		stripped := false
		for _, p := range kindWords {
			if len(words) > len(p.words) && slices.Equal(words[:len(p.words)], p.words) {
				words = words[len(p.words):]
				if p.kind != "" {
					kind = p.kind
				}
				stripped = true
				break
			}
		}
		if !stripped {
			return kind, words
		}
	}
}

// labelKey folds a column heading further, dropping every mark, so that
// "Tỷ lệ (%)", "TỶ LỆ" and "ty le" all read "ti le": headings are matched
// against a short fixed list where this cannot confuse two of them.
func labelKey(s string) string {
	return strings.Join(syllables(s, false), " ")
}

// syllables splits s into words of letters and digits and folds each one
// (see NameKey). With tone false, every mark and the stroke of đ are
// dropped as well.
func syllables(s string, tone bool) []string {
	s = norm.NFD.String(strings.ToLower(s))
	var words []string
	var base []rune
	var mark byte
	flush := func() {
		if len(base) == 0 {
			return
		}
		w := norm.NFC.String(string(base))
		w = foldY(w)
		if tone && mark != 0 {
			w += string(mark)
		}
		words = append(words, w)
		base, mark = base[:0], 0
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			if t, ok := tones[r]; ok {
				mark = t
			} else if tone && len(base) > 0 {
				base = append(base, r)
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !tone && r == 'đ' {
				r = 'd'
			}
			base = append(base, r)
		default:
			flush()
		}
	}
	flush()
	return words
}

// foldY writes a syllable whose only vowel is y with i instead: "ky" →
// "ki", "quy" → "qui" (the u of qu is a consonant), but "yen", "thuy" and
// "huyen" keep their y.
func foldY(w string) string {
	rest := w
	if strings.HasPrefix(rest, "qu") {
		rest = rest[2:]
	}
	vowels := 0
	at := -1
	for i, r := range rest {
		if isVowel(r) {
			vowels++
			at = i
		}
	}
	if vowels != 1 || rest[at] != 'y' {
		return w
	}
	off := len(w) - len(rest) + at
	return w[:off] + "i" + w[off+1:]
}

func isVowel(r rune) bool {
	return strings.ContainsRune("aăâeêioôơuưy", r)
}

// entry is one thing a name can match: a unit or an indicator.
type entry struct {
	code, name string
}

func (e entry) String() string { return e.code + " " + e.name }

// matcher finds a unit or an indicator by code or by name.
type matcher struct {
	entries []entry
	kinds   []string         // kind each unit's name states (units only)
	code    map[string][]int // exact code, then lower-case code
	key     map[string][]int // NameKey (or nameKey without prefixes) of the name
	units   bool             // strip unit-kind prefixes
}

func newMatcher(entries []entry, units bool) *matcher {
	m := &matcher{entries: entries, code: map[string][]int{}, key: map[string][]int{}, units: units}
	for i, e := range entries {
		kind, _ := unitKind(syllables(e.name, true))
		m.kinds = append(m.kinds, kind)
		m.code[strings.ToLower(e.code)] = appendOnce(m.code[strings.ToLower(e.code)], i)
		if k := m.keyOf(e.name); k != "" {
			m.key[k] = appendOnce(m.key[k], i)
		}
	}
	return m
}

func appendOnce(s []int, i int) []int {
	if slices.Contains(s, i) {
		return s
	}
	return append(s, i)
}

func (m *matcher) keyOf(s string) string {
	if m.units {
		return NameKey(s)
	}
	return strings.Join(syllables(s, true), " ")
}

// match returns the index of the one entry s names, or -1 and the
// candidates: every entry it names when it names several (ambiguous), or
// the closest few when it names none.
func (m *matcher) match(s string) (idx int, candidates []int, ambiguous bool) {
	s = strings.TrimSpace(norm.NFC.String(s))
	if s == "" {
		return -1, nil, false
	}
	if ids := m.code[strings.ToLower(s)]; len(ids) == 1 {
		return ids[0], nil, false
	} else if len(ids) > 1 {
		return -1, ids, true // the list gives one code to several
	}
	k := m.keyOf(s)
	ids := m.key[k]
	if m.units {
		// A kind stated on both sides must agree.
		kind, _ := unitKind(syllables(s, true))
		ids = slices.DeleteFunc(slices.Clone(ids), func(i int) bool { return kind != "" && m.kinds[i] != "" && m.kinds[i] != kind })
	}
	switch {
	case len(ids) == 1:
		return ids[0], nil, false
	case len(ids) > 1:
		return -1, ids, true
	}
	// A code typed into a number cell loses its leading zeros: 02020 → 2020.
	if isDigits(s) {
		var found []int
		for i, e := range m.entries {
			if isDigits(e.code) && strings.TrimLeft(e.code, "0") == strings.TrimLeft(s, "0") {
				found = append(found, i)
			}
		}
		if len(found) == 1 {
			return found[0], nil, false
		}
	}
	return -1, m.closest(k, 3), false
}

// sharedCode reports whether s is a code that several entries have.
func (m *matcher) sharedCode(s string) bool {
	return len(m.code[strings.ToLower(strings.TrimSpace(norm.NFC.String(s)))]) > 1
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// closest returns up to n entries whose name keys are nearest to k by edit
// distance, among those close enough to be a plausible misspelling.
func (m *matcher) closest(k string, n int) []int {
	type scored struct{ i, d int }
	var all []scored
	kr := []rune(k)
	for i, e := range m.entries {
		er := []rune(m.keyOf(e.name))
		d := distance(kr, er)
		if d <= max(2, max(len(kr), len(er))/3) {
			all = append(all, scored{i, d})
		}
	}
	slices.SortStableFunc(all, func(a, b scored) int { return a.d - b.d })
	var out []int
	for _, s := range all[:min(n, len(all))] {
		out = append(out, s.i)
	}
	return out
}

// distance is the Levenshtein distance between a and b.
func distance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// list prints entries for a message: "02020 Thị trấn Bằng Lũng; 02023 Xã Xuân Lạc".
func (m *matcher) list(ids []int) string {
	var parts []string
	for _, i := range ids {
		parts = append(parts, m.entries[i].String())
	}
	return strings.Join(parts, "; ")
}
