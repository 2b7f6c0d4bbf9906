// Package msgtest helps tests prove that Vietnamese messages read as
// Vietnamese: it finds the English words an untranslated message would
// hold.
package msgtest

import (
	"regexp"
	"strings"
	"unicode"
)

// verbRE matches a fmt verb.
var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// StripVerbs returns format without its fmt verbs: the words of a
// message.
func StripVerbs(format string) string { return verbRE.ReplaceAllString(format, " ") }

// english lists words that only an untranslated message would hold.
// Words that are data (column names, the values percent, count, up…) are
// quoted in Vietnamese messages, and quoted text is not searched.
var english = words(dataWords + " number year name text code codes")

// dataWords are the English words that are never data: EnglishData looks
// for these alone, since a rendered message may quote column names (code,
// year, name_vi) and the words a measure is written with (number).
const dataWords = "the not and or is are must write missing delete column cell file files row line with without unknown give only too more than expected save perhaps empty already keep use both neither instead between this these has have cannot found invalid large long such as if of in on at to from for by"

func words(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// quotedRE matches text quoted in a message or its value, and the
// command a hint names: they are data, not words to translate.
var quotedRE = regexp.MustCompile(`"[^"]*"|“[^”]*”|'[^']*'|data/[^\s,;:)]*|[^\s(]+\.(csv|md)\b`)

// English returns the English words left in s, the Vietnamese format of a
// message.
func English(s string) []string {
	return find(StripVerbs(quotedRE.ReplaceAllString(s, " ")), english)
}

// EnglishData returns the English words left in s, a Vietnamese message
// rendered with its arguments.
func EnglishData(s string) []string {
	return find(quotedRE.ReplaceAllString(s, " "), words(dataWords))
}

// find returns the words of s in list, whatever their case. Words are
// split at anything that is not a letter, a digit or _, so that "to" is not
// found in "toàn".
func find(s string, list map[string]bool) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' }) {
		if list[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}
