package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/xlsx/xlsxtest"
)

func TestNameKey(t *testing.T) {
	same := [][]string{
		{"Thị trấn Bằng Lũng", "TT Bằng Lũng", "TT. Bằng Lũng", "Thị trấn Bằng lũng", "UBND thị trấn Bằng Lũng", "  bằng   LŨNG "},
		{"Xã Yên Thịnh", "UBND xã Yên Thịnh", "Ủy ban nhân dân xã Yên Thịnh", "yên thịnh"},
		{"Hòa", "Hoà", "HOÀ"}, {"Hóa", "Hoá"}, {"Thỏa", "Thoả"}, {"Khõa", "Khoã"}, {"Họa", "Hoạ"},
		{"Thúy", "Thuý"}, {"Thùy", "Thuỳ"}, {"Thủy", "Thuỷ"},
		{"Sỹ", "Sĩ"}, {"Kỳ", "Kì"}, {"Quý", "Quí"}, {"Yên Mỹ", "Yên Mĩ"}, {"Lý", "Lí"},
		{"Phòng Văn hóa và Thông tin", "Văn hoá và Thông tin", "UBND Phòng Văn Hoá Và Thông Tin"},
		{"Phòng Tài chính – Kế hoạch", "Phòng Tài chính - Kế hoạch"},
		{"Xã Bình Trung", "Xa\u0303 Bi\u0300nh Trung"}, // NFD
	}
	for _, group := range same {
		for _, s := range group[1:] {
			if a, b := NameKey(group[0]), NameKey(s); a != b {
				t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q: want equal", group[0], a, s, b)
			}
		}
	}
	differ := [][2]string{
		{"Bằng Lũng", "Bằng Lãng"}, {"Yên Thịnh", "Yên Thượng"}, {"Đồng Lạc", "Đồng Thắng"},
		{"Thủy", "Thủi"}, {"Huyện", "Huyền"}, {"Yên", "In"}, {"Bản Thi", "Ban Thi"}, {"Đại", "Dại"},
		{"Phòng", "Phong"},
	}
	for _, d := range differ {
		if NameKey(d[0]) == NameKey(d[1]) {
			t.Errorf("NameKey(%q) = NameKey(%q) = %q: want different", d[0], d[1], NameKey(d[0]))
		}
	}
	if got := NameKey("Xã"); got == "" {
		t.Error("a name made only of a prefix must keep it")
	}
}

func TestMatcher(t *testing.T) {
	m := newMatcher([]entry{
		{"064", "Huyện Chợ Đồn"}, {"02020", "Thị trấn Bằng Lũng"}, {"02065", "Xã Bằng Lãng"},
		{"02020-2025", "Xã Chợ Đồn"}, {"CQ-NV", "Phòng Nội vụ"}, {"02077", "Xã Yên Mỹ"},
	}, true)
	for _, tc := range []struct {
		in    string
		want  string // code, or "" for no match
		cands string // candidates listed
		amb   bool
	}{
		{"TT Bằng Lũng", "02020", "", false},
		{"02020", "02020", "", false},
		{"2020", "02020", "", false}, // a code typed into a number cell
		{"cq-nv", "CQ-NV", "", false},
		{"Nội vụ", "CQ-NV", "", false},
		{"UBND xã Yên Mĩ", "02077", "", false},
		{"Huyện Chợ Đồn", "064", "", false},
		{"Xã Chợ Đồn", "02020-2025", "", false},
		{"Chợ Đồn", "", "064 Huyện Chợ Đồn; 02020-2025 Xã Chợ Đồn", true},
		{"Xã Bằng Lăng", "", "02020 Thị trấn Bằng Lũng; 02065 Xã Bằng Lãng", false},
		{"Xã Bằng Lũng", "", "02020 Thị trấn Bằng Lũng; 02065 Xã Bằng Lãng", false}, // a township is not a commune
		{"Xã Rã Bản", "", "", false},
	} {
		check(t, m, tc.in, tc.want, tc.cands, tc.amb)
	}
}

// TestLooseMatch: names typed without marks or with offices'
// abbreviations match when exactly one unit fits, and list the units
// that fit otherwise.
func TestLooseMatch(t *testing.T) {
	t.Parallel()
	m := newMatcher([]entry{
		{"02020", "Thị trấn Bằng Lũng"}, {"02065", "Xã Bằng Lãng"}, {"02035", "Xã Bản Thi"},
		{"02044", "Xã Yên Thịnh"}, {"02047", "Xã Yên Thượng"},
		{"CQ-TNMT", "Phòng Tài nguyên và Môi trường"}, {"CQ-NNPTNT", "Phòng Nông nghiệp và Phát triển nông thôn"},
		{"CQ-VHTT", "Phòng Văn hóa và Thông tin"}, {"CQ-TCKH", "Phòng Tài chính – Kế hoạch"},
		{"CQ-GDDT", "Phòng Giáo dục và Đào tạo"}, {"CQ-VP", "Văn phòng HĐND và UBND huyện"}, {"CQ-NV", "Phòng Nội vụ"},
		{"CQ-VHTT2", "Phòng Văn hóa – Thể thao"}, {"X1", "Xã Bằng Lăng"},
	}, true)
	for _, tc := range []struct{ in, want, cands string }{
		{"Xa Ban Thi", "02035", ""},
		{"xa yen thinh", "02044", ""},
		{"UBND xa Yen Thinh", "02044", ""},
		{"TT Bang Lung", "02020", ""},
		{"Phòng TN và MT", "CQ-TNMT", ""},
		{"Phòng TN&MT", "CQ-TNMT", ""},
		{"Phòng NN và PTNT", "CQ-NNPTNT", ""},
		{"Phòng GD&ĐT", "CQ-GDDT", ""},
		{"Phòng TC-KH", "CQ-TCKH", ""},
		{"VP HĐND và UBND huyện", "CQ-VP", ""},
		{"P. Nội vụ", "CQ-NV", ""},
		{"Phong Noi vu", "CQ-NV", ""},
		// Two units fit: both listed, none chosen.
		{"Xa Bang Lang", "", "02065 Xã Bằng Lãng; X1 Xã Bằng Lăng"},
		{"Phòng VH-TT", "", "CQ-VHTT Phòng Văn hóa và Thông tin; CQ-VHTT2 Phòng Văn hóa – Thể thao"},
		{"Phòng VH và TT", "", "CQ-VHTT Phòng Văn hóa và Thông tin; CQ-VHTT2 Phòng Văn hóa – Thể thao"},
		// Marks written are kept: "Bản" is not "Ban", "Lăng" is not "Lãng".
		{"Xã Ban Thi", "", "02035 Xã Bản Thi"},
		// Small words are not abbreviations.
		{"Phòng tn và mt", "", ""},
	} {
		check(t, m, tc.in, tc.want, tc.cands, tc.cands != "" && tc.want == "" && strings.Contains(tc.cands, ";"))
	}
}

func check(t *testing.T, m *matcher, in, want, wantCands string, wantAmb bool) {
	t.Helper()
	i, cands, amb := m.match(in)
	got := ""
	if i >= 0 {
		got = m.entries[i].code
	}
	if got != want || m.list(cands) != wantCands || amb != wantAmb {
		t.Errorf("match(%q) = %q, [%s], %v; want %q, [%s], %v", in, got, m.list(cands), amb, want, wantCands, wantAmb)
	}
}

func TestParseNum(t *testing.T) {
	for _, tc := range []struct {
		s    string
		mark Mark
		want float64
		ok   bool
	}{
		{"85,5", MarkComma, 85.5, true}, {"1.234", MarkComma, 1234, true}, {"1.234,5", MarkComma, 1234.5, true},
		{"1.234.567", MarkComma, 1234567, true}, {"85.5", MarkComma, 0, false}, {"-3,25", MarkComma, -3.25, true},
		{"85.5", MarkDot, 85.5, true}, {"1,234", MarkDot, 1234, true}, {"1,234.5", MarkDot, 1234.5, true},
		{"85,5", MarkDot, 0, false}, {"1.234", MarkDot, 1.234, true},
		{"1.234", MarkUnknown, 0, false}, {"1,234", MarkUnknown, 0, false}, {"90", MarkUnknown, 90, true},
		{"85,5", MarkUnknown, 85.5, true}, {"0.5", MarkUnknown, 0.5, true}, {"1e400", MarkDot, 0, false},
	} {
		v, ok := parseNum(tc.s, tc.mark)
		if ok != tc.ok || (ok && v != tc.want) {
			t.Errorf("parseNum(%q, %v) = %v, %v; want %v, %v", tc.s, tc.mark, v, ok, tc.want, tc.ok)
		}
	}
	for s, want := range map[string]Mark{"85,5": MarkComma, "1.234,5": MarkComma, "1.234.567": MarkComma, "0,9": MarkComma,
		"85.5": MarkDot, "1,234.5": MarkDot, "0.9": MarkDot, "1.234": MarkUnknown, "1,234": MarkUnknown, "12": MarkUnknown, "1.2345": MarkDot} {
		if got := evidence(s); got != want {
			t.Errorf("evidence(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestLex(t *testing.T) {
	for s, want := range map[string]kind{
		"": kEmpty, "  ": kEmpty, "-": kMissing, "x": kMissing, "X": kMissing, "Không có số liệu": kMissing, "không có": kMissing,
		"90": kNumber, "85,5": kNumber, "90%": kPercent, "90 %": kPercent, "45/48": kRatio, "45 / 48": kRatio,
		"gần 100%": kText, "trên 85%": kText, "~90%": kText, "100% (trừ máy mật)": kText, "Chưa triển khai": kText,
		"12..5": kNumber, "#REF!": kText, "1/2/2024": kBad,
	} {
		if got, _ := lex(s); got != want {
			t.Errorf("lex(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestExcelDigits(t *testing.T) {
	for in, want := range map[float64]float64{3.0000000000000004: 3, 0.1 + 0.2: 0.3, 94.69999999999999: 94.7, 1234: 1234} {
		if got := excel(in); got != want {
			t.Errorf("excel(%v) = %v, want %v", in, got, want)
		}
	}
}

func TestDecode(t *testing.T) {
	const text = "Đơn vị;Tỷ lệ\r\nXã Bản Thi;85,5\r\n"
	for name, data := range map[string][]byte{
		"utf8":     []byte(text),
		"utf8 bom": append([]byte("\uFEFF"), text...),
		"utf16le":  utf16(t, text, false),
		"utf16be":  utf16(t, text, true),
		"cp1258":   cp1258(t, text),
	} {
		var errs diag.List
		got, ok := decode("f.csv", data, &errs)
		if !ok || got != text {
			t.Errorf("%s: decode = %q, %v (%v); want %q", name, got, ok, errs.Err(), text)
		}
	}
	var errs diag.List
	if _, ok := decode("f.csv", []byte("a\x00b\x00c\x00d\x00"), &errs); ok || errs.Len() != 1 || errs.Errors()[0].Code != diag.CodeEncoding {
		t.Errorf("UTF-16 without BOM: want an encoding error, got %v", errs.Err())
	}
}

func TestDetectDelimiter(t *testing.T) {
	im := testImporter(t)
	for text, want := range map[string]rune{
		"Đơn vị,HT01,HT02\nXã Bản Thi,90,100\n":                           ',',
		"BÁO CÁO, QUÝ IV\nĐơn vị;HT01;HT02\nXã Bản Thi;85,5;100\n":        ';',
		"Đơn vị\tHT01\nXã Bản Thi\t85,5\n":                                '\t',
		"\"Đơn vị; tên\";HT01;HT02\nXã Bản Thi;\"85,5\";100\n":            ';',
		"Đơn vị,\"Tỷ lệ cán bộ; công chức\",HT01\nXã Bản Thi,1,\"2;3\"\n": ',',
	} {
		if got := detectDelimiter(text, im.score); got != want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", text, got, want)
		}
	}
}

// testImporter matches against the sample site.
func testImporter(t *testing.T) *importer {
	t.Helper()
	res, err := Convert("x.csv", []byte("Đơn vị,HT01\nXã Bản Thi,90\n"), sampleSite(t), Options{Period: period.MustParse("2024-Q4")})
	if err != nil || res == nil {
		t.Fatalf("sample conversion failed: %v", err)
	}
	im := &importer{done: map[diag.Position]bool{}}
	var ue, ie []entry
	for _, l := range [][2]string{{"02035", "Xã Bản Thi"}, {"02020", "Thị trấn Bằng Lũng"}} {
		ue = append(ue, entry{l[0], l[1]})
	}
	for _, l := range [][2]string{{"HT01", "Tỷ lệ cán bộ, công chức, viên chức được trang bị máy tính"}, {"HT02", "Tỷ lệ máy tính kết nối Internet (trừ máy tính cần bảo mật)"}} {
		ie = append(ie, entry{l[0], l[1]})
	}
	im.units, im.inds = newMatcher(ue, true), newMatcher(ie, false)
	return im
}

func TestLayout(t *testing.T) {
	im := testImporter(t)
	for _, tc := range []struct {
		name, text string
		wide       bool
		first      int // index of the first data row
		roles      []role
	}{
		{"wide with titles", "UBND\nBIỂU\n\nSTT,Đơn vị,HT01,Tỷ lệ máy tính kết nối Internet (trừ máy tính cần bảo mật),Ghi chú\n1,Xã Bản Thi,1,2,\n", true, 3, // encoding/csv skips the empty line
			[]role{rIgnore, rUnit, rValue, rValue, rNote}},
		{"long", "Tên đơn vị,Mã chỉ số,Tử số,Mẫu số,Tỷ lệ (%),Nguồn\nXã Bản Thi,HT01,1,2,50,\n", false, 1,
			[]role{rUnit, rIndicator, rNum, rDen, rValue, rSource}},
		{"canonical", "unit,indicator,value,numerator,denominator,note,source\n", false, 1,
			[]role{rUnit, rIndicator, rValue, rNum, rDen, rNote, rSource}},
		{"sub-headings and column numbers", "TT,Đơn vị,HT01,,,HT02\n,,Tử số,Mẫu số,Tỷ lệ,\n(1),(2),(3),(4),(5),(6)\n1,Xã Bản Thi,1,2,50,100\n", true, 3,
			[]role{rIgnore, rUnit, rNum, rDen, rValue, rValue}},
		{"indicators on a second heading row", "STT,Đơn vị,Hạ tầng,\n,,HT01,HT02\n1,Xã Bản Thi,1,2\n", true, 2,
			[]role{rIgnore, rUnit, rValue, rValue}},
	} {
		var errs diag.List
		g := readText("t.csv", []byte(tc.text), im.score, &errs)
		tab := im.findTable(g, &errs)
		if tab == nil || errs.Len() > 0 {
			t.Errorf("%s: no table (%v)", tc.name, errs.Err())
			continue
		}
		var roles []role
		for _, c := range tab.cols {
			roles = append(roles, c.role)
		}
		if tab.wide != tc.wide || tab.first != tc.first || !equalRoles(roles, tc.roles) {
			t.Errorf("%s: wide %v first %d roles %v; want %v %d %v", tc.name, tab.wide, tab.first, roles, tc.wide, tc.first, tc.roles)
		}
	}
}

func equalRoles(a, b []role) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestFillDown checks that a unit name is carried down only within a
// block of a long table, and never across a heading, a total, a blank row
// or a row with its own STT.
func TestFillDown(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		filled     int
		errs       int
		units      []string
	}{
		{"block", "Đơn vị,Chỉ số,Giá trị\nXã Bản Thi,HT01,90\n,HT02,100\n,HT04,3\n", 2, 0, []string{"02035", "02035", "02035"}},
		{"name on its own row", "Đơn vị,Chỉ số,Giá trị\nXã Bản Thi,,\n,HT01,90\n,HT02,100\n", 2, 0, []string{"02035", "02035"}},
		{"across a group heading", "Đơn vị,Chỉ số,Giá trị\nXã Bản Thi,HT01,90\nII. KHỐI CƠ QUAN,,\n,HT02,100\n", 0, 1, nil},
		{"across a total", "Đơn vị,Chỉ số,Giá trị\nXã Bản Thi,HT04,2\nCộng,HT04,2\n,HT02,100\n", 0, 1, nil},
		{"across a blank row", "Đơn vị,Chỉ số,Giá trị\nXã Bản Thi,HT01,90\n,,\n,HT02,100\n", 0, 1, nil},
		{"a row with its own STT", "STT,Đơn vị,Chỉ số,Giá trị\n1,Xã Bản Thi,HT01,90\n2,,HT02,100\n", 0, 1, nil},
		{"wide table", "Đơn vị,HT01\nXã Bản Thi,90\n,91\n", 0, 1, nil},
	} {
		res, err := Convert("t.csv", []byte(tc.text), sampleSite(t), Options{Period: period.MustParse("2024-Q4")})
		n := len(diag.All(err))
		if n != tc.errs {
			t.Errorf("%s: %d problems, want %d: %v", tc.name, n, tc.errs, err)
			continue
		}
		if err != nil {
			continue
		}
		var units []string
		for _, line := range strings.Split(strings.TrimSpace(string(res.Data)), "\n")[1:] {
			units = append(units, strings.Split(line, ",")[0])
		}
		if res.Filled != tc.filled || strings.Join(units, " ") != strings.Join(tc.units, " ") {
			t.Errorf("%s: filled %d units %v; want %d %v", tc.name, res.Filled, units, tc.filled, tc.units)
		}
	}
}

func TestTotals(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		codes      []string
	}{
		{"percent matches", "Đơn vị,HT01\nXã Bản Thi,14/16\nXã Yên Thịnh,18/19\nTổng cộng,32/35\n", nil},
		{"percent rounded", "Đơn vị,Chỉ số,Tử số,Mẫu số,Giá trị\nXã Bản Thi,HT01,14,16,\nXã Yên Thịnh,HT01,18,19,\nTổng cộng,HT01,,,91.4\n", nil},
		{"percent off", "Đơn vị,Chỉ số,Tử số,Mẫu số,Giá trị\nXã Bản Thi,HT01,14,16,\nXã Yên Thịnh,HT01,18,19,\nTổng cộng,HT01,,,91.5\n", []string{CodeTotalMismatch}},
		{"percent average is not the roll-up", "Đơn vị,HT01\nXã Bản Thi,1/1\nXã Yên Thịnh,1/100\nToàn huyện,50.5\n", []string{CodeTotalMismatch}},
		{"count", "Đơn vị,HT04\nXã Bản Thi,2\nXã Yên Thịnh,3\nTổng cộng,5\n", nil},
		{"count off", "Đơn vị,HT04\nXã Bản Thi,2\nXã Yên Thịnh,3\nTổng cộng,6\n", []string{CodeTotalMismatch}},
		{"subtotals per group", "Đơn vị,HT04\nI. Xã,\nXã Bản Thi,2\nCộng,2\nII. Cơ quan,\nPhòng Nội vụ,1\nCộng,1\nTổng cộng,3\n", nil},
		{"subtotal off", "Đơn vị,HT04\nXã Bản Thi,2\nCộng,3\nPhòng Nội vụ,1\nTổng cộng,3\n", []string{CodeTotalMismatch}},
	} {
		res, err := Convert("t.csv", []byte(tc.text), sampleSite(t), Options{Period: period.MustParse("2024-Q4")})
		var codes []string
		for _, e := range diag.All(err) {
			codes = append(codes, e.Code)
		}
		if strings.Join(codes, " ") != strings.Join(tc.codes, " ") {
			t.Errorf("%s: codes %v, want %v (%v)", tc.name, codes, tc.codes, err)
		}
		if err == nil && strings.Contains(string(res.Data), "Tổng") {
			t.Errorf("%s: a total row was imported", tc.name)
		}
	}
}

func TestMojibake(t *testing.T) {
	for s, bad := range map[string]bool{
		"HuyÖn Chî §ån": true, "Huyeän": true, "Xaõ Baûn Thi": true, "Ñoàng Laïc": true,
		"Huyện Chợ Đồn": false, "Xã Bản Thi": false, "Hòa, Thủy, Quý, Lũng, Nghĩa": false, "25°C": false, "ĐẠI SẢO": false, "Võ, Rõ, Ngõ": false,
	} {
		if got := mojibake(s) != ""; got != bad {
			t.Errorf("mojibake(%q) = %q, want found=%v", s, mojibake(s), bad)
		}
	}
}

// TestSizeLimit proves a file over the limit is refused from its size
// alone: the file here is sparse, so reading it would take a long time
// and MaxSize+ of memory, while Stat is instant.
func TestSizeLimit(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "big.csv")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil { // 100 MB of holes
		t.Fatal(err)
	}
	f.Close()
	// Make the file unreadable: if Import read it, it would fail with a
	// different error (root can still read, so also check the code).
	os.Chmod(name, 0o200)
	_, err = Import(Options{Files: []string{name}, Site: filepath.Join("..", ".."), Period: period.MustParse("2024-Q4")})
	errs := diag.All(err)
	if len(errs) != 1 || errs[0].Code != CodeSizeLimit || errs[0].Pos.File != name {
		t.Fatalf("want one size-limit error naming the file, got %v", err)
	}
}

// TestSheets checks that the first worksheet with a heading row is read,
// and that --sheet names one or lists those there are.
func TestSheets(t *testing.T) {
	book := xlsxtest.Workbook(t, "Hướng dẫn", [][]any{{"Ghi số liệu vào trang sau"}})
	book = xlsxtest.AddSheet(t, book, "Số liệu", [][]any{nil, nil, {"STT", "Đơn vị", "HT04"}, {3.0000000000000004, "Xã Bản Thi", 2}})
	opt := Options{Period: period.MustParse("2024-Q4")}
	res, err := Convert("b.xlsx", book, sampleSite(t), opt)
	if err != nil || res.Sheet != "Số liệu" || !strings.Contains(string(res.Data), "02035,HT04,2,,,,b.xlsx:Số liệu!C4") {
		t.Fatalf("auto sheet: %v %+v", err, res)
	}
	opt.Sheet = "Khác"
	_, err = Convert("b.xlsx", book, sampleSite(t), opt)
	if errs := diag.All(err); len(errs) != 1 || !strings.Contains(errs[0].Msg, "Hướng dẫn, Số liệu") {
		t.Fatalf("unknown sheet: %v", err)
	}
	opt.Sheet = "Hướng dẫn"
	_, err = Convert("b.xlsx", book, sampleSite(t), opt)
	if errs := diag.All(err); len(errs) != 1 || errs[0].Code != diag.CodeMissing || errs[0].Pos.Sheet != "Hướng dẫn" {
		t.Fatalf("sheet without headings: %v", err)
	}
}

// TestTotalLabels checks that only a whole total label makes a total row:
// a unit's name that begins with the same word is a name.
func TestTotalLabels(t *testing.T) {
	for s, want := range map[string]bool{
		"Tổng cộng": true, "TỔNG CỘNG:": true, "Tổng số": true, "Tổng": true, "Toàn huyện": true, "Cộng": true,
		"Cộng khối xã": true, "Tổng cộng các xã": true, "Tổng cộng toàn huyện": true,
		"Công an huyện": false, "Tổng đài": false, "Tông Xã Bản Thi": false, "Cộng đồng": false, "Tổng hợp": false,
	} {
		if got := totalRE.MatchString(labelKey(s)); got != want {
			t.Errorf("total %q = %v, want %v", s, got, want)
		}
	}
}

// TestHeadingRow checks that a title line with a unit heading is not the
// heading row, and that one with indicators on the row under it is.
func TestHeadingRow(t *testing.T) {
	im := testImporter(t)
	for text, want := range map[string]int{
		"BÁO CÁO,,\nĐơn vị báo cáo:,UBND xã Bản Thi,\nĐơn vị,Chỉ số,Giá trị\n": 2,
		"Đơn vị:,Xã Bản Thi\nSTT,Đơn vị,HT01\n":                                1,
		"STT,Đơn vị,Hạ tầng\n,,HT01\n":                                         0,
		"Tiêu đề\nĐơn vị,Ghi chú\n":                                            1, // the best there is, for its messages
		"Tiêu đề\nXã Bản Thi,90\n":                                             -1,
	} {
		var errs diag.List
		g := readText("t.csv", []byte(text), im.score, &errs)
		if got := im.headingRow(g); got != want {
			t.Errorf("headingRow(%q) = %d, want %d", text, got, want)
		}
	}
}
