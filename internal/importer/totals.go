package importer

// Total rows are not imported but checked against the units above them,
// the way the site rolls figures up.

import (
	"math"

	"github.com/minhbach/minhbach/internal/decimal"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
)

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
				im.add(diag.Newf(tot.pos["numerator"], CodeTotalMismatch, "numerator", format(*tot.num), msgTotalNum, format(sn), len(in)))
			}
			if tot.den != nil && *tot.den != sd {
				im.add(diag.Newf(tot.pos["denominator"], CodeTotalMismatch, "denominator", format(*tot.den), msgTotalDen, format(sd), len(in)))
			}
			want := 100 * sn / sd
			if tot.value != nil && math.Abs(*tot.value-want) > agreement {
				im.add(diag.Newf(tot.pos["value"], CodeTotalMismatch, "value", format(*tot.value), msgTotalPercent,
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
				im.add(diag.Newf(tot.pos["value"], CodeTotalMismatch, "value", format(*tot.value), msgTotalCount, format(sum), len(in)))
			}
		}
	}
}
