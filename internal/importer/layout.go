package importer

// The table's layout: the heading row found under any title lines, what
// each column holds, and where the table ends.

import (
	"regexp"
	"strings"

	"github.com/minhbach/minhbach/internal/diag"
)

// role is what a column holds.
type role int

const (
	rNone      role = iota // blank heading, or not part of the table
	rIgnore                // STT: a row's own number, which stops fill-down
	rMeasure               // unit of measure (ĐVT): read by people, not imported
	rUnit                  // unit name or code
	rIndicator             // indicator code or name (long layout)
	rValue
	rNum
	rDen
	rNote
	rSource
)

// labels are the column headings import understands, as labelKey folds
// them: the snapshot's own names and the Vietnamese ones staff write.
var labels = func() map[string]role {
	m := map[string]role{}
	for r, names := range map[role][]string{
		rIgnore:    {"STT", "TT", "Số TT", "Số thứ tự", "No"},
		rMeasure:   {"Đơn vị tính", "ĐVT"},
		rUnit:      {"unit", "Đơn vị", "Tên đơn vị", "Cơ quan, đơn vị", "Tên cơ quan, đơn vị", "Đơn vị báo cáo", "Xã, thị trấn", "Tên xã, thị trấn", "Tên xã", "Mã đơn vị", "Địa phương", "Cơ quan"},
		rIndicator: {"indicator", "Chỉ số", "Mã chỉ số", "Tên chỉ số", "Chỉ tiêu", "Mã chỉ tiêu", "Tên chỉ tiêu", "Nội dung"},
		rValue:     {"value", "Giá trị", "Tỷ lệ", "Tỷ lệ (%)", "Tỉ lệ", "Kết quả", "Số liệu", "Thực hiện", "Số lượng"},
		rNum:       {"numerator", "Tử số"},
		rDen:       {"denominator", "Mẫu số"},
		rNote:      {"note", "Ghi chú"},
		rSource:    {"source", "Nguồn", "Nguồn số liệu"},
	} {
		for _, n := range names {
			m[labelKey(n)] = r
		}
	}
	return m
}()

// knownSubs lists the sub-headings under an indicator, for messages.
const knownSubs = "Tử số, Mẫu số, Tỷ lệ, Giá trị, Số lượng, Ghi chú"

// knownLabels lists headings for messages.
const knownLabels = "Đơn vị, Chỉ số, Giá trị, Tử số, Mẫu số, Ghi chú, Nguồn, STT"

// column is one column of the table found.
type column struct {
	role  role
	ind   int  // indicator index, for the columns of one indicator (wide)
	label cell // its heading, for positions
	// under is 1 + the indicator whose heading is above a sub-heading
	// not understood (role rNone), for the message; 0 otherwise.
	under int
}

// table is the layout found in a grid.
type table struct {
	g     *grid
	first int // index in g.rows of the first row after the heading rows
	heads int // cells in the heading rows (the longest)
	wide  bool
	cols  []column
}

// roleOf returns the role of a heading, and for an indicator's heading
// its index (-1 otherwise).
func (im *importer) roleOf(text string) (role, int) {
	if strings.TrimSpace(text) == "" {
		return rNone, -1
	}
	if r, ok := labels[labelKey(text)]; ok {
		return r, -1
	}
	return im.indicatorHeading(text)
}

// indicatorHeading finds the indicator a column heading names and what
// the column holds: its code or its Vietnamese name alone (the figure),
// or the code followed by the name ("HT01 - Tỷ lệ…") or by a sub-heading
// ("HT01 - Tử số"). Anything else after the code ("HT04 (kế hoạch)") is
// not the indicator's figure, and gives (rNone, -1).
func (im *importer) indicatorHeading(text string) (role, int) {
	if i, _, _ := im.inds.match(text); i >= 0 {
		return rValue, i
	}
	i, rest := im.codePrefix(text)
	if i < 0 {
		return rNone, -1
	}
	if j, _, _ := im.inds.match(rest); j == i || labelKey(rest) == "" { // "HT01 (%)"
		return rValue, i
	}
	switch r := labels[labelKey(rest)]; r {
	case rValue, rNum, rDen, rNote:
		return r, i
	}
	return rNone, -1
}

// codePrefix returns the indicator whose code starts a heading followed
// by more text, and that text; -1 when there is none.
func (im *importer) codePrefix(text string) (int, string) {
	text = strings.TrimSpace(text)
	end := strings.IndexFunc(text, func(r rune) bool { return strings.ContainsRune(" \n\t-.:–()", r) })
	if end <= 0 {
		return -1, ""
	}
	rest := strings.TrimSpace(strings.TrimLeft(text[end:], " \n\t-.:–("))
	rest = strings.TrimSpace(strings.TrimSuffix(rest, ")"))
	if rest == "" {
		return -1, ""
	}
	if ids := im.inds.code[strings.ToLower(text[:end])]; len(ids) == 1 {
		return ids[0], rest
	}
	return -1, ""
}

// score rates a row as the heading row: 0 when it is not one.
func (im *importer) score(texts []string) int {
	unit, n := false, 0
	for _, t := range texts {
		r, ind := im.roleOf(t)
		switch {
		case r == rUnit:
			unit = true
		case r == rIndicator:
			n += 2
		case ind >= 0:
			n += 2
		case r != rNone:
			n++
		}
	}
	if !unit {
		return 0
	}
	return 1 + n
}

func texts(r row) []string {
	out := make([]string, len(r.cells))
	for i, c := range r.cells {
		out[i] = c.eff()
	}
	return out
}

// eff is what the cell shows: its text, or the text of the merged range
// it belongs to.
func (c cell) eff() string {
	if c.follower && c.text == "" {
		return c.mergedVal
	}
	return c.text
}

// maxTitleRows is how far down the heading row is looked for.
const maxTitleRows = 50

// columnNumbersRE matches the row of column numbers that Vietnamese forms
// print under the headings: "(1)", "2", "A", "B".
var columnNumbersRE = regexp.MustCompile(`^\(?([0-9]{1,2}|[A-Za-z])\)?$`)

// headingRow returns the index of the heading row: the first of the
// first rows with a unit column and a column of figures or indicators
// (on it, or on the row under it, under group headings), so that a title
// line such as "Đơn vị báo cáo: UBND xã Bản Thi" is not taken for it; with
// none, the best-scoring row, for the messages about its columns; -1 when
// no row has a unit column.
func (im *importer) headingRow(g *grid) int {
	best, bestScore := -1, 0
	for i := 0; i < len(g.rows) && i < maxTitleRows; i++ {
		ts := texts(g.rows[i])
		sc := im.score(ts)
		if sc == 0 {
			continue
		}
		if figureHeading(im, ts) || (i+1 < len(g.rows) && im.subIndicators(g.rows[i+1])) {
			return i
		}
		if sc > bestScore {
			best, bestScore = i, sc
		}
	}
	return best
}

// figureHeading reports whether a heading row names a column of figures
// or of indicators.
func figureHeading(im *importer, ts []string) bool {
	for _, t := range ts {
		switch r, _ := im.roleOf(t); r {
		case rIndicator, rValue, rNum, rDen:
			return true
		}
	}
	return false
}

// subIndicators reports whether r is a second heading row of indicators:
// it names an indicator's column and has no unit heading of its own (one
// merged down from the row above is not its own).
func (im *importer) subIndicators(r row) bool {
	ind := false
	for _, c := range r.cells {
		role, i := im.roleOf(c.eff())
		if role == rUnit && !c.follower {
			return false
		}
		ind = ind || i >= 0
	}
	return ind
}

// findTable finds the heading row (after any title lines), a second
// heading row of indicators or of Tử số/Mẫu số/Tỷ lệ under each
// indicator, and the columns' roles. It returns nil when the grid has no
// heading row.
func (im *importer) findTable(g *grid, errs *diag.List) *table {
	h := im.headingRow(g)
	if h < 0 {
		return nil
	}
	t := &table{g: g}
	head := g.rows[h]
	width := len(head.cells)
	for _, r := range g.rows[h:] {
		width = max(width, len(r.cells))
	}
	t.cols = make([]column, width)
	long := false
	indicators := 0
	for i := range width {
		c := g.get(head, i)
		r, ind := im.roleOf(c.eff())
		t.cols[i] = column{role: r, ind: ind, label: c}
		if r == rIndicator {
			long = true
		}
		if ind >= 0 {
			indicators++
		}
	}
	next := h + 1
	// Indicators on a second heading row, under group headings.
	if !long && indicators == 0 && next < len(g.rows) {
		sub := g.rows[next]
		found := 0
		for i := range width {
			if _, ind := im.roleOf(g.get(sub, i).eff()); ind >= 0 {
				found++
			}
		}
		if found > 0 {
			for i := range width {
				c := g.get(sub, i)
				if t.cols[i].role != rNone && t.cols[i].ind < 0 && strings.TrimSpace(c.eff()) == "" {
					continue // a heading merged down over both rows
				}
				if r, ind := im.roleOf(c.eff()); ind >= 0 || (t.cols[i].role == rNone && r != rNone) {
					t.cols[i] = column{role: r, ind: ind, label: c}
				} else if strings.TrimSpace(c.eff()) != "" && t.cols[i].role == rNone {
					t.cols[i].label = c
				}
			}
			indicators = found
			head = sub
			next++
		}
	}
	t.wide = !long
	if t.wide {
		next = im.subHeadings(t, head, next)
	}
	// A row of column numbers under the headings.
	if next < len(g.rows) && columnNumbers(g.rows[next]) {
		next++
	}
	t.first = next
	for _, r := range g.rows[h:next] {
		t.heads = max(t.heads, len(r.cells))
	}
	im.checkColumns(t, errs)
	return t
}

// subHeadings reads a row of Tử số / Mẫu số / Tỷ lệ / Ghi chú under the
// indicators of a wide table: each indicator's heading then spans the
// columns up to the next heading. It returns the index of the next row.
func (im *importer) subHeadings(t *table, head row, next int) int {
	g := t.g
	if next >= len(g.rows) {
		return next
	}
	sub := g.rows[next]
	subs := 0
	for i := range t.cols {
		c := g.get(sub, i)
		if c.follower || strings.TrimSpace(c.text) == "" {
			continue
		}
		r, ind := im.roleOf(c.text)
		switch {
		case ind < 0 && (r == rValue || r == rNum || r == rDen || r == rNote):
			subs++
		case r == rIgnore || r == rMeasure:
		case columnNumbersRE.MatchString(strings.TrimSpace(c.text)):
		case t.cols[i].ind >= 0 && !c.num && r == rNone:
			// A sub-heading not understood ("Số máy") under an
			// indicator: reported at its cell by checkColumns, while the
			// other sub-headings of the row are read.
		default:
			return next // a data row, or something else: no sub-headings
		}
	}
	if subs == 0 {
		return next
	}
	ind := -1
	for i := range t.cols {
		hc := g.get(head, i)
		if strings.TrimSpace(hc.text) != "" && !hc.follower {
			ind = t.cols[i].ind // a new heading starts a group (or ends one)
		}
		c := g.get(sub, i)
		r, _ := im.roleOf(c.text)
		switch {
		case ind >= 0 && (r == rValue || r == rNum || r == rDen || r == rNote):
			t.cols[i] = column{role: r, ind: ind, label: c}
		case ind >= 0 && strings.TrimSpace(c.text) != "":
			t.cols[i] = column{role: rNone, ind: -1, label: c, under: ind + 1}
		case ind >= 0 && strings.TrimSpace(hc.text) != "" && !hc.follower:
			// an indicator without sub-headings (merged down over both rows)
		case ind >= 0:
			t.cols[i] = column{role: rNone, ind: -1, label: hc}
		}
	}
	return next + 1
}

func columnNumbers(r row) bool {
	n := 0
	for _, c := range r.cells {
		s := strings.TrimSpace(c.text)
		if s == "" {
			continue
		}
		if !columnNumbersRE.MatchString(s) {
			return false
		}
		n++
	}
	return n >= 2
}

// checkColumns reports headings that are unknown, repeated, or missing.
func (im *importer) checkColumns(t *table, errs *diag.List) {
	g := t.g
	type key struct {
		r   role
		ind int
	}
	seen := map[key]cell{}
	has := map[role]bool{}
	for i, col := range t.cols {
		c := col.label
		text := strings.TrimSpace(c.eff())
		if col.role == rNone {
			if text != "" && !c.follower {
				if col.under > 0 {
					errs.Add(diag.Newf(g.at(c), diag.CodeExtraLabel, "", text, msgUnknownSub, im.ds.Indicators[col.under-1].Code, knownSubs))
				} else if ind, rest := im.codePrefix(text); ind >= 0 {
					errs.Add(diag.Newf(g.at(c), diag.CodeExtraLabel, "", text, msgCodeText, im.ds.Indicators[ind].Code, clip(rest)))
				} else if t.wide {
					errs.Add(diag.Newf(g.at(c), diag.CodeExtraLabel, "", text, msgUnknownWide, knownLabels))
				} else {
					errs.Add(diag.Newf(g.at(c), diag.CodeExtraLabel, "", text, msgUnknownLong, knownLabels))
				}
			} else if (g.sheet != "" || i < t.heads) && im.hasData(t, i) {
				errs.Add(diag.Newf(g.at(c), diag.CodeBlankLabel, "", "", msgBlankLabel))
			}
			continue
		}
		has[col.role] = true
		if col.role == rIgnore || col.role == rMeasure || col.role == rUnit {
			continue
		}
		k := key{col.role, col.ind}
		if prev, ok := seen[k]; ok {
			errs.Add(diag.Newf(g.at(c), diag.CodeDupLabel, "", text, msgDupLabel, g.at(prev).String()))
			t.cols[i].role = rNone
			continue
		}
		seen[k] = c
	}
	im.extraCells(t, errs)
	if t.wide {
		for _, gr := range im.groups(t) {
			if gr.value < 0 && gr.num < 0 && gr.den < 0 {
				c := t.cols[gr.note].label
				errs.Add(diag.Newf(g.at(c), diag.CodeMissing, "", clip(c.eff()), msgNoFigureCol, im.ds.Indicators[gr.ind].Code))
			}
		}
	} else {
		if !has[rValue] && !has[rNum] {
			errs.Add(diag.Newf(g.pos(t.cols[0].label.line, 1), diag.CodeMissing, "", "", msgNoValueCol))
		}
	}
}

// extraCells reports the rows of a text file that have text beyond the
// last heading: most often a cell with the delimiter in it, written without
// quotes, which shifts the row's cells, so the row cannot be trusted. (A
// workbook's cells cannot shift: a column there without a heading is a
// blank-label.)
func (im *importer) extraCells(t *table, errs *diag.List) {
	g := t.g
	if g.sheet != "" {
		return
	}
	delim := string(g.comma)
	if g.comma == '\t' {
		delim = "tab"
	}
	for _, r := range g.rows[min(t.first, len(g.rows)):] {
		if im.footer(t, r) {
			return
		}
		for _, c := range r.cells[min(t.heads, len(r.cells)):] {
			if strings.TrimSpace(c.text) != "" {
				errs.Add(diag.Newf(g.at(c), diag.CodeExtraCell, "", clip(c.text), msgExtraCell, len(r.cells), t.heads, delim))
				break
			}
		}
	}
}

// hasData reports whether any row below the headings has text in column i.
func (im *importer) hasData(t *table, i int) bool {
	for _, r := range t.g.rows[min(t.first, len(t.g.rows)):] {
		if i < len(r.cells) && strings.TrimSpace(r.cells[i].text) != "" {
			return true
		}
	}
	return false
}

var (
	// "I. KHỐI XÃ", "II.", "A)": a group heading in the unit or STT column.
	groupRE = regexp.MustCompile(`^([IVXLC]+|[A-Z])\s*[.):]`)
	romanRE = regexp.MustCompile(`^([IVXLC]+|[A-Z])$`)
	// Total rows, as labelKey folds them: the whole label, so that a
	// unit's name that begins with the same word ("Công an huyện", "Tổng
	// đài") is a unit name, matched or reported as such.
	totalRE    = regexp.MustCompile(`^(((tong cong|tong so|tong|cong)( (toan huyen|toan tinh|toan xa|(khoi|cac) .+))?)|toan huyen|toan tinh|toan xa)$`)
	subtotalRE = regexp.MustCompile(`^cong( |$)`)
	// The first words of a signature block under the table.
	footerRE = regexp.MustCompile(`^(nguoi lap( bieu)?|thu truong|ki ten|xac nhan|lanh dao|chu tich|pho chu tich|tm ubnd|kt chu tich|ke toan)( |$)`)
	// The place and date line of a signature block, "Chợ Đồn, ngày 05
	// tháng 01 năm 2025", after any place name and comma.
	dateLineRE = regexp.MustCompile(`^ngay( [0-9]+)? thang( [0-9]+)? nam [0-9]+$`)
)

// figureCols are the columns of a table that hold figures.
func figureCols(t *table) []int {
	var out []int
	for i, c := range t.cols {
		if c.role == rValue || c.role == rNum || c.role == rDen {
			out = append(out, i)
		}
	}
	return out
}

// footer reports whether r is a signature block under the table, which
// ends it: a row that starts one ("Người lập biểu", "Chợ Đồn, ngày …")
// and has no figure and no unit's name. A note on a unit's row ("Lãnh đạo
// xã đã duyệt", "số liệu đến ngày 31 tháng 3 năm 2025") never ends it.
func (im *importer) footer(t *table, r row) bool {
	sign := false
	for _, c := range r.cells {
		if c.text == "" {
			continue
		}
		date := c.text
		if i := strings.LastIndexByte(date, ','); i >= 0 {
			date = date[i+1:]
		}
		if footerRE.MatchString(labelKey(c.text)) || dateLineRE.MatchString(labelKey(date)) {
			sign = true
			break
		}
	}
	if !sign {
		return false
	}
	for _, i := range figureCols(t) {
		c := t.g.get(r, i)
		if k, _ := lex(c.eff()); c.num || k == kNumber || k == kPercent || k == kRatio {
			return false
		}
	}
	for i, col := range t.cols {
		if col.role == rUnit {
			if u, _, _ := im.units.match(t.g.get(r, i).eff()); u >= 0 {
				return false
			}
		}
	}
	return true
}
