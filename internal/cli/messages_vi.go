package cli

import "github.com/minhbach/minhbach/internal/source"

// Vietnamese forms of the messages package build makes about editorial
// files (content/bao-cao/*.md) with source.List.Addf. They are registered
// here, where the reports are printed, because build has no catalogue of
// its own yet; TestBuildMessagesVI keeps the two in step.
func init() {
	source.RegisterVI(map[string]string{
		"the file name must be a period, like 2024-Q4.md or 2024-Q4.en.md":                                               "tên tệp phải là một kỳ báo cáo, ví dụ 2024-Q4.md hoặc 2024-Q4.en.md",
		"%s is also the text of this period in this language: keep one of the two files":                                 "%s cũng là bài viết của kỳ này bằng ngôn ngữ này: chỉ giữ một trong hai tệp",
		"there is no snapshot for period %s (expected data/snapshots/%s.csv)":                                            "không có số liệu cho kỳ %s (cần có tệp data/snapshots/%s.csv)",
		"unknown language %q in the file name: use %s.md (Vietnamese) or %s.en.md (English)":                             "ngôn ngữ %q trong tên tệp không được hỗ trợ: hãy đặt tên %s.md (tiếng Việt) hoặc %s.en.md (tiếng Anh)",
		"front matter %s: %q: write \"%s: replace\" to put this text in place of the generated summary, or leave it out": `phần đầu tệp (front matter), mục %s: %q: hãy viết "%s: replace" để dùng đoạn văn này thay cho phần tóm tắt tự sinh, hoặc bỏ mục này đi`,
	})
}
