package validate_test

import (
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/msg/msgtest"
	"github.com/minhbach/minhbach/internal/validate"
)

// TestLinesVI renders a dataset's problems in both languages: same
// position, code, field and value; only the message changes.
func TestLinesVI(t *testing.T) {
	ds := base()
	ds.Indicators[1].Code = "P1"
	ds.Units[1].Parent = "Z"
	ds.Snapshots[0].Observations[0].Numerator = f(11)
	ds.Snapshots = append(ds.Snapshots, snapshot("2024"))
	errs := diag.All(validate.Dataset(ds, validate.Options{}))
	if len(errs) < 4 {
		t.Fatalf("want at least 4 problems, got %d", len(errs))
	}
	for _, e := range errs {
		en, vi := e.Line("en"), e.Line("vi")
		head := e.Pos.String() + ": " + e.Code + ": "
		if !strings.HasPrefix(en, head) || !strings.HasPrefix(vi, head) {
			t.Errorf("lines do not start with %q:\n%s\n%s", head, en, vi)
		}
		if en == vi || en != head+strings.TrimPrefix(e.Error(), e.Pos.String()+": ") {
			t.Errorf("English line %q does not match Error() %q, or equals the Vietnamese %q", en, e.Error(), vi)
		}
		if w := msgtest.EnglishData(e.Message("vi")); len(w) > 0 {
			t.Errorf("English words %q in %q", w, vi)
		}
	}
}
