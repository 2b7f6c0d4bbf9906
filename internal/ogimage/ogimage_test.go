package ogimage

import (
	"bytes"
	"image/png"
	"testing"
)

func card() Card {
	v := []float64{70.7, 90}
	t := 100.0
	return Card{
		Site: "Chính quyền số huyện Chợ Đồn", Title: "Tỷ lệ văn bản được ký số, Huyện Chợ Đồn",
		Value: "90%", Period: "quý IV/2024", Lines: []string{"Tăng 3,5 điểm phần trăm.", "Mục tiêu: 100% (2025)."},
		Values: []*float64{&v[0], nil, &v[1]}, Labels: []string{"I/2023", "II/2023", "IV/2024"}, Target: &t, Lo: 0, Hi: 100,
	}
}

// TestPNG: the size Open Graph asks for, the same bytes twice, and ink
// where the text and the line are.
func TestPNG(t *testing.T) {
	t.Parallel()
	a, err := PNG(card())
	if err != nil {
		t.Fatal(err)
	}
	b, err := PNG(card())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two drawings of one card differ")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if r := img.Bounds(); r.Dx() != Width || r.Dy() != Height {
		t.Errorf("size %v, want %dx%d", r, Width, Height)
	}
	// The big figure is drawn in the series colour at the left.
	found := false
	for x := 60; x < 400 && !found; x++ {
		for y := 290; y < 380; y++ {
			if r, g, b, _ := img.At(x, y).RGBA(); r>>8 == 0x1f && g>>8 == 0x5f && b>>8 == 0xa8 {
				found = true
				break
			}
		}
	}
	if !found {
		t.Error("no figure drawn in the series colour")
	}
}

// TestVietnameseLetters: every letter of Vietnamese has a glyph in the
// embedded fonts (Go's own fonts lack "ợ").
func TestVietnameseLetters(t *testing.T) {
	t.Parallel()
	if err := fonts(); err != nil {
		t.Fatal(err)
	}
	const letters = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
	for _, f := range []struct {
		name string
		ttf  []byte
	}{{"regular", regularTTF}, {"bold", boldTTF}} {
		fnt := regular
		if f.name == "bold" {
			fnt = bold
		}
		for _, r := range letters + "AĂÂĐÊÔƠƯỢỒ%–…" {
			if i, err := fnt.GlyphIndex(nil, r); err != nil || i == 0 {
				t.Errorf("%s: no glyph for %q", f.name, r)
			}
		}
	}
}

func BenchmarkPNG(b *testing.B) {
	c := card()
	for b.Loop() {
		if _, err := PNG(c); err != nil {
			b.Fatal(err)
		}
	}
}
