package narrative

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
)

// clause turns an indicator's name into the words around its figure in a
// running sentence, the way the staff write it: "Tỷ lệ văn bản … được ký
// số" becomes "90% văn bản … được ký số", "Số máy tính cũ …" becomes
// "26 máy tính cũ …", and in English "Staff with a work computer" becomes
// "100% of staff with a work computer". A name that fits no rule is kept
// whole: "điểm DTI đạt 0,8". before and after surround the figure.
func clause(lang model.Lang, ind model.Indicator) (before, after string) {
	name := strings.TrimSpace(ind.Name.In(lang))
	if lang == model.EN {
		if rest, ok := cutPrefixFold(name, "number of "); ok && ind.Measure != model.Percent {
			return "", " " + rest
		}
		for _, p := range []string{"share of ", "percentage of ", "proportion of ", "rate of "} {
			if rest, ok := cutPrefixFold(name, p); ok && ind.Measure == model.Percent {
				return "", " of " + rest
			}
		}
		switch ind.Measure {
		case model.Percent:
			return "", " of " + lowerFirst(name)
		case model.Count:
			return "", " " + lowerFirst(name)
		}
		return lowerFirst(name) + " at ", ""
	}
	switch {
	case ind.Measure == model.Percent:
		if rest, ok := cutPrefixFold(name, "tỷ lệ "); ok {
			return "", " " + rest
		}
	case ind.Measure == model.Count:
		if rest, ok := cutPrefixFold(name, "số "); ok {
			return "", " " + rest
		}
	}
	return lowerFirst(name) + " đạt ", ""
}

// cutPrefixFold is strings.CutPrefix ignoring case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) > len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// upperFirst capitalises the first letter of a list item ("Tăng …"); an
// item opening with a figure ("100% …") is unchanged.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lower-cases the first letter of a name used mid-sentence
// ("Huyện Chợ Đồn" → "huyện Chợ Đồn"), as Vietnamese writes unit titles,
// but leaves abbreviations alone ("UBND huyện", "LANs" stay).
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// abbrevKeys are the abbreviations generated text spells out at first use;
// their forms live in internal/locale.
var abbrevKeys = []string{"CBCCVC", "UBND", "HĐND", "CCHC", "CNTT", "TTHC", "DVCTT", "CĐS", "ATTT", "QLVB&ĐH", "CSDL", "DTI"}

// abbreviator spells out abbreviations at their first use in one text and
// abbreviates the long forms after it, as the article does: "cán bộ, công
// chức, viên chức (CBCCVC)" once, then "CBCCVC".
type abbreviator struct {
	ab    *locale.Abbrev
	forms []abbrevForm
}

type abbrevForm struct{ key, text string }

func newAbbreviator(lang model.Lang) *abbreviator {
	a := &abbreviator{ab: locale.NewAbbrev(lang)}
	for _, key := range abbrevKeys {
		// The first use is "full (short)"; a language without a short
		// form (English has no "UBND") leaves the text alone.
		full, short, ok := strings.Cut(locale.NewAbbrev(lang).Use(key), " (")
		if !ok {
			continue
		}
		short = strings.TrimSuffix(short, ")")
		a.forms = append(a.forms, abbrevForm{key, full}, abbrevForm{key, short})
	}
	return a
}

// apply rewrites s, spelling out or abbreviating every known form.
func (a *abbreviator) apply(s string) string {
	var b strings.Builder
	for {
		at, form := -1, abbrevForm{}
		for _, f := range a.forms {
			i := indexWord(s, f.text)
			if i >= 0 && (at < 0 || i < at || (i == at && len(f.text) > len(form.text))) {
				at, form = i, f
			}
		}
		if at < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:at])
		b.WriteString(a.ab.Use(form.key))
		s = s[at+len(form.text):]
		// A long form already followed by its abbreviation, as in a name
		// that spells it out itself, keeps one copy.
		s = strings.TrimPrefix(s, " ("+a.ab.Use(form.key)+")")
	}
}

// indexWord finds w in s as a whole word: not inside a longer word.
func indexWord(s, w string) int {
	off := 0
	for {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(w):])
		if !isWordRune(before) && !isWordRune(after) {
			return i
		}
		off = i + len(w)
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// Short forms of a legal basis for running text: "Quyết định số
// 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ" → "Quyết định số
// 942/QĐ-TTg". The full text is on the indicator page.
var (
	basisVI = regexp.MustCompile(`^(.*?\S) ngày \d`)
	basisEN = regexp.MustCompile(`^(.*?\S) of \d{1,2} `)
)

func shortBasis(lang model.Lang, basis string) string {
	re := basisVI
	if lang == model.EN {
		re = basisEN
	}
	parts := strings.Split(basis, ";")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if m := re.FindStringSubmatch(p); m != nil {
			p = m[1]
		}
		parts[i] = p
	}
	return strings.Join(parts, "; ")
}
