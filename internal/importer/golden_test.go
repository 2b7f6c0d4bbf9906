package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/golden"
	"github.com/minhbach/minhbach/internal/period"
)

var today = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)

// fixtures are the realistic inputs of the golden cases, made here so
// their bytes (encodings, byte order marks, workbook cells) are exact.
// With -update they are written to testdata/cases/<name>/input.<ext>.
var fixtures = map[string]func(t testing.TB) (string, []byte){
	// A commune workbook: title rows, a heading over Tử số / Mẫu số /
	// Tỷ lệ, a row of column numbers, group headings, a unit name merged
	// over two rows, percent-formatted cells, a total row.
	"xlsx-wide-commune": func(t testing.TB) (string, []byte) {
		rows := [][]any{
			{"UBND HUYỆN CHỢ ĐỒN"},
			{"BIỂU TỔNG HỢP KẾT QUẢ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN QUÝ IV NĂM 2024"},
			{"(Kèm theo Báo cáo số 15/BC-UBND ngày 05/01/2025)"},
			{},
			{"STT", "Tên đơn vị", "Tỷ lệ cán bộ, công chức, viên chức được trang bị máy tính", nil, nil, "HT02", "Số máy tính cũ, cấu hình thấp cần thay thế", "Ghi chú"},
			{nil, nil, "Tử số", "Mẫu số", "Tỷ lệ (%)"},
			{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"},
			{"I", "KHỐI XÃ, THỊ TRẤN"},
			{1.0, "Thị trấn Bằng Lũng", 30.0, 30.0, pct(1), pct(1), 0.0},
			{2.0000000000000004, "UBND xã Bản Thi", 14.0, 16.0, pct(0.875), pct(0.9), nil, "Số liệu ước"},
			{nil, nil, nil, nil, nil, nil, 2.0},
			{3.0, "Xã Yên Thịnh", 18.0, 19.0, pct(0.947), "-", 1.0},
			{"II", "KHỐI CƠ QUAN HUYỆN"},
			{4.0, "Phòng Nội vụ", 9.0, 9.0, pct(1), pct(1)},
			{"Tổng cộng", nil, 71.0, 74.0, pct(0.959), nil, 3.0},
			{},
			{nil, "Người lập biểu", nil, nil, nil, "Chợ Đồn, ngày 05 tháng 01 năm 2025"},
		}
		return "xlsx", makeXLSX(t, "Biểu 01", rows, "C5:E5", "F5:F6", "G5:G6", "H5:H6", "A5:A6", "B5:B6", "B10:B11", "A10:A11", "A15:B15")
	},
	// Excel "CSV" on Vietnamese Windows: Windows-1258 with combining tone
	// marks, semicolons, decimal commas, thousands dots, a total row.
	"cp1258-semicolon": func(t testing.TB) (string, []byte) {
		return "csv", cp1258(t, "UBND HUYỆN CHỢ ĐỒN;;;;\r\n"+
			"BIỂU TỔNG HỢP SỐ LIỆU QUÝ IV/2024;;;;\r\n"+
			";;;;\r\n"+
			"TT;Đơn vị;HT01;HT03;HT04;Ghi chú\r\n"+
			"I;KHỐI XÃ;;;;\r\n"+
			"1;Xã Xuân Lạc;85,5;100;2;\r\n"+
			"2;Xã Nam Cường;96,67;0;-;chưa có mạng LAN\r\n"+
			"3;UBND xã Đồng Lạc;100;100;1.234;\r\n"+
			"Cộng;;;;1.236;\r\n")
	},
	// Excel "Unicode Text": UTF-16LE with a byte order mark, tabs, one row
	// per figure with the unit written once per block, 45/48 ratios.
	"utf16le-tab-long": func(t testing.TB) (string, []byte) {
		return "txt", utf16(t, "Đơn vị\tMã chỉ số\tGiá trị\tGhi chú\r\n"+
			"Xã Quảng Bạch\tHT01\t45/48\t\r\n"+
			"\tHT02\t100%\t\r\n"+
			"\tHT04\t3\tmáy mua năm 2015\r\n"+
			"Xã Bằng Phúc\tHT01\t20/20\t\r\n"+
			"\tHT02\t95 %\t\r\n"+
			"Tổng cộng\tHT01\t65/68\t\r\n", false)
	},
	// UTF-16BE, as some tools write it, with the canonical columns.
	"utf16be-canonical": func(t testing.TB) (string, []byte) {
		return "txt", utf16(t, "unit\tindicator\tvalue\tnumerator\tdenominator\tnote\tsource\n02020\tHT01\t100\t30\t30\t\t\n", true)
	},
	// Excel "CSV UTF-8": a byte order mark before the first heading, and
	// every way staff write a unit's name.
	"utf8-bom-names": func(t testing.TB) (string, []byte) {
		nfd := "Xã Bình Trung" // written below in NFD
		return "csv", []byte("\uFEFFSTT,Tên đơn vị,Chỉ số,Tỷ lệ (%),Ghi chú\n" +
			"1,TT Bằng Lũng,HT01,100,\n" +
			"2,Thị trấn Bằng lũng,HT02,100,\n" +
			"3,  UBND xã Yên Thịnh  ,HT01,95.5,\n" +
			"4,UBND thị trấn Bằng Lũng,HT04,2,\n" +
			"5," + nfdString(nfd) + ",HT01,88.9,\n" +
			"6,xã yên mĩ,HT01,90,Yên Mỹ viết Mĩ\n" +
			"7,02068,HT01,80,mã thay cho tên\n" +
			"8,Phòng Văn hoá và Thông tin,HT01,100,hoá/hóa\n")
	},
	// Only 1.234-like figures: 1234 or 1.234? Nothing in the file says.
	"ambiguous-decimal": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị,HT04,NL02\nXã Bản Thi,1.234,2\nXã Yên Thượng,2.500,1\n")
	},
	// Percents in words.
	"qualitative-percent": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị;HT01;HT02;VB01\n" +
			"Xã Nghĩa Tá;gần 100%;trên 85%;~90%\n" +
			"Xã Yên Phong;100% (trừ máy mật);Chưa triển khai;90 %\n")
	},
	// The same file, with --keep-text: the words become notes.
	"qualitative-keep-text": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị;HT01;HT02;VB01\n" +
			"Xã Nghĩa Tá;gần 100%;trên 85%;~90%\n" +
			"Xã Yên Phong;100% (trừ máy mật);Chưa triển khai;90 %\n")
	},
	// TCVN3 text (.VnTime) read as Windows-1258.
	"mojibake-tcvn3": func(t testing.TB) (string, []byte) {
		return "csv", []byte("UBND HUYÖN CHî §åN\nSTT,§¬n vÞ,HT01\n1,X· B¶n Thi,90\n")
	},
	// VNI text read as Windows-1258.
	"mojibake-vni": func(t testing.TB) (string, []byte) {
		return "csv", []byte("STT,Ñôn vò,HT01\n1,Xaõ Baûn Thi,90\n")
	},
	// Units from other periods and misspellings.
	"unknown-units": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị,HT01\n" +
			"Xã Đông Viên,90\n" +
			"Xã Bằng Lăng,95\n" +
			"Xã Chợ Đồn,100\n" +
			"Xã Bản Thi,88\n" +
			"Xã Ban Thi,87\n")
	},
	// A name that fits two units of the site's list (see units.csv here).
	"ambiguous-unit": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị,HT01\nChợ Đồn,90\nHuyện Chợ Đồn,91\n")
	},
	// Totals that do not match the units above them.
	"total-mismatch": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị,Chỉ số,Tử số,Mẫu số,Giá trị\n" +
			"Xã Bản Thi,HT01,14,16,\n" +
			"Xã Yên Thịnh,HT01,18,19,\n" +
			"Tổng cộng,HT01,32,36,90\n" +
			"Xã Bản Thi,HT04,,,2\n" +
			"Xã Yên Thịnh,HT04,,,1\n" +
			"Toàn huyện,HT04,,,4\n")
	},
	// Fractions of one for a percent, without --fraction.
	"fraction-undeclared": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị;HT01\nXã Bản Thi;0,9\nXã Yên Thịnh;1\nXã Đại Sảo;0,85\n")
	},
	// The same with --fraction.
	"fraction-declared": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị;HT01\nXã Bản Thi;0,9\nXã Yên Thịnh;1\nXã Đại Sảo;0,85\n")
	},
	// Fill-down that would not be safe: the wide layout, a new STT, and a
	// block broken by a group heading.
	"fill-down-unsafe": func(t testing.TB) (string, []byte) {
		return "csv", []byte("STT,Đơn vị,Chỉ số,Giá trị\n" +
			"1,Xã Bản Thi,HT01,90\n" +
			",,HT02,100\n" +
			"2,,HT01,80\n" +
			"II. KHỐI CƠ QUAN,,,\n" +
			",,HT04,3\n")
	},
	// Problems the self-check finds, reported at the input's cells.
	"out-of-range": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị,HT01,HT04,NL02\nXã Bản Thi,104.5,2.5,\nXã Yên Thịnh,50/40,1,\nXã Bản Thi,90,,\n")
	},
	// Headings that are not understood.
	"unknown-columns": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị,HT01,Số máy in,,HT01\nXã Bản Thi,90,3,5,91\n")
	},
	// Notes that read like a signature block on units' rows do not end
	// the table; the real signature block under it does, and nothing
	// after it is read.
	"footer-notes": func(t testing.TB) (string, []byte) {
		return "csv", []byte("STT,Đơn vị,Chỉ số,Giá trị,Tử số,Mẫu số,Ghi chú\n" +
			"1,Thị trấn Bằng Lũng,HT01,,26,28,\n" +
			"2,Xã Xuân Lạc,HT01,,20,25,Lãnh đạo xã đã duyệt\n" +
			"3,Xã Nam Cường,HT01,,10,20,Số liệu đến ngày 31 tháng 3 năm 2025\n" +
			"4,Xã Bằng Lãng,HT01,90,,,Xác nhận của văn phòng\n" +
			"5,Xã Bản Thi,HT01,80,,,Chủ tịch UBND xã ký\n" +
			"6,Xã Yên Thịnh,HT04,2,,,Kế toán kiểm kê\n" +
			",,,,,,\n" +
			",Người lập biểu,,,,,\"Chợ Đồn, ngày  tháng 01 năm 2025\"\n" +
			",Nguyễn Văn A,,Không phải số liệu,,,\n" +
			",Xã Đại Sảo,HT01,1,,,\n")
	},
	// A figure merged over two units' rows is reported, not dropped.
	"merged-figure": func(t testing.TB) (string, []byte) {
		rows := [][]any{
			{"Đơn vị", "HT04", "Tử số", "Mẫu số"},
			{"Xã Xuân Lạc", 3.0},
			{"Xã Nam Cường"},
			{"Xã Bản Thi", 4.0},
		}
		return "xlsx", makeXLSX(t, "Sheet1", rows, "B2:B3")
	},
	// An indicator with only a note column under it.
	"note-only-group": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị,HT01,HT04\n,Ghi chú,Giá trị\nXã Bản Thi,chưa báo cáo,3\n")
	},
	// Unit names that begin like a total row, and real totals.
	"total-like-names": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị,HT04\n" +
			"Xã Xuân Lạc,1\n" +
			"Công an huyện,80\n" +
			"Tổng đài,80\n" +
			"Cơ quan Tổng hợp,80\n" +
			"Cộng khối xã:,1\n" +
			"Xã Nam Cường,2\n" +
			"Tổng cộng toàn huyện,3\n")
	},
	// Fractions of one beside percents of the same indicator.
	"mixed-fraction": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị;Chỉ số;Tỷ lệ (%)\n" +
			"Xã Bản Thi;HT01;0,95\n" +
			"Xã Nam Cường;HT01;0,9\n" +
			"Xã Tân Lập;HT01;100\n" +
			"Xã Xuân Lạc;HT01;0,5%\n" +
			"Xã Yên Thịnh;HT01;1/2\n")
	},
	// A title line with a unit heading above the real heading row.
	"title-unit-line": func(t testing.TB) (string, []byte) {
		return "csv", []byte("BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI SỐ QUÝ I/2025,,\n" +
			"Đơn vị báo cáo:,UBND xã Bản Thi,\n" +
			"Đơn vị,Chỉ số,Giá trị\n" +
			"Xã Bản Thi,HT01,90\n" +
			"Xã Bản Thi,HT04,3\n")
	},
	// A unit-of-measure column does not stop filling the unit down.
	"unit-of-measure": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị,Chỉ số,ĐVT,Giá trị\n" +
			"Xã Bản Thi,HT01,%,90\n" +
			",HT04,máy,3\n" +
			"Xã Nam Cường,HT01,%,80\n" +
			",HT04,máy,2\n")
	},
	// An old sheet typed in TCVN3 beside the sheet imported.
	"mojibake-other-sheet": func(t testing.TB) (string, []byte) {
		book := makeXLSX(t, "Sheet1", [][]any{{"Đơn vị", "HT04"}, {"Xã Bản Thi", 3.0}})
		return "xlsx", withSheet(t, book, "Cu 2009", "B¸o c¸o HuyÖn Chî §ån")
	},
	// A figure typed into a cell formatted as a date.
	"date-cell": func(t testing.TB) (string, []byte) {
		return "xlsx", makeXLSX(t, "Sheet1", [][]any{{"Đơn vị", "HT04", "HT01", nil}, {nil, nil, "Tử số", "Mẫu số"}, {"Xã Xuân Lạc", date(45366), 3.0, date(4)}})
	},
	// Headings that are an indicator's code and more.
	"code-plus-text": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị,HT04 (kế hoạch),HT03 - ghi chép,HT01\nXã Bản Thi,5,x,90\n")
	},
	// Headings that are an indicator's code and its name or a sub-heading.
	"code-plus-subheading": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Đơn vị,HT01 - Tử số,HT01 - Mẫu số,HT01 - Tỷ lệ,HT02 - Tỷ lệ máy tính kết nối Internet (trừ máy tính cần bảo mật),HT03 (%),HT04 - Ghi chú,HT04 - Giá trị\n" +
			"Xã Bản Thi,9,10,90,100,95,mua mới,3\n")
	},
	"no-header": func(t testing.TB) (string, []byte) {
		return "csv", []byte("Báo cáo tháng\nXã Bản Thi,90\n")
	},
	"empty": func(t testing.TB) (string, []byte) { return "csv", nil },
	"old-xls": func(t testing.TB) (string, []byte) {
		return "xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}
	},
}

// caseArgs are the options of the cases that need them.
var caseArgs = map[string]Options{
	"qualitative-keep-text": {KeepText: true},
	"fraction-declared":     {Fraction: true},
}

func nfdString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'ã':
			b.WriteString("a\u0303")
		case 'ì':
			b.WriteString("i\u0300")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestGolden converts each case's input against the sample site (or the
// case's own units.csv) and compares the snapshot, or the report of
// problems in English and Vietnamese, with want.golden. With -update it
// rewrites the generated inputs and want.golden instead.
func TestGolden(t *testing.T) {
	if len(fixtures) < 12 {
		t.Fatalf("only %d fixtures", len(fixtures))
	}
	for name, gen := range fixtures {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata", "cases", name)
			ext, data := gen(t)
			input := filepath.Join(dir, "input."+ext)
			if *golden.Update {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(input, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			golden.Check(t, filepath.Join(dir, "want.golden"), run(t, dir, input))
		})
	}
}

// run converts the committed input and renders the outcome.
func run(t *testing.T, dir, input string) string {
	t.Helper()
	data, err := os.ReadFile(input)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	site := sampleSite(t)
	if b, err := os.ReadFile(filepath.Join(dir, "units.csv")); err == nil {
		site["data/units.csv"] = &fstest.MapFile{Data: b}
	}
	opt := caseArgs[filepath.Base(dir)]
	opt.Period, opt.Today = period.MustParse("2024-Q4"), today
	name := filepath.Base(input)
	res, err := Convert(name, data, site, opt)
	if err != nil {
		checkErr(t, err, name)
		var b strings.Builder
		for _, lang := range []string{"en", "vi"} {
			fmt.Fprintf(&b, "# problems (%s)\n", lang)
			for _, e := range diag.All(err) {
				b.WriteString(e.Line(lang))
				b.WriteByte('\n')
			}
		}
		return b.String()
	}
	return fmt.Sprintf("# %s sheet=%q wide=%v decimal=%s rows=%d units=%d indicators=%d groups=%d totals=%d unchecked=%d filled=%d\n%s",
		res.Path, res.Sheet, res.Wide, res.Mark, res.Rows, res.Units, res.Indicators, res.Groups, res.Totals, res.Unchecked, res.Filled, res.Data)
}
