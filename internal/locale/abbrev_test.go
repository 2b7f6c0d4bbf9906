package locale

import (
	"testing"

	"github.com/minhbach/minhbach/internal/model"
)

func TestAbbrev(t *testing.T) {
	tests := []struct {
		lang        model.Lang
		key         string
		first, then string
	}{
		{model.VI, "CBCCVC", "cán bộ, công chức, viên chức (CBCCVC)", "CBCCVC"},
		{model.VI, "UBND", "Ủy ban nhân dân (UBND)", "UBND"},
		{model.VI, "HĐND", "Hội đồng nhân dân (HĐND)", "HĐND"},
		{model.VI, "CCHC", "cải cách hành chính (CCHC)", "CCHC"},
		{model.VI, "CNTT", "công nghệ thông tin (CNTT)", "CNTT"},
		{model.VI, "TTHC", "thủ tục hành chính (TTHC)", "TTHC"},
		{model.VI, "DVCTT", "dịch vụ công trực tuyến (DVCTT)", "DVCTT"},
		{model.VI, "CĐS", "chuyển đổi số (CĐS)", "CĐS"},
		{model.VI, "ATTT", "an toàn thông tin (ATTT)", "ATTT"},
		{model.VI, "QLVB&ĐH", "quản lý văn bản và điều hành (QLVB&ĐH)", "QLVB&ĐH"},
		{model.VI, "CSDL", "cơ sở dữ liệu (CSDL)", "CSDL"},
		{model.VI, "DTI", "Bộ chỉ số chuyển đổi số (DTI)", "DTI"},
		{model.EN, "CNTT", "information technology (IT)", "IT"},
		{model.EN, "CCHC", "public administration reform (PAR)", "PAR"},
		{model.EN, "DTI", "Digital Transformation Index (DTI)", "DTI"},
		{model.EN, "UBND", "People's Committee", "People's Committee"},
		{model.EN, "HĐND", "People's Council", "People's Council"},
		{model.EN, "CBCCVC", "officials and public employees", "officials and public employees"},
		{model.EN, "TTHC", "administrative procedures", "administrative procedures"},
		{model.EN, "DVCTT", "online public services", "online public services"},
		{model.EN, "CĐS", "digital transformation", "digital transformation"},
		{model.EN, "ATTT", "information security", "information security"},
		{model.EN, "QLVB&ĐH", "document management and workflow", "document management and workflow"},
		{model.EN, "CSDL", "database", "database"},
		{model.VI, "XYZ", "XYZ", "XYZ"}, // unknown keys pass through
		{model.EN, "XYZ", "XYZ", "XYZ"},
	}
	for _, tt := range tests {
		a := NewAbbrev(tt.lang)
		if got := a.Use(tt.key); got != tt.first {
			t.Errorf("first Use(%s, %q) = %q, want %q", tt.lang, tt.key, got, tt.first)
		}
		for i := range 2 {
			if got := a.Use(tt.key); got != tt.then {
				t.Errorf("Use #%d (%s, %q) = %q, want %q", i+2, tt.lang, tt.key, got, tt.then)
			}
		}
	}
	if len(abbreviations) != 12 {
		t.Errorf("%d abbreviations, want the 12 of the domain brief", len(abbreviations))
	}
}

// Each text tracks its own first uses, and keys are independent.
func TestAbbrevPerText(t *testing.T) {
	a, b := NewAbbrev(model.VI), NewAbbrev(model.VI)
	got := []string{a.Use("CNTT"), a.Use("UBND"), a.Use("CNTT"), b.Use("CNTT")}
	want := []string{"công nghệ thông tin (CNTT)", "Ủy ban nhân dân (UBND)", "CNTT", "công nghệ thông tin (CNTT)"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d = %q, want %q", i, got[i], want[i])
		}
	}
}
