package export

import "github.com/minhbach/minhbach/internal/model"

// Column describes one column of a download: the workbooks' dictionary
// sheet and the data page say it, and a Data Package's schema can be made
// from it (Type is a Table Schema type: string, number or integer).
type Column struct {
	Name    string
	Type    string
	Meaning model.Text
	width   float64 // in a workbook, in characters
}

// figureDictionary describes the columns of the figures file, in order;
// a per-indicator file has the same columns less indicator_name.
var figureDictionary = []Column{
	{"period", "string", model.Text{
		VI: "Kỳ báo cáo: 2024 (năm), 2024-H1 (6 tháng), 2024-Q4 (quý), 2024-03 (tháng); là chữ, không phải ngày",
		EN: "Reporting period: 2024 (year), 2024-H1 (half), 2024-Q4 (quarter), 2024-03 (month); text, not a date"}, 10},
	{"unit", "string", model.Text{
		VI: "Mã đơn vị, như trong units.csv; là chữ: giữ các số 0 ở đầu (02020)",
		EN: "Unit code, as in units.csv; text: keep its leading zeros (02020)"}, 10},
	{"unit_name", "string", model.Text{VI: "Tên đơn vị", EN: "Unit name"}, 28},
	{"parent", "string", model.Text{
		VI: "Mã đơn vị cấp trên; số liệu tổng hợp của một đơn vị tính từ các dòng cùng kỳ có parent là mã của đơn vị đó",
		EN: "Code of the parent unit; a unit's total is computed from the rows of the same period whose parent is its code"}, 10},
	{"indicator", "string", model.Text{VI: "Mã chỉ số, như trong indicators.csv", EN: "Indicator code, as in indicators.csv"}, 10},
	{"indicator_name", "string", model.Text{VI: "Tên chỉ số", EN: "Indicator name"}, 36},
	{"value", "number", model.Text{
		VI: "Giá trị như trang web công bố, đã làm tròn (nửa đơn vị làm tròn lên, xa số 0): tỷ lệ phần trăm (0–100) 1 chữ số thập phân, số đếm không có chữ số thập phân, số khác 2 chữ số. Tính lại số liệu tổng hợp: tử số / mẫu số × 100, rồi làm tròn như vậy; số liệu đơn vị tự báo cáo có thể lệch tỷ số tử/mẫu tới 0,05 điểm trước khi làm tròn",
		EN: "The value as the site publishes it, rounded half away from zero: percentages (0–100) to 1 decimal, counts to whole numbers, other numbers to 2 decimals. To recompute a total: numerator / denominator × 100, rounded the same way; a unit's own reported value may differ from its ratio by up to 0.05 points before rounding"}, 12},
	{"numerator", "number", model.Text{
		VI: "Tử số (ví dụ số cán bộ có máy tính), đầy đủ chữ số; với số liệu tổng hợp là tổng tử số của các đơn vị",
		EN: "Numerator (e.g. staff with a computer), in full; for a total, the sum of its units' numerators"}, 12},
	{"denominator", "number", model.Text{
		VI: "Mẫu số (ví dụ tổng số cán bộ), đầy đủ chữ số; với số liệu tổng hợp là tổng mẫu số của các đơn vị",
		EN: "Denominator (e.g. all staff), in full; for a total, the sum of its units' denominators"}, 12},
	{"method", "string", model.Text{
		VI: "reported: đơn vị tự báo cáo; rolled-up: tổng hợp từ các đơn vị trực thuộc (tổng tử số / tổng mẫu số; số đếm: tổng)",
		EN: "reported: reported by the unit; rolled-up: from its units (total numerator / total denominator; counts: the sum)"}, 10},
	{"reporting", "string", model.Text{
		VI: "Với số liệu tổng hợp: số đơn vị đã báo cáo / số đơn vị có báo cáo chỉ số này, ví dụ 8/8; là chữ, không phải ngày",
		EN: "For totals: units that reported / units that report this indicator, e.g. 8/8; text, not a date"}, 10},
	{"note", "string", model.Text{VI: "Ghi chú của đơn vị, như đơn vị đã viết", EN: "The unit's note, as the unit wrote it"}, 28},
	{"source", "string", model.Text{
		VI: "Tệp và dòng của số liệu gốc, ví dụ data/snapshots/2024-Q4.csv:12 (bản sao trong du-lieu/snapshots/ có cùng số dòng)",
		EN: "File and line of the original row, e.g. data/snapshots/2024-Q4.csv:12 (the copy under du-lieu/snapshots/ has the same line numbers)"}, 36},
}

// FigureDictionary is the figures file's dictionary.
func FigureDictionary() []Column { return figureDictionary }

// IndicatorDictionary is a per-indicator file's dictionary.
func IndicatorDictionary() []Column {
	var out []Column
	for _, c := range figureDictionary {
		if c.Name != "indicator_name" {
			out = append(out, c)
		}
	}
	return out
}

func names(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// FigureColumns are the columns of the figures file, in order. The data
// page documents each of them; they are also the contract ReadFigures
// relies on, so a column may be added but never renamed.
var FigureColumns = names(figureDictionary)

// rowColumns are the columns of a per-indicator file.
var rowColumns = names(IndicatorDictionary())
