package locale

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/minhbach/minhbach/internal/model"
)

// A collate.Collator keeps scratch buffers and is not safe for concurrent
// use, so each language keeps a pool of them rather than one shared value.
var collators = map[model.Lang]*sync.Pool{
	model.VI: newPool(language.Vietnamese),
	model.EN: newPool(language.English),
}

func newPool(tag language.Tag) *sync.Pool {
	return &sync.Pool{New: func() any {
		// Numeric: "Tổ 2" before "Tổ 10", as people expect of unit names.
		return collate.New(tag, collate.Numeric)
	}}
}

func pool(lang model.Lang) *sync.Pool {
	if isEN(lang) {
		return collators[model.EN]
	}
	return collators[model.VI]
}

// Compare orders names as a reader of lang expects, returning -1, 0 or +1.
// In Vietnamese the letters run a ă â b c d đ e ê … with tones as a
// secondary difference, so "Đông" comes right after "Dĩ", not after "Y" as
// a byte comparison would put it. Names that collate equal but differ in
// bytes (say NFC and NFD forms) are ordered bytewise, so that sorting is
// deterministic; only identical strings compare 0.
func Compare(lang model.Lang, a, b string) int {
	p := pool(lang)
	c := p.Get().(*collate.Collator)
	defer p.Put(c)
	return compare(c, a, b)
}

func compare(c *collate.Collator, a, b string) int {
	if r := c.CompareString(a, b); r != 0 {
		return r
	}
	return strings.Compare(a, b)
}

// Sort sorts names in place in the order of Compare.
func Sort(lang model.Lang, names []string) {
	p := pool(lang)
	c := p.Get().(*collate.Collator)
	defer p.Put(c)
	slices.SortFunc(names, func(a, b string) int { return compare(c, a, b) })
}
