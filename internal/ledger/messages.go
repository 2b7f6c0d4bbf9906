package ledger

import "github.com/minhbach/minhbach/internal/msg"

// What the ledger says, in Vietnamese and English (see package msg). The
// ledger is written by minhbach: a problem in it means a file was edited,
// lost or written by another version, so each message says what to do.
var (
	msgUnreadable = msg.New(
		"không đọc được sổ lịch sử xuất bản: %v",
		"cannot read the publishing history: %v")
	msgSyntax = msg.New(
		"sổ lịch sử xuất bản bị hỏng (%v): hãy lấy lại tệp này từ bản sao lưu hoặc từ git",
		"the publishing history is damaged (%v): restore this file from a backup or from git")
	msgEmpty = msg.New(
		"sổ lịch sử xuất bản trống: dòng đầu phải là %s; hãy lấy lại tệp từ bản sao lưu, hoặc xoá tệp để bắt đầu lịch sử mới",
		"the publishing history is empty: its first line must be %s; restore the file from a backup, or delete it to start a new history")
	msgHeader = msg.New(
		"dòng tiêu đề của sổ lịch sử xuất bản phải là %s: tệp đã bị sửa tay hoặc không phải của minhbach; hãy lấy lại từ bản sao lưu hoặc từ git",
		"the header of the publishing history must be %s: the file was edited by hand or is not minhbach's; restore it from a backup or from git")
	msgCells = msg.New(
		"dòng này có %d ô, cần %d: hãy lấy lại tệp từ bản sao lưu hoặc từ git",
		"this row has %d cells, want %d: restore the file from a backup or from git")
	msgFormat = msg.New(
		"không phải một phiên bản định dạng (phiên bản này của minhbach dùng %d): hãy lấy lại tệp từ bản sao lưu hoặc từ git",
		"not a format version (this minhbach writes %d): restore the file from a backup or from git")
	msgNewer = msg.New(
		"dòng này được ghi bởi một phiên bản minhbach mới hơn (phiên bản này chỉ hiểu định dạng %d): hãy cập nhật minhbach",
		"this row was written by a newer minhbach (this one understands format %d only): update minhbach")
	msgNoZipColumn = msg.New(
		"dòng định dạng %d cần cột %s mà dòng tiêu đề không có: tệp đã bị sửa tay; hãy lấy lại tệp từ bản sao lưu hoặc từ git",
		"a row of format %d needs the column %s, which the header lacks: the file was edited by hand; restore it from a backup or from git")
	msgZipInOld = msg.New(
		"dòng định dạng 1 không có tệp zip nên ô này phải để trống: tệp đã bị sửa tay; hãy lấy lại tệp từ bản sao lưu hoặc từ git",
		"a row of format 1 kept no zip, so this cell must be empty: the file was edited by hand; restore it from a backup or from git")
	msgEvent = msg.New(
		"phải là %q hoặc %q",
		"must be %q or %q")
	msgID = msg.New(
		"không phải mã bản phát hành (dạng 20250301-000000-3fa2b1c4d5e6)",
		"not a release id (like 20250301-000000-3fa2b1c4d5e6)")
	msgRollbackUnknown = msg.New(
		"quay lại một bản chưa từng được xuất bản ở các dòng trên",
		"a rollback to a release no row above published")
	msgDate = msg.New(
		"không phải ngày giờ (dạng 2025-03-01T08:00:00Z)",
		"not a date and time (like 2025-03-01T08:00:00Z)")
	msgPeriod = msg.New(
		"không phải kỳ báo cáo (dạng 2024-Q4)",
		"not a period (like 2024-Q4)")
	msgPages = msg.New(
		"không phải số trang",
		"not a number of pages")
	msgSum = msg.New(
		"không phải mã kiểm tra SHA-256 (64 chữ số hệ 16)",
		"not a SHA-256 checksum (64 hexadecimal digits)")
	msgNoRelease = msg.New(
		"sổ lịch sử xuất bản không có bản phát hành này: hãy chạy lệnh từ thư mục trang web đã xuất bản nó (--site)",
		"the publishing history has no such release: run the command from the site folder that published it (--site)")
	msgFileMissing = msg.New(
		"thiếu tệp %s của bản phát hành này: hãy lấy lại thư mục lịch sử từ bản sao lưu hoặc từ git",
		"the file %s of this release is missing: restore the history folder from a backup or from git")
	msgFileChanged = msg.New(
		"tệp %s đã bị thay đổi sau khi xuất bản (mã kiểm tra hiện là %s): danh sách đính chính sẽ sai; hãy lấy lại tệp từ bản sao lưu hoặc từ git",
		"the file %s was changed after it was published (its checksum is now %s): the errata would be wrong; restore the file from a backup or from git")
	msgBadFile = msg.New(
		"không đọc được tệp của bản phát hành: %v; hãy lấy lại tệp từ bản sao lưu hoặc từ git",
		"cannot read the release's file: %v; restore the file from a backup or from git")
	msgWrite = msg.New(
		"không ghi được sổ lịch sử xuất bản %s: %v; trang đã công bố, nhưng lần xuất bản sau sẽ so sánh với bản trước đó",
		"cannot write the publishing history %s: %v; the site is live, but the next publish will compare with the release before it")
)
