package importer

import "testing"

// The three shapes of file that issue 11 was tried with, as golden cases:
// their want.golden is the report the officer gets.
func init() {
	// A commune's own report workbook: one row per figure, each row with
	// its own STT, the commune's name typed once.
	fixtures["issue11-commune-report"] = func(t testing.TB) (string, []byte) {
		rows := [][]any{
			{"UBND XÃ BẰNG LÃNG"},
			{"BÁO CÁO KẾT QUẢ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN QUÝ IV NĂM 2024"},
			{"(Kèm theo Báo cáo số 12/BC-UBND ngày 03/01/2025)"},
			{},
			{"STT", "Đơn vị", "Chỉ số", "Tử số", "Mẫu số", "Giá trị", "Ghi chú"},
			{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"},
			{},
			{1.0, "Xã Bằng Lãng", "HT01", 14.0, 16.0, nil, nil},
			{2.0, nil, "HT02", nil, nil, pct(1), nil},
			{3.0, nil, "HT03", nil, nil, pct(1), nil},
			{4.0, nil, "HT04", nil, nil, 2.0, nil},
			{5.0, nil, "AT01", nil, nil, pct(0), nil},
			{6.0, nil, "VB01", nil, nil, pct(0.92), nil},
			{7.0, nil, "VB03", 120.0, 130.0, nil, nil},
			{8.0, nil, "TD01", nil, nil, pct(1), nil},
			{9.0, nil, "TD02", nil, nil, pct(0.9), nil},
			{10.0, nil, "NL01", 15.0, 16.0, nil, nil},
			{},
			{nil, "Người lập biểu", nil, nil, "TM. UBND XÃ"},
		}
		return "xlsx", makeXLSX(t, "Biểu 01", rows)
	}
	// The district office's compiled workbook: one column per indicator,
	// Tử số / Mẫu số / Tỷ lệ under a percent and a sub-heading it does not
	// know (Số máy) under a count; names typed without diacritics or with
	// the office's abbreviations.
	fixtures["issue11-district-compiled"] = func(t testing.TB) (string, []byte) {
		ht01 := "Tỷ lệ cán bộ, công chức, viên chức được trang bị máy tính"
		rows := [][]any{
			{"UBND HUYỆN CHỢ ĐỒN"},
			{"PHÒNG VĂN HÓA VÀ THÔNG TIN"},
			{"BIỂU TỔNG HỢP KẾT QUẢ ỨNG DỤNG CNTT QUÝ IV NĂM 2024"},
			{},
			{"STT", "Tên đơn vị", ht01, nil, nil, "HT04", "Ghi chú"},
			{nil, nil, "Tử số", "Mẫu số", "Tỷ lệ (%)", "Số máy"},
			{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"},
			{"I", "KHỐI XÃ, THỊ TRẤN"},
			{1.0, "TT Bằng Lũng", 30.0, 30.0, pct(1), 0.0},
			{2.0, "Xa Bang Lang", 14.0, 16.0, pct(0.875), 2.0},
			{3.0, "UBND xã Bản Thi", 18.0, 19.0, pct(0.947), 1.0},
			{4.0, "Xa Yen Thinh", 12.0, 12.0, pct(1), 0.0},
			{"II", "KHỐI CƠ QUAN HUYỆN"},
			{5.0, "Phòng TN và MT", 9.0, 9.0, pct(1), 0.0},
			{6.0, "Phòng NN và PTNT", 11.0, 12.0, pct(0.917), 1.0},
			{7.0, "Phòng VH-TT", 6.0, 6.0, pct(1), 0.0},
			{8.0, "VP HĐND và UBND huyện", 20.0, 20.0, pct(1), 0.0},
			{9.0, "Phòng TC-KH", 8.0, 8.0, pct(1), 0.0},
			{"Tổng cộng", nil, 128.0, 132.0, pct(0.97), 4.0},
		}
		return "xlsx", makeXLSX(t, "Biểu 01", rows, "C5:E5", "G5:G6", "A5:A6", "B5:B6", "A19:B19")
	}
	// Excel "CSV" on Vietnamese Windows from the district office: the
	// same list of figures, semicolons, decimal commas, names without
	// diacritics, a figure not given the same way on every row.
	fixtures["issue11-cp1258-district"] = func(t testing.TB) (string, []byte) {
		return "csv", cp1258(t, "UBND HUYỆN CHỢ ĐỒN;;;;\r\n"+
			"TỔNG HỢP SỐ LIỆU QUÝ IV/2024;;;;\r\n"+
			";;;;\r\n"+
			"STT;Đơn vị;HT01;HT02;HT04;Ghi chú\r\n"+
			"1;Xa Nam Cuong;96,67;chưa có;1;\r\n"+
			"2;UBND xa Dong Lac;100;chưa có;0;\r\n"+
			"3;Xa Quang Bach;95,5;chưa có;2;\r\n"+
			"4;Xa Bang Phuc;100;chưa có;0;\r\n"+
			"5;Phòng GD&ĐT;100;100;0;\r\n"+
			"6;P. Nội vụ;100;100;0;\r\n"+
			"7;Phòng KT-HT;100;100;0;\r\n")
	}
}
