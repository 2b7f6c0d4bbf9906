package importer

import "strings"

// Message formats, in English: lower-case, no final period, what is wrong
// then, after a colon, what to do. Each is also the key of its Vietnamese
// form in messages_vi.go.
const (
	msgEmpty        = "empty file: export the sheet again from Excel"
	msgOldExcel     = "old Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx (Excel Workbook)"
	msgZipNotXLSX   = "this is an Excel workbook with the wrong extension: name it .xlsx"
	msgSheetOnText  = "--sheet is only for Excel workbooks: leave it out for a text file"
	msgExtension    = "cannot import %q files: give an .xlsx workbook, or a .csv or .txt export"
	msgBadUTF16     = "the UTF-16 text is damaged: save the file again from Excel"
	msgUTF16NoBOM   = "not a text file, or UTF-16 text without its byte order mark: save it from Excel as \"CSV UTF-8 (Comma delimited)\""
	msgNotText      = "cannot read this character: save the file from Excel as \"CSV UTF-8 (Comma delimited)\""
	msgQuote        = "stray quote mark inside a cell: put the whole cell in quotes and write each quote mark inside it twice (\"\")"
	msgOpenQuote    = "quote mark opened here is never closed: close it, or write a quote mark inside a cell twice (\"\")"
	msgAfterQuote   = "text after the closing quote mark: put the whole cell in quotes and write each quote mark inside it twice (\"\")"
	msgCannotOpen   = "cannot open the file: %s"
	msgCannotRead   = "cannot read the file: %s"
	msgCannotWrite  = "cannot write the snapshot: %s"
	msgIsDir        = "this is a folder: give the workbook or CSV file to import"
	msgBadWorkbook  = "cannot read the workbook (%s): open it in Excel and save it again as .xlsx"
	msgNoSheet      = "no worksheet with this name: the workbook has %s"
	msgSizeLimit    = "file too large: %s MB, import reads at most %d MB: a commune's sheet is much smaller, check that this is the right file"
	msgExists       = "this snapshot already exists: run again with --force to replace it"
	msgNoLists      = "the site has no units or no indicators: import matches names against data/units.csv and data/indicators.csv (use --source for the site folder)"
	msgMojibake     = "text typed with an old Vietnamese font (TCVN3 .VnTime or VNI), shown as %q: convert the file to Unicode with Unikey's converter (Công cụ chuyển mã), then import it again"
	msgNoHeader     = "no heading row found in the first %d rows: the table needs a heading with a unit column (Đơn vị) and either Chỉ số and Giá trị columns or one column per indicator (its code, such as HT01, or its name)"
	msgNoFigures    = "no figures found under the headings: check that this is the right file or worksheet"
	msgUnknownWide  = "unknown column: not the code or the name of an indicator in data/indicators.csv, nor one of %s: correct the heading, or delete the column"
	msgUnknownLong  = "unknown column: expected one of %s: correct the heading, or delete the column"
	msgExtraCell    = "extra cell: this row has %d cells but the heading row has %d; a cell with %q inside needs quotes around it"
	msgBlankLabel   = "column without a heading has figures: give it a heading (an indicator's code) or delete it"
	msgDupLabel     = "the same column twice: also at %s; delete one of them"
	msgNoValueCol   = "no column of figures: add a column Giá trị (or Tử số and Mẫu số)"
	msgNoUnit       = "no unit name on a row with figures: write the unit's name (a name is filled down from the row above only in a table of one row per figure, within one block)"
	msgUnitAmbig    = "this name fits several units: %s: write the unit's code instead"
	msgUnitNearBy   = "no unit in data/units.csv has this name; the closest are %s: correct the name, or add the unit to data/units.csv"
	msgUnitNotFound = "no unit in data/units.csv has this name: correct the name, write the unit's code, or add the unit to data/units.csv"
	msgNoIndicator  = "no indicator on a row with figures: write the indicator's code (such as HT01) or its name"
	msgIndAmbig     = "this name fits several indicators: %s: write the indicator's code instead"
	msgIndNearBy    = "no indicator in data/indicators.csv has this code or name; the closest are %s: correct it"
	msgIndNotFound  = "no indicator in data/indicators.csv has this code or name: write a code from data/indicators.csv, such as HT01"
	msgMixedComma   = "decimal point here, but a decimal comma elsewhere (%s at %s): write every number of the file the same way, or run again with --decimal comma or --decimal dot"
	msgMixedDot     = "decimal comma here, but a decimal point elsewhere (%s at %s): write every number of the file the same way, or run again with --decimal comma or --decimal dot"
	msgAmbiguousDec = "this number could be %s (a dot between thousands) or %s (a decimal point), and nothing else in the file shows which: run again with --decimal comma for %[1]s or --decimal dot for %[2]s"
	msgMergedValue  = "a figure in merged cells covers several rows: unmerge the cells and write the figure on each row"
	msgRatioAndCols = "the figure is given twice, as 45/48 and in the Tử số/Mẫu số columns: keep one"
	msgNotCount     = "not a number: write digits only, such as 48"
	msgNotFraction  = "not a fraction between 0 and 1 (--fraction was given): write %s as 0 to 1, or run without --fraction"
	msgPercentSign  = "%s is a %s, not a percent: write the figure without %%"
	msgRatioNotPct  = "%s is a %s, not a percent: a figure such as 45/48 only fits a percent"
	msgQualitative  = "words, not a figure: write the figure alone (such as 100) and put the words in Ghi chú, or run again with --keep-text to keep them as a note with no figure"
	msgNotNumber    = "not a number: write digits, such as %s; leave the cell empty (or write -) when there is no figure"
	msgLooksFrac    = "every figure of this percent indicator is between 0 and 1, so %s probably means %s%%: run again with --fraction if so, or write the percent (%[2]s)"
	msgTotalNum     = "the total's numerator does not match the units above: their numerators add up to %s (%d units): correct the total or the units' figures"
	msgTotalDen     = "the total's denominator does not match the units above: their denominators add up to %s (%d units): correct the total or the units' figures"
	msgTotalPercent = "the total does not match the units above: Σ numerators ÷ Σ denominators = %[2]s ÷ %[3]s = %[1]s%% (%[4]d units): correct the total or the units' figures"
	msgTotalCount   = "the total does not match the units above: they add up to %s (%d units): correct the total or the units' figures"
	msgTooMany      = "%d more problems not listed after the first %d: fix these, then import again"
	msgUnitDupCode  = "several units in data/units.csv have this code: %s: give each unit its own code in data/units.csv"
	msgIndDupCode   = "several indicators in data/indicators.csv have this code: %s: give each indicator its own code in data/indicators.csv"
	msgDuplicate    = "unit %s and indicator %s already have a figure at %s: keep one figure per unit and indicator"
	msgCodeText     = "this heading starts with the code of indicator %s, but %q is neither its name nor Tử số, Mẫu số, Tỷ lệ or Ghi chú: head the column of its figures with the code alone (targets belong in data/targets.csv), or delete the column"
	msgNoFigureCol  = "indicator %s has no column of figures under it, only this one: add a column Giá trị (or Tử số and Mẫu số) under its code"
	msgSmallPercent = "a percent between 0 and 1, beside larger percents of the same indicator: %s could be a fraction (%s%%) or less than one percent: write every percent from 0 to 100 (such as %[2]s), or write %[1]s%% if it is less than one percent"
	msgDateCell     = "this cell is formatted as a date, so Excel stores %s, a date's serial number, not the figure typed: format the cell as Number and type the figure again"
	// The loader's, translated there: a control character is invisible in
	// Excel, where the cell looks like a number.
	msgLineBreak = "contains a line break: keep the text of a cell on one line"
	msgTab       = "contains a tab character: delete it"
	msgControl   = "contains an invisible control character (U+%04X): delete it"
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
