package load

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/diag"
)

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64 // when msg is empty
		msg  string
	}{
		{in: "0", want: 0},
		{in: "12", want: 12},
		{in: "12.5", want: 12.5},
		{in: "-3.25", want: -3.25},
		{in: "010", want: 10}, // decimal, never octal
		{in: "100.000", want: 100},
		{in: "12,5", msg: "not a number: write 12.5, with a dot"},
		{in: "12,5%", msg: "not a number: write 12.5, with a dot and without %"},
		{in: "50%", msg: "not a number: write 50, without %"},
		{in: " 50 %", msg: "not a number: write 50, without spaces and without %"},
		{in: "1,234", msg: "not a number: write 1234 if the comma separates thousands, or 1.234 if it marks decimals"},
		{in: "1,234%", msg: "not a number: write 1234 if the comma separates thousands, or 1.234 if it marks decimals, and write it without %"},
		{in: "1,234,567", msg: "not a number: write 1234567, without thousands separators"},
		{in: "1,234.5", msg: "not a number: write 1234.5, without thousands separators"},
		{in: "1.234.567", msg: "not a number: write 1234567, without thousands separators"},
		{in: "1.234,5", msg: "not a number: write 1234.5, without thousands separators and with a dot for decimals"},
		{in: "1 234", msg: "not a number: write 1234, without spaces"},
		{in: "1\u00a0234", msg: "not a number: write 1234, without spaces"},
		{in: "+5", msg: "not a number: write 5, without the + sign"},
		{in: "1_000", msg: "not a number: write 1000, without underscores"},
		{in: "NaN", msg: "not a number: leave the cell empty if the figure is missing"},
		{in: "-Inf", msg: "not a number: leave the cell empty if the figure is missing"},
		{in: "+infinity", msg: "not a number: leave the cell empty if the figure is missing"},
		{in: "1e5", msg: "not a number: write the number in full, without e (scientific notation)"},
		{in: "1.5E-3", msg: "not a number: write the number in full, without e (scientific notation)"},
		{in: "0x10", msg: "not a number: write it in ordinary decimal digits"},
		{in: "0b101", msg: "not a number: write it in ordinary decimal digits"},
		{in: ".5", msg: "not a number: write 0.5, with digits on both sides of the dot"},
		{in: "-.5", msg: "not a number: write -0.5, with digits on both sides of the dot"},
		{in: "5.", msg: "not a number: write 5, with digits on both sides of the dot"},
		{in: "abc", msg: "not a number: write digits only, with a dot for decimals, such as 12.5"},
		{in: "--1", msg: "not a number: write digits only, with a dot for decimals, such as 12.5"},
		{in: "٥", msg: "not a number: write digits only, with a dot for decimals, such as 12.5"},
		{in: "１２", msg: "not a number: write digits only, with a dot for decimals, such as 12.5"},
		{in: strings.Repeat("9", 400), msg: "number too large: write a smaller number"},
	} {
		t.Run(fmt.Sprintf("%.20s", tc.in), func(t *testing.T) {
			var n number
			if err := n.UnmarshalCSV(tc.in); err != nil {
				t.Fatalf("UnmarshalCSV returned %v; cells never fail", err)
			}
			if n.raw != tc.in {
				t.Errorf("raw = %q, want %q", n.raw, tc.in)
			}
			got := ""
			if n.why != nil {
				got = n.why.String()
			}
			if got != tc.msg {
				t.Errorf("msg = %q, want %q", got, tc.msg)
			}
			switch {
			case tc.msg != "" && n.v != 0:
				t.Errorf("v = %v, want 0 for a bad number", n.v)
			case tc.msg == "" && n.v != tc.want:
				t.Errorf("v = %v, want %v", n.v, tc.want)
			}
		})
	}
}

func TestNumberEmptyIsMissing(t *testing.T) {
	stale := msgTooBig.With()
	n := number{raw: "stale", v: 1, why: &stale}
	if err := n.UnmarshalCSV(""); err != nil || n.v != 0 || n.why != nil || n.raw != "" {
		t.Errorf("empty cell: got %+v, %v; want a missing figure", n, err)
	}
}

func TestYear(t *testing.T) {
	for _, tc := range []struct {
		in  string
		v   int
		ok  bool
		msg string
	}{
		{in: "2025", v: 2025, ok: true},
		{in: "0999", v: 999, ok: true}, // the range is the validator's
		{in: ""},
		{in: "25", msg: "not a year: write four digits, such as 2025"},
		{in: "2025.0", msg: "not a year: write four digits, such as 2025"},
		{in: " 2025", msg: "not a year: write four digits, such as 2025"},
		{in: "20251", msg: "not a year: write four digits, such as 2025"},
	} {
		var y year
		_ = y.UnmarshalCSV(tc.in)
		if y.v != tc.v || y.ok != tc.ok || y.why.String() != tc.msg || y.raw != tc.in {
			t.Errorf("year %q = %+v, want v=%d ok=%v msg=%q", tc.in, y, tc.v, tc.ok, tc.msg)
		}
	}
}

func TestCodeAndText(t *testing.T) {
	var c code
	_ = c.UnmarshalCSV(" X1 ")
	if c.s != " X1 " {
		t.Errorf("code kept %q, want the text as written (the validator reports spaces)", c.s)
	}
	var x text
	_ = x.UnmarshalCSV(" \u00a0Xã Xuân Lạc\t")
	if x.s != "Xã Xuân Lạc" {
		t.Errorf("text = %q, want it trimmed", x.s)
	}
}

func TestForbidden(t *testing.T) {
	for in, want := range map[string]string{
		"Xã Xuân Lạc": "",
		"</script>":   "",
		"a\x00b":      "contains an invisible control character (U+0000): delete it",
		"a\x1bb":      "contains an invisible control character (U+001B): delete it",
		"a\x7fb":      "contains an invisible control character (U+007F): delete it",
		"a\u0085b":    "contains an invisible control character (U+0085): delete it",
		"a\nb":        "contains a line break: keep the text of a cell on one line",
		"a\rb":        "contains a line break: keep the text of a cell on one line",
		"a\tb":        "contains a tab character: delete it",
	} {
		if got := Forbidden(in).String(); got != want {
			t.Errorf("Forbidden(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestColumnsCountCharacters checks that byte columns from encoding/csv
// become character columns, and that a BOM is not counted.
func TestColumnsCountCharacters(t *testing.T) {
	data := []byte("\uFEFFcode,name_vi,name_en,kind,parent\nĐồn,Huyện Chợ Đồn,\"Chợ, Đồn\",district,x\n")
	var errs diag.List
	var got []diag.Position
	var header []string
	readTable("f.csv", data, unitColumns, false, "", &errs, func(tb *table, rows []record) {
		header = tb.header
		for _, rec := range rows {
			for i := range rec.cells {
				got = append(got, rec.pos(i))
			}
		}
	})
	if errs.Len() != 0 {
		t.Fatalf("unexpected errors: %v", errs.Err())
	}
	want := []int{1, 5, 19, 30, 39}
	if len(got) != len(want) {
		t.Fatalf("got %d cells, want %d", len(got), len(want))
	}
	for i, p := range got {
		if p.Line != 2 || p.Column != want[i] {
			t.Errorf("cell %d at %v, want 2:%d", i, p, want[i])
		}
	}
	if header[0] != "code" {
		t.Errorf("header[0] = %q, want the BOM stripped", header[0])
	}
}

// decimalSpec is the rule plainDecimal implements.
var decimalSpec = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

func FuzzPlainDecimal(f *testing.F) {
	for _, s := range []string{"0", "-1.5", "1.", ".5", "--1", "1.2.3", "-", "", "١"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := plainDecimal(s), decimalSpec.MatchString(s); got != want {
			t.Errorf("plainDecimal(%q) = %v, want %v", s, got, want)
		}
	})
}
