package locale

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/model"
)

var (
	nan    = math.NaN()
	inf    = math.Inf(1)
	negInf = math.Inf(-1)
	negZ   = math.Copysign(0, -1)
)

func TestNumber(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		vi, en   string
	}{
		{1234567.5, 1, "1.234.567,5", "1,234,567.5"},
		{1234567, 0, "1.234.567", "1,234,567"},
		{1234, 0, "1.234", "1,234"},
		{999, 0, "999", "999"},
		{100000, 0, "100.000", "100,000"},
		{0, 2, "0,00", "0.00"},
		{90, 1, "90,0", "90.0"},
		{0.125, 2, "0,13", "0.13"},
		{98.65, 1, "98,7", "98.7"},
		{2.5, 0, "3", "3"},
		{999.95, 1, "1.000,0", "1,000.0"},
		{-1234.5, 1, "-1.234,5", "-1,234.5"},
		{-0.04, 1, "0,0", "0.0"},
		{negZ, 0, "0", "0"},
		{0.3, 4, "0,3000", "0.3000"},
		{1.5, -2, "2", "2"},
		{nan, 1, Missing, Missing},
		{inf, 0, Missing, Missing},
		{negInf, 0, Missing, Missing},
	}
	for _, tt := range tests {
		if got := Number(model.VI, tt.v, tt.decimals); got != tt.vi {
			t.Errorf("Number(vi, %v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.vi)
		}
		if got := Number(model.EN, tt.v, tt.decimals); got != tt.en {
			t.Errorf("Number(en, %v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.en)
		}
	}
	// Any language other than English is Vietnamese.
	if got := Number("", 1234.5, 1); got != "1.234,5" {
		t.Errorf(`Number("", 1234.5, 1) = %q, want Vietnamese "1.234,5"`, got)
	}
}

func TestCompact(t *testing.T) {
	tests := []struct {
		v      float64
		max    int
		vi, en string
	}{
		{90, 1, "90", "90"},
		{98.60, 2, "98,6", "98.6"},
		{98.65, 1, "98,7", "98.7"},
		{569.8, 2, "569,8", "569.8"},
		{0.8002, 4, "0,8002", "0.8002"},
		{0.8002, 2, "0,8", "0.8"},
		{99.999, 2, "100", "100"},
		{1234567.25, 2, "1.234.567,25", "1,234,567.25"},
		{-0.001, 2, "0", "0"},
		{-3.10, 2, "-3,1", "-3.1"},
		{nan, 2, Missing, Missing},
	}
	for _, tt := range tests {
		if got := Compact(model.VI, tt.v, tt.max); got != tt.vi {
			t.Errorf("Compact(vi, %v, %d) = %q, want %q", tt.v, tt.max, got, tt.vi)
		}
		if got := Compact(model.EN, tt.v, tt.max); got != tt.en {
			t.Errorf("Compact(en, %v, %d) = %q, want %q", tt.v, tt.max, got, tt.en)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		v      float64
		vi, en string
	}{
		{90, "90%", "90%"},
		{90.5, "90,5%", "90.5%"},
		{90.54, "90,5%", "90.5%"},
		{90.55, "90,6%", "90.6%"},
		{53.8, "53,8%", "53.8%"},
		{99.95, "100%", "100%"},
		{99.94, "99,9%", "99.9%"},
		{100, "100%", "100%"},
		{0.04, "0%", "0%"},
		{0.05, "0,1%", "0.1%"},
		{0, "0%", "0%"},
		{-0.04, "0%", "0%"},
		{nan, Missing, Missing},
		{inf, Missing, Missing},
	}
	for _, tt := range tests {
		if got := Percent(model.VI, tt.v); got != tt.vi {
			t.Errorf("Percent(vi, %v) = %q, want %q", tt.v, got, tt.vi)
		}
		if got := Percent(model.EN, tt.v); got != tt.en {
			t.Errorf("Percent(en, %v) = %q, want %q", tt.v, got, tt.en)
		}
	}
}

func TestValue(t *testing.T) {
	tests := []struct {
		m      model.Measure
		v      float64
		vi, en string
	}{
		{model.Percent, 73.25, "73,3%", "73.3%"},
		{model.Percent, 80, "80%", "80%"},
		{model.Count, 1234567, "1.234.567", "1,234,567"},
		{model.Count, 19, "19", "19"},
		{model.Count, 2.5, "3", "3"},
		{model.Number, 569.8, "569,8", "569.8"},
		{model.Number, 0.80025, "0,8", "0.8"},
		{model.Number, 0.805, "0,81", "0.81"},
		{model.Number, 51, "51", "51"},
		{model.Number, 1234.5, "1.234,5", "1,234.5"},
		{"", 1.005, "1,01", "1.01"}, // unknown measure: as a number
		{model.Count, nan, Missing, Missing},
	}
	for _, tt := range tests {
		if got := Value(model.VI, tt.m, tt.v); got != tt.vi {
			t.Errorf("Value(vi, %s, %v) = %q, want %q", tt.m, tt.v, got, tt.vi)
		}
		if got := Value(model.EN, tt.m, tt.v); got != tt.en {
			t.Errorf("Value(en, %s, %v) = %q, want %q", tt.m, tt.v, got, tt.en)
		}
	}
}

func TestRatio(t *testing.T) {
	tests := []struct {
		num, den float64
		vi, en   string
	}{
		{45, 48, "45/48", "45/48"},
		{30, 63, "30/63", "30/63"},
		{1200, 1500, "1.200/1.500", "1,200/1,500"},
		{0, 20, "0/20", "0/20"},
		{12.5, 20, "12,5/20", "12.5/20"},
		{nan, 20, Missing, Missing},
		{3, inf, Missing, Missing},
	}
	for _, tt := range tests {
		if got := Ratio(model.VI, tt.num, tt.den); got != tt.vi {
			t.Errorf("Ratio(vi, %v, %v) = %q, want %q", tt.num, tt.den, got, tt.vi)
		}
		if got := Ratio(model.EN, tt.num, tt.den); got != tt.en {
			t.Errorf("Ratio(en, %v, %v) = %q, want %q", tt.num, tt.den, got, tt.en)
		}
	}
}

// TestNFC guards the literals of this package: generated text must be NFC
// (domain brief §4), and a decomposed "đổi" typed in an editor would not be.
func TestNFC(t *testing.T) {
	var outs []string
	for _, lang := range model.Langs {
		for _, m := range []model.Measure{model.Percent, model.Count, model.Number} {
			for _, d := range []float64{-2.5, 0, 3} {
				outs = append(outs, Change(lang, m, d), SignedChange(lang, m, d))
			}
		}
		a := NewAbbrev(lang)
		for k := range abbreviations {
			outs = append(outs, a.Use(k), a.Use(k))
		}
		for _, s := range []string{"2024", "2025-H1", "2025-H2", "2024-Q4", "2025-03"} {
			p := mustPeriod(t, s)
			outs = append(outs, Period(lang, p), PeriodShort(lang, p))
		}
	}
	for k := range abbreviations {
		outs = append(outs, k)
	}
	outs = append(outs, DateLine("Chợ Đồn", date(2025, 1, 5)))
	for _, s := range outs {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%q is not NFC", s)
		}
	}
}

// TestNumberProperty checks Number against exact integer arithmetic on
// decimals typed the way staff type them (up to 4 decimals), where rounding
// v·10ⁿ in binary would go wrong on values like 1.005.
func TestNumberProperty(t *testing.T) {
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
		if got := Number(model.EN, v, d); strings.ReplaceAll(got, ",", "") != want {
			t.Fatalf("Number(en, %s, %d) = %q, want %s", s, d, got, want)
		}
	}
}

func TestExact(t *testing.T) {
	for _, tt := range []struct {
		v      float64
		vi, en string
	}{
		{90.04, "90,04", "90.04"},
		{1234.5678, "1.234,5678", "1,234.5678"},
		{-0.125, "-0,125", "-0.125"},
		{100, "100", "100"},
		{math.NaN(), Missing, Missing},
	} {
		if got := Exact(model.VI, tt.v); got != tt.vi {
			t.Errorf("Exact(vi, %v) = %q, want %q", tt.v, got, tt.vi)
		}
		if got := Exact(model.EN, tt.v); got != tt.en {
			t.Errorf("Exact(en, %v) = %q, want %q", tt.v, got, tt.en)
		}
	}
}
