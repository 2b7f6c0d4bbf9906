package importer

// Matching unit and indicator names as staff write them against the
// site's lists, without guessing between two candidates.

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/fold"
)

// tones are the Vietnamese tone marks (see package fold).
var tones = fold.Tones

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
var kindWords = func() []kindWord {
	var out []kindWord
	for _, k := range [][2]string{
		{"", "Ủy ban nhân dân"}, {"", "Uỷ ban nhân dân"}, {"", "UBND"},
		{"tt", "Thị trấn"}, {"tt", "TT"}, {"xa", "Xã"}, {"phuong", "Phường"},
		{"huyen", "Huyện"}, {"phong", "Phòng"},
		{"phong", "P"}, // "P. Nội vụ"
	} {
		out = append(out, kindWord{k[0], syllables(k[1], true), syllables(k[1], false)})
	}
	return out
}()

type kindWord struct {
	kind        string
	words, bare []string // folded with tones, and without any mark
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
// dropped as well: the one rule of package fold, which the site's search
// shares.
func syllables(s string, tone bool) []string { return fold.Words(s, tone) }

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
		if len(ids) == 0 {
			ids = m.loose(s)
		}
		// A kind stated on both sides must agree.
		kind, _ := unitKind(syllables(s, true))
		if kind == "" && !marked(s) {
			kind, _ = unitKindBare(syllables(s, false))
		}
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
	if m.units && !marked(s) {
		// Typed without marks: the closest names without theirs.
		_, rest := unitKindBare(syllables(s, false))
		return -1, m.closestBy(strings.Join(rest, " "), 3, bareKey), false
	}
	return -1, m.closest(k, 3), false
}

// bareKey is a unit's name key without any mark.
func bareKey(name string) string {
	_, rest := unitKindBare(syllables(name, false))
	return strings.Join(rest, " ")
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
func (m *matcher) closest(k string, n int) []int { return m.closestBy(k, n, m.keyOf) }

// closestBy is closest with names folded by key.
func (m *matcher) closestBy(k string, n int, key func(string) string) []int {
	type scored struct{ i, d int }
	var all []scored
	kr := []rune(k)
	for i, e := range m.entries {
		er := []rune(key(e.name))
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

// Loose matching, when a unit's name as written has no exact key: typed
// without any Vietnamese mark ("Xa Bang Lang", on a keyboard without
// Unikey), or with the abbreviations offices use ("Phòng TN và MT",
// "NN và PTNT", "VH-TT", "GD&ĐT", "VP HĐND và UBND huyện"). Every unit it
// fits is returned: one is a match, several are listed as candidates.

// word is one word of a name as written.
type word struct {
	key  string // folded with its tone (see syllables)
	bare string // folded without any mark, đ as d
	acro bool   // written in capitals, 2 to 6 letters: an abbreviation
}

// words splits s into words, keeping whether each one is an abbreviation.
func words(s string) []word {
	var out []word
	for _, f := range strings.FieldsFunc(norm.NFC.String(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		k, b := syllables(f, true), syllables(f, false)
		if len(k) != 1 || len(b) != 1 {
			continue
		}
		n := len([]rune(f))
		out = append(out, word{key: k[0], bare: b[0], acro: n >= 2 && n <= 6 && f == strings.ToUpper(f) && !isDigits(f)})
	}
	return out
}

// marked reports whether s has a Vietnamese mark or đ anywhere: a name
// without any was typed without them, and is compared without them.
func marked(s string) bool {
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) || r == 'đ' || r == 'Đ' {
			return true
		}
	}
	return false
}

// unitKindBare is unitKind for a name typed without marks.
func unitKindBare(ws []string) (kind string, rest []string) {
	for {
		stripped := false
		for _, p := range kindWords {
			if len(ws) > len(p.bare) && slices.Equal(ws[:len(p.bare)], p.bare) {
				ws = ws[len(p.bare):]
				if p.kind != "" {
					kind = p.kind
				}
				stripped = true
				break
			}
		}
		if !stripped {
			return kind, ws
		}
	}
}

// loose returns the units whose name s fits loosely (see above).
func (m *matcher) loose(s string) []int {
	in := words(s)
	bare := !marked(s)
	// The leading words that state a kind are dropped on both sides.
	keys := make([]string, len(in))
	for i, w := range in {
		keys[i] = w.key
		if bare {
			keys[i] = w.bare
		}
	}
	var drop int
	if bare {
		_, rest := unitKindBare(keys)
		drop = len(keys) - len(rest)
	} else {
		_, rest := unitKind(keys)
		drop = len(keys) - len(rest)
	}
	in = in[drop:]
	if len(in) == 0 {
		return nil
	}
	var out []int
	for i, e := range m.entries {
		nk := syllables(e.name, true)
		_, rest := unitKind(nk)
		rest = nk[len(nk)-len(rest):]
		nb := syllables(e.name, false)[len(nk)-len(rest):]
		if fits(in, rest, nb, bare) {
			out = append(out, i)
		}
	}
	return out
}

// fits reports whether the words written, in, spell the words of a name
// (with their tones, key, and without marks, bare): each word is the
// name's word, or an abbreviation of as many of its words as it has
// letters ("PTNT": phát triển nông thôn); "và" may be left out on either
// side ("VH-TT", "GD&ĐT").
func fits(in []word, key, bare []string, noMarks bool) bool {
	var walk func(i, j int) bool
	walk = func(i, j int) bool {
		if i == len(in) && j == len(key) {
			return true
		}
		if j < len(key) && bare[j] == "va" && walk(i, j+1) {
			return true
		}
		if i < len(in) && in[i].bare == "va" && walk(i+1, j) {
			return true
		}
		if i == len(in) || j == len(key) {
			return false
		}
		w := in[i]
		if (noMarks && w.bare == bare[j]) || (!noMarks && w.key == key[j]) {
			if walk(i+1, j+1) {
				return true
			}
		}
		if w.acro {
			letters := []rune(w.bare)
			if n := len(letters); j+n <= len(key) {
				ok := true
				for k, r := range letters {
					if []rune(bare[j+k])[0] != r {
						ok = false
						break
					}
				}
				if ok && walk(i+1, j+n) {
					return true
				}
			}
		}
		return false
	}
	return walk(0, 0)
}
