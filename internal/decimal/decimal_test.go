package decimal

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

func TestRound(t *testing.T) {
	tests := []struct {
		v      float64
		places int
		want   float64
	}{
		{2.5, 0, 3},
		{3.5, 0, 4}, // half-up, not half-to-even
		{0.5, 0, 1},
		{1.5, 0, 2},
		{0.125, 2, 0.13},
		{98.65, 1, 98.7},
		{1.005, 2, 1.01}, // stored as 1.00499…; math.Round(v*100)/100 gives 1
		{2.675, 2, 2.68}, // stored as 2.67499…
		{1.0049999, 2, 1},
		{99.95, 1, 100},
		{99.96, 1, 100},
		{99.94, 1, 99.9},
		{100 * 1999.0 / 2000, 1, 100},
		{9.995, 2, 10},
		{999.5, 0, 1000},
		{999.95, 1, 1000},
		{86.6666, 1, 86.7},
		{41.25, 1, 41.3},
		{0.04, 1, 0},
		{0.05, 1, 0.1},
		{-2.5, 0, -3}, // away from zero, like Excel's ROUND
		{-1.005, 2, -1.01},
		{-0.05, 1, -0.1},
		{-0.04, 1, 0},
		{1234567.45, 1, 1234567.5},
		{1e21, 0, 1e21},
		{5e-324, 2, 0},
		{0.1 + 0.2, 2, 0.3},
		{7, 3, 7},
		{123.456, 6, 123.456},
		{2.5, -1, 3}, // negative places count as 0
	}
	for _, tt := range tests {
		if got := Round(tt.v, tt.places); got != tt.want {
			t.Errorf("Round(%v, %d) = %v, want %v", tt.v, tt.places, got, tt.want)
		}
	}
	if got := Round(-0.04, 1); math.Signbit(got) {
		t.Errorf("Round(-0.04, 1) = -0, want +0")
	}
	nan, inf := math.NaN(), math.Inf(1)
	if !math.IsNaN(Round(nan, 1)) || !math.IsInf(Round(inf, 1), 1) || !math.IsInf(Round(-inf, 1), -1) {
		t.Errorf("Round must return NaN and ±Inf unchanged")
	}
}

func TestSplit(t *testing.T) {
	for _, tt := range []struct {
		v      float64
		places int
		want   Digits
	}{
		{1234.5, 1, Digits{Int: "1234", Frac: "5"}},
		{1234.5, 0, Digits{Int: "1235"}},
		{90, 1, Digits{Int: "90", Frac: "0"}},
		{0.999, 2, Digits{Int: "1", Frac: "00"}},
		{-7.25, 1, Digits{Neg: true, Int: "7", Frac: "3"}},
		{-0.01, 1, Digits{Int: "0", Frac: "0"}}, // never "-0,0"
	} {
		if got := Split(tt.v, tt.places); got != tt.want {
			t.Errorf("Split(%v, %d) = %+v, want %+v", tt.v, tt.places, got, tt.want)
		}
	}
}

// TestRoundProperty checks Round against exact integer arithmetic on
// decimals typed the way staff type them (up to 4 decimals), where rounding
// v·10ⁿ in binary would go wrong on values like 1.005.
func TestRoundProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pow := [...]int64{1, 10, 100, 1000, 10000}
	for range 20000 {
		k := 1 + r.IntN(4)         // decimals typed
		d := r.IntN(k)             // decimals kept
		m := r.Int64N(100_000_000) // the value is m / 10^k
		s := strconv.FormatInt(m/pow[k], 10) + "." + fmt.Sprintf("%0*d", k, m%pow[k])
		v, _ := strconv.ParseFloat(s, 64)

		q := (m + 5*pow[k-d-1]) / pow[k-d] // half-up, exact; result is q / 10^d
		want := strconv.FormatInt(q/pow[d], 10)
		if d > 0 {
			want += "." + fmt.Sprintf("%0*d", d, q%pow[d])
		}
		wantF, _ := strconv.ParseFloat(want, 64)
		if got := Round(v, d); got != wantF {
			t.Fatalf("Round(%s, %d) = %v, want %s", s, d, got, want)
		}
		if got := Round(-v, d); got != -wantF && !(wantF == 0 && got == 0) {
			t.Fatalf("Round(-%s, %d) = %v, want -%s", s, d, got, want)
		}
	}
}

func TestDigitsString(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		v      float64
		places int
		want   string
	}{
		{96.07843137254902, 1, "96.1"}, {99.95, 1, "100.0"}, {7, 0, "7"}, {-12.5, 2, "-12.50"}, {-0.04, 1, "0.0"}, {2.675, 2, "2.68"},
	} {
		if got := Split(c.v, c.places).String(); got != c.want {
			t.Errorf("Split(%v, %d).String() = %q, want %q", c.v, c.places, got, c.want)
		}
	}
}
