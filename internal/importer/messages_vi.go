package importer

import "github.com/minhbach/minhbach/internal/source"

// The Vietnamese form of every message import makes, keyed by its English
// format (see source.RegisterVI). The two messages about quote marks are
// the loader's own and are translated there. TestMessagesVI fails when a
// format has no Vietnamese form.
func init() {
	source.RegisterVI(map[string]string{
		msgEmpty:        "tệp rỗng: hãy xuất lại trang tính từ Excel",
		msgOldExcel:     "sổ tính Excel 97-2003 cũ (.xls): hãy mở trong Excel và lưu lại thành .xlsx (Excel Workbook)",
		msgZipNotXLSX:   "đây là sổ tính Excel nhưng sai phần mở rộng: hãy đổi tên thành .xlsx",
		msgSheetOnText:  "--sheet chỉ dùng cho sổ tính Excel: hãy bỏ tùy chọn này với tệp văn bản",
		msgExtension:    "không nhập được tệp %q: hãy đưa vào sổ tính .xlsx, hoặc tệp xuất .csv hay .txt",
		msgBadUTF16:     "văn bản UTF-16 bị hỏng: hãy lưu lại tệp từ Excel",
		msgUTF16NoBOM:   "không phải tệp văn bản, hoặc văn bản UTF-16 thiếu dấu thứ tự byte: hãy lưu tệp từ Excel theo định dạng \"CSV UTF-8 (Comma delimited)\"",
		msgNotText:      "không đọc được ký tự này: hãy lưu tệp từ Excel theo định dạng \"CSV UTF-8 (Comma delimited)\"",
		msgCannotOpen:   "không mở được tệp: %s",
		msgCannotRead:   "không đọc được tệp: %s",
		msgCannotWrite:  "không ghi được tệp số liệu: %s",
		msgIsDir:        "đây là một thư mục: hãy chỉ ra sổ tính hoặc tệp CSV cần nhập",
		msgBadWorkbook:  "không đọc được sổ tính (%s): hãy mở trong Excel và lưu lại thành .xlsx",
		msgNoSheet:      "không có trang tính nào tên như vậy: sổ tính có %s",
		msgSizeLimit:    "tệp quá lớn: %s MB, lệnh nhập chỉ đọc tối đa %d MB: biểu của một xã nhỏ hơn nhiều, hãy kiểm tra xem có đúng tệp không",
		msgExists:       "số liệu của kỳ này đã có: hãy chạy lại với --force để thay thế",
		msgNoLists:      "trang web chưa có danh sách đơn vị hoặc chỉ số: lệnh nhập đối chiếu tên với data/units.csv và data/indicators.csv (dùng --source để chỉ thư mục trang web)",
		msgMojibake:     "văn bản gõ bằng phông chữ tiếng Việt cũ (TCVN3 .VnTime hoặc VNI), hiện thành %q: hãy chuyển mã tệp sang Unicode bằng công cụ chuyển mã của Unikey, rồi nhập lại",
		msgNoHeader:     "không tìm thấy dòng tiêu đề trong %d dòng đầu: bảng cần một dòng tiêu đề có cột đơn vị (Đơn vị) và hoặc các cột Chỉ số và Giá trị, hoặc mỗi chỉ số một cột (mã chỉ số như HT01, hoặc tên chỉ số)",
		msgNoFigures:    "không thấy số liệu nào dưới dòng tiêu đề: hãy kiểm tra xem có đúng tệp hoặc trang tính không",
		msgUnknownWide:  "cột không rõ: không phải mã hay tên của chỉ số nào trong data/indicators.csv, cũng không phải một trong các cột %s: hãy sửa tiêu đề cột, hoặc xóa cột này",
		msgUnknownLong:  "cột không rõ: chỉ nhận các cột %s: hãy sửa tiêu đề cột, hoặc xóa cột này",
		msgBlankLabel:   "cột không có tiêu đề nhưng có số liệu: hãy ghi tiêu đề (mã chỉ số) hoặc xóa cột",
		msgDupLabel:     "cột này bị lặp: cũng có ở %s; hãy xóa một cột",
		msgNoValueCol:   "không có cột số liệu: hãy thêm cột Giá trị (hoặc Tử số và Mẫu số)",
		msgNoUnit:       "dòng có số liệu nhưng thiếu tên đơn vị: hãy ghi tên đơn vị (tên chỉ được điền xuống từ dòng trên trong bảng mỗi số liệu một dòng, trong cùng một khối)",
		msgUnitAmbig:    "tên này ứng với nhiều đơn vị: %s: hãy ghi mã đơn vị thay cho tên",
		msgUnitNearBy:   "không có đơn vị nào trong data/units.csv mang tên này; gần nhất là %s: hãy sửa tên, hoặc thêm đơn vị vào data/units.csv",
		msgUnitNotFound: "không có đơn vị nào trong data/units.csv mang tên này: hãy sửa tên, ghi mã đơn vị, hoặc thêm đơn vị vào data/units.csv",
		msgNoIndicator:  "dòng có số liệu nhưng thiếu chỉ số: hãy ghi mã chỉ số (như HT01) hoặc tên chỉ số",
		msgIndAmbig:     "tên này ứng với nhiều chỉ số: %s: hãy ghi mã chỉ số thay cho tên",
		msgIndNearBy:    "không có chỉ số nào trong data/indicators.csv có mã hoặc tên này; gần nhất là %s: hãy sửa lại",
		msgIndNotFound:  "không có chỉ số nào trong data/indicators.csv có mã hoặc tên này: hãy ghi một mã trong data/indicators.csv, như HT01",
		msgMixedComma:   "ô này dùng dấu chấm thập phân, nhưng chỗ khác dùng dấu phẩy thập phân (%s ở %s): hãy viết mọi số trong tệp theo cùng một cách, hoặc chạy lại với --decimal comma hay --decimal dot",
		msgMixedDot:     "ô này dùng dấu phẩy thập phân, nhưng chỗ khác dùng dấu chấm thập phân (%s ở %s): hãy viết mọi số trong tệp theo cùng một cách, hoặc chạy lại với --decimal comma hay --decimal dot",
		msgAmbiguousDec: "số này có thể là %s (dấu chấm phân cách hàng nghìn) hoặc %s (dấu chấm thập phân), và không chỗ nào khác trong tệp cho biết là cách nào: hãy chạy lại với --decimal comma nếu là %[1]s, hoặc --decimal dot nếu là %[2]s",
		msgMergedValue:  "một số liệu nằm trong ô gộp phủ nhiều dòng: hãy bỏ gộp ô và ghi số liệu trên từng dòng",
		msgRatioAndCols: "số liệu được ghi hai lần, dạng 45/48 và ở các cột Tử số/Mẫu số: hãy giữ một cách",
		msgNotCount:     "không phải là số: chỉ ghi chữ số, ví dụ 48",
		msgNotFraction:  "không phải phân số từ 0 đến 1 (đã dùng --fraction): hãy ghi %s trong khoảng 0 đến 1, hoặc chạy lại không có --fraction",
		msgPercentSign:  "%s là chỉ số dạng %s, không phải tỷ lệ phần trăm: hãy ghi số liệu không kèm dấu %%",
		msgRatioNotPct:  "%s là chỉ số dạng %s, không phải tỷ lệ phần trăm: cách ghi như 45/48 chỉ dùng cho tỷ lệ phần trăm",
		msgQualitative:  "đây là lời, không phải số liệu: hãy chỉ ghi con số (ví dụ 100) và chuyển lời sang cột Ghi chú, hoặc chạy lại với \"--keep-text\" để giữ lời làm ghi chú, không có số liệu",
		msgNotNumber:    "không phải là số: hãy ghi bằng chữ số, ví dụ %s; để trống ô (hoặc ghi -) khi không có số liệu",
		msgLooksFrac:    "mọi số liệu của chỉ số tỷ lệ này đều từ 0 đến 1, nên %s có lẽ là %s%%: nếu đúng vậy hãy chạy lại với --fraction, hoặc ghi số phần trăm (%[2]s)",
		msgTotalNum:     "tử số của dòng tổng không khớp với các đơn vị bên trên: tổng các tử số là %s (%d đơn vị): hãy sửa dòng tổng hoặc số liệu của các đơn vị",
		msgTotalDen:     "mẫu số của dòng tổng không khớp với các đơn vị bên trên: tổng các mẫu số là %s (%d đơn vị): hãy sửa dòng tổng hoặc số liệu của các đơn vị",
		msgTotalPercent: "dòng tổng không khớp với các đơn vị bên trên: Σ tử số ÷ Σ mẫu số = %[2]s ÷ %[3]s = %[1]s%% (%[4]d đơn vị): hãy sửa dòng tổng hoặc số liệu của các đơn vị",
		msgTotalCount:   "dòng tổng không khớp với các đơn vị bên trên: cộng lại được %s (%d đơn vị): hãy sửa dòng tổng hoặc số liệu của các đơn vị",
		msgTooMany:      "còn %d lỗi nữa không liệt kê sau %d lỗi đầu: hãy sửa những lỗi này rồi nhập lại",
		msgDuplicate:    "đơn vị %s và chỉ số %s đã có số liệu ở %s: mỗi đơn vị và chỉ số chỉ giữ một số liệu",
	})
}
