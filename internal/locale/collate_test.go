package locale

import (
	"slices"
	"sync"
	"testing"

	"github.com/minhbach/minhbach/internal/model"
)

func TestSort(t *testing.T) {
	want := []string{"An", "Ân", "Ấp", "Bình", "Dĩ", "Đông", "Ea"}
	for _, lang := range model.Langs {
		names := []string{"Ea", "Đông", "Ấp", "Bình", "Ân", "Dĩ", "An"}
		Sort(lang, names)
		if !slices.Equal(names, want) {
			t.Errorf("Sort(%s) = %q, want %q", lang, names, want)
		}
	}
	// Real unit names of Chợ Đồn: Đ after D, Ă/Â after A, numbers by value.
	units := []string{"Yên Thượng", "Đồng Thắng", "Bằng Phúc", "Bản Thi", "Đại Sảo", "Xuân Lạc", "Bằng Lãng", "Tổ 10", "Tổ 2", "Ngọc Phái", "Dương Quang"}
	want = []string{"Bản Thi", "Bằng Lãng", "Bằng Phúc", "Dương Quang", "Đại Sảo", "Đồng Thắng", "Ngọc Phái", "Tổ 2", "Tổ 10", "Xuân Lạc", "Yên Thượng"}
	Sort(model.VI, units)
	if !slices.Equal(units, want) {
		t.Errorf("Sort(vi, units) =\n%q\nwant\n%q", units, want)
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"Dĩ", "Đông", -1},
		{"Đông", "Ea", -1},
		{"Đông", "Yên", -1}, // bytewise "Đ" > "Y"
		{"An", "Ân", -1},
		{"Ân", "Ấp", -1},
		{"Ea", "Ân", 1},
		{"Chợ Đồn", "Chợ Đồn", 0},
		{"Chợ Đồn", "Cho\u031b\u0323 \u0110o\u0302\u0300n", 1}, // NFC vs NFD: equal by collation, ordered bytewise
	}
	for _, tt := range tests {
		for _, lang := range model.Langs {
			if got := Compare(lang, tt.a, tt.b); got != tt.want {
				t.Errorf("Compare(%s, %q, %q) = %d, want %d", lang, tt.a, tt.b, got, tt.want)
			}
			if got := Compare(lang, tt.b, tt.a); got != -tt.want {
				t.Errorf("Compare(%s, %q, %q) = %d, want %d", lang, tt.b, tt.a, got, -tt.want)
			}
		}
	}
}

// TestCompareConcurrent fails under -race if collators were shared.
func TestCompareConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				if Compare(model.VI, "Dĩ", "Đông") != -1 {
					t.Error("Compare(vi, Dĩ, Đông) != -1")
					return
				}
			}
		})
	}
	wg.Wait()
}
