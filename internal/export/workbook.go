package export

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
	"github.com/minhbach/minhbach/internal/xlsx"
)

// The workbooks hold the same rows as the CSV of the same name, typed: codes,
// periods and "8/8" as text, figures as numbers whose format shows the
// published decimals. Besides the data they have a dictionary sheet and an
// about sheet, so a workbook read on its own says what it is.

var (
	sheetFigures    = model.Text{VI: "Số liệu", EN: "Figures"}
	sheetDictionary = model.Text{VI: "Từ điển", EN: "Dictionary"}
	sheetAbout      = model.Text{VI: "Giới thiệu", EN: "About"}

	dictionaryColumns = []xlsx.Column{
		{Header: "column / cột", Width: 16},
		{Header: "ý nghĩa (tiếng Việt)", Width: 70},
		{Header: "meaning (English)", Width: 70},
		{Header: "type / kiểu", Width: 10},
	}
	aboutItem      = model.Text{VI: "Mục", EN: "Item"}
	aboutValue     = model.Text{VI: "Nội dung", EN: "Value"}
	aboutTitle     = model.Text{VI: "Tiêu đề", EN: "Title"}
	aboutSite      = model.Text{VI: "Trang web", EN: "Site"}
	aboutSource    = model.Text{VI: "Nguồn", EN: "Source"}
	aboutDef       = model.Text{VI: "Định nghĩa", EN: "Definition"}
	aboutLicence   = model.Text{VI: "Giấy phép", EN: "Licence"}
	aboutBuilt     = model.Text{VI: "Ngày lập", EN: "Built on"}
	aboutRows      = model.Text{VI: "Số dòng số liệu", EN: "Data rows"}
	aboutChecksum  = model.Text{VI: "SHA-256 của tệp CSV cùng số liệu", EN: "SHA-256 of the CSV with the same data"}
	aboutSheets    = model.Text{VI: "Các trang tính số liệu", EN: "Data sheets"}
	aboutFigures   = model.Text{VI: "Mọi số liệu", EN: "Every figure"}
	aboutFromSheet = model.Text{
		VI: "Mỗi chỉ số một trang tính: toàn bộ số liệu vượt quá số dòng tối đa của một trang tính",
		EN: "One sheet per indicator: all the figures exceed a sheet's rows"}
	aboutSources = model.Text{
		VI: "Số liệu do các đơn vị báo cáo (tệp data/snapshots/ của trang web); số liệu tổng hợp do trang web tính",
		EN: "Figures reported by the units (the site's data/snapshots/ files); totals computed by the site"}
)

// workbook is the common frame of the two kinds of workbook.
type workbook struct {
	w    *xlsx.Writer
	lang model.Lang
	opt  Options
}

func newWorkbook(lang model.Lang, title string, opt Options) (*workbook, error) {
	w, err := xlsx.NewWriter(xlsx.Props{Title: title, Creator: opt.Sites[lang].Title, Language: string(lang), Created: opt.Built})
	if err != nil {
		return nil, err
	}
	return &workbook{w: w, lang: lang, opt: opt}, nil
}

// dataSheet writes rows to a sheet called name.
func (b *workbook) dataSheet(name string, cols []Column, rows []row, withName bool) error {
	sh, err := b.w.Sheet(name, xlsxColumns(cols))
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := sh.Row(r.values(withName)...); err != nil {
			return err
		}
	}
	return sh.Close()
}

// finish adds the dictionary and about sheets and returns the bytes.
func (b *workbook) finish(cols []Column, about [][2]string) ([]byte, error) {
	sh, err := b.w.Sheet(sheetDictionary.In(b.lang), dictionaryColumns)
	if err != nil {
		return nil, err
	}
	for _, c := range cols {
		if err := sh.Row(xlsx.Text(c.Name), xlsx.Text(c.Meaning.VI), xlsx.Text(c.Meaning.EN), xlsx.Text(c.Type)); err != nil {
			return nil, err
		}
	}
	if err := sh.Close(); err != nil {
		return nil, err
	}
	meta := b.opt.Sites[b.lang]
	sh, err = b.w.Sheet(sheetAbout.In(b.lang), []xlsx.Column{{Header: aboutItem.In(b.lang), Width: 30}, {Header: aboutValue.In(b.lang), Width: 90}})
	if err != nil {
		return nil, err
	}
	about = append(about,
		[2]string{aboutSite.In(b.lang), meta.Title},
		[2]string{aboutLicence.In(b.lang), meta.Licence},
		[2]string{aboutBuilt.In(b.lang), locale.Date(b.lang, b.opt.Built)},
	)
	for _, kv := range about {
		if err := sh.Row(xlsx.Text(kv[0]), xlsx.Text(kv[1])); err != nil {
			return nil, err
		}
	}
	if err := sh.Close(); err != nil {
		return nil, err
	}
	return b.w.Bytes()
}

func xlsxColumns(cols []Column) []xlsx.Column {
	out := make([]xlsx.Column, len(cols))
	for i, c := range cols {
		out[i] = xlsx.Column{Header: c.Name, Width: c.width}
	}
	return out
}

// values is the row as workbook cells, in the order of cells.
func (r row) values(withName bool) []xlsx.Value {
	v := []xlsx.Value{xlsx.Text(r.Period), xlsx.Text(r.Unit), xlsx.Text(r.UnitName), xlsx.Text(r.Parent), xlsx.Text(r.Indicator)}
	if withName {
		v = append(v, xlsx.Text(r.IndicatorName))
	}
	return append(v, xlsx.Number(r.Value, r.Decimals), numValue(r.Numerator), numValue(r.Denominator),
		xlsx.Text(r.Method), xlsx.Text(r.Reporting), xlsx.Text(r.Note), xlsx.Text(r.Source))
}

// numValue is an optional number shown with all its decimals.
func numValue(p *float64) xlsx.Value {
	if p == nil {
		return xlsx.Value{}
	}
	s := strconv.FormatFloat(*p, 'f', -1, 64)
	_, frac, _ := strings.Cut(s, ".")
	return xlsx.Number(*p, len(frac))
}

// indicatorWorkbook is the workbook of one indicator: its rows on a sheet
// named by its code.
func indicatorWorkbook(ind model.Indicator, lang model.Lang, rows []row, csvSum string, opt Options) ([]byte, error) {
	name := ind.Code + " – " + ind.Name.In(lang)
	b, err := newWorkbook(lang, name, opt)
	if err != nil {
		return nil, err
	}
	cols := IndicatorDictionary()
	if err := b.dataSheet(sheetName(ind.Code, 0), cols, rows, false); err != nil {
		return nil, err
	}
	return b.finish(cols, [][2]string{
		{aboutTitle.In(lang), name},
		{aboutDef.In(lang), ind.Definition.In(lang)},
		{aboutSource.In(lang), ind.Source.In(lang)},
		{aboutRows.In(lang), locale.Number(lang, float64(len(rows)), 0)},
		{aboutChecksum.In(lang), path.Base(route.IndicatorCSV(ind.Code)) + " " + csvSum},
	})
}

// sheetName is a data sheet's name: the indicator's code, with a part
// number after the first part, within Excel's 31 characters.
func sheetName(code string, part int) string {
	if len(code) > xlsx.MaxSheetName-5 {
		code = code[:xlsx.MaxSheetName-5]
	}
	if part == 0 {
		return code
	}
	return fmt.Sprintf("%s (%d)", code, part+1)
}

// figuresBook is the workbook of every figure, fed one indicator's rows at
// a time: one sheet when they fit, else a sheet per indicator (and more
// than one for an indicator that alone passes the limit).
type figuresBook struct {
	b        *workbook
	split    bool
	sheet    *xlsx.SheetWriter
	sheets   []string
	rows     int
	err      error
	perSheet int // data rows a sheet holds, the header aside
}

// newFiguresBook starts the workbook; perSheet is the data rows a sheet
// holds (xlsx.MaxRows - 1; tests give less).
func newFiguresBook(a *analyse.Analysis, lang model.Lang, opt Options, perSheet int) *figuresBook {
	fb := &figuresBook{perSheet: perSheet}
	fb.b, fb.err = newWorkbook(lang, aboutFigures.In(lang)+" – "+opt.Sites[lang].Title, opt)
	fb.split = figureCount(a) > fb.perSheet
	return fb
}

// figureCount is how many rows the figures file has.
func figureCount(a *analyse.Analysis) int {
	n := 0
	ds := a.Dataset()
	for _, ind := range ds.Indicators {
		for _, u := range ds.Units {
			n += len(a.Series(u.Code, ind.Code))
		}
	}
	return n
}

func (fb *figuresBook) add(ind model.Indicator, rows []row) {
	if fb.err != nil {
		return
	}
	cols := xlsxColumns(figureDictionary)
	for i, r := range rows {
		if fb.split && i%fb.perSheet == 0 {
			fb.err = fb.open(sheetName(ind.Code, i/fb.perSheet), cols)
		} else if !fb.split && fb.sheet == nil {
			fb.err = fb.open(sheetFigures.In(fb.b.lang), cols)
		}
		if fb.err == nil {
			fb.err = fb.sheet.Row(r.values(true)...)
		}
		if fb.err != nil {
			return
		}
		fb.rows++
	}
}

func (fb *figuresBook) open(name string, cols []xlsx.Column) error {
	if fb.sheet != nil {
		if err := fb.sheet.Close(); err != nil {
			return err
		}
	}
	var err error
	fb.sheet, err = fb.b.w.Sheet(name, cols)
	fb.sheets = append(fb.sheets, name)
	return err
}

func (fb *figuresBook) done(csvSum string) ([]byte, error) {
	if fb.err != nil {
		return nil, fb.err
	}
	if fb.sheet == nil { // no figures: the header alone
		if err := fb.open(sheetFigures.In(fb.b.lang), xlsxColumns(figureDictionary)); err != nil {
			return nil, err
		}
	}
	if err := fb.sheet.Close(); err != nil {
		return nil, err
	}
	lang := fb.b.lang
	about := [][2]string{
		{aboutTitle.In(lang), aboutFigures.In(lang)},
		{aboutSource.In(lang), aboutSources.In(lang)},
		{aboutRows.In(lang), locale.Number(lang, float64(fb.rows), 0)},
		{aboutChecksum.In(lang), path.Base(FiguresPath) + " " + csvSum},
		{aboutSheets.In(lang), strings.Join(fb.sheets, ", ")},
	}
	if fb.split {
		about = append(about, [2]string{"", aboutFromSheet.In(lang)})
	}
	return fb.b.finish(figureDictionary, about)
}
