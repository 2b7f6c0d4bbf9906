package export

import (
	"slices"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/xlsx"
)

// TestFiguresBookSplits: when every figure does not fit a sheet, the
// workbook has a sheet per indicator, and an indicator that alone passes
// the limit continues on numbered sheets; no row is lost or repeated.
func TestFiguresBookSplits(t *testing.T) {
	t.Parallel()
	a := analyse.Run(dataset(false))
	opt := Options{Built: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Sites: map[model.Lang]Meta{model.EN: {Title: "T", Licence: "L"}}}
	for _, tc := range []struct {
		perSheet int
		sheets   []string
	}{
		{11, []string{"Figures", "Dictionary", "About"}}, // 11 figures fit
		{10, []string{"P1", "C1", "N1", "Dictionary", "About"}},
		{3, []string{"P1", "P1 (2)", "C1", "C1 (2)", "N1", "Dictionary", "About"}},
	} {
		fb := newFiguresBook(a, model.EN, opt, tc.perSheet)
		var want []string
		for _, ind := range a.Dataset().Indicators {
			rows := indicatorRows(a, ind, model.EN)
			fb.add(ind, rows)
			for _, r := range rows {
				want = append(want, r.Indicator+" "+r.Unit+" "+r.Period)
			}
		}
		b, err := fb.done("sum")
		if err != nil {
			t.Fatal(err)
		}
		wb, err := xlsx.Open(b)
		if err != nil {
			t.Fatal(err)
		}
		if got := wb.Sheets(); !slices.Equal(got, tc.sheets) {
			t.Errorf("%d rows a sheet: sheets %q, want %q", tc.perSheet, got, tc.sheets)
		}
		var got []string
		for _, name := range wb.Sheets() {
			if name == "Dictionary" || name == "About" {
				continue
			}
			sh, err := wb.Sheet(name)
			if err != nil {
				t.Fatal(err)
			}
			if len(sh.Rows)-1 > tc.perSheet || sh.Rows[0][0].Text != "period" {
				t.Errorf("sheet %s: %d rows, header %q", name, len(sh.Rows), sh.Rows[0][0].Text)
			}
			for _, r := range sh.Rows[1:] {
				got = append(got, r[4].Text+" "+r[1].Text+" "+r[0].Text)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d rows a sheet: rows %q, want %q", tc.perSheet, got, want)
		}
		wb.Close()
	}
}
