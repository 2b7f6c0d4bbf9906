package export

import "github.com/minhbach/minhbach/internal/model"

// The Table Schema of each kind of CSV: what every column holds, its
// type, and the keys that tie the files together. The data package
// (datapackage.go) gives each file the fields of its own header, in its
// own order (the input files may order their columns freely), from here.

// field is a Table Schema field. Title and Description are in English,
// the tooling's language; the Vietnamese beside them in title_vi and
// description_vi (a data package may carry properties of its own).
type field struct {
	Name          string       `json:"name"`
	Type          string       `json:"type"`
	Format        string       `json:"format,omitempty"`
	Title         string       `json:"title,omitempty"`
	TitleVI       string       `json:"title_vi,omitempty"`
	Description   string       `json:"description,omitempty"`
	DescriptionVI string       `json:"description_vi,omitempty"`
	Constraints   *constraints `json:"constraints,omitempty"`
}

type constraints struct {
	Required bool     `json:"required,omitempty"`
	Pattern  string   `json:"pattern,omitempty"`
	Enum     []string `json:"enum,omitempty"`
	Minimum  *float64 `json:"minimum,omitempty"`
}

// column describes a column once; kinds share most of them.
type column struct {
	typ         string
	title, desc model.Text
	cons        *constraints
}

func col(typ, titleVI, titleEN, descVI, descEN string) column {
	return column{typ: typ, title: model.Text{VI: titleVI, EN: titleEN}, desc: model.Text{VI: descVI, EN: descEN}}
}

func (c column) with(cons constraints) column { c.cons = &cons; return c }

func (c column) field(name string) field {
	return field{Name: name, Type: c.typ, Title: c.title.EN, TitleVI: c.title.VI,
		Description: c.desc.EN, DescriptionVI: c.desc.VI, Constraints: c.cons}
}

var zero = 0.0

const periodPattern = `[0-9]{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?`

var (
	colPeriod = col("string", "Kỳ", "Period",
		"Kỳ báo cáo: 2024 (năm), 2024-H1 (6 tháng), 2024-Q4 (quý), 2024-03 (tháng)",
		"Reporting period: 2024 (year), 2024-H1 (half), 2024-Q4 (quarter), 2024-03 (month)").
		with(constraints{Required: true, Pattern: periodPattern})
	colUnit = col("string", "Mã đơn vị", "Unit code",
		"Mã đơn vị, như trong units.csv (giữ nguyên số 0 ở đầu)",
		"Unit code, as in units.csv (keep its leading zeros)").with(constraints{Required: true})
	colUnitName = col("string", "Tên đơn vị", "Unit name", "Tên đơn vị (tiếng Việt)", "Unit name (Vietnamese)")
	colParent   = col("string", "Đơn vị cấp trên", "Parent unit",
		"Mã đơn vị cấp trên; số liệu tổng hợp của một đơn vị là tổng các dòng cùng kỳ có parent là mã của đơn vị đó",
		"Code of the parent unit; a unit's total is the sum of the rows of the same period whose parent is its code")
	colIndicator = col("string", "Mã chỉ số", "Indicator code",
		"Mã chỉ số, như trong indicators.csv", "Indicator code, as in indicators.csv").with(constraints{Required: true})
	colIndicatorName = col("string", "Tên chỉ số", "Indicator name", "Tên chỉ số (tiếng Việt)", "Indicator name (Vietnamese)")
	colValue         = col("number", "Giá trị", "Value",
		"Giá trị; với tỷ lệ là phần trăm (0–100); dấu chấm là dấu thập phân",
		"The value; percentages are 0–100; the decimal mark is a dot")
	colNumerator = col("number", "Tử số", "Numerator",
		"Tử số (ví dụ số cán bộ có máy tính), nếu có", "Numerator (e.g. staff with a computer), when known").
		with(constraints{Minimum: &zero})
	colDenominator = col("number", "Mẫu số", "Denominator",
		"Mẫu số (ví dụ tổng số cán bộ), nếu có", "Denominator (e.g. all staff), when known").
		with(constraints{Minimum: &zero})
	colMethod = col("string", "Cách tính", "Method",
		"reported: đơn vị tự báo cáo; rolled-up: tổng hợp từ các đơn vị trực thuộc (tổng tử số / tổng mẫu số)",
		"reported: reported by the unit; rolled-up: summed from its units (total numerator / total denominator)").
		with(constraints{Required: true, Enum: []string{"reported", "rolled-up"}})
	colReporting = col("string", "Số đơn vị báo cáo", "Units reporting",
		"Với số liệu tổng hợp: số đơn vị đã báo cáo / số đơn vị có báo cáo chỉ số này",
		"For totals: units that reported / units that report this indicator").
		with(constraints{Pattern: `[0-9]+/[0-9]+`})
	colNote       = col("string", "Ghi chú", "Note", "Ghi chú của đơn vị", "The unit's note")
	colFileSource = col("string", "Nguồn", "Source",
		"Tệp và dòng của số liệu gốc, ví dụ data/snapshots/2024-Q4.csv:12",
		"File and line of the original row, e.g. data/snapshots/2024-Q4.csv:12")
	colCode    = col("string", "Mã", "Code", "Mã, duy nhất trong tệp", "The code, unique in the file").with(constraints{Required: true})
	colNameVI  = col("string", "Tên (tiếng Việt)", "Name (Vietnamese)", "Tên bằng tiếng Việt", "The name in Vietnamese").with(constraints{Required: true})
	colNameEN  = col("string", "Tên (tiếng Anh)", "Name (English)", "Tên bằng tiếng Anh (để trống: dùng tên tiếng Việt)", "The name in English (empty: the Vietnamese is shown)")
	colBasisVI = col("string", "Căn cứ (tiếng Việt)", "Basis (Vietnamese)", "Văn bản đặt ra mục tiêu", "The decision that set the target, in Vietnamese")
	colBasisEN = col("string", "Căn cứ (tiếng Anh)", "Basis (English)", "Văn bản đặt ra mục tiêu, bằng tiếng Anh", "The decision that set the target, in English")
)

// columns are each kind's columns by name.
var columns = withFigures(map[string]map[string]column{
	"indicators": {
		"code":    colCode,
		"group":   col("string", "Nhóm", "Group", "Nhóm chỉ số", "The indicator's group"),
		"name_vi": colNameVI, "name_en": colNameEN,
		"unit": col("string", "Loại số", "Measure",
			"percent: tỷ lệ phần trăm (0–100); count: số đếm; number: số thực",
			"percent (0–100), count (a whole number) or number").
			with(constraints{Required: true, Enum: []string{"percent", "count", "number"}}),
		"direction": col("string", "Chiều tốt", "Direction", "up: càng cao càng tốt; down: càng thấp càng tốt",
			"up: higher is better; down: lower is better").with(constraints{Required: true, Enum: []string{"up", "down"}}),
		"definition_vi": col("string", "Cách tính (tiếng Việt)", "Definition (Vietnamese)", "Cách tính chỉ số", "How it is computed, in Vietnamese"),
		"definition_en": col("string", "Cách tính (tiếng Anh)", "Definition (English)", "Cách tính chỉ số, bằng tiếng Anh", "How it is computed, in English"),
		"source_vi":     col("string", "Nguồn (tiếng Việt)", "Source (Vietnamese)", "Ai báo cáo chỉ số", "Who reports it, in Vietnamese"),
		"source_en":     col("string", "Nguồn (tiếng Anh)", "Source (English)", "Ai báo cáo chỉ số, bằng tiếng Anh", "Who reports it, in English"),
	},
	"units": {
		"code": colCode, "name_vi": colNameVI, "name_en": colNameEN,
		"kind": col("string", "Loại đơn vị", "Kind", "district, township, commune, agency…", "district, township, commune, agency…"),
		"parent": col("string", "Đơn vị cấp trên", "Parent unit", "Mã đơn vị cấp trên; để trống với đơn vị cao nhất",
			"The code of the unit it belongs to; empty for the top unit"),
	},
	"targets": {
		"indicator": colIndicator,
		"unit": col("string", "Đơn vị", "Unit", "Mã đơn vị, hoặc * cho mọi đơn vị",
			"A unit code, or * for every unit").with(constraints{Required: true}),
		"year":     col("integer", "Năm", "Year", "Năm mà đến cuối năm đó phải đạt mục tiêu", "The year by whose end the target is due").with(constraints{Required: true}),
		"value":    col("number", "Mục tiêu", "Target", "Giá trị mục tiêu", "The target value").with(constraints{Required: true}),
		"basis_vi": colBasisVI, "basis_en": colBasisEN,
	},
	"snapshot": {
		"unit": colUnit, "indicator": colIndicator, "value": colValue,
		"numerator": colNumerator, "denominator": colDenominator, "note": colNote,
		"source": col("string", "Nguồn", "Source", "Ai báo cáo số liệu", "Who reported the figure"),
	},
	"indicator": {
		"period": colPeriod, "unit": colUnit, "unit_name": colUnitName, "parent": colParent,
		"indicator": colIndicator, "value": colValue.with(constraints{Required: true}),
		"numerator": colNumerator, "denominator": colDenominator,
		"method": colMethod, "reporting": colReporting, "note": colNote, "source": colFileSource,
	},
	"corrections": {
		"detected_with": col("string", "Phát hiện ở kỳ", "Detected with",
			"Kỳ mới nhất của lần công bố phát hiện đính chính, ví dụ 2025-Q1",
			"Latest period of the publication that found the correction, e.g. 2025-Q1").
			with(constraints{Required: true, Pattern: periodPattern}),
		"period": colPeriod, "unit": colUnit, "unit_name": colUnitName, "indicator": colIndicator,
		"kind": col("string", "Loại", "Kind", "changed: sửa; added: bổ sung (báo cáo muộn); removed: không còn số liệu",
			"changed; added (a late report); removed (no figure any more)").
			with(constraints{Required: true, Enum: []string{"changed", "added", "removed"}}),
		"before_value":       col("number", "Giá trị trước", "Value before", "Giá trị đã công bố trước đó", "Value published before"),
		"before_numerator":   col("number", "Tử số trước", "Numerator before", "Tử số đã công bố trước đó", "Numerator published before"),
		"before_denominator": col("number", "Mẫu số trước", "Denominator before", "Mẫu số đã công bố trước đó", "Denominator published before"),
		"before_reporting":   colReporting,
		"after_value":        col("number", "Giá trị sau", "Value after", "Giá trị sau khi sửa", "Value after the correction"),
		"after_numerator":    col("number", "Tử số sau", "Numerator after", "Tử số sau khi sửa", "Numerator after the correction"),
		"after_denominator":  col("number", "Mẫu số sau", "Denominator after", "Mẫu số sau khi sửa", "Denominator after the correction"),
		"after_reporting":    colReporting,
		"source":             col("string", "Nguồn", "Source", "Tệp và dòng của số liệu sau khi sửa", "File and line of the corrected figure"),
	},
})

// withFigures adds the figures file's columns: the per-indicator files'
// columns and the indicator's name.
func withFigures(cols map[string]map[string]column) map[string]map[string]column {
	fig := map[string]column{"indicator_name": colIndicatorName}
	for k, v := range cols["indicator"] {
		fig[k] = v
	}
	cols["figures"] = fig
	return cols
}

// key is a foreign key: fields of this file that are codes of another.
type key struct {
	fields, resource, ref string
}

// keys are each kind's primary key and foreign keys. A resource of ""
// is the file itself (a unit's parent is a unit). targets.unit is no
// foreign key ("*" is every unit), nor are the corrections' codes: an
// erratum outlives a unit or an indicator later removed.
var keys = map[string]struct {
	primary []string
	foreign []key
}{
	"indicators": {primary: []string{"code"}},
	"units":      {primary: []string{"code"}, foreign: []key{{"parent", "", "code"}}},
	"targets":    {primary: []string{"indicator", "unit", "year"}, foreign: []key{{"indicator", "indicators", "code"}}},
	"snapshot": {primary: []string{"unit", "indicator"}, foreign: []key{
		{"unit", "units", "code"}, {"indicator", "indicators", "code"}}},
	"indicator": {primary: []string{"period", "unit"}, foreign: []key{
		{"unit", "units", "code"}, {"parent", "units", "code"}, {"indicator", "indicators", "code"}}},
	"figures": {primary: []string{"period", "unit", "indicator"}, foreign: []key{
		{"unit", "units", "code"}, {"parent", "units", "code"}, {"indicator", "indicators", "code"}}},
	"corrections": {},
}
