package gendata

// The word lists of the generator. Percent indicators, their targets and
// the place names are those of the plain-Hugo benchmark's gen_data.py, so
// that the 1x site has the same shape as the site that tool makes.

// percentKind is a percent indicator: its names and the target its figures
// move towards.
type percentKind struct {
	vi, en, group string
	target        float64
}

var percents = []percentKind{
	{"Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến", "Share of administrative files received online", "dich-vu-cong", 80},
	{"Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "Share of administrative files resolved on time", "dich-vu-cong", 98},
	{"Tỷ lệ hồ sơ trực tuyến toàn trình", "Share of fully online (end-to-end) files", "dich-vu-cong", 50},
	{"Tỷ lệ hồ sơ được số hóa khi tiếp nhận", "Share of files digitised at intake", "dich-vu-cong", 100},
	{"Tỷ lệ kết quả TTHC được số hóa", "Share of results digitised", "dich-vu-cong", 100},
	{"Tỷ lệ thanh toán trực tuyến phí, lệ phí", "Share of fees paid online", "dich-vu-cong", 45},
	{"Tỷ lệ người dân hài lòng", "Citizen satisfaction rate", "dich-vu-cong", 90},
	{"Tỷ lệ hồ sơ quá hạn có thư xin lỗi", "Late files with apology letter", "dich-vu-cong", 100},
	{"Tỷ lệ văn bản điện tử có chữ ký số", "E-documents with digital signature", "van-ban", 95},
	{"Tỷ lệ cán bộ có chữ ký số cá nhân", "Officials holding a personal digital signature", "van-ban", 100},
	{"Tỷ lệ hộ gia đình có cáp quang", "Households with fibre broadband", "xa-hoi-so", 85},
	{"Tỷ lệ người trưởng thành có điện thoại thông minh", "Adults with a smartphone", "xa-hoi-so", 85},
	{"Tỷ lệ người dân có tài khoản định danh điện tử mức 2", "Residents with level-2 e-ID", "xa-hoi-so", 70},
	{"Tỷ lệ người dân có tài khoản thanh toán", "Residents with a payment account", "xa-hoi-so", 75},
	{"Tỷ lệ hộ kinh doanh dùng hóa đơn điện tử", "Household businesses using e-invoices", "kinh-te-so", 80},
	{"Tỷ lệ thôn có tổ công nghệ số cộng đồng", "Villages with a community digital team", "xa-hoi-so", 100},
	{"Tỷ lệ phản ánh kiến nghị xử lý đúng hạn", "Citizen feedback handled on time", "van-ban", 95},
	{"Tỷ lệ cuộc họp trực tuyến", "Share of meetings held online", "van-ban", 60},
	{"Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng", "Work files processed online", "van-ban", 90},
	{"Tỷ lệ dịch vụ công có phát sinh hồ sơ", "Public services with at least one file", "dich-vu-cong", 60},
	{"Tỷ lệ hồ sơ đất đai giải quyết đúng hạn", "Land files resolved on time", "dich-vu-cong", 95},
	{"Tỷ lệ hồ sơ hộ tịch trực tuyến", "Civil-status files submitted online", "dich-vu-cong", 70},
	{"Tỷ lệ trẻ em đăng ký khai sinh trực tuyến", "Births registered online", "dich-vu-cong", 70},
	{"Tỷ lệ học sinh có hồ sơ học bạ số", "Pupils with a digital school record", "xa-hoi-so", 90},
	{"Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "Residents with an electronic health record", "xa-hoi-so", 80},
	{"Tỷ lệ cơ sở y tế thanh toán không dùng tiền mặt", "Health facilities taking cashless payment", "kinh-te-so", 80},
	{"Tỷ lệ chi trả an sinh xã hội không dùng tiền mặt", "Social-benefit payments made cashless", "kinh-te-so", 80},
	{"Tỷ lệ điểm công cộng có wifi miễn phí", "Public places with free wifi", "ha-tang", 50},
	{"Tỷ lệ camera an ninh kết nối trung tâm", "Security cameras linked to the centre", "ha-tang", 60},
	{"Tỷ lệ dữ liệu mở được cập nhật đúng hạn", "Open datasets updated on schedule", "ha-tang", 90},
}

// otherKind is a count or number indicator. target < 0: none.
type otherKind struct {
	vi, en, group string
	measure       string // "count" or "number"
	direction     string
	target        float64
}

var others = []otherKind{
	{"Số hồ sơ TTHC tiếp nhận trực tuyến", "Administrative files received online", "dich-vu-cong", "count", "up", -1},
	{"Số phản ánh, kiến nghị quá hạn xử lý", "Citizen feedback items handled late", "van-ban", "count", "down", 0},
	{"Số ngày giải quyết trung bình một hồ sơ TTHC", "Average days to resolve an administrative file", "dich-vu-cong", "number", "down", 3},
	{"Số cuộc họp trực tuyến", "Meetings held online", "van-ban", "count", "up", -1},
	{"Số máy tính cũ, cấu hình thấp cần thay thế", "Old, low-specification computers to be replaced", "ha-tang", "count", "down", 0},
	{"Số điểm wifi công cộng miễn phí", "Free public wifi spots", "ha-tang", "count", "up", -1},
}

var (
	places = []string{"An", "Bình", "Cát", "Đông", "Gia", "Hòa", "Hưng", "Khánh", "Lạc", "Long", "Minh", "Nam",
		"Ngọc", "Phú", "Phước", "Quang", "Sơn", "Tân", "Thạnh", "Thịnh", "Thuận", "Trung", "Vĩnh", "Xuân"}
	suffixes = []string{"Thành", "Lợi", "Hải", "Phong", "Tiến", "Đức", "Mỹ", "Điền", "Thọ", "Lâm"}
)

// Kinds of reporting units: the unit's kind in units.csv, its name's
// prefix, how its People's Committee is named in the source column, and
// the English word after the name.
type unitKind struct{ kind, prefix, office, en string }

var (
	commune  = unitKind{"commune", "Xã", "UBND xã", "commune"}
	ward     = unitKind{"ward", "Phường", "UBND phường", "ward"}
	township = unitKind{"township", "Thị trấn", "UBND thị trấn", "township"}
)

// bases are the decisions targets are set by. They are invented, and say
// so: the figures of a generated site are random.
var bases = []struct{ vi, en string }{
	{"Kế hoạch số 45/KH-UBND ngày 20/02/2024 về chuyển đổi số (văn bản mô phỏng)", "Plan No. 45/KH-UBND of 20 February 2024 on digital transformation (synthetic)"},
	{"Quyết định số 1208/QĐ-UBND ngày 15/6/2023 giao mục tiêu chính quyền số (văn bản mô phỏng)", "Decision No. 1208/QĐ-UBND of 15 June 2023 setting digital-government targets (synthetic)"},
	{"Nghị quyết số 09/NQ-HĐND ngày 12/12/2022 về phát triển kinh tế số, xã hội số (văn bản mô phỏng)", "Resolution No. 09/NQ-HĐND of 12 December 2022 on the digital economy and society (synthetic)"},
}

// Texts shared by every indicator of a measure, and by rows.
const (
	definitionPercentVI = "Số đối tượng đạt yêu cầu (tử số) chia cho tổng số đối tượng (mẫu số) của đơn vị, nhân 100."
	definitionPercentEN = "Number meeting the requirement (numerator) divided by the unit's total (denominator), times 100."
	definitionCountVI   = "Số lượng tại thời điểm cuối quý, do đơn vị báo cáo."
	definitionCountEN   = "Number at the end of the quarter, as reported by the unit."
	definitionNumberVI  = "Giá trị bình quân trong quý, do đơn vị báo cáo."
	definitionNumberEN  = "Average over the quarter, as reported by the unit."
	sourceVI            = "Báo cáo hằng quý của UBND cấp xã (số liệu mô phỏng)"
	sourceEN            = "Quarterly reports of the commune-level People's Committees (synthetic figures)"
	noteMissing         = "Đơn vị chưa báo cáo"
	noteEstimate        = "Số liệu ước tính"
)
