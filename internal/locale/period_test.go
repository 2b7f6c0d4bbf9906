package locale

import (
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
)

func mustPeriod(t *testing.T, s string) period.Period {
	t.Helper()
	p, err := period.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

func TestPeriod(t *testing.T) {
	tests := []struct {
		p                        string
		vi, en, viShort, enShort string
	}{
		{"2024", "năm 2024", "2024", "2024", "2024"},
		{"2025-H1", "6 tháng đầu năm 2025", "H1 2025", "6T đầu 2025", "H1 2025"},
		{"2025-H2", "6 tháng cuối năm 2025", "H2 2025", "6T cuối 2025", "H2 2025"},
		{"2025-Q1", "quý I/2025", "Q1 2025", "I/2025", "Q1 2025"},
		{"2024-Q2", "quý II/2024", "Q2 2024", "II/2024", "Q2 2024"},
		{"2024-Q3", "quý III/2024", "Q3 2024", "III/2024", "Q3 2024"},
		{"2024-Q4", "quý IV/2024", "Q4 2024", "IV/2024", "Q4 2024"},
		{"2025-03", "tháng 3/2025", "March 2025", "T3/2025", "Mar 2025"},
		{"2025-01", "tháng 1/2025", "January 2025", "T1/2025", "Jan 2025"},
		{"2024-12", "tháng 12/2024", "December 2024", "T12/2024", "Dec 2024"},
		{"2025-09", "tháng 9/2025", "September 2025", "T9/2025", "Sep 2025"},
	}
	for _, tt := range tests {
		p := mustPeriod(t, tt.p)
		for _, c := range []struct {
			name, got, want string
		}{
			{"Period(vi)", Period(model.VI, p), tt.vi},
			{"Period(en)", Period(model.EN, p), tt.en},
			{"PeriodShort(vi)", PeriodShort(model.VI, p), tt.viShort},
			{"PeriodShort(en)", PeriodShort(model.EN, p), tt.enShort},
		} {
			if c.got != c.want {
				t.Errorf("%s %s = %q, want %q", c.name, tt.p, c.got, c.want)
			}
		}
	}
	for _, bad := range []period.Period{{}, {Year: 2024, Kind: period.Quarter, N: 5}, {Year: 2024, Kind: period.Month}, {Year: 2024, Kind: 9}} {
		for _, lang := range model.Langs {
			if got := Period(lang, bad); got != Missing {
				t.Errorf("Period(%s, %+v) = %q, want Missing", lang, bad, got)
			}
			if got := PeriodShort(lang, bad); got != Missing {
				t.Errorf("PeriodShort(%s, %+v) = %q, want Missing", lang, bad, got)
			}
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		t      time.Time
		vi, en string
	}{
		{date(2025, 1, 5), "05/01/2025", "5 January 2025"},
		{date(2020, 6, 3), "03/06/2020", "3 June 2020"},
		{date(2024, 3, 26), "26/03/2024", "26 March 2024"},
		{date(2024, 12, 31), "31/12/2024", "31 December 2024"},
	}
	for _, tt := range tests {
		if got := Date(model.VI, tt.t); got != tt.vi {
			t.Errorf("Date(vi, %v) = %q, want %q", tt.t, got, tt.vi)
		}
		if got := Date(model.EN, tt.t); got != tt.en {
			t.Errorf("Date(en, %v) = %q, want %q", tt.t, got, tt.en)
		}
	}
	// The date is read in t's own location, not converted to UTC.
	hanoi := time.FixedZone("ICT", 7*3600)
	late := time.Date(2025, 1, 5, 23, 30, 0, 0, hanoi) // 16:30 UTC, same day
	early := time.Date(2025, 1, 6, 1, 0, 0, 0, hanoi)  // 18:00 UTC on the 5th
	if got := Date(model.VI, late); got != "05/01/2025" {
		t.Errorf("Date(vi, %v) = %q, want 05/01/2025", late, got)
	}
	if got := Date(model.VI, early); got != "06/01/2025" {
		t.Errorf("Date(vi, %v) = %q, want 06/01/2025 (the local date)", early, got)
	}
}

func TestDateLine(t *testing.T) {
	tests := []struct {
		t    time.Time
		want string
	}{
		{date(2025, 1, 5), "Chợ Đồn, ngày 05 tháng 01 năm 2025"},
		{date(2025, 2, 28), "Chợ Đồn, ngày 28 tháng 02 năm 2025"},
		{date(2025, 3, 15), "Chợ Đồn, ngày 15 tháng 3 năm 2025"},
		{date(2020, 3, 5), "Chợ Đồn, ngày 05 tháng 3 năm 2020"},
		{date(2024, 9, 10), "Chợ Đồn, ngày 10 tháng 9 năm 2024"},
		{date(2024, 10, 9), "Chợ Đồn, ngày 09 tháng 10 năm 2024"},
		{date(2024, 12, 1), "Chợ Đồn, ngày 01 tháng 12 năm 2024"},
		{date(2024, 11, 30), "Chợ Đồn, ngày 30 tháng 11 năm 2024"},
	}
	for _, tt := range tests {
		if got := DateLine("Chợ Đồn", tt.t); got != tt.want {
			t.Errorf("DateLine(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
	// A decomposed place name (as Windows-1258 decoding yields) comes out NFC.
	nfd := "Cho\u031b\u0323 \u0110o\u0302\u0300n"
	if got, want := DateLine(nfd, date(2025, 1, 5)), "Chợ Đồn, ngày 05 tháng 01 năm 2025"; got != want {
		t.Errorf("DateLine(NFD place) = %q, want %q", got, want)
	}
}
