package load

import "github.com/minhbach/minhbach/internal/msg"

// The loader's messages, in Vietnamese and English (see package msg). The
// importer reads the same CSV quoting, so it says the quote messages too.
var (
	// Files and folders (load.go).
	msgReadFolder = msg.New(
		"không đọc được thư mục: %s",
		"cannot read the folder: %s")
	msgNotCSVName = msg.New(
		"không phải tệp số liệu CSV: tên tệp phải kết thúc bằng .csv, viết thường",
		"not a CSV snapshot: the name must end in .csv, in lower case")
	msgNotSnapshot = msg.New(
		"không phải tệp số liệu CSV: thư mục %s chỉ chứa các tệp đặt tên theo kỳ báo cáo, ví dụ 2024-Q4.csv",
		"not a CSV snapshot: only files named after their period, such as 2024-Q4.csv, belong in %s")
	msgNotPeriod = msg.New(
		"tên tệp không phải là một kỳ báo cáo: hãy đặt tên YYYY.csv, YYYY-H1.csv, YYYY-Q1.csv hoặc YYYY-MM.csv, ví dụ 2024-Q4.csv (năm từ 1900 đến 2200)",
		"the file name is not a period: name it YYYY.csv, YYYY-H1.csv, YYYY-Q1.csv or YYYY-MM.csv, such as 2024-Q4.csv (years 1900 to 2200)")
	msgNoSnapshots = msg.New(
		"chưa có tệp số liệu nào: mỗi kỳ báo cáo cần một tệp CSV, ví dụ %s/2024-Q4.csv",
		"no snapshot files: add one CSV file per period, such as %s/2024-Q4.csv")
	msgNotFound = msg.New(
		"không tìm thấy tệp: trang web nào cũng cần tệp này",
		"file not found: every site needs it")
	msgCannotOpen = msg.New(
		"không mở được tệp: %s",
		"cannot open: %s")
	msgCannotRead = msg.New(
		"không đọc được tệp: %s",
		"cannot read: %s")
	msgTooLarge = msg.New(
		"tệp quá lớn: %d MB, vượt giới hạn %d MB; hãy kiểm tra xem có chép nhầm tệp không, và nếu đúng tệp thì hãy chia số liệu ra nhiều trang web (ví dụ mỗi tỉnh một trang)",
		"file too large: %d MB, over the limit of %d MB; check that this is the right file, and if it is, split the data into several sites (one per province, for example)")
	msgTooLargeRead = msg.New(
		"tệp quá lớn: vượt giới hạn %d MB; hãy kiểm tra xem có chép nhầm tệp không, và nếu đúng tệp thì hãy chia số liệu ra nhiều trang web (ví dụ mỗi tỉnh một trang)",
		"file too large: over the limit of %d MB; check that this is the right file, and if it is, split the data into several sites (one per province, for example)")
	msgMissingYear = msg.New(
		"còn trống: hãy ghi năm phải đạt mục tiêu",
		"missing: give the year the target is due")
	msgMissingTarget = msg.New(
		"còn trống: hãy ghi giá trị mục tiêu",
		"missing: give the target value")

	// Encoding, delimiters and quotes (table.go).
	msgNoRows = msg.New(
		"không có dòng số liệu nào: tệp chỉ có dòng tiêu đề",
		"no data rows: the file has only its header row")
	msgEmpty = msg.New(
		"tệp rỗng: tệp cần ít nhất dòng tiêu đề",
		"empty file: it needs at least the header row")
	msgUTF16 = msg.New(
		`tệp được lưu ở dạng UTF-16 ("Unicode Text"): %s`,
		`the file is saved as UTF-16 ("Unicode Text"): %s`)
	msgNotUTF8 = msg.New(
		"tệp không phải văn bản UTF-8 (byte 0x%02X), có lẽ là bảng mã Windows-1258: %s",
		"not UTF-8 text (byte 0x%02X), perhaps Windows-1258: %s")
	msgResave = msg.New(
		`hãy lưu lại tệp theo định dạng "CSV UTF-8 (Comma delimited)"`,
		`save it again as "CSV UTF-8 (Comma delimited)"`)
	msgConvert = msg.New(
		`hãy chuyển đổi tệp gốc bằng lệnh "minhbach import FILE --period %s", hoặc lưu lại tệp theo định dạng "CSV UTF-8 (Comma delimited)"`,
		`convert the original file with "minhbach import FILE --period %s", or save it again as "CSV UTF-8 (Comma delimited)"`)
	msgSemicolons = msg.New(
		"các cột phải cách nhau bằng dấu phẩy, nhưng tệp này dùng dấu chấm phẩy (Excel cài đặt tiếng Việt): %s",
		"expected commas between columns, but this file uses semicolons (Excel with Vietnamese settings): %s")
	msgTabs = msg.New(
		`các cột phải cách nhau bằng dấu phẩy, nhưng tệp này dùng ký tự tab (Excel "Unicode Text" hoặc "Text (Tab delimited)"): %s`,
		`expected commas between columns, but this file uses tabs (Excel "Unicode Text" or "Text (Tab delimited)"): %s`)
	msgBlankLabel = msg.New(
		"tên cột để trống: hãy đặt tên cho cột hoặc xoá cột",
		"blank column name: name the column or delete it")
	msgDupLabel = msg.New(
		"tên cột bị trùng: cột %d cũng mang tên này",
		"column name used twice: also column %d")
	msgDidYouMean = msg.New(
		"cột không có trong mẫu: có phải là %q? (tên cột viết thường, không có dấu cách)",
		"unknown column: did you mean %q? (column names are lower case, without spaces)")
	msgUnknownColumn = msg.New(
		"cột không có trong mẫu: các cột cần có là %s; hãy xoá cột này hoặc sửa lại tên",
		"unknown column: the columns are %s; delete this one or correct its name")
	msgMissingColumn = msg.New(
		"thiếu cột %q: hãy thêm cột này vào dòng tiêu đề, kể cả khi các ô của cột để trống",
		"missing column %q: add it to the header row, even if its cells stay empty")
	msgBlankRow = msg.New(
		"dòng trống: hãy xoá dòng này",
		"blank row: delete it")
	msgTrailingComma = msg.New(
		"thừa ô: dòng này có %d ô nhưng dòng tiêu đề có %d cột (có lẽ thừa một dấu phẩy ở cuối dòng?)",
		"extra cell: this row has %d cells but the header has %d columns (a comma too many at the end?)")
	msgExtraCell = msg.New(
		"thừa ô: dòng này có %d ô nhưng dòng tiêu đề có %d cột; ô nào có dấu phẩy bên trong thì phải đặt trong dấu ngoặc kép",
		"extra cell: this row has %d cells but the header has %d columns; a comma inside a cell needs quotes around the cell")
	msgMissingCell = msg.New(
		"thiếu ô: dòng này có %d ô nhưng dòng tiêu đề có %d cột; ô nào có dấu phẩy bên trong thì phải đặt trong dấu ngoặc kép",
		"missing cell: this row has %d cells but the header has %d columns; a comma inside a cell needs quotes around the cell")
	MsgStrayQuote = msg.New(
		`dấu ngoặc kép lạc trong ô: hãy đặt cả ô trong dấu ngoặc kép và viết mỗi dấu ngoặc kép bên trong thành hai dấu ("")`,
		`stray quote mark inside a cell: put the whole cell in quotes and write each quote mark inside it twice ("")`)
	MsgAfterQuote = msg.New(
		`có chữ sau dấu ngoặc kép đóng: hãy đặt cả ô trong dấu ngoặc kép và viết mỗi dấu ngoặc kép bên trong thành hai dấu ("")`,
		`text after the closing quote mark: put the whole cell in quotes and write each quote mark inside it twice ("")`)
	MsgOpenQuote = msg.New(
		`dấu ngoặc kép mở ở đây không được đóng lại: hãy đóng nó, hoặc viết dấu ngoặc kép bên trong ô thành hai dấu ("")`,
		`quote mark opened here is never closed: close it, or write a quote mark inside a cell twice ("")`)
	msgBadCSV = msg.New(
		"không đọc được phần này của tệp theo định dạng CSV: %s",
		"cannot read this part of the file as CSV: %s")
	msgLineBreak = msg.New(
		"có dấu xuống dòng: hãy viết nội dung của ô trên một dòng",
		"contains a line break: keep the text of a cell on one line")
	msgTab = msg.New(
		"có ký tự tab: hãy xoá ký tự này",
		"contains a tab character: delete it")
	msgControl = msg.New(
		"có ký tự điều khiển không nhìn thấy được (U+%04X): hãy xoá ký tự này",
		"contains an invisible control character (U+%04X): delete it")
	msgUnmarshal = msg.New(
		"không khớp được các dòng với các cột: %q",
		"cannot map the rows to columns: %q")

	// Numbers and years (cell.go).
	msgNotYear = msg.New(
		"không phải là năm: hãy viết bốn chữ số, ví dụ 2025",
		"not a year: write four digits, such as 2025")
	msgTooBig = msg.New(
		"số quá lớn: hãy viết một số nhỏ hơn",
		"number too large: write a smaller number")
	msgWrite = msg.New(
		"không phải là số: hãy viết %s",
		"not a number: write %s")
	msgWriteHow = msg.New(
		"không phải là số: hãy viết %s, %s",
		"not a number: write %s, %s")
	msgCommaEither = msg.New(
		"không phải là số: hãy viết %s nếu dấu phẩy phân cách hàng nghìn, hoặc %s nếu đó là dấu thập phân",
		"not a number: write %s if the comma separates thousands, or %s if it marks decimals")
	msgCommaEitherHow = msg.New(
		"không phải là số: hãy viết %s nếu dấu phẩy phân cách hàng nghìn, hoặc %s nếu đó là dấu thập phân, và viết %s",
		"not a number: write %s if the comma separates thousands, or %s if it marks decimals, and write it %s")
	msgLeaveEmpty = msg.New(
		"không phải là số: nếu chưa có số liệu, hãy để trống ô",
		"not a number: leave the cell empty if the figure is missing")
	msgExponent = msg.New(
		"không phải là số: hãy viết đầy đủ các chữ số, không dùng ký hiệu e (dạng khoa học)",
		"not a number: write the number in full, without e (scientific notation)")
	msgNotDecimal = msg.New(
		"không phải là số: hãy viết bằng chữ số thập phân thông thường",
		"not a number: write it in ordinary decimal digits")
	msgDigitsOnly = msg.New(
		"không phải là số: chỉ viết chữ số, dùng dấu chấm cho phần thập phân, ví dụ 12.5",
		"not a number: write digits only, with a dot for decimals, such as 12.5")
	msgNoSpaces = msg.New(
		"bỏ dấu cách",
		"without spaces")
	msgNoPercent = msg.New(
		"bỏ dấu %%",
		"without %%")
	msgNoPlus = msg.New(
		"bỏ dấu +",
		"without the + sign")
	msgNoUnderscores = msg.New(
		"bỏ dấu gạch dưới",
		"without underscores")
	msgWithDot = msg.New(
		"dùng dấu chấm thay cho dấu phẩy",
		"with a dot")
	msgNoThousands = msg.New(
		"bỏ dấu phân cách hàng nghìn",
		"without thousands separators")
	msgDotDecimals = msg.New(
		"dùng dấu chấm cho phần thập phân",
		"with a dot for decimals")
	msgBothSides = msg.New(
		"có chữ số ở cả hai bên dấu chấm",
		"with digits on both sides of the dot")
	msgAnd = msg.New(
		"%s và %s",
		"%s and %s")
	msgList = msg.New(
		"%s, %s",
		"%s, %s")
)
