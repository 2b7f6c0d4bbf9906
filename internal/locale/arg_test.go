package locale_test

import (
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
)

func TestMessageArguments(t *testing.T) {
	for _, tt := range []struct {
		arg    interface{ In(string) string }
		vi, en string
	}{
		{locale.Day(time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)), "01/04/2025", "2025-04-01"},
		{locale.Size(1572864), "1,5", "1.5"},
		{locale.Size(100 << 20), "100,0", "100.0"},
		{locale.Size(1234 << 20), "1.234,0", "1,234.0"},
		{locale.Duration(2450 * time.Millisecond), "2,5", "2.5"},
		{locale.Duration(0), "0,0", "0.0"},
	} {
		if got := tt.arg.In(string(model.VI)); got != tt.vi {
			t.Errorf("%T %v: vi %q, want %q", tt.arg, tt.arg, got, tt.vi)
		}
		if got := tt.arg.In(string(model.EN)); got != tt.en || tt.arg.(interface{ String() string }).String() != tt.en {
			t.Errorf("%T %v: en %q, want %q", tt.arg, tt.arg, got, tt.en)
		}
	}
	if got := locale.Megabytes(model.VI, 3<<19); got != "1,5" {
		t.Errorf("Megabytes = %q", got)
	}
	if got := locale.Seconds(model.EN, 1500*time.Millisecond); got != "1.5" {
		t.Errorf("Seconds = %q", got)
	}
}
