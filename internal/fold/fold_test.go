package fold

import (
	"slices"
	"testing"
)

func TestBare(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Chợ Đồn":                        "cho don",
		"HUYỆN CHỢ ĐỒN":                  "huyen cho don",
		"Cho\u0323 \u0110o\u0302\u0300n": "cho don", // NFD
		"Xã Bằng Lãng (02035)":           "xa bang lang 02035",
		"Kỳ Sơn, Quý":                    "ki son qui",
		"thuỷ":                           "thuy",
		"  ":                             "",
	} {
		if got := Bare(in); got != want {
			t.Errorf("Bare(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWordsTone(t *testing.T) {
	t.Parallel()
	if got, want := Words("Hoà Thuỷ", true), []string{"hoa2", "thuy3"}; !slices.Equal(got, want) {
		t.Errorf("Words(tone) = %q, want %q", got, want)
	}
	if got, want := Words("Hòa Thủy", true), []string{"hoa2", "thuy3"}; !slices.Equal(got, want) {
		t.Errorf("Words(tone) = %q, want %q", got, want)
	}
}
