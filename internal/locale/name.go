package locale

import (
	"strings"

	"github.com/minhbach/minhbach/internal/model"
)

// adminKinds are the words that open the name of a Vietnamese
// administrative unit. Longer ones first: "Thị xã" before "Xã" cannot
// clash, but "Thành phố" must win over a shorter match.
var adminKinds = []string{"Thành phố ", "Thị trấn ", "Thị xã ", "Huyện ", "Tỉnh ", "Quận ", "Phường ", "Xã "}

// MidSentence writes a unit's name as it reads inside a sentence: in
// Vietnamese the kind of an administrative unit is a common noun, lower
// case ("số liệu của huyện Chợ Đồn", "xã Bản Thi (0%)"), as NĐ 30/2020
// writes it, while an agency's name keeps its capital ("Phòng Tài chính –
// Kế hoạch"), being a proper name. English names are unchanged.
func MidSentence(lang model.Lang, name string) string {
	if isEN(lang) {
		return name
	}
	for _, k := range adminKinds {
		if strings.HasPrefix(name, k) {
			return strings.ToLower(k) + name[len(k):]
		}
	}
	return name
}
