package cli

import (
	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/model"
)

// CodeBlankRollup warns of a percent given without its numerator and
// denominator where the figure of the unit above is rolled up from its
// units': Σ numerators ÷ Σ denominators cannot count it, so that figure
// is left blank (see package analyse).
const CodeBlankRollup = "rollup-blank"

// CodeBelowThreshold warns of a period whose units have not all reported
// (below the site's params.reportingThreshold) and that is still open,
// later than the latest complete period: the site shows it as being
// updated and leads with the latest complete period.
const CodeBelowThreshold = "period-incomplete"

// warnings are what check says without failing: each row whose percent
// has no numerator and denominator, where the parent's figure of that
// period, rolled up from its units, is blank because of it. Rows of one
// file with the same effect are one warning over their lines. Then each
// period below threshold (a percentage, analyse.Complete) that is still
// open (analyse.Open), at its snapshot file.
func warnings(a *analyse.Analysis, threshold float64) []*diag.Error {
	ds, idx := a.Dataset(), a.Index()
	var out []*diag.Error
	for _, s := range ds.Snapshots {
		for _, o := range s.Observations {
			ind, ok := idx.Indicator(o.Indicator)
			if !ok || ind.Measure != model.Percent || o.Value == nil || (o.Numerator != nil && o.Denominator != nil) {
				continue
			}
			parent, ok := idx.Parent(o.Unit)
			if !ok {
				continue
			}
			if _, ok := a.At(parent.Code, o.Indicator, o.Period); ok {
				continue // the parent has its own row, or a figure rolled up all the same
			}
			out = append(out, diag.Newf(o.At.Cell("numerator"), CodeBlankRollup, "", "", msgBlankRollup,
				o.Indicator, parent.Code, o.Period.String()))
		}
	}
	out = diag.Collapse(out)
	for _, s := range ds.Snapshots {
		// Only a period still open (analyse.Open) can be completed by an
		// import: an earlier one below threshold, such as a quarter a
		// commune never sent, would be warned of at every check for good,
		// which teaches staff to skip warnings. The site says it plainly
		// as incomplete.
		if !a.Open(s.Period, threshold) {
			continue
		}
		n, of := a.Reporters(s.Period)
		out = append(out, diag.Newf(diag.Position{File: s.File}, CodeBelowThreshold, "", "", msgBelowThreshold,
			s.Period.String(), locale.Reporters{Reported: n, Expected: of}, threshold, s.Period.String()))
	}
	return out
}
