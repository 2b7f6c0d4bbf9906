package preview

import "github.com/minhbach/minhbach/internal/msg"

// What the preview says, on the terminal and in the browser, in Vietnamese
// and English (see package msg).
var (
	// On the terminal.
	msgServing = msg.New(
		"minhbach: bản xem trước (chưa công bố) ở %s; sửa tệp nào thì trang tự tải lại; bấm Ctrl-C để dừng",
		"minhbach: preview (not published) at %s; pages reload when a file changes; press Ctrl-C to stop")
	msgBuilt = msg.New(
		"minhbach: đã dựng bản xem trước trong %s giây",
		"minhbach: preview built in %ss")
	msgBrokenOne = msg.New(
		"minhbach: %d lỗi; trình duyệt hiện lỗi này cho đến khi sửa xong",
		"minhbach: %d problem found; the browser shows it until it is fixed")
	msgBroken = msg.New(
		"minhbach: %d lỗi; trình duyệt hiện danh sách lỗi cho đến khi sửa xong",
		"minhbach: %d problems found; the browser shows them until they are fixed")
	msgFailed = msg.New(
		"minhbach: chưa dựng được bản xem trước: %s",
		"minhbach: the preview could not be built: %s")
	msgStopped = msg.New(
		"minhbach: đã dừng xem trước và xoá thư mục tạm của nó",
		"minhbach: preview stopped and its temporary folder removed")
	msgNotLocal = msg.New(
		"--addr %q: bản xem trước chỉ mở trên máy này; hãy dùng 127.0.0.1, localhost hoặc [::1], ví dụ --addr 127.0.0.1:1313",
		"--addr %q: the preview is served on this computer only; use 127.0.0.1, localhost or [::1], such as --addr 127.0.0.1:1313")
	msgListen = msg.New(
		"không mở được %s để xem trước: %v; hãy chọn cổng khác, ví dụ --addr 127.0.0.1:1314",
		"cannot listen on %s for the preview: %v; choose another port, such as --addr 127.0.0.1:1314")
	msgWatch = msg.New(
		"không theo dõi được các tệp của trang web trong %q: %v",
		"cannot watch the site's files in %q: %v")

	// In the browser: the banner on every page.
	msgBanner = msg.New(
		"BẢN XEM TRƯỚC: chưa công bố, chỉ có trên máy này",
		"PREVIEW: not published, only on this computer")

	// In the browser: the page shown while the data has problems.
	msgOverlayTitleOne = msg.New(
		"Dữ liệu có %d lỗi",
		"The data has %d problem")
	msgOverlayTitle = msg.New(
		"Dữ liệu có %d lỗi",
		"The data has %d problems")
	msgOverlayLead = msg.New(
		"Bản xem trước tạm dừng. Đây là các lỗi mà lệnh %s cũng báo, mỗi lỗi ghi tệp:dòng:cột, mã lỗi, giá trị và cách sửa. Hãy sửa từng dòng; lưu tệp xong thì trang này tự tải lại.",
		"The preview is paused. These are the problems %s reports too, each with file:line:column, code, value and what to do. Fix each one; once the file is saved this page reloads by itself.")
	msgFailTitle = msg.New(
		"Chưa dựng được bản xem trước",
		"The preview could not be built")
	msgFailLead = msg.New(
		"Hãy sửa tệp được nêu dưới đây; lưu tệp xong thì trang này tự tải lại.",
		"Correct the file named below; once it is saved this page reloads by itself.")
)
