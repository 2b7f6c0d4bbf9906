// Package msgtest helps tests prove that Vietnamese messages read as
// Vietnamese: it finds the English words an untranslated message would
// hold.
package msgtest

import "regexp"

// verbRE matches a fmt verb.
var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// StripVerbs returns format without its fmt verbs: the words of a
// message.
func StripVerbs(format string) string { return verbRE.ReplaceAllString(format, " ") }

// englishRE matches words that only an untranslated message would hold.
// Words that are data (column names, the values percent, count, up…) are
// quoted in Vietnamese messages, and quoted text is not searched.
var englishRE = regexp.MustCompile(`(?i)\b(the|not|and|or|is|are|must|write|missing|delete|column|cell|file|files|row|line|with|without|unknown|give|only|too|more|than|expected|save|perhaps|number|year|empty|already|keep|use|name|text|code|codes|both|neither|instead|between|this|these|has|have|cannot|found|invalid|large|long|such|as|if|of|in|on|at|to|from|for|by)\b`)

// quotedRE matches text quoted in a message or its value, and the
// command a hint names: they are data, not words to translate.
var quotedRE = regexp.MustCompile(`"[^"]*"|“[^”]*”|'[^']*'|data/[^\s,;:)]*|[^\s(]+\.(csv|md)\b`)

// English returns the English words left in s, the Vietnamese format of a
// message.
func English(s string) []string {
	s = StripVerbs(quotedRE.ReplaceAllString(s, " "))
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
