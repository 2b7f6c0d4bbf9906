package narrative

import (
	"testing"

	"github.com/minhbach/minhbach/internal/model"
)

func TestClause(t *testing.T) {
	ind := func(vi, en string, m model.Measure) model.Indicator {
		return model.Indicator{Name: model.Text{VI: vi, EN: en}, Measure: m}
	}
	tests := []struct {
		ind               model.Indicator
		viBefore, viAfter string
		enBefore, enAfter string
	}{
		{ind("Tỷ lệ văn bản trao đổi dưới dạng điện tử được ký số", "Electronic documents exchanged with a digital signature", model.Percent),
			"", " văn bản trao đổi dưới dạng điện tử được ký số", "", " of electronic documents exchanged with a digital signature"},
		{ind("Số máy tính cũ, cấu hình thấp cần thay thế", "Old, low-specification computers to be replaced", model.Count),
			"", " máy tính cũ, cấu hình thấp cần thay thế", "", " old, low-specification computers to be replaced"},
		{ind("Tỷ lệ cuộc họp có biên bản", "Share of meetings with minutes", model.Percent),
			"", " cuộc họp có biên bản", "", " of meetings with minutes"},
		{ind("Số cuộc họp", "Number of meetings", model.Count), "", " cuộc họp", "", " meetings"},
		{ind("LANs đạt chuẩn", "LANs up to standard", model.Percent), "LANs đạt chuẩn đạt ", "", "", " of LANs up to standard"},
		// Names that fit no rule are kept whole.
		{ind("Điểm DTI cấp huyện", "District DTI score", model.Number), "điểm DTI cấp huyện đạt ", "", "district DTI score at ", ""},
		{ind("Số liệu tỷ lệ", "Rate", model.Percent), "số liệu tỷ lệ đạt ", "", "", " of rate"},
		{ind("Tỷ lệ", "Percentage of", model.Count), "tỷ lệ đạt ", "", "", " percentage of"},
	}
	for _, tt := range tests {
		if b, a := clause(model.VI, tt.ind); b != tt.viBefore || a != tt.viAfter {
			t.Errorf("clause(vi, %q) = %q, %q; want %q, %q", tt.ind.Name.VI, b, a, tt.viBefore, tt.viAfter)
		}
		if b, a := clause(model.EN, tt.ind); b != tt.enBefore || a != tt.enAfter {
			t.Errorf("clause(en, %q) = %q, %q; want %q, %q", tt.ind.Name.EN, b, a, tt.enBefore, tt.enAfter)
		}
	}
}

func TestAbbreviator(t *testing.T) {
	tests := []struct {
		lang model.Lang
		in   []string
		want []string
	}{
		{model.VI,
			[]string{"cán bộ, công chức, viên chức được trang bị máy tính", "cán bộ, công chức, viên chức được cấp thư", "mạng LAN của UBND huyện", "Văn phòng HĐND và UBND huyện"},
			[]string{"cán bộ, công chức, viên chức (CBCCVC) được trang bị máy tính", "CBCCVC được cấp thư", "mạng LAN của Ủy ban nhân dân (UBND) huyện", "Văn phòng Hội đồng nhân dân (HĐND) và UBND huyện"}},
		// A name that spells the abbreviation out itself keeps one copy;
		// letters inside longer words are left alone.
		{model.VI,
			[]string{"công nghệ thông tin (CNTT) và CNTT", "UBNDX, XCNTT"},
			[]string{"công nghệ thông tin (CNTT) và CNTT", "UBNDX, XCNTT"}},
		{model.EN,
			[]string{"Dedicated IT officers with an IT degree", "People's Committees", "DTI score"},
			[]string{"Dedicated information technology (IT) officers with an IT degree", "People's Committees", "Digital Transformation Index (DTI) score"}},
	}
	for _, tt := range tests {
		a := newAbbreviator(tt.lang)
		for i, in := range tt.in {
			if got := a.apply(in); got != tt.want[i] {
				t.Errorf("%s apply(%q) = %q, want %q", tt.lang, in, got, tt.want[i])
			}
		}
	}
}

func TestShortBasis(t *testing.T) {
	tests := []struct {
		lang     model.Lang
		in, want string
	}{
		{model.VI, "Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ", "Quyết định số 942/QĐ-TTg"},
		{model.VI, "Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ; Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ", "Quyết định số 749/QĐ-TTg; Quyết định số 942/QĐ-TTg"},
		{model.EN, "Prime Minister's Decision No. 942/QĐ-TTg of 15 June 2021", "Prime Minister's Decision No. 942/QĐ-TTg"},
		{model.EN, "Plan of the district", "Plan of the district"},
		{model.VI, "Kế hoạch số 45/KH-UBND", "Kế hoạch số 45/KH-UBND"},
	}
	for _, tt := range tests {
		if got := shortBasis(tt.lang, tt.in); got != tt.want {
			t.Errorf("shortBasis(%s, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}
