package importer

import (
	"strings"
	"unicode"

	"github.com/minhbach/minhbach/internal/diag"
)

// Text typed with the old TCVN3 (.VnTime) or VNI fonts stores Vietnamese
// letters as Latin-1 bytes; read as Unicode or Windows-1258 it shows as
// "HuyÖn", "Chî §ån" (TCVN3) or "Huyeän", "Xaõ" (VNI). These characters
// are not used in Vietnamese, so one of them inside a word gives it away.
const foreign = "ÄÅÆÇËÎÏÑÖØÛÜßäåæçëîïñöøûüÿ¸·¶µ¹º»¼½¾¿§¨©ª«¬®¯±²³¡¢£¤¥¦ÞþÐð×÷"

// VNI writes a tone as a separate byte after a plain vowel; õ, ù and ø
// right after a, e, i, o, u or y never occur in Vietnamese.
const vniTone = "õùøÕÙØ"

// mojibake returns the first word of s that shows TCVN3 or VNI text read
// in the wrong encoding, or "".
func mojibake(s string) string {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",;:()[]\"'/-", r) }) {
		rs := []rune(w)
		if len(rs) < 2 {
			continue
		}
		letters := 0
		for _, r := range rs {
			if unicode.IsLetter(r) && !strings.ContainsRune(foreign, r) {
				letters++
			}
		}
		if letters == 0 {
			continue
		}
		for i, r := range rs {
			if strings.ContainsRune(foreign, r) {
				return w
			}
			if i > 0 && strings.ContainsRune(vniTone, r) && strings.ContainsRune("aeiouyAEIOUY", rs[i-1]) {
				return w
			}
		}
	}
	return ""
}

// mojibake reports the first cell that shows TCVN3 or VNI text.
func (im *importer) mojibake(grids []*grid) bool {
	for _, g := range grids {
		for _, r := range g.rows {
			for _, c := range r.cells {
				if w := mojibake(c.text); w != "" {
					im.errs.Add(diag.Newf(g.at(c), CodeMojibake, "", clip(c.text), msgMojibake, w))
					return true
				}
			}
		}
	}
	return false
}
