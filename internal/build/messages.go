package build

import "github.com/minhbach/minhbach/internal/msg"

// The messages about editorial files (content/bao-cao/*.md), in Vietnamese
// and English (see package msg).
var (
	msgNotPeriod = msg.New(
		"tên tệp phải là một kỳ báo cáo, ví dụ 2024-Q4.md hoặc 2024-Q4.en.md",
		"the file name must be a period, like 2024-Q4.md or 2024-Q4.en.md")
	msgDupEditorial = msg.New(
		"%s cũng là bài viết của kỳ này bằng ngôn ngữ này: chỉ giữ một trong hai tệp",
		"%s is also the text of this period in this language: keep one of the two files")
	msgNoSnapshot = msg.New(
		"không có số liệu cho kỳ %s (cần có tệp data/snapshots/%s.csv)",
		"there is no snapshot for period %s (expected data/snapshots/%s.csv)")
	msgUnknownLang = msg.New(
		"ngôn ngữ %q trong tên tệp không được hỗ trợ: hãy đặt tên %s.md (tiếng Việt) hoặc %s.en.md (tiếng Anh)",
		"unknown language %q in the file name: use %s.md (Vietnamese) or %s.en.md (English)")
	msgGenerated = msg.New(
		`phần đầu tệp (front matter), mục %s: %q: hãy viết "%s: replace" để dùng đoạn văn này thay cho phần tóm tắt tự sinh, hoặc bỏ mục này đi`,
		`front matter %s: %q: write "%s: replace" to put this text in place of the generated summary, or leave it out`)
)

// The messages of a rollback.
var (
	msgNoEarlier = msg.New(
		"không còn bản phát hành nào cũ hơn bản đang công bố để quay lại: chạy minhbach releases để xem các bản còn giữ, rồi chọn bằng --release",
		"no release older than the live one is kept to roll back to: run minhbach releases to see those kept, then choose one with --release")
	msgNotInHistory = msg.New(
		"lịch sử xuất bản của trang không có các tệp của bản phát hành này, nên lần xuất bản sau không biết nó đã công bố gì: hãy chạy lệnh từ thư mục trang web đã xuất bản nó (--site), hoặc chọn bản khác",
		"the site's publishing history does not have this release's files, so the next publish could not know what it published: run the command from the site folder that published it (--site), or choose another release")
	msgRawHTML = msg.New(
		"HTML trong bài viết bị bỏ qua, không hiện trên trang (trang web chỉ nhận Markdown): hãy viết bằng Markdown, ví dụ **chữ đậm**, hoặc xoá thẻ này",
		"HTML in the report text is left out of the page (the site takes Markdown only): write it in Markdown, such as **bold**, or remove the tag")
)
