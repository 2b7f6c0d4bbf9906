package importer

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/period"
)

// TestReportPlaces checks what a staff member reads about the mistakes of
// the reliability catalogue that a CSV export can bring: each at the cell
// to fix, quoting the cell as written, with the hint that fits.
func TestReportPlaces(t *testing.T) {
	const head = "unit,indicator,value,numerator,denominator,note,source\n"
	for _, tc := range []struct {
		name, in string
		want     []string // the report in English, one line per problem
	}{
		{"quote never closed points at its opening", head + "02020,HT01,90,,,\"chưa đủ,\n02023,HT01,80,,,,\n",
			[]string{`in.csv:2:17: format-error: quote mark opened here is never closed: close it, or write a quote mark inside a cell twice ("")`}},
		{"quote never closed on the last line", "Đơn vị;Chỉ số;Giá trị\n02020;HT01;\"90",
			[]string{`in.csv:2:12: format-error: quote mark opened here is never closed: close it, or write a quote mark inside a cell twice ("")`}},
		{"text after a closing quote", head + "02020,HT01,90,,,\"ghi \"chú\" thêm,\n",
			[]string{`in.csv:2:22: format-error: text after the closing quote mark: put the whole cell in quotes and write each quote mark inside it twice ("")`}},
		{"an unquoted delimiter shifts the row", head + "02020,HT01,90,,,,,\n02023,HT04,2,,,Xã Xuân Lạc, Bằng Lũng,UBND xã\n",
			[]string{`in.csv:3:39: extra-cell: "UBND xã": extra cell: this row has 8 cells but the heading row has 7; a cell with "," inside needs quotes around it`}},
		{"an unquoted semicolon", "Đơn vị;Chỉ số;Giá trị;Ghi chú\n02020;HT01;90;a;b\n",
			[]string{`in.csv:2:17: extra-cell: "b": extra cell: this row has 5 cells but the heading row has 4; a cell with ";" inside needs quotes around it`}},
		{"control characters Excel does not show", head + "02020,HT01,9\x000,,,,\n02023,HT01,\"1\n20\",,,,\n02026,HT01,,\"4\x075\",50,,\n",
			[]string{
				`in.csv:2:12: forbidden-char: value "9\x000": contains an invisible control character (U+0000): delete it`,
				`in.csv:3:12: forbidden-char: value "1\n20": contains a line break: keep the text of a cell on one line`,
				`in.csv:5:13: forbidden-char: numerator "4\a5": contains an invisible control character (U+0007): delete it`,
				`in.csv:5:19: row-constraint: denominator "50": numerator is missing: give both numerator and denominator, or neither`,
			}},
		{"scientific notation is not words", head + "02020,HT04,\"1,23E+05\",,,,\n02023,HT04,1e400,,,,\n",
			[]string{
				`in.csv:2:12: type-error: value "1,23E+05": not a number: write digits, such as 85,5; leave the cell empty (or write -) when there is no figure`,
				`in.csv:3:12: type-error: value "1e400": not a number: write digits, such as 85,5; leave the cell empty (or write -) when there is no figure`,
			}},
		{"the value as written, not as read", head + "02020,HT01,\"104,5\",,,,\n02023,HT01,\"50/40\",,,,\n",
			[]string{
				`in.csv:2:12: constraint-error: value "104,5": out of range: HT01 is a percent, from 0 to 100`,
				`in.csv:3:12: row-constraint: numerator "50/40": the numerator is more than the denominator (40): a part cannot be larger than the whole`,
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Convert("in.csv", []byte(tc.in), sampleSite(t), Options{Period: period.MustParse("2024-Q4"), Today: today})
			var got []string
			for _, e := range diag.All(err) {
				got = append(got, e.Line("en"))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestSharedCode checks that a code given to two units in units.csv is
// reported as the list's mistake, not as a unit that does not exist.
func TestSharedCode(t *testing.T) {
	site := sampleSite(t)
	units := string(site["data/units.csv"].Data) + "02023,Xã Xuân Lạc (cũ),,commune,064\n"
	site["data/units.csv"] = &fstest.MapFile{Data: []byte(units)}
	_, err := Convert("in.csv", []byte("unit,indicator,value\n02023,HT01,90\n"), site, Options{Period: period.MustParse("2024-Q4")})
	all := diag.All(err)
	if len(all) != 1 || all[0].Code != CodeUnitAmbiguous || all[0].Text.Message() != msgUnitDupCode || !strings.Contains(all[0].Msg, "02023 Xã Xuân Lạc; 02023 Xã Xuân Lạc (cũ)") {
		t.Errorf("got %v", err)
	}
}

// TestOverlapsAll checks that a period overlapping two snapshots names
// both: problems of the whole file are not merged as one cell's are.
func TestOverlapsAll(t *testing.T) {
	site := sampleSite(t)
	snap := "unit,indicator,value,numerator,denominator,note,source\n02020,HT01,90,,,,\n"
	site["data/snapshots/2024-10.csv"] = &fstest.MapFile{Data: []byte(snap)}
	site["data/snapshots/2024-Q4.csv"] = &fstest.MapFile{Data: []byte(snap)}
	_, err := Convert("in.csv", []byte(snap), site, Options{Period: period.MustParse("2024-H2")})
	var got []string
	for _, e := range diag.All(err) {
		if e.Code == diag.CodeOverlap {
			got = append(got, e.Msg)
		}
	}
	if len(got) != 2 || !strings.Contains(got[0], "2024-10.csv") || !strings.Contains(got[1], "2024-Q4.csv") {
		t.Errorf("want overlaps with 2024-10 and 2024-Q4, got %q (%v)", got, err)
	}
}

// TestNoteWithoutFigure checks that a row with a note and no figure keeps
// its note, as an empty figure, in both layouts; a row with neither, or a
// row-wide note in a table of one column per indicator, adds nothing.
func TestNoteWithoutFigure(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"long", "Đơn vị,Chỉ số,Giá trị,Ghi chú\n02020,HT01,,chưa báo cáo\n02023,HT01,,\n02026,HT01,90,\n",
			"unit,indicator,value,numerator,denominator,note,source\n" +
				"02020,HT01,,,,chưa báo cáo,in.csv:2:12\n" +
				"02026,HT01,90,,,,in.csv:4:12\n"},
		{"wide", "Đơn vị,HT01,,HT04,Ghi chú\n,Tỷ lệ (%),Ghi chú,Số lượng,\n02020,,chưa báo cáo,,cả dòng\n02023,90,,2,\n",
			"unit,indicator,value,numerator,denominator,note,source\n" +
				"02020,HT01,,,,chưa báo cáo; cả dòng,in.csv:3:7\n" +
				"02023,HT01,90,,,,in.csv:4:7\n" +
				"02023,HT04,2,,,,in.csv:4:11\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Convert("in.csv", []byte(tc.in), sampleSite(t), Options{Period: period.MustParse("2024-Q4")})
			if err != nil {
				t.Fatal(err)
			}
			if string(res.Data) != tc.want {
				t.Errorf("got\n%s\nwant\n%s", res.Data, tc.want)
			}
		})
	}
}
