package validate

import "github.com/minhbach/minhbach/internal/source"

// The Vietnamese form of every message the validator makes, keyed by its
// English format (see source.RegisterVI). Words that are data (percent,
// up, column names) stay as written and are quoted. TestMessagesVI fails
// when a format in this package has no entry here.
func init() {
	source.RegisterVI(map[string]string{
		// Codes.
		"missing: every row needs a code here":                                                                                      "còn trống: dòng nào cũng cần mã ở ô này",
		"has spaces at the start or end: delete them":                                                                               "có dấu cách ở đầu hoặc cuối: hãy xoá các dấu cách đó",
		"not safe in a web address: use only letters A to Z, digits, - and _ (no / or ..)":                                          "không dùng được trong địa chỉ web: chỉ dùng chữ cái A đến Z, chữ số, dấu - và _ (không có / hoặc ..)",
		"too long: a code has at most %d characters":                                                                                "quá dài: mã có tối đa %d ký tự",
		"not a valid code: use only letters A to Z without accents, digits, - and _, starting with a letter or digit":               "mã không hợp lệ: chỉ dùng chữ cái A đến Z không dấu, chữ số, dấu - và _, bắt đầu bằng chữ cái hoặc chữ số",
		"reserved name: Windows cannot store a file with this name, choose another code":                                            "tên bị hệ thống giữ riêng: Windows không lưu được tệp mang tên này, hãy chọn mã khác",
		"this indicator code is used twice: also on line %d":                                                                        "mã chỉ tiêu này bị dùng hai lần: dòng %d cũng có mã này",
		"this unit code is used twice: also on line %d":                                                                             "mã đơn vị này bị dùng hai lần: dòng %d cũng có mã này",
		"same as %q on line %d once capital letters are ignored; codes become web addresses, so make them differ by more than case": "trùng với %q ở dòng %d khi không phân biệt chữ hoa, chữ thường; mã được dùng làm địa chỉ web nên các mã phải khác nhau không chỉ ở chữ hoa, chữ thường",

		// Texts.
		"too long: %d characters, at most %d":                           "quá dài: %d ký tự, tối đa %d",
		"missing: give the name in Vietnamese":                          "còn trống: hãy ghi tên bằng tiếng Việt",
		"missing: give the group code (such as ha-tang)":                "còn trống: hãy ghi mã nhóm (ví dụ ha-tang)",
		"missing: give the decision that set the target, in Vietnamese": "còn trống: hãy ghi văn bản quyết định giao mục tiêu, bằng tiếng Việt",

		// Indicators.
		"must be percent, count or number":                                                                    `phải là "percent", "count" hoặc "number"`,
		"must be percent, count or number: write %s, in lower case and without spaces":                        `phải là "percent", "count" hoặc "number": hãy viết "%s", bằng chữ thường, không có dấu cách`,
		"must be up (higher is better) or down (lower is better)":                                             `phải là "up" (càng cao càng tốt) hoặc "down" (càng thấp càng tốt)`,
		"must be up (higher is better) or down (lower is better): write %s, in lower case and without spaces": `phải là "up" (càng cao càng tốt) hoặc "down" (càng thấp càng tốt): hãy viết "%s", bằng chữ thường, không có dấu cách`,

		// Units.
		"missing: only one unit, the district, has no parent, and %s on line %d already has none": "còn trống: chỉ một đơn vị (cấp huyện) được để trống đơn vị cấp trên, và %s ở dòng %d đã để trống",
		"unknown parent: no unit in %s has this code":                                             "không có đơn vị cấp trên này: trong %s không có đơn vị nào mang mã này",
		"no top unit: the district must have an empty parent":                                     `không có đơn vị cấp cao nhất: đơn vị cấp huyện phải để trống cột "parent"`,
		"units form a loop: %s; follow the parents up to the district instead":                    "các đơn vị tạo thành vòng lặp: %s; đơn vị cấp trên phải dẫn lên đến cấp huyện",

		// Targets and references.
		"year out of range: write a year from 1900 to 2200":                                        "năm nằm ngoài khoảng cho phép: hãy viết năm từ 1900 đến 2200",
		"a second target for indicator %s, unit %s and year %d: the first is on line %d; keep one": "mục tiêu thứ hai cho chỉ tiêu %s, đơn vị %s, năm %d: mục tiêu thứ nhất ở dòng %d; hãy giữ lại một",
		"unknown indicator: no indicator in %s has this code":                                      "không có chỉ tiêu này: trong %s không có chỉ tiêu nào mang mã này",
		"unknown unit: no unit in %s has this code":                                                "không có đơn vị này: trong %s không có đơn vị nào mang mã này",

		// Values.
		"out of range: %s is a percent, from 0 to 100":                                                                 "nằm ngoài khoảng cho phép: %s là tỷ lệ phần trăm, từ 0 đến 100",
		"not a count: %s counts things, so write a whole number, 0 or more":                                            "không phải là số đếm: %s đếm số lượng, hãy viết số nguyên từ 0 trở lên",
		"not a count: %s counts things, so write a whole number, 0 or more (if the dot separates thousands, write %s)": "không phải là số đếm: %s đếm số lượng, hãy viết số nguyên từ 0 trở lên (nếu dấu chấm phân cách hàng nghìn, hãy viết %s)",
		"unit %s and indicator %s are already on line %d: keep one row per unit and indicator":                         "đơn vị %s và chỉ tiêu %s đã có ở dòng %d: mỗi đơn vị và chỉ tiêu chỉ giữ một dòng",
		"only percent indicators take a numerator and denominator; %s is a %s: leave both empty":                       `chỉ các chỉ tiêu tỷ lệ phần trăm mới có tử số và mẫu số; %s có đơn vị đo "%s": hãy để trống cả hai ô`,
		"denominator is missing: give both numerator and denominator, or neither":                                      "thiếu mẫu số: hãy ghi cả tử số và mẫu số, hoặc để trống cả hai",
		"numerator is missing: give both numerator and denominator, or neither":                                        "thiếu tử số: hãy ghi cả tử số và mẫu số, hoặc để trống cả hai",
		"the denominator must be more than 0":                                                                          "mẫu số phải lớn hơn 0",
		"the numerator cannot be negative":                                                                             "tử số không được là số âm",
		"the numerator is more than the denominator (%s): a part cannot be larger than the whole":                      "tử số lớn hơn mẫu số (%s): phần không thể lớn hơn tổng thể",
		"does not match numerator and denominator: 100 × %s ÷ %s = %s":                                                 "không khớp với tử số và mẫu số: 100 × %s ÷ %s = %s",

		// Periods.
		"period %s overlaps %s (%s): keep one file per period, with no two covering the same months": "kỳ %s trùng thời gian với %s (%s): mỗi kỳ chỉ có một tệp, không có hai tệp nào cùng chứa một tháng",
		"period has not started yet: %s starts on %s and today is %s":                                "kỳ báo cáo chưa bắt đầu: %s bắt đầu từ ngày %s, hôm nay là %s",
	})
}
