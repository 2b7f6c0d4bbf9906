package period_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/period"
)

func TestParseAccepts(t *testing.T) {
	tests := []struct {
		in   string
		want period.Period
	}{
		{"2024", period.Period{Year: 2024, Kind: period.Year}},
		{"1900", period.Period{Year: 1900, Kind: period.Year}},
		{"2200", period.Period{Year: 2200, Kind: period.Year}},
		{"2024-H1", period.Period{Year: 2024, Kind: period.Half, N: 1}},
		{"2024-H2", period.Period{Year: 2024, Kind: period.Half, N: 2}},
		{"2024-Q1", period.Period{Year: 2024, Kind: period.Quarter, N: 1}},
		{"2024-Q2", period.Period{Year: 2024, Kind: period.Quarter, N: 2}},
		{"2024-Q3", period.Period{Year: 2024, Kind: period.Quarter, N: 3}},
		{"2024-Q4", period.Period{Year: 2024, Kind: period.Quarter, N: 4}},
		{"2024-01", period.Period{Year: 2024, Kind: period.Month, N: 1}},
		{"2024-09", period.Period{Year: 2024, Kind: period.Month, N: 9}},
		{"2024-10", period.Period{Year: 2024, Kind: period.Month, N: 10}},
		{"2024-12", period.Period{Year: 2024, Kind: period.Month, N: 12}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := period.Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			if s := got.String(); s != tt.in {
				t.Errorf("Parse(%q).String() = %q, want the input back", tt.in, s)
			}
			if got.IsZero() {
				t.Errorf("Parse(%q).IsZero() = true", tt.in)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	const forms = "want YYYY, YYYY-H1, YYYY-Q1 or YYYY-MM (for example 2024-Q4)"
	const years = "year out of range: write a year from 1900 to 2200"
	tests := []struct {
		in   string
		want string // part of the message after the quoted input
	}{
		{"", forms},
		{"2024-q4", forms},
		{"2024-h1", forms},
		{"Q4-2024", forms},
		{"2024Q4", forms},
		{"2024-Q0", forms},
		{"2024-Q5", forms},
		{"2024-H0", forms},
		{"2024-H3", forms},
		{"24-Q1", forms},
		{"20244", forms},
		{" 2024", forms},
		{"2024 ", forms},
		{"2024-Q4 ", forms},
		{"2024-Q4\n", forms},
		{"2024-1", forms},
		{"2024-001", forms},
		{"2024-M01", forms},
		{"2024/Q4", forms},
		{"2024_Q4", forms},
		{"+2024", forms},
		{"２０２４", forms}, // full-width digits
		{"2024-Q4.csv", forms},
		{"2024-13", "month must be 01 to 12"},
		{"2024-00", "month must be 01 to 12"},
		{"2024-99", "month must be 01 to 12"},
		{"1899", years},
		{"0000", years},
		{"2201", years},
		{"1899-Q4", years},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := period.Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %v, want an error", tt.in, got)
			}
			if !got.IsZero() {
				t.Errorf("Parse(%q) returned %+v with the error, want the zero Period", tt.in, got)
			}
			want := fmt.Sprintf("period %q: %s", tt.in, tt.want)
			if err.Error() != want {
				t.Errorf("Parse(%q) error = %q, want %q", tt.in, err, want)
			}
		})
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParse(\"2024-q4\") did not panic")
		}
	}()
	period.MustParse("2024-q4")
}

func TestStringZero(t *testing.T) {
	if s := (period.Period{}).String(); s != "" {
		t.Errorf("zero Period String() = %q, want empty", s)
	}
	if !(period.Period{}).IsZero() {
		t.Error("zero Period IsZero() = false")
	}
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestStartEnd(t *testing.T) {
	tests := []struct {
		p          string
		start, end time.Time
	}{
		{"2024", date(2024, 1, 1), date(2024, 12, 31)},
		{"2024-H1", date(2024, 1, 1), date(2024, 6, 30)},
		{"2024-H2", date(2024, 7, 1), date(2024, 12, 31)},
		{"2024-Q1", date(2024, 1, 1), date(2024, 3, 31)},
		{"2024-Q2", date(2024, 4, 1), date(2024, 6, 30)},
		{"2024-Q3", date(2024, 7, 1), date(2024, 9, 30)},
		{"2024-Q4", date(2024, 10, 1), date(2024, 12, 31)},
		{"2024-01", date(2024, 1, 1), date(2024, 1, 31)},
		{"2024-02", date(2024, 2, 1), date(2024, 2, 29)}, // leap year
		{"2023-02", date(2023, 2, 1), date(2023, 2, 28)},
		{"2000-02", date(2000, 2, 1), date(2000, 2, 29)}, // divisible by 400
		{"1900-02", date(1900, 2, 1), date(1900, 2, 28)}, // divisible by 100 only
		{"2024-04", date(2024, 4, 1), date(2024, 4, 30)},
		{"2024-12", date(2024, 12, 1), date(2024, 12, 31)},
	}
	for _, tt := range tests {
		p := period.MustParse(tt.p)
		if got := p.Start(); !got.Equal(tt.start) || got.Location() != time.UTC {
			t.Errorf("%s.Start() = %v, want %v", tt.p, got, tt.start)
		}
		if got := p.End(); !got.Equal(tt.end) || got.Location() != time.UTC {
			t.Errorf("%s.End() = %v, want %v", tt.p, got, tt.end)
		}
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2024-Q1", "2024-Q2", -1},
		{"2024-Q4", "2025-Q1", -1},
		{"2023", "2024-Q1", -1},
		{"2024-Q4", "2024-Q4", 0},
		{"2024", "2024", 0},
		// Same end day: the longer period sorts after.
		{"2024", "2024-Q4", 1},
		{"2024", "2024-H2", 1},
		{"2024", "2024-12", 1},
		{"2024-H2", "2024-Q4", 1},
		{"2024-Q4", "2024-12", 1},
		{"2024-H1", "2024-Q2", 1},
		{"2024-Q2", "2024-06", 1},
		// Different end days: the end decides, whatever the length.
		{"2024-Q3", "2024-10", -1},
		{"2024-H1", "2024-07", -1},
		{"2024-Q4", "2024-11", 1},
		{"2024", "2025-01", -1},
	}
	for _, tt := range tests {
		a, b := period.MustParse(tt.a), period.MustParse(tt.b)
		if got := a.Compare(b); got != tt.want {
			t.Errorf("%s.Compare(%s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := b.Compare(a); got != -tt.want {
			t.Errorf("%s.Compare(%s) = %d, want %d (antisymmetric)", tt.b, tt.a, got, -tt.want)
		}
	}
}

func TestCompareSorts(t *testing.T) {
	in := []string{"2024", "2024-12", "2025-Q1", "2024-H2", "2024-Q4", "2024-Q3", "2024-H1", "2023", "2024-Q2", "2024-01", "2024-Q1"}
	want := []string{"2023", "2024-01", "2024-Q1", "2024-Q2", "2024-H1", "2024-Q3", "2024-12", "2024-Q4", "2024-H2", "2024", "2025-Q1"}
	ps := make([]period.Period, len(in))
	for i, s := range in {
		ps[i] = period.MustParse(s)
	}
	slices.SortFunc(ps, period.Period.Compare)
	got := make([]string, len(ps))
	for i, p := range ps {
		got[i] = p.String()
	}
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v\nwant     %v", got, want)
	}
}

func TestOverlaps(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"2024-Q4", "2024-H2", true},
		{"2024-Q4", "2024", true},
		{"2024-Q3", "2024-Q4", false},
		{"2024-Q3", "2024-H2", true},
		{"2024-Q2", "2024-H2", false},
		{"2024-H1", "2024-H2", false},
		{"2024-11", "2024-Q4", true},
		{"2024-10", "2024-Q4", true},
		{"2024-12", "2024-Q4", true},
		{"2024-09", "2024-Q4", false},
		{"2024-01", "2024-Q1", true},
		{"2024-04", "2024-Q1", false},
		{"2024-Q4", "2024-Q4", true},
		{"2024", "2024-06", true},
		{"2023", "2024", false},
		{"2023-Q4", "2024-Q1", false},
		{"2023-12", "2024", false},
	}
	for _, tt := range tests {
		a, b := period.MustParse(tt.a), period.MustParse(tt.b)
		if got := a.Overlaps(b); got != tt.want {
			t.Errorf("%s.Overlaps(%s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := b.Overlaps(a); got != tt.want {
			t.Errorf("%s.Overlaps(%s) = %v, want %v (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestTimeFraction(t *testing.T) {
	tests := []struct {
		p        string
		fraction float64
		time     float64
	}{
		{"2024-Q1", 0.25, 2024.25},
		{"2024-Q2", 0.5, 2024.5},
		{"2024-Q3", 0.75, 2024.75},
		{"2024-Q4", 1, 2025},
		{"2024-H1", 0.5, 2024.5},
		{"2024-H2", 1, 2025},
		{"2024", 1, 2025},
		{"2024-01", 1.0 / 12, 2024 + 1.0/12},
		{"2024-06", 0.5, 2024.5},
		{"2024-12", 1, 2025},
	}
	for _, tt := range tests {
		p := period.MustParse(tt.p)
		if got := p.Fraction(); got != tt.fraction {
			t.Errorf("%s.Fraction() = %v, want %v", tt.p, got, tt.fraction)
		}
		if got := p.Time(); got != tt.time {
			t.Errorf("%s.Time() = %v, want %v", tt.p, got, tt.time)
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	type doc struct {
		Periods []period.Period          `json:"periods"`
		ByName  map[period.Period]string `json:"by_name"`
	}
	in := doc{
		Periods: []period.Period{period.MustParse("2024"), period.MustParse("2024-H2"), period.MustParse("2024-Q4"), period.MustParse("2024-03")},
		ByName:  map[period.Period]string{period.MustParse("2024-Q4"): "quý IV"},
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"periods":["2024","2024-H2","2024-Q4","2024-03"],"by_name":{"2024-Q4":"quý IV"}}`
	if string(b) != want {
		t.Errorf("json.Marshal = %s, want %s", b, want)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(out.Periods, in.Periods) || len(out.ByName) != 1 || out.ByName[period.MustParse("2024-Q4")] != "quý IV" {
		t.Errorf("round trip = %+v, want %+v", out, in)
	}
}

func TestUnmarshalTextRejects(t *testing.T) {
	var p period.Period
	err := json.Unmarshal([]byte(`"2024-q4"`), &p)
	if err == nil || !strings.Contains(err.Error(), `period "2024-q4": want YYYY`) {
		t.Errorf("json.Unmarshal(\"2024-q4\") error = %v, want the Parse error", err)
	}
	if !p.IsZero() {
		t.Errorf("UnmarshalText changed the Period on error: %+v", p)
	}
}

func ExampleParse() {
	for _, s := range []string{"2024-Q4", "2024-H1", "2024-03", "2024", "2024-q4"} {
		p, err := period.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(p, p.Start().Format(time.DateOnly), p.End().Format(time.DateOnly), p.Time())
	}
	// Output:
	// 2024-Q4 2024-10-01 2024-12-31 2025
	// 2024-H1 2024-01-01 2024-06-30 2024.5
	// 2024-03 2024-03-01 2024-03-31 2024.25
	// 2024 2024-01-01 2024-12-31 2025
	// period "2024-q4": want YYYY, YYYY-H1, YYYY-Q1 or YYYY-MM (for example 2024-Q4)
}
