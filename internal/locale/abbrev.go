package locale

import "github.com/minhbach/minhbach/internal/model"

// abbreviation is one entry of the list in the domain brief (§4). en is the
// English full form; enShort is its English abbreviation, empty when
// English has none in use, in which case the full form is always written.
type abbreviation struct {
	vi, en, enShort string
}

// abbreviations is keyed by the Vietnamese abbreviation, which callers use
// as the key in both languages.
var abbreviations = map[string]abbreviation{
	"CBCCVC":  {vi: "cán bộ, công chức, viên chức", en: "officials and public employees"},
	"UBND":    {vi: "Ủy ban nhân dân", en: "People's Committee"},
	"HĐND":    {vi: "Hội đồng nhân dân", en: "People's Council"},
	"CCHC":    {vi: "cải cách hành chính", en: "public administration reform", enShort: "PAR"},
	"CNTT":    {vi: "công nghệ thông tin", en: "information technology", enShort: "IT"},
	"TTHC":    {vi: "thủ tục hành chính", en: "administrative procedures"},
	"DVCTT":   {vi: "dịch vụ công trực tuyến", en: "online public services"},
	"CĐS":     {vi: "chuyển đổi số", en: "digital transformation"},
	"ATTT":    {vi: "an toàn thông tin", en: "information security"},
	"QLVB&ĐH": {vi: "quản lý văn bản và điều hành", en: "document management and workflow"},
	"CSDL":    {vi: "cơ sở dữ liệu", en: "database"},
	"DTI":     {vi: "Bộ chỉ số chuyển đổi số", en: "Digital Transformation Index", enShort: "DTI"},
}

// Abbrev spells out an abbreviation at its first use within one text, as
// Vietnamese administrative writing does: the first Use("CBCCVC") returns
// "cán bộ, công chức, viên chức (CBCCVC)", later ones "CBCCVC". In English,
// terms with an English abbreviation behave the same ("information
// technology (IT)", then "IT"); the others return the full form every time,
// since an unexplained Vietnamese acronym means nothing to the reader.
//
// Keys are the Vietnamese abbreviations of the domain brief; an unknown key
// is returned unchanged. Make one Abbrev per generated text (and per
// language); it is not safe for concurrent use.
type Abbrev struct {
	lang model.Lang
	used map[string]bool
}

// NewAbbrev returns an Abbrev for one text in lang.
func NewAbbrev(lang model.Lang) *Abbrev {
	return &Abbrev{lang: lang, used: make(map[string]bool)}
}

// Use returns the form of key to write at this point of the text.
func (a *Abbrev) Use(key string) string {
	e, ok := abbreviations[key]
	if !ok {
		return key
	}
	full, short := e.vi, key
	if isEN(a.lang) {
		full, short = e.en, e.enShort
		if short == "" {
			return full
		}
	}
	if a.used[key] {
		return short
	}
	a.used[key] = true
	return full + " (" + short + ")"
}
