// Package importer turns what district staff actually receive from
// communes — Excel workbooks, "CSV" saved by Vietnamese Excel, "Unicode
// Text" exports — into the canonical snapshot data/snapshots/<period>.csv
// that package load reads.
//
// It is lenient about layout (title lines, Vietnamese headings, merged
// cells, group headings, total rows, one column per indicator) and strict
// about meaning: a number that could be read two ways, a percent written
// in words, a unit name that fits several units are errors with a hint,
// never a guess. Nothing is written unless the whole file converts and the
// result passes the same loader and validator as every snapshot.
package importer

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/source"
)

// Error codes import adds to those of package source.
const (
	CodeSizeLimit         = "size-limit"
	CodeMojibake          = "mojibake"
	CodeAmbiguousDecimal  = "ambiguous-decimal"
	CodeAmbiguousPercent  = "ambiguous-percent"
	CodeQualitative       = "qualitative-value"
	CodeUnitNotFound      = "unit-not-found"
	CodeUnitAmbiguous     = "unit-ambiguous"
	CodeIndicatorNotFound = "indicator-not-found"
	CodeIndicatorAmbig    = "indicator-ambiguous"
	CodeTotalMismatch     = "total-mismatch"
	CodeMergedValue       = "merged-value"
	CodeExists            = "snapshot-exists"
)

// Options say what to import and how to read it.
type Options struct {
	File     string        // the input file as given; problems name it so
	Site     string        // the site folder (for Import)
	Period   period.Period // the snapshot's period
	Sheet    string        // worksheet to read; default: the first with a heading row
	Decimal  Mark          // the decimal mark, when the file cannot show it
	Fraction bool          // percents written as fractions: 0,9 is 90%
	KeepText bool          // keep words such as "gần 100%" as a note, with no value
	Force    bool          // replace an existing snapshot
	Today    time.Time     // for the future-period check; zero skips it
}

// Result describes a conversion.
type Result struct {
	Path       string `json:"path"`             // the snapshot, relative to the site, with slashes
	Sheet      string `json:"sheet,omitempty"`  // the worksheet read; empty for a text file
	Wide       bool   `json:"wide"`             // one column per indicator (else one row per figure)
	Mark       Mark   `json:"decimal"`          // the decimal mark used for text cells
	Rows       int    `json:"rows"`             // rows written
	Units      int    `json:"units"`            // distinct units
	Indicators int    `json:"indicators"`       // distinct indicators
	Groups     int    `json:"group_rows"`       // group-heading rows skipped
	Totals     int    `json:"total_rows"`       // total rows checked and skipped
	Unchecked  int    `json:"unchecked_totals"` // total figures that could not be recomputed (percents without numerator and denominator)
	Filled     int    `json:"filled_down"`      // unit cells filled down from the row above
	Data       []byte `json:"-"`                // the snapshot file
}

// SnapshotPath is where the snapshot of p goes, relative to the site.
func SnapshotPath(p period.Period) string { return "data/snapshots/" + p.String() + ".csv" }

// Import converts opt.File and writes the snapshot into opt.Site, all or
// nothing: on any problem nothing is written and the error joins every
// *source.Error found.
func Import(opt Options) (*Result, error) {
	var errs source.List
	filePos := source.Position{File: opt.File}
	st, err := os.Stat(opt.File)
	if err != nil {
		errs.Add(source.Newf(filePos, source.CodeSource, "", "", msgCannotOpen, plainIOError(err)))
		return nil, errs.Err()
	}
	if st.IsDir() {
		errs.Add(source.Newf(filePos, source.CodeSource, "", "", msgIsDir))
		return nil, errs.Err()
	}
	// Refused before a byte is read: the whole file would be held.
	if st.Size() > MaxSize {
		errs.Add(source.Newf(filePos, CodeSizeLimit, "", "", msgSizeLimit, mb(st.Size()), MaxSize>>20))
		return nil, errs.Err()
	}
	f, err := os.Open(opt.File)
	if err != nil {
		errs.Add(source.Newf(filePos, source.CodeSource, "", "", msgCannotOpen, plainIOError(err)))
		return nil, errs.Err()
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	f.Close()
	if err != nil {
		errs.Add(source.Newf(filePos, source.CodeSource, "", "", msgCannotRead, plainIOError(err)))
		return nil, errs.Err()
	}
	if len(data) > MaxSize { // grew since Stat
		errs.Add(source.Newf(filePos, CodeSizeLimit, "", "", msgSizeLimit, mb(int64(len(data))), MaxSize>>20))
		return nil, errs.Err()
	}

	rel := SnapshotPath(opt.Period)
	target := filepath.Join(opt.Site, filepath.FromSlash(rel))
	if _, err := os.Lstat(target); err == nil && !opt.Force {
		errs.Add(source.Newf(source.Position{File: rel}, CodeExists, "", "", msgExists))
	}
	res, err := Convert(opt.File, data, os.DirFS(opt.Site), opt)
	for _, e := range source.All(err) {
		errs.Add(e)
	}
	if errs.Len() > 0 {
		return nil, errs.Err()
	}
	if err := publish.WriteFile(target, res.Data, publish.FileOptions{Replace: opt.Force}); err != nil {
		if errors.Is(err, fs.ErrExist) {
			errs.Add(source.Newf(source.Position{File: rel}, CodeExists, "", "", msgExists))
		} else {
			errs.Add(source.Newf(source.Position{File: rel}, source.CodeSource, "", "", msgCannotWrite, plainIOError(err)))
		}
		return nil, errs.Err()
	}
	return res, nil
}

func mb(n int64) string { return fmt.Sprintf("%.1f", float64(n)/(1<<20)) }

func plainIOError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// importer holds one conversion's state.
type importer struct {
	opt   Options
	name  string // input file name as given
	ds    *model.Dataset
	units *matcher
	inds  *matcher
	errs  source.List
	// done marks cells already reported, so one mistake is one problem.
	done map[source.Position]bool
	more int // problems found beyond maxProblems
	res  Result
}

func (im *importer) add(e *source.Error) {
	// Only cells: problems of the whole file (a period overlapping two
	// snapshots) are distinct at the same position.
	if e.Pos.Line > 0 && im.done[e.Pos] {
		return
	}
	if im.errs.Len() >= maxProblems {
		im.more++
		return
	}
	im.done[e.Pos] = true
	im.errs.Add(e)
}

// maxProblems is how many problems one run reports: a file with more is
// the wrong file, or one mistake repeated, and a longer list helps no one.
const maxProblems = 200

// Convert reads data (the file name, as given, names positions) against
// the units and indicators of the site in fsys and returns the snapshot
// without writing it. The snapshot has passed load and validate together
// with the site's other snapshots.
func Convert(name string, data []byte, fsys fs.FS, opt Options) (*Result, error) {
	im := &importer{opt: opt, name: name, done: map[source.Position]bool{}}
	im.res.Path = SnapshotPath(opt.Period)
	ds, err := load.Dataset(fsys)
	for _, e := range source.All(err) {
		if e.Pos.File == "data/units.csv" || e.Pos.File == "data/indicators.csv" {
			im.errs.Add(e)
		}
	}
	if ds == nil || len(ds.Units) == 0 || len(ds.Indicators) == 0 {
		if im.errs.Len() == 0 {
			im.errs.Add(source.Newf(source.Position{File: "data/units.csv"}, source.CodeSource, "", "", msgNoLists))
		}
		return nil, im.errs.Err()
	}
	im.ds = ds
	var ue, ie []entry
	for _, u := range ds.Units {
		ue = append(ue, entry{u.Code, u.Name.VI})
	}
	for _, ind := range ds.Indicators {
		ie = append(ie, entry{ind.Code, ind.Name.VI})
	}
	im.units = newMatcher(ue, true)
	im.inds = newMatcher(ie, false)

	grids := read(name, data, &opt, im.score, &im.errs)
	if len(grids) == 0 {
		return nil, im.errs.Err()
	}
	// Old-font text is looked for only in the grid read: a workbook may
	// keep an old sheet typed in TCVN3 beside the one to import. With no
	// table found, it explains why no heading was recognised.
	var t *table
	var tableErrs source.List
	for _, g := range grids {
		if t = im.findTable(g, &tableErrs); t != nil {
			break
		}
	}
	if t != nil && im.mojibake([]*grid{t.g}) || t == nil && im.mojibake(grids) {
		return nil, im.errs.Err()
	}
	im.errs.Merge(&tableErrs)
	if t == nil {
		pos := source.Position{File: name}
		if len(grids) == 1 {
			pos = grids[0].filePos()
		}
		im.errs.Add(source.Newf(pos, source.CodeMissing, "", "", msgNoHeader, maxTitleRows))
		return nil, im.errs.Err()
	}
	im.res.Sheet, im.res.Wide = t.g.sheet, t.wide
	pend := im.rows(t)
	im.res.Mark = im.decideMark(t.g, pend)
	recs := im.convert(t.g, pend)
	out := im.output(recs)
	switch {
	case im.more > 0:
		im.errs.Add(source.Newf(t.g.filePos(), source.CodeSource, "", "", msgTooMany, im.more, maxProblems))
	case len(out) > 0:
		im.selfCheck(fsys, out)
	case im.errs.Len() == 0:
		im.errs.Add(source.Newf(t.g.filePos(), source.CodeSource, "", "", msgNoFigures))
	}
	if im.errs.Len() > 0 {
		return nil, im.errs.Err()
	}
	res := im.res
	return &res, nil
}

// mojibake reports the first cell that shows TCVN3 or VNI text.
func (im *importer) mojibake(grids []*grid) bool {
	for _, g := range grids {
		for _, r := range g.rows {
			for _, c := range r.cells {
				if w := mojibake(c.text); w != "" {
					im.errs.Add(source.Newf(g.at(c), CodeMojibake, "", clip(c.text), msgMojibake, w))
					return true
				}
			}
		}
	}
	return false
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const n = 60
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// pending is one figure found in pass one, before the decimal mark is
// known: a unit's (or a total row's) cells for one indicator.
type pending struct {
	total, grand bool
	scope        int // group of rows a subtotal covers
	unit         int // -1 for a total row
	unitCell     cell
	ind          int
	indCell      cell
	value        *cell
	num, den     *cell
	note         string
	noteCell     *cell
	noteOnly     bool // no figure, only a note: written as an empty figure
	src          string
	line         int
}

// group is the columns of one indicator in a wide table.
type group struct {
	ind                   int
	value, num, den, note int // column index or -1
}

func (im *importer) groups(t *table) []group {
	var out []group
	at := map[int]int{}
	for i, c := range t.cols {
		if c.ind < 0 {
			continue
		}
		k, ok := at[c.ind]
		if !ok {
			k = len(out)
			at[c.ind] = k
			out = append(out, group{ind: c.ind, value: -1, num: -1, den: -1, note: -1})
		}
		switch c.role {
		case rValue:
			out[k].value = i
		case rNum:
			out[k].num = i
		case rDen:
			out[k].den = i
		case rNote:
			out[k].note = i
		}
	}
	return out
}

// colsOf returns the columns with role r that belong to no indicator.
func colsOf(t *table, r role) []int {
	var out []int
	for i, c := range t.cols {
		if c.role == r && c.ind < 0 {
			out = append(out, i)
		}
	}
	return out
}

// rows is pass one: it classifies each row under the headings (blank,
// group heading, total, unit, footer), fills unit names down where that
// is safe and collects each figure's cells.
func (im *importer) rows(t *table) []pending {
	g := t.g
	unitCols, ignoreCols := colsOf(t, rUnit), colsOf(t, rIgnore)
	noteCols, srcCols := colsOf(t, rNote), colsOf(t, rSource)
	indCols := colsOf(t, rIndicator)
	figCols := append(append(colsOf(t, rValue), colsOf(t, rNum)...), colsOf(t, rDen)...)
	groups := im.groups(t)
	for _, gr := range groups {
		for _, i := range []int{gr.value, gr.num, gr.den} {
			if i >= 0 {
				figCols = append(figCols, i)
			}
		}
	}
	joinText := func(r row, cols []int) (string, *cell) {
		var parts []string
		var at *cell
		for _, i := range cols {
			c := g.get(r, i)
			if s := strings.Join(strings.Fields(c.text), " "); s != "" {
				parts = append(parts, s)
				if at == nil {
					at = &c
				}
			}
		}
		return strings.Join(parts, "; "), at
	}

	var out []pending
	last := -1 // unit of the block being read; -1 none, -2 a name that did not match
	scope := 0
	for _, r := range g.rows[min(t.first, len(g.rows)):] {
		if blank(r) {
			last = -1
			continue
		}
		if im.footer(t, r) {
			break
		}
		unitText, unitCell := firstTextCell(g, r, unitCols)
		sttText, _ := firstTextCell(g, r, ignoreCols)
		label := unitText
		if label == "" {
			label = sttText
		}
		if label == "" {
			for _, c := range r.cells {
				if s := strings.TrimSpace(c.eff()); s != "" {
					label = s
					break
				}
			}
		}
		figures := false
		for _, i := range append(slices.Clone(figCols), indCols...) {
			if strings.TrimSpace(g.get(r, i).eff()) != "" {
				figures = true // a merged follower too: reported as merged-value
			}
		}
		for _, gr := range groups {
			if gr.note >= 0 && strings.TrimSpace(g.get(r, gr.note).eff()) != "" {
				figures = true // an indicator's own note, kept without a figure
			}
		}
		matched, _, _ := im.units.match(unitText)
		lk := labelKey(label)
		switch {
		case matched < 0 && totalRE.MatchString(lk):
			im.res.Totals++
			grand := !subtotalRE.MatchString(lk)
			out = append(out, im.figures(t, r, groups, indCols, pending{total: true, grand: grand, scope: scope, unit: -1, unitCell: unitCell, line: r.line})...)
			if !grand {
				scope++
			}
			last = -1
			continue
		case matched < 0 && (groupRE.MatchString(unitText) || groupRE.MatchString(sttText) || (romanRE.MatchString(sttText) && !figures)):
			im.res.Groups++
			scope++
			last = -1
			continue
		case !figures:
			if unitText != "" && matched < 0 {
				im.res.Groups++ // a heading without a numeral: "Khối xã"
				scope++
				last = -1
			} else if matched >= 0 {
				last = matched // a block's first row may hold only the name
			}
			continue
		}
		unit := matched
		filled := false
		switch {
		case unitText != "" && unitCell.follower && unitCell.text == "":
			filled = true // a merged cell: the name is written once for the block
		case unitText != "":
		case !t.wide && last != -1 && sttText == "":
			unit, filled = last, true
		default:
			im.add(source.Newf(g.at(unitCell), source.CodeConstraint, "", "", msgNoUnit))
			continue
		}
		if unitText != "" && unit < 0 {
			_, cands, amb := im.units.match(unitText)
			switch {
			case amb && im.units.sharedCode(unitText):
				im.add(source.Newf(g.at(unitCell), CodeUnitAmbiguous, "", clip(unitText), msgUnitDupCode, im.units.list(cands)))
			case amb:
				im.add(source.Newf(g.at(unitCell), CodeUnitAmbiguous, "", clip(unitText), msgUnitAmbig, im.units.list(cands)))
			case len(cands) > 0:
				im.add(source.Newf(g.at(unitCell), CodeUnitNotFound, "", clip(unitText), msgUnitNearBy, im.units.list(cands)))
			default:
				im.add(source.Newf(g.at(unitCell), CodeUnitNotFound, "", clip(unitText), msgUnitNotFound))
			}
			last = -2
			continue
		}
		if unit == -2 {
			continue // the block's name was reported on its first row
		}
		last = unit
		note, noteAt := joinText(r, noteCols)
		src, _ := joinText(r, srcCols)
		ps := im.figures(t, r, groups, indCols, pending{unit: unit, unitCell: unitCell, scope: scope, note: note, noteCell: noteAt, src: src, line: r.line})
		if filled && len(ps) > 0 {
			im.res.Filled++
		}
		out = append(out, ps...)
	}
	return out
}

// figures collects the cells of each indicator on row r.
func (im *importer) figures(t *table, r row, groups []group, indCols []int, base pending) []pending {
	g := t.g
	ptr := func(i int) *cell {
		if i < 0 {
			return nil
		}
		c := g.get(r, i)
		return &c
	}
	one := func(cols []int) int {
		if len(cols) == 0 {
			return -1
		}
		return cols[0]
	}
	var out []pending
	if !t.wide {
		p := base
		p.value, p.num, p.den = ptr(one(colsOf(t, rValue))), ptr(one(colsOf(t, rNum))), ptr(one(colsOf(t, rDen)))
		// A row without a figure but with a note ("chưa báo cáo") is kept,
		// as an empty figure with its note, as "-" would be.
		p.noteOnly = allEmpty(p.value, p.num, p.den)
		if p.noteOnly && (p.note == "" || p.total) {
			return nil
		}
		var text string
		text, p.indCell = firstTextCell(g, r, indCols)
		if text == "" && p.noteOnly {
			return nil
		}
		if text == "" {
			im.add(source.Newf(g.at(p.indCell), source.CodeConstraint, "", "", msgNoIndicator))
			return nil
		}
		i, cands, amb := im.inds.match(text)
		if r, j := im.indicatorHeading(text); i < 0 && r == rValue {
			i = j
		}
		switch {
		case i >= 0:
		case amb && im.inds.sharedCode(text):
			im.add(source.Newf(g.at(p.indCell), CodeIndicatorAmbig, "", clip(text), msgIndDupCode, im.inds.list(cands)))
			return nil
		case amb:
			im.add(source.Newf(g.at(p.indCell), CodeIndicatorAmbig, "", clip(text), msgIndAmbig, im.inds.list(cands)))
			return nil
		case len(cands) > 0:
			im.add(source.Newf(g.at(p.indCell), CodeIndicatorNotFound, "", clip(text), msgIndNearBy, im.inds.list(cands)))
			return nil
		default:
			im.add(source.Newf(g.at(p.indCell), CodeIndicatorNotFound, "", clip(text), msgIndNotFound))
			return nil
		}
		p.ind = i
		return []pending{p}
	}
	for _, gr := range groups {
		p := base
		p.ind = gr.ind
		col := gr.value
		if col < 0 {
			col = max(gr.num, gr.den)
		}
		if col < 0 {
			continue // only a note column: reported by checkColumns
		}
		p.indCell = t.cols[col].label
		p.value, p.num, p.den = ptr(gr.value), ptr(gr.num), ptr(gr.den)
		own := false // a note of this indicator's own, not the row's
		if gr.note >= 0 {
			if s := strings.Join(strings.Fields(g.get(r, gr.note).text), " "); s != "" {
				p.note = joinNotes(s, p.note)
				p.noteCell = ptr(gr.note)
				own = true
			}
		}
		if p.noteOnly = allEmpty(p.value, p.num, p.den); p.noteOnly && (!own || p.total) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func firstTextCell(g *grid, r row, cols []int) (string, cell) {
	for _, i := range cols {
		c := g.get(r, i)
		if s := strings.TrimSpace(c.eff()); s != "" {
			return s, c
		}
	}
	if len(cols) > 0 {
		return "", g.get(r, cols[0])
	}
	return "", cell{line: r.line, col: 1}
}

func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// allEmpty reports whether none of the cells has text. A merged cell's
// follower counts as written: its value is the range's.
func allEmpty(cs ...*cell) bool {
	for _, c := range cs {
		if c != nil && strings.TrimSpace(c.eff()) != "" {
			return false
		}
	}
	return true
}

func blank(r row) bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c.text) != "" {
			return false
		}
	}
	return true
}

// decideMark finds the file's decimal mark from the cells that can only
// be read one way, and reports cells that cannot be read without it.
func (im *importer) decideMark(g *grid, ps []pending) Mark {
	if im.opt.Decimal != MarkUnknown {
		return im.opt.Decimal
	}
	type seen struct {
		c   cell
		tok string
	}
	var comma, dot, amb []seen
	for _, p := range ps {
		for _, c := range []*cell{p.value, p.num, p.den} {
			if c == nil || c.num || c.follower {
				continue
			}
			_, nums := lex(c.text)
			for _, n := range nums {
				n = strings.TrimPrefix(n, "-")
				switch {
				case ambiguous(n):
					amb = append(amb, seen{*c, n})
				case evidence(n) == MarkComma:
					comma = append(comma, seen{*c, n})
				case evidence(n) == MarkDot:
					dot = append(dot, seen{*c, n})
				}
			}
		}
	}
	switch {
	case len(comma) > 0 && len(dot) > 0:
		major, minor, mark := comma, dot, MarkComma
		if len(dot) > len(comma) {
			major, minor, mark = dot, comma, MarkDot
		}
		for _, s := range minor {
			at := g.at(major[0].c).String()
			if mark == MarkComma {
				im.add(source.Newf(g.at(s.c), CodeAmbiguousDecimal, "", clip(s.c.text), msgMixedComma, major[0].tok, at))
			} else {
				im.add(source.Newf(g.at(s.c), CodeAmbiguousDecimal, "", clip(s.c.text), msgMixedDot, major[0].tok, at))
			}
		}
		return mark
	case len(comma) > 0:
		return MarkComma
	case len(dot) > 0:
		return MarkDot
	}
	for _, s := range amb {
		whole := strings.NewReplacer(".", "", ",", "").Replace(s.tok)
		frac := strings.ReplaceAll(s.tok, ",", ".")
		im.add(source.Newf(g.at(s.c), CodeAmbiguousDecimal, "", clip(s.c.text), msgAmbiguousDec, whole, frac))
	}
	return MarkUnknown
}

// record is one row of the snapshot, with where each of its cells came
// from in the input.
type record struct {
	unit, ind       int
	scope           int
	value, num, den *float64
	note, src       string
	pos             map[string]source.Position
	// text is each figure's cell as written, for messages: "1.234,5",
	// not the 1234.5 written to the snapshot.
	text map[string]string
}

// tok reads one cell with the file's mark.
func (im *importer) tok(c *cell) token {
	if c == nil {
		return token{kind: kEmpty}
	}
	if c.num {
		v, ok := parseNum(strings.TrimPrefix(c.text, "-"), MarkDot)
		if strings.HasPrefix(c.text, "-") {
			v = -v
		}
		if !ok { // cannot happen: the text is strconv's
			return token{kind: kBad}
		}
		if c.pct {
			return token{kind: kPercent, v: excel(v * 100)}
		}
		return token{kind: kNumber, v: v}
	}
	text := c.text
	if c.follower && text == "" {
		text = c.mergedVal
	}
	k, nums := lex(text)
	t := token{kind: k, nums: nums}
	switch k {
	case kNumber, kPercent:
		v, ok := parseNum(nums[0], im.res.Mark)
		if !ok {
			t.kind = kBad
		}
		t.v = v
	case kRatio:
		n, ok1 := parseNum(nums[0], im.res.Mark)
		d, ok2 := parseNum(nums[1], im.res.Mark)
		if !ok1 || !ok2 {
			t.kind = kBad
		}
		t.num, t.den = n, d
	}
	return t
}

// numberHint is how to write a number in this file.
func (im *importer) numberHint() string {
	if im.res.Mark == MarkDot {
		return "85.5"
	}
	return "85,5"
}

type fraction struct {
	v    float64
	pos  source.Position
	text string
}

// convert is pass two: it reads every figure with the file's mark, checks
// total rows against the units above them, and returns the records.
func (im *importer) convert(g *grid, ps []pending) []record {
	var recs []record
	var totals []record
	var totalAt []pending
	plain := map[int][]fraction{} // percent values written without %, per indicator
	for _, p := range ps {
		ind := im.ds.Indicators[p.ind]
		rec := record{unit: p.unit, ind: p.ind, scope: p.scope, note: p.note, src: p.src, pos: map[string]source.Position{
			"unit": g.at(p.unitCell), "indicator": g.at(p.indCell),
		}, text: map[string]string{}}
		if p.noteCell != nil {
			rec.pos["note"] = g.at(*p.noteCell)
		}
		has := false
		if p.value != nil && p.value.date {
			im.add(source.Newf(g.at(*p.value), source.CodeType, "value", p.value.text, msgDateCell, p.value.text))
		} else if p.value != nil && !mergedFollower(p.value, p.total) {
			rec.pos["value"] = g.at(*p.value)
			rec.pos["source"] = g.at(*p.value)
			rec.written("value", p.value)
			t := im.tok(p.value)
			ok := im.value(g, p, ind, t, &rec, plain)
			has = has || ok
		} else if p.value != nil {
			im.add(source.Newf(g.at(*p.value), CodeMergedValue, "", clip(p.value.mergedVal), msgMergedValue))
		}
		for _, part := range []struct {
			c     *cell
			field string
			dst   **float64
		}{{p.num, "numerator", &rec.num}, {p.den, "denominator", &rec.den}} {
			if part.c == nil {
				continue
			}
			if part.c.date {
				im.add(source.Newf(g.at(*part.c), source.CodeType, part.field, part.c.text, msgDateCell, part.c.text))
				continue
			}
			if mergedFollower(part.c, p.total) {
				im.add(source.Newf(g.at(*part.c), CodeMergedValue, part.field, clip(part.c.mergedVal), msgMergedValue))
				continue
			}
			t := im.tok(part.c)
			if t.kind == kEmpty {
				continue
			}
			rec.pos[part.field] = g.at(*part.c)
			rec.written(part.field, part.c)
			if _, ok := rec.pos["source"]; !ok {
				rec.pos["source"] = g.at(*part.c)
			}
			switch t.kind {
			case kMissing:
				has = true
			case kNumber:
				if *part.dst != nil {
					im.add(source.Newf(g.at(*part.c), source.CodeRow, part.field, clip(part.c.text), msgRatioAndCols))
					continue
				}
				v := t.v
				*part.dst = &v
				has = true
			default:
				if e := controlChar(g.at(*part.c), part.field, part.c.text); e != nil {
					im.add(e)
				} else {
					im.add(source.Newf(g.at(*part.c), source.CodeType, part.field, clip(part.c.text), msgNotCount))
				}
			}
		}
		if !has && !p.noteOnly {
			continue
		}
		if rec.pos["source"] == (source.Position{}) {
			rec.pos["source"] = g.at(p.unitCell)
		}
		if p.total {
			totals = append(totals, rec)
			totalAt = append(totalAt, p)
			continue
		}
		recs = append(recs, rec)
	}
	im.checkFractions(plain)
	im.checkTotals(recs, totals, totalAt)
	return recs
}

// mergedFollower reports a figure cell of a unit's row covered by a
// merged range that starts on another row: one figure shown for several
// units, which import does not copy ("-" merged down is kept: no figure
// for any of them).
func mergedFollower(c *cell, total bool) bool {
	return c.follower && c.text == "" && c.mergedVal != "" && !total && !isMissing(c.mergedVal)
}

func isMissing(s string) bool {
	k, _ := lex(s)
	return k == kMissing
}

// value reads a value cell into rec; it reports whether the cell gave
// anything to write (a figure, or an explicit "no figure").
func (im *importer) value(g *grid, p pending, ind model.Indicator, t token, rec *record, plain map[int][]fraction) bool {
	c := *p.value
	pos := g.at(c)
	text := clip(c.eff())
	switch t.kind {
	case kEmpty:
		return false
	case kMissing:
		return true
	case kNumber:
		v := t.v
		if ind.Measure == model.Percent && !c.pct {
			if im.opt.Fraction {
				if v < 0 || v > 1 {
					im.add(source.Newf(pos, source.CodeConstraint, "value", text, msgNotFraction, format(v)))
					return false
				}
				v = excel(v * 100)
			} else if !p.total {
				plain[p.ind] = append(plain[p.ind], fraction{v, pos, text})
			}
		}
		rec.value = &v
		return true
	case kPercent:
		if ind.Measure != model.Percent {
			im.add(source.Newf(pos, source.CodeType, "value", text, msgPercentSign, ind.Code, string(ind.Measure)))
			return false
		}
		v := t.v
		rec.value = &v
		return true
	case kRatio:
		if ind.Measure != model.Percent {
			im.add(source.Newf(pos, source.CodeType, "value", text, msgRatioNotPct, ind.Code, string(ind.Measure)))
			return false
		}
		if !allEmpty(p.num, p.den) {
			im.add(source.Newf(pos, source.CodeRow, "value", text, msgRatioAndCols))
			return false
		}
		n, d := t.num, t.den
		rec.num, rec.den = &n, &d
		rec.pos["numerator"], rec.pos["denominator"] = pos, pos
		rec.written("numerator", &c)
		rec.written("denominator", &c)
		return true
	case kText:
		if im.opt.KeepText && !p.total {
			rec.note = joinNotes(strings.Join(strings.Fields(c.eff()), " "), rec.note)
			rec.pos["note"] = pos
			return true
		}
		im.add(source.Newf(pos, CodeQualitative, "value", text, msgQualitative))
		return false
	default:
		if e := controlChar(pos, "value", c.eff()); e != nil {
			im.add(e)
			return false
		}
		im.add(source.Newf(pos, source.CodeType, "value", text, msgNotNumber, im.numberHint()))
		return false
	}
}

// written keeps the text of a figure's cell as written in a text file or
// a workbook's text cell (a workbook number is shown as its figure).
func (r *record) written(field string, c *cell) {
	if c != nil && !c.num {
		r.text[field] = clip(c.eff())
	}
}

// controlChar reports a cell with a control character, which Excel does
// not show: the cell looks like a figure there, so "not a number" alone
// would not help.
func controlChar(pos source.Position, field, s string) *source.Error {
	value := s
	if r := []rune(s); len(r) > 60 {
		value = string(r[:60]) + "…"
	}
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			return source.Newf(pos, source.CodeForbidden, field, value, msgLineBreak)
		case r == '\t':
			return source.Newf(pos, source.CodeForbidden, field, value, msgTab)
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F):
			return source.Newf(pos, source.CodeForbidden, field, value, msgControl, r)
		}
	}
	return nil
}

// checkFractions reports the percents written without % that lie
// strictly between 0 and 1: 0,9 is more likely 90% than 0.9%, and import
// does not guess, even when other figures of the indicator are plain
// percents (a commune that writes 0,95 beside 100 has mixed the two).
func (im *importer) checkFractions(plain map[int][]fraction) {
	inds := make([]int, 0, len(plain))
	for ind := range plain {
		inds = append(inds, ind)
	}
	slices.Sort(inds)
	for _, ind := range inds {
		fs := plain[ind]
		all := true
		for _, f := range fs {
			all = all && f.v >= 0 && f.v <= 1
		}
		for _, f := range fs {
			if f.v <= 0 || f.v >= 1 {
				continue
			}
			if all {
				im.add(source.Newf(f.pos, CodeAmbiguousPercent, "value", f.text, msgLooksFrac, format(f.v), format(excel(f.v*100))))
			} else {
				im.add(source.Newf(f.pos, CodeAmbiguousPercent, "value", f.text, msgSmallPercent, format(f.v), format(excel(f.v*100))))
			}
		}
	}
}

// agreement is how far a total may be from the recomputed roll-up, in
// percentage points or units, as the validator allows for a value and its
// ratio.
const agreement = 0.05

// checkTotals compares each total row with the roll-up of the unit rows it
// covers: all units for a grand total ("Tổng cộng", "Toàn huyện"), the
// rows since the previous group heading or subtotal for a "Cộng" row.
// Percents roll up as Σ numerators ÷ Σ denominators, counts as a sum;
// other numbers (scores) do not add up and are not checked.
func (im *importer) checkTotals(recs, totals []record, at []pending) {
	for k, tot := range totals {
		p := at[k]
		ind := im.ds.Indicators[tot.ind]
		var in []record
		for _, r := range recs {
			if r.ind == tot.ind && (p.grand || r.scope == p.scope) {
				in = append(in, r)
			}
		}
		if len(in) == 0 {
			continue
		}
		switch ind.Measure {
		case model.Percent:
			var sn, sd float64
			for _, r := range in {
				if r.num == nil || r.den == nil {
					im.res.Unchecked++
					sn = math.NaN()
					break
				}
				sn += *r.num
				sd += *r.den
			}
			if math.IsNaN(sn) || sd <= 0 {
				continue
			}
			if tot.num != nil && *tot.num != sn {
				im.add(source.Newf(tot.pos["numerator"], CodeTotalMismatch, "numerator", format(*tot.num), msgTotalNum, format(sn), len(in)))
			}
			if tot.den != nil && *tot.den != sd {
				im.add(source.Newf(tot.pos["denominator"], CodeTotalMismatch, "denominator", format(*tot.den), msgTotalDen, format(sd), len(in)))
			}
			want := 100 * sn / sd
			if tot.value != nil && math.Abs(*tot.value-want) > agreement {
				im.add(source.Newf(tot.pos["value"], CodeTotalMismatch, "value", format(*tot.value), msgTotalPercent,
					format(decimal.Round(want, 2)), format(sn), format(sd), len(in)))
			}
		case model.Count:
			var sum float64
			for _, r := range in {
				if r.value == nil {
					im.res.Unchecked++
					sum = math.NaN()
					break
				}
				sum += *r.value
			}
			if !math.IsNaN(sum) && tot.value != nil && math.Abs(*tot.value-sum) > agreement {
				im.add(source.Newf(tot.pos["value"], CodeTotalMismatch, "value", format(*tot.value), msgTotalCount, format(sum), len(in)))
			}
		}
	}
}
