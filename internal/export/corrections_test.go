package export

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/model"
)

// quoted is a header as the downloads write it.
func quoted(names []string) string { return `"` + strings.Join(names, `","`) + `"` }

func f64(v float64) *float64 { return &v }

// TestCorrectionsRoundTrip writes errata of every kind, with a unit name a
// spreadsheet would run as a formula, and reads them back.
func TestCorrectionsRoundTrip(t *testing.T) {
	es := []Erratum{
		{DetectedWith: "2025-Q1", Period: "2024-Q3", Unit: "T", UnitName: "Huyện T", Indicator: "P", Kind: "changed",
			Before: &Published{Value: 63.3, Numerator: f64(38), Denominator: f64(60), Method: "rolled-up", Reporting: "3/3"},
			After:  &Published{Value: 65, Numerator: f64(39), Denominator: f64(60), Method: "rolled-up", Reporting: "2/3"},
			Source: "sum of the rows of units with parent T"},
		{DetectedWith: "2024-Q4", Period: "2024-Q3", Unit: "A", UnitName: "=HYPERLINK(\"x\")", Indicator: "K", Kind: "added",
			After: &Published{Value: 5, Method: "reported"}, Source: "data/snapshots/2024-Q3.csv:4"},
		{DetectedWith: "2024-Q4", Period: "2024-Q2", Unit: "B", UnitName: "Xã B", Indicator: "K", Kind: "removed", Before: &Published{Value: 9, Method: "reported"}},
	}
	b := CorrectionsCSV(es, model.VI, nil)
	s := string(b)
	if !strings.HasPrefix(s, bom+quoted(CorrectionColumns)+"\n") {
		t.Errorf("no BOM and header:\n%s", s)
	}
	if !strings.Contains(s, `,"'=HYPERLINK(""x"")",`) {
		t.Errorf("formula-like name not quoted:\n%s", s)
	}
	if want := `"2025-Q1","2024-Q3","T","Huyện T","P","changed",63.3,38,60,"3/3",65,39,60,"2/3","tổng hợp từ các dòng cùng kỳ của các đơn vị trực thuộc T"` + "\n"; !strings.Contains(s, want) {
		t.Errorf("changed row: want %q in\n%s", want, s)
	}
	got, err := ReadCorrections(b)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(es, got); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
	en := string(CorrectionsCSV(es, model.EN, nil))
	if !strings.Contains(en, `"sum of the rows of units with parent T"`) {
		t.Errorf("English roll-up source:\n%s", en)
	}
	if got, err := ReadCorrections([]byte(en)); err != nil || cmp.Diff(es, got) != "" {
		t.Errorf("English file reads back as %+v, %v", got, err)
	}
	empty := CorrectionsCSV(nil, model.VI, nil)
	if string(empty) != bom+quoted(CorrectionColumns)+"\n" {
		t.Errorf("no errata = %q; want the header alone", empty)
	}
	if got, err := ReadCorrections(empty); err != nil || len(got) != 0 {
		t.Errorf("header alone read as %v, %v", got, err)
	}
}

func TestReadCorrectionsErrors(t *testing.T) {
	head := strings.Join(CorrectionColumns, ",") + "\n"
	ok := "2025-Q1,2024-Q3,A,Xã A,P,changed,50,10,20,,55,11,20,,x.csv:2\n"
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "du-lieu/corrections.csv: empty"},
		{"missing column", "period,unit\n", `du-lieu/corrections.csv:1: no column "detected_with"`},
		{"short row", head + ok + "2025-Q1,2024-Q3\n", "du-lieu/corrections.csv:3: 2 cells, want 15"},
		{"bad number", head + strings.Replace(ok, ",55,", ",55%,", 1), `du-lieu/corrections.csv:2: after_value "55%" is not a number`},
		{"bad period", head + strings.Replace(ok, "2024-Q3", "Q3", 1), `du-lieu/corrections.csv:2: period "Q3"`},
		{"bad kind", head + strings.Replace(ok, "changed", "fixed", 1), `du-lieu/corrections.csv:2: kind "fixed"`},
		{"kind without value", head + strings.Replace(ok, ",55,", ",,", 1), "du-lieu/corrections.csv:2: a changed correction needs both"},
	} {
		_, err := ReadCorrections([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestErrataCarryOver finds a correction against an edited figures file,
// carries it over a rebuild of the same data, and keeps both steps of a
// figure corrected twice.
func TestErrataCarryOver(t *testing.T) {
	a := analyse.Run(dataset(false))
	figs := figuresFile(t).Data
	r := Revise(a, figs, nil)
	if !r.Had || r.PreviousErr != nil || r.ErrataErr != nil || len(r.Errata) != 0 {
		t.Fatalf("same data: %+v", r)
	}
	prev, err := ReadFigures(figs)
	if err != nil {
		t.Fatal(err)
	}
	var k Key
	for k = range prev {
		break
	}
	p := prev[k]
	p.Value += 1
	prev[k] = p
	found := Corrections(a, prev)
	if len(found) != 1 || found[0].Kind != "changed" || found[0].Before.Value != p.Value || found[0].Key() != k || found[0].DetectedWith != a.Latest().String() {
		t.Fatalf("corrections = %+v, want one for %v", found, k)
	}
	first := CorrectionsCSV(found, model.VI, a.Index())
	again := Revise(a, figs, first).Errata
	if d := cmp.Diff(found, again); d != "" {
		t.Errorf("rebuild of the same data (-want +got):\n%s", d)
	}
	// A second step of the same figure, and the first repeated: the
	// repeat is dropped, the step is kept, newest first.
	second := found[0]
	second.Before = &Published{Value: p.Value + 1, Method: p.Method}
	merged := MergeErrata([]Erratum{second, found[0]}, again)
	if len(merged) != 2 || merged[0].Before.Value != p.Value+1 || merged[1].Before.Value != p.Value {
		t.Errorf("merged = %+v", merged)
	}
	if Revise(a, figs, []byte{}).ErrataErr == nil {
		t.Error("an unreadable errata file is not reported")
	}
}
