// Package fold is the one rule for comparing Vietnamese text as people
// type it: by hand, with or without diacritics, in any case or Unicode
// form. The importer matches unit names and column headings with it, and
// the site's search index keys titles with it, so "Chợ Đồn", "CHỢ ĐỒN" and
// "cho don" are one name everywhere.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Tones are the Vietnamese tone marks, as combining characters after NFD,
// each with the digit Words writes for it. Every other mark (circumflex,
// breve, horn) changes the letter and is kept when tones are kept.
var Tones = map[rune]byte{
	'\u0301': '1', // sắc
	'\u0300': '2', // huyền
	'\u0309': '3', // hỏi
	'\u0303': '4', // ngã
	'\u0323': '5', // nặng
}

// Words splits s into words of letters and digits, lower-cased, and folds
// each one: a syllable whose only vowel is y is written with i ("Kỳ",
// "Kì"); with tone, the syllable's tone mark moves to its end as a digit
// ("hoà" and "hòa" are both "hoa2") and its other marks stay; without
// tone, every mark and the stroke of đ are dropped ("Đồn" is "don").
func Words(s string, tone bool) []string {
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
			if t, ok := Tones[r]; ok {
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

// Bare is s as typed without any diacritics, its words joined by one
// space: "Xã Chợ Đồn" → "xa cho don". The search page's script folds a
// query the same way (and its browser test holds the two together).
func Bare(s string) string { return strings.Join(Words(s, false), " ") }

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
