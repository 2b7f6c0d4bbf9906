package locale

import (
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/model"
)

func TestChange(t *testing.T) {
	tests := []struct {
		m      model.Measure
		delta  float64
		vi, en string
	}{
		{model.Percent, 2.5, "tăng 2,5 điểm phần trăm", "up 2.5 percentage points"},
		{model.Percent, -3, "giảm 3 điểm phần trăm", "down 3 percentage points"},
		{model.Percent, 1, "tăng 1 điểm phần trăm", "up 1 percentage point"},
		{model.Percent, -0.96, "giảm 1 điểm phần trăm", "down 1 percentage point"},
		{model.Percent, 0.05, "tăng 0,1 điểm phần trăm", "up 0.1 percentage points"},
		{model.Percent, 0.04, "không đổi", "unchanged"},
		{model.Percent, -0.04, "không đổi", "unchanged"},
		{model.Percent, 0, "không đổi", "unchanged"},
		{model.Percent, 12.25, "tăng 12,3 điểm phần trăm", "up 12.3 percentage points"},
		{model.Count, 3, "tăng 3", "up 3"},
		{model.Count, -1200, "giảm 1.200", "down 1,200"},
		{model.Count, 0.4, "không đổi", "unchanged"},
		{model.Count, -0.5, "giảm 1", "down 1"},
		{model.Number, 8, "tăng 8", "up 8"},
		{model.Number, -0.125, "giảm 0,13", "down 0.13"},
		{model.Number, 0.004, "không đổi", "unchanged"},
		{model.Percent, nan, Missing, Missing},
		{model.Count, inf, Missing, Missing},
	}
	for _, tt := range tests {
		vi, en := Change(model.VI, tt.m, tt.delta), Change(model.EN, tt.m, tt.delta)
		if vi != tt.vi {
			t.Errorf("Change(vi, %s, %v) = %q, want %q", tt.m, tt.delta, vi, tt.vi)
		}
		if en != tt.en {
			t.Errorf("Change(en, %s, %v) = %q, want %q", tt.m, tt.delta, en, tt.en)
		}
		if tt.m == model.Percent && (strings.Contains(vi, "%") || strings.Contains(en, "%")) {
			t.Errorf("Change(%s, %v) writes a percent difference with %%: %q / %q", tt.m, tt.delta, vi, en)
		}
	}
}

func TestSignedChange(t *testing.T) {
	tests := []struct {
		m      model.Measure
		delta  float64
		vi, en string
	}{
		{model.Percent, 2.5, "+2,5 điểm", "+2.5 pts"},
		{model.Percent, -3, "\u22123 điểm", "\u22123 pts"},
		{model.Percent, 1, "+1 điểm", "+1 pt"},
		{model.Percent, 0.04, "không đổi", "no change"},
		{model.Percent, -0.04, "không đổi", "no change"},
		{model.Percent, 99.95, "+100 điểm", "+100 pts"},
		{model.Count, 3, "+3", "+3"},
		{model.Count, -1200, "−1.200", "−1,200"},
		{model.Count, 0, "không đổi", "no change"},
		{model.Count, negZ, "không đổi", "no change"},
		{model.Number, 0.004, "không đổi", "no change"},
		{model.Number, -0.125, "−0,13", "−0.13"},
		{model.Number, 12.5, "+12,5", "+12.5"},
		{model.Number, nan, Missing, Missing},
	}
	for _, tt := range tests {
		if got := SignedChange(model.VI, tt.m, tt.delta); got != tt.vi {
			t.Errorf("SignedChange(vi, %s, %v) = %q, want %q", tt.m, tt.delta, got, tt.vi)
		}
		if got := SignedChange(model.EN, tt.m, tt.delta); got != tt.en {
			t.Errorf("SignedChange(en, %s, %v) = %q, want %q", tt.m, tt.delta, got, tt.en)
		}
	}
}
