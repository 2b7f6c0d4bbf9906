package gocloud

import "github.com/minhbach/minhbach/internal/msg"

// What publishing to object storage says, at the bucket's address.
var (
	msgBadURL = msg.New(
		`không hiểu địa chỉ này: hãy viết "s3://tên-bucket?endpoint=…&region=…"`,
		`cannot read this address: write "s3://bucket-name?endpoint=…&region=…"`)
	msgNoFolder = msg.New(
		"không có thư mục %q: hãy tạo nó trước",
		"there is no folder %q: create it first")
	msgOpen = msg.New(
		"không mở được kho lưu trữ: %v",
		"cannot open the storage: %v")
	msgStorage = msg.New(
		"kho lưu trữ không nhận hoặc không trả %q: %v; những gì chưa xong sẽ được lần xuất bản sau hoàn tất, trang đang công bố vẫn là bản cũ",
		"the storage failed on %q: %v; the next publish completes what was left undone, and the live site is still the previous release")
	msgBadLive = msg.New(
		"%s chứa %q, không phải mã một bản phát hành: hãy xuất bản lại",
		"%s holds %q, which is not a release id: publish again")
	msgNoRelease = msg.New(
		"không có bản phát hành %q ở đây: chạy minhbach releases để xem các bản còn giữ",
		"there is no release %q here: run minhbach releases to see those kept")
	msgBadManifest = msg.New(
		"bản ghi %s bị hỏng (không đọc được danh sách tệp): không dùng bản phát hành này",
		"the record %s is damaged (its file list cannot be read): this release is not used")
	msgNewerManifest = msg.New(
		"bản ghi %s có định dạng %d, do một phiên bản minhbach mới hơn ghi: hãy cập nhật minhbach",
		"the record %s has format %d, written by a newer minhbach: update minhbach")
	msgReleaseDamaged = msg.New(
		"danh sách tệp của bản phát hành %s không còn khớp với mã của nó: không quay lại bản này; hãy chọn bản khác",
		"the file list of release %s no longer matches its id: not switching to it; choose another release")
	msgLostCopy = msg.New(
		"bản phát hành %s thiếu bản lưu của tệp %q: không quay lại bản này; hãy chọn bản khác",
		"release %s has lost its copy of %q: not switching to it; choose another release")
	msgTemp = msg.New(
		"không dựng được trang trong thư mục tạm: %v; kho lưu trữ chưa bị đổi gì",
		"cannot build the site in a temporary folder: %v; nothing was changed in the storage")
	msgLocked = msg.New(
		"một lần xuất bản khác đang chạy vào đó (%s, tệp khoá %s); hãy chờ lần đó xong rồi chạy lại",
		"another publish is already running there (%s, lock file %s); wait for it to finish, then try again")
	msgDenied = msg.New(
		"không đủ quyền: hãy kiểm tra khoá truy cập (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)",
		"permission denied: check the access keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)")
)
