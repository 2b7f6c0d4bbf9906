package validate

import "github.com/minhbach/minhbach/internal/msg"

// The validator's messages, in Vietnamese and English (see package msg).
// Words that are data (percent, up, column names) stay as written and are
// quoted in Vietnamese.
var (
	// Codes.
	msgMissingCode = msg.New(
		"còn trống: dòng nào cũng cần mã ở ô này",
		"missing: every row needs a code here")
	msgSpaces = msg.New(
		"có dấu cách ở đầu hoặc cuối: hãy xoá các dấu cách đó",
		"has spaces at the start or end: delete them")
	msgUnsafePath = msg.New(
		"không dùng được trong địa chỉ web: chỉ dùng chữ cái A đến Z, chữ số, dấu - và _ (không có / hoặc ..)",
		"not safe in a web address: use only letters A to Z, digits, - and _ (no / or ..)")
	msgCodeTooLong = msg.New(
		"quá dài: mã có tối đa %d ký tự",
		"too long: a code has at most %d characters")
	msgBadCode = msg.New(
		"mã không hợp lệ: chỉ dùng chữ cái A đến Z không dấu, chữ số, dấu - và _, bắt đầu bằng chữ cái hoặc chữ số",
		"not a valid code: use only letters A to Z without accents, digits, - and _, starting with a letter or digit")
	msgReserved = msg.New(
		"tên bị hệ thống giữ riêng: Windows không lưu được tệp mang tên này, hãy chọn mã khác",
		"reserved name: Windows cannot store a file with this name, choose another code")
	msgDupIndicator = msg.New(
		"mã chỉ số này bị dùng hai lần: dòng %d cũng có mã này",
		"this indicator code is used twice: also on line %d")
	msgDupUnit = msg.New(
		"mã đơn vị này bị dùng hai lần: dòng %d cũng có mã này",
		"this unit code is used twice: also on line %d")
	msgDupFolded = msg.New(
		"trùng với %q ở dòng %d khi không phân biệt chữ hoa, chữ thường; mã được dùng làm địa chỉ web nên các mã phải khác nhau không chỉ ở chữ hoa, chữ thường",
		"same as %q on line %d once capital letters are ignored; codes become web addresses, so make them differ by more than case")

	// Texts.
	msgTooLong = msg.New(
		"quá dài: %d ký tự, tối đa %d",
		"too long: %d characters, at most %d")
	msgMissingName = msg.New(
		"còn trống: hãy ghi tên bằng tiếng Việt",
		"missing: give the name in Vietnamese")
	msgMissingGroup = msg.New(
		"còn trống: hãy ghi mã nhóm (ví dụ ha-tang)",
		"missing: give the group code (such as ha-tang)")
	msgMissingBasis = msg.New(
		"còn trống: hãy ghi văn bản quyết định giao mục tiêu, bằng tiếng Việt",
		"missing: give the decision that set the target, in Vietnamese")

	// Indicators.
	msgMeasure = msg.New(
		`phải là "percent", "count" hoặc "number"`,
		"must be percent, count or number")
	msgMeasureNear = msg.New(
		`phải là "percent", "count" hoặc "number": hãy viết "%s", bằng chữ thường, không có dấu cách`,
		"must be percent, count or number: write %s, in lower case and without spaces")
	msgDirection = msg.New(
		`phải là "up" (càng cao càng tốt) hoặc "down" (càng thấp càng tốt)`,
		"must be up (higher is better) or down (lower is better)")
	msgDirectionNear = msg.New(
		`phải là "up" (càng cao càng tốt) hoặc "down" (càng thấp càng tốt): hãy viết "%s", bằng chữ thường, không có dấu cách`,
		"must be up (higher is better) or down (lower is better): write %s, in lower case and without spaces")

	// Units.
	msgSecondTop = msg.New(
		"còn trống: chỉ một đơn vị (cấp huyện) được để trống đơn vị cấp trên, và %s ở dòng %d đã để trống",
		"missing: only one unit, the district, has no parent, and %s on line %d already has none")
	msgUnknownParent = msg.New(
		"không có đơn vị cấp trên này: trong %s không có đơn vị nào mang mã này",
		"unknown parent: no unit in %s has this code")
	msgNoTop = msg.New(
		`không có đơn vị cấp cao nhất: đơn vị cấp huyện phải để trống cột "parent"`,
		"no top unit: the district must have an empty parent")
	msgLoop = msg.New(
		"các đơn vị tạo thành vòng lặp: %s; đơn vị cấp trên phải dẫn lên đến cấp huyện",
		"units form a loop: %s; follow the parents up to the district instead")

	// Targets and references.
	msgYearRange = msg.New(
		"năm nằm ngoài khoảng cho phép: hãy viết năm từ 1900 đến 2200",
		"year out of range: write a year from 1900 to 2200")
	msgDupTarget = msg.New(
		"mục tiêu thứ hai cho chỉ số %s, đơn vị %s, năm %d: mục tiêu thứ nhất ở dòng %d; hãy giữ lại một",
		"a second target for indicator %s, unit %s and year %d: the first is on line %d; keep one")
	msgUnknownIndicator = msg.New(
		"không có chỉ số này: trong %s không có chỉ số nào mang mã này",
		"unknown indicator: no indicator in %s has this code")
	msgUnknownUnit = msg.New(
		"không có đơn vị này: trong %s không có đơn vị nào mang mã này",
		"unknown unit: no unit in %s has this code")

	// Values.
	msgPercentRange = msg.New(
		"nằm ngoài khoảng cho phép: %s là tỷ lệ phần trăm, từ 0 đến 100",
		"out of range: %s is a percent, from 0 to 100")
	msgNotCount = msg.New(
		"không phải là số đếm: %s đếm số lượng, hãy viết số nguyên từ 0 trở lên",
		"not a count: %s counts things, so write a whole number, 0 or more")
	msgNotCountDot = msg.New(
		"không phải là số đếm: %s đếm số lượng, hãy viết số nguyên từ 0 trở lên (nếu dấu chấm phân cách hàng nghìn, hãy viết %s)",
		"not a count: %s counts things, so write a whole number, 0 or more (if the dot separates thousands, write %s)")
	msgDupRow = msg.New(
		"đơn vị %s và chỉ số %s đã có ở dòng %d: mỗi đơn vị và chỉ số chỉ giữ một dòng",
		"unit %s and indicator %s are already on line %d: keep one row per unit and indicator")
	msgRatioNotPercent = msg.New(
		`chỉ các chỉ số tỷ lệ phần trăm mới có tử số và mẫu số; %s có đơn vị đo "%s": hãy để trống cả hai ô`,
		"only percent indicators take a numerator and denominator; %s is a %s: leave both empty")
	msgNoDenominator = msg.New(
		"thiếu mẫu số: hãy ghi cả tử số và mẫu số, hoặc để trống cả hai",
		"denominator is missing: give both numerator and denominator, or neither")
	msgNoNumerator = msg.New(
		"thiếu tử số: hãy ghi cả tử số và mẫu số, hoặc để trống cả hai",
		"numerator is missing: give both numerator and denominator, or neither")
	msgZeroDenominator = msg.New(
		"mẫu số phải lớn hơn 0",
		"the denominator must be more than 0")
	msgNegativeNumerator = msg.New(
		"tử số không được là số âm",
		"the numerator cannot be negative")
	msgPartOverWhole = msg.New(
		"tử số lớn hơn mẫu số (%s): phần không thể lớn hơn tổng thể",
		"the numerator is more than the denominator (%s): a part cannot be larger than the whole")
	msgRatioMismatch = msg.New(
		"không khớp với tử số và mẫu số: 100 × %s ÷ %s = %s",
		"does not match numerator and denominator: 100 × %s ÷ %s = %s")

	// Periods.
	msgOverlap = msg.New(
		"kỳ %s trùng thời gian với %s (%s): mỗi kỳ chỉ có một tệp, không có hai tệp nào cùng chứa một tháng",
		"period %s overlaps %s (%s): keep one file per period, with no two covering the same months")
	msgNotStarted = msg.New(
		"kỳ báo cáo chưa bắt đầu: %s bắt đầu từ ngày %s, hôm nay là %s",
		"period has not started yet: %s starts on %s and today is %s")
)
