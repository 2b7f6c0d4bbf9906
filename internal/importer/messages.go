package importer

import (
	"strings"

	"github.com/minhbach/minhbach/internal/msg"
)

// The messages of import, in Vietnamese and English (see package msg):
// what is wrong, then, after a colon, what to do. The messages about quote
// marks and control characters are the loader's (load.MsgStrayQuote,
// load.Forbidden): a control character is invisible in Excel, where the
// cell looks like a number.
var (
	msgEmpty = msg.New(
		"tệp rỗng: hãy xuất lại trang tính từ Excel",
		"empty file: export the sheet again from Excel")
	msgOldExcel = msg.New(
		"sổ tính Excel 97-2003 cũ (.xls): hãy mở trong Excel và lưu lại thành .xlsx (Excel Workbook)",
		"old Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx (Excel Workbook)")
	msgZipNotXLSX = msg.New(
		"đây là sổ tính Excel nhưng sai phần mở rộng: hãy đổi tên thành .xlsx",
		"this is an Excel workbook with the wrong extension: name it .xlsx")
	msgSheetOnText = msg.New(
		"--sheet chỉ dùng cho sổ tính Excel: hãy bỏ tùy chọn này với tệp văn bản",
		"--sheet is only for Excel workbooks: leave it out for a text file")
	msgExtension = msg.New(
		"không nhập được tệp %q: hãy đưa vào sổ tính .xlsx, hoặc tệp xuất .csv hay .txt",
		"cannot import %q files: give an .xlsx workbook, or a .csv or .txt export")
	msgBadUTF16 = msg.New(
		"văn bản UTF-16 bị hỏng: hãy lưu lại tệp từ Excel",
		"the UTF-16 text is damaged: save the file again from Excel")
	msgUTF16NoBOM = msg.New(
		`không phải tệp văn bản, hoặc văn bản UTF-16 thiếu dấu thứ tự byte: hãy lưu tệp từ Excel theo định dạng "CSV UTF-8 (Comma delimited)"`,
		`not a text file, or UTF-16 text without its byte order mark: save it from Excel as "CSV UTF-8 (Comma delimited)"`)
	msgNotText = msg.New(
		`không đọc được ký tự này: hãy lưu tệp từ Excel theo định dạng "CSV UTF-8 (Comma delimited)"`,
		`cannot read this character: save the file from Excel as "CSV UTF-8 (Comma delimited)"`)
	msgCannotOpen = msg.New(
		"không mở được tệp: %s",
		"cannot open the file: %s")
	msgCannotRead = msg.New(
		"không đọc được tệp: %s",
		"cannot read the file: %s")
	msgCannotWrite = msg.New(
		"không ghi được tệp số liệu: %s",
		"cannot write the snapshot: %s")
	msgIsDir = msg.New(
		"đây là một thư mục: hãy chỉ ra sổ tính hoặc tệp CSV cần nhập",
		"this is a folder: give the workbook or CSV file to import")
	msgBadWorkbook = msg.New(
		"không đọc được sổ tính (%s): hãy mở trong Excel và lưu lại thành .xlsx",
		"cannot read the workbook (%s): open it in Excel and save it again as .xlsx")
	msgNoSheet = msg.New(
		"không có trang tính nào tên như vậy: sổ tính có %s",
		"no worksheet with this name: the workbook has %s")
	msgSizeLimit = msg.New(
		"tệp quá lớn: %s MB, lệnh nhập chỉ đọc tối đa %d MB: biểu của một xã nhỏ hơn nhiều, hãy kiểm tra xem có đúng tệp không",
		"file too large: %s MB, import reads at most %d MB: a commune's sheet is much smaller, check that this is the right file")
	msgExists = msg.New(
		"số liệu của kỳ này đã có: hãy chạy lại với --force để thay thế",
		"this snapshot already exists: run again with --force to replace it")
	msgNoLists = msg.New(
		"trang web chưa có danh sách đơn vị hoặc chỉ số: lệnh nhập đối chiếu tên với data/units.csv và data/indicators.csv (dùng --site để chỉ thư mục trang web)",
		"the site has no units or no indicators: import matches names against data/units.csv and data/indicators.csv (use --site for the site folder)")
	msgMojibake = msg.New(
		"văn bản gõ bằng phông chữ tiếng Việt cũ (TCVN3 .VnTime hoặc VNI), hiện thành %q: hãy chuyển mã tệp sang Unicode bằng công cụ chuyển mã của Unikey, rồi nhập lại",
		"text typed with an old Vietnamese font (TCVN3 .VnTime or VNI), shown as %q: convert the file to Unicode with Unikey's converter (Công cụ chuyển mã), then import it again")
	msgNoHeader = msg.New(
		"không tìm thấy dòng tiêu đề trong %d dòng đầu: bảng cần một dòng tiêu đề có cột đơn vị (Đơn vị) và hoặc các cột Chỉ số và Giá trị, hoặc mỗi chỉ số một cột (mã chỉ số như HT01, hoặc tên chỉ số)",
		"no heading row found in the first %d rows: the table needs a heading with a unit column (Đơn vị) and either Chỉ số and Giá trị columns or one column per indicator (its code, such as HT01, or its name)")
	msgNoFigures = msg.New(
		"không thấy số liệu nào dưới dòng tiêu đề: hãy kiểm tra xem có đúng tệp hoặc trang tính không",
		"no figures found under the headings: check that this is the right file or worksheet")
	msgUnknownWide = msg.New(
		"cột không rõ: không phải mã hay tên của chỉ số nào trong data/indicators.csv, cũng không phải một trong các cột %s: hãy sửa tiêu đề cột, hoặc xóa cột này",
		"unknown column: not the code or the name of an indicator in data/indicators.csv, nor one of %s: correct the heading, or delete the column")
	msgUnknownSub = msg.New(
		"tiêu đề phụ không rõ dưới chỉ số %s, nên cột này chưa được đọc: dưới mã chỉ số chỉ đọc %s: hãy sửa tiêu đề (Giá trị nếu đây là số liệu của chỉ số), hoặc xóa cột này",
		"sub-heading not understood under indicator %s, so this column was not read: under an indicator's code only %s are read: correct the heading (Giá trị if it holds the indicator's figure), or delete the column")
	msgUnknownLong = msg.New(
		"cột không rõ: chỉ nhận các cột %s: hãy sửa tiêu đề cột, hoặc xóa cột này",
		"unknown column: expected one of %s: correct the heading, or delete the column")
	msgExtraCell = msg.New(
		"thừa ô: dòng này có %d ô nhưng dòng tiêu đề có %d ô; ô nào có %q bên trong thì phải đặt trong dấu ngoặc kép",
		"extra cell: this row has %d cells but the heading row has %d; a cell with %q inside needs quotes around it")
	msgBlankLabel = msg.New(
		"cột không có tiêu đề nhưng có số liệu: hãy ghi tiêu đề (mã chỉ số) hoặc xóa cột",
		"column without a heading has figures: give it a heading (an indicator's code) or delete it")
	msgDupLabel = msg.New(
		"cột này bị lặp: cũng có ở %s; hãy xóa một cột",
		"the same column twice: also at %s; delete one of them")
	msgNoValueCol = msg.New(
		"không có cột số liệu: hãy thêm cột Giá trị (hoặc Tử số và Mẫu số)",
		"no column of figures: add a column Giá trị (or Tử số and Mẫu số)")
	msgNoUnit = msg.New(
		"dòng có số liệu nhưng thiếu tên đơn vị: hãy ghi tên đơn vị (tên chỉ được điền xuống từ dòng trên trong bảng mỗi số liệu một dòng, trong cùng một khối)",
		"no unit name on a row with figures: write the unit's name (a name is filled down from the row above only in a table of one row per figure, within one block)")
	msgNoUnitWide = msg.New(
		"dòng có số liệu nhưng thiếu tên đơn vị: trong bảng mỗi chỉ số một cột, mỗi dòng là một đơn vị nên tên không được điền xuống từ dòng trên: hãy ghi tên đơn vị trên dòng này",
		"no unit name on a row with figures: in a table of one column per indicator each row is one unit, so no name is filled down from the row above: write the unit's name on this row")
	msgNoUnitSTT = msg.New(
		"dòng có số liệu nhưng thiếu tên đơn vị: tên %s (ở %s) không được điền xuống vì dòng này có số thứ tự (STT) riêng, tức là một dòng mới: hãy ghi tên đơn vị trên từng dòng, hoặc gộp ô (Merge) tên đơn vị cho cả khối dòng, hoặc xóa số thứ tự ở các dòng sau dòng đầu của khối",
		"no unit name on a row with figures: the name %s (at %s) is not filled down because this row has its own number (STT), which starts a new row: write the unit's name on each row, or merge the name's cells over the block, or clear the numbers of the block's rows after its first")
	msgNoUnitBlank = msg.New(
		"dòng có số liệu nhưng thiếu tên đơn vị: tên ở trên không được điền xuống qua dòng trống: hãy ghi tên đơn vị trên dòng này, hoặc xóa dòng trống",
		"no unit name on a row with figures: a name is not filled down across a blank row: write the unit's name on this row, or delete the blank row")
	msgNoUnitGroup = msg.New(
		"dòng có số liệu nhưng thiếu tên đơn vị: tên không được điền xuống qua dòng tiêu đề nhóm ở trên: hãy ghi tên đơn vị trên dòng này",
		"no unit name on a row with figures: a name is not filled down across the group heading above: write the unit's name on this row")
	msgNoUnitTotal = msg.New(
		"dòng có số liệu nhưng thiếu tên đơn vị: tên không được điền xuống qua dòng tổng ở trên: hãy ghi tên đơn vị trên dòng này",
		"no unit name on a row with figures: a name is not filled down across the total row above: write the unit's name on this row")
	msgUnitAmbig = msg.New(
		"tên này ứng với nhiều đơn vị: %s: hãy ghi mã đơn vị thay cho tên",
		"this name fits several units: %s: write the unit's code instead")
	msgUnitNearBy = msg.New(
		"không có đơn vị nào trong data/units.csv mang tên này; gần nhất là %s: hãy sửa tên, hoặc thêm đơn vị vào data/units.csv",
		"no unit in data/units.csv has this name; the closest are %s: correct the name, or add the unit to data/units.csv")
	msgUnitNotFound = msg.New(
		"không có đơn vị nào trong data/units.csv mang tên này: hãy sửa tên, ghi mã đơn vị, hoặc thêm đơn vị vào data/units.csv",
		"no unit in data/units.csv has this name: correct the name, write the unit's code, or add the unit to data/units.csv")
	msgNoIndicator = msg.New(
		"dòng có số liệu nhưng thiếu chỉ số: hãy ghi mã chỉ số (như HT01) hoặc tên chỉ số",
		"no indicator on a row with figures: write the indicator's code (such as HT01) or its name")
	msgIndAmbig = msg.New(
		"tên này ứng với nhiều chỉ số: %s: hãy ghi mã chỉ số thay cho tên",
		"this name fits several indicators: %s: write the indicator's code instead")
	msgIndNearBy = msg.New(
		"không có chỉ số nào trong data/indicators.csv có mã hoặc tên này; gần nhất là %s: hãy sửa lại",
		"no indicator in data/indicators.csv has this code or name; the closest are %s: correct it")
	msgIndNotFound = msg.New(
		"không có chỉ số nào trong data/indicators.csv có mã hoặc tên này: hãy ghi một mã trong data/indicators.csv, như HT01",
		"no indicator in data/indicators.csv has this code or name: write a code from data/indicators.csv, such as HT01")
	msgMixedComma = msg.New(
		"ô này dùng dấu chấm thập phân, nhưng chỗ khác dùng dấu phẩy thập phân (%s ở %s): hãy viết mọi số trong tệp theo cùng một cách, hoặc chạy lại với --decimal comma hay --decimal dot",
		"decimal point here, but a decimal comma elsewhere (%s at %s): write every number of the file the same way, or run again with --decimal comma or --decimal dot")
	msgMixedDot = msg.New(
		"ô này dùng dấu phẩy thập phân, nhưng chỗ khác dùng dấu chấm thập phân (%s ở %s): hãy viết mọi số trong tệp theo cùng một cách, hoặc chạy lại với --decimal comma hay --decimal dot",
		"decimal comma here, but a decimal point elsewhere (%s at %s): write every number of the file the same way, or run again with --decimal comma or --decimal dot")
	msgAmbiguousDec = msg.New(
		"số này có thể là %s (dấu chấm phân cách hàng nghìn) hoặc %s (dấu chấm thập phân), và không chỗ nào khác trong tệp cho biết là cách nào: hãy chạy lại với --decimal comma nếu là %[1]s, hoặc --decimal dot nếu là %[2]s",
		"this number could be %s (a dot between thousands) or %s (a decimal point), and nothing else in the file shows which: run again with --decimal comma for %[1]s or --decimal dot for %[2]s")
	msgMergedValue = msg.New(
		"một số liệu nằm trong ô gộp phủ nhiều dòng: hãy bỏ gộp ô và ghi số liệu trên từng dòng",
		"a figure in merged cells covers several rows: unmerge the cells and write the figure on each row")
	msgRatioAndCols = msg.New(
		"số liệu được ghi hai lần, dạng 45/48 và ở các cột Tử số/Mẫu số: hãy giữ một cách",
		"the figure is given twice, as 45/48 and in the Tử số/Mẫu số columns: keep one")
	msgNotCount = msg.New(
		"không phải là số: chỉ ghi chữ số, ví dụ 48",
		"not a number: write digits only, such as 48")
	msgNotFraction = msg.New(
		"không phải phân số từ 0 đến 1 (đã dùng --fraction): hãy ghi %s trong khoảng 0 đến 1, hoặc chạy lại không có --fraction",
		"not a fraction between 0 and 1 (--fraction was given): write %s as 0 to 1, or run without --fraction")
	msgPercentSign = msg.New(
		"%s là chỉ số dạng %s, không phải tỷ lệ phần trăm: hãy ghi số liệu không kèm dấu %%",
		"%s is a %s, not a percent: write the figure without %%")
	msgRatioNotPct = msg.New(
		"%s là chỉ số dạng %s, không phải tỷ lệ phần trăm: cách ghi như 45/48 chỉ dùng cho tỷ lệ phần trăm",
		"%s is a %s, not a percent: a figure such as 45/48 only fits a percent")
	msgQualitative = msg.New(
		`đây là lời, không phải số liệu: hãy chỉ ghi con số (ví dụ 100) và chuyển lời sang cột Ghi chú, hoặc chạy lại với "--keep-text" để giữ lời làm ghi chú, không có số liệu`,
		"words, not a figure: write the figure alone (such as 100) and put the words in Ghi chú, or run again with --keep-text to keep them as a note with no figure")
	msgNotNumber = msg.New(
		"không phải là số: hãy ghi bằng chữ số, ví dụ %s; để trống ô (hoặc ghi -) khi không có số liệu",
		"not a number: write digits, such as %s; leave the cell empty (or write -) when there is no figure")
	msgLooksFrac = msg.New(
		"mọi số liệu của chỉ số tỷ lệ này đều từ 0 đến 1, nên %s có lẽ là %s%%: nếu đúng vậy hãy chạy lại với --fraction, hoặc ghi số phần trăm (%[2]s)",
		"every figure of this percent indicator is between 0 and 1, so %s probably means %s%%: run again with --fraction if so, or write the percent (%[2]s)")
	msgTotalNum = msg.New(
		"tử số của dòng tổng không khớp với các đơn vị bên trên: tổng các tử số là %s (%d đơn vị): hãy sửa dòng tổng hoặc số liệu của các đơn vị",
		"the total's numerator does not match the units above: their numerators add up to %s (%d units): correct the total or the units' figures")
	msgTotalDen = msg.New(
		"mẫu số của dòng tổng không khớp với các đơn vị bên trên: tổng các mẫu số là %s (%d đơn vị): hãy sửa dòng tổng hoặc số liệu của các đơn vị",
		"the total's denominator does not match the units above: their denominators add up to %s (%d units): correct the total or the units' figures")
	msgTotalPercent = msg.New(
		"dòng tổng không khớp với các đơn vị bên trên: Σ tử số ÷ Σ mẫu số = %[2]s ÷ %[3]s = %[1]s%% (%[4]d đơn vị): hãy sửa dòng tổng hoặc số liệu của các đơn vị",
		"the total does not match the units above: Σ numerators ÷ Σ denominators = %[2]s ÷ %[3]s = %[1]s%% (%[4]d units): correct the total or the units' figures")
	msgTotalCount = msg.New(
		"dòng tổng không khớp với các đơn vị bên trên: cộng lại được %s (%d đơn vị): hãy sửa dòng tổng hoặc số liệu của các đơn vị",
		"the total does not match the units above: they add up to %s (%d units): correct the total or the units' figures")
	msgTooMany = msg.New(
		"còn %d lỗi nữa không liệt kê sau %d lỗi đầu: hãy sửa những lỗi này rồi nhập lại",
		"%d more problems not listed after the first %d: fix these, then import again")
	msgUnitDupCode = msg.New(
		"nhiều đơn vị trong data/units.csv có cùng mã này: %s: hãy cho mỗi đơn vị một mã riêng trong data/units.csv",
		"several units in data/units.csv have this code: %s: give each unit its own code in data/units.csv")
	msgIndDupCode = msg.New(
		"nhiều chỉ số trong data/indicators.csv có cùng mã này: %s: hãy cho mỗi chỉ số một mã riêng trong data/indicators.csv",
		"several indicators in data/indicators.csv have this code: %s: give each indicator its own code in data/indicators.csv")
	msgDuplicate = msg.New(
		"đơn vị %s và chỉ số %s đã có số liệu ở %s: mỗi đơn vị và chỉ số chỉ giữ một số liệu",
		"unit %s and indicator %s already have a figure at %s: keep one figure per unit and indicator")
	msgConflict = msg.New(
		"đơn vị %s, chỉ số %s đã có số liệu khác là %s ở %s (nguồn: %s): nếu số liệu mới đúng, hãy chạy lại với --replace %[1]s (thay mọi số liệu đã có của đơn vị này) hoặc --force (số liệu mới thay mọi số liệu khác đã có)",
		"unit %s, indicator %s already has another figure, %s at %s (source: %s): if the new figure is right, run again with --replace %[1]s (the unit's figures already there give way) or --force (every new figure replaces one that differs)")
	msgConflictFiles = msg.New(
		"đơn vị %s, chỉ số %s có số liệu khác là %s ở %s: hai tệp nhập cùng lúc không được cho hai số liệu khác nhau: hãy sửa một trong hai tệp",
		"unit %s, indicator %s has another figure, %s at %s: two files imported together may not give two different figures: correct one of them")
	msgReplaceUnit = msg.New(
		"--replace: không có đơn vị nào mang mã hay tên này (gần nhất: %s): hãy ghi mã đơn vị trong data/units.csv",
		"--replace: no unit has this code or name (closest: %s): write a unit's code from data/units.csv")
	msgCodeText = msg.New(
		"tiêu đề này bắt đầu bằng mã chỉ số %s, nhưng %q không phải tên chỉ số, cũng không phải Tử số, Mẫu số, Tỷ lệ hay Ghi chú: cột số liệu của chỉ số chỉ ghi mã (mục tiêu, kế hoạch ghi ở data/targets.csv), hoặc xóa cột này",
		"this heading starts with the code of indicator %s, but %q is neither its name nor Tử số, Mẫu số, Tỷ lệ or Ghi chú: head the column of its figures with the code alone (targets belong in data/targets.csv), or delete the column")
	msgNoFigureCol = msg.New(
		"chỉ số %s không có cột số liệu nào bên dưới, chỉ có cột này: hãy thêm cột Giá trị (hoặc Tử số và Mẫu số) dưới mã chỉ số",
		"indicator %s has no column of figures under it, only this one: add a column Giá trị (or Tử số and Mẫu số) under its code")
	msgSmallPercent = msg.New(
		"tỷ lệ từ 0 đến 1, bên cạnh các tỷ lệ lớn hơn của cùng chỉ số: %s có thể là phân số (%s%%) hoặc dưới một phần trăm: hãy ghi mọi tỷ lệ từ 0 đến 100 (ví dụ %[2]s), hoặc ghi %[1]s%% nếu đúng là dưới một phần trăm",
		"a percent between 0 and 1, beside larger percents of the same indicator: %s could be a fraction (%s%%) or less than one percent: write every percent from 0 to 100 (such as %[2]s), or write %[1]s%% if it is less than one percent")
	msgDateCell = msg.New(
		"ô này được định dạng ngày tháng, nên Excel lưu %s là số sê-ri của một ngày, không phải số liệu đã gõ: hãy định dạng ô là Số rồi gõ lại số liệu",
		"this cell is formatted as a date, so Excel stores %s, a date's serial number, not the figure typed: format the cell as Number and type the figure again")
)

// clip shortens a value quoted in a message.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const n = 60
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
