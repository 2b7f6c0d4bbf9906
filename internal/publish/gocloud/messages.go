package gocloud

import "github.com/minhbach/minhbach/internal/msg"

// What publishing to object storage says, at the bucket's address.
var (
	msgBadURL = msg.New(
		`không hiểu địa chỉ này: hãy viết "s3://tên-bucket?endpoint=…&region=…"`,
		`cannot read this address: write "s3://bucket-name?endpoint=…&region=…"`)
	msgBadFileURL = msg.New(
		`không hiểu địa chỉ thư mục này: hãy viết đường dẫn đầy đủ sau "file://", ví dụ "file:///srv/web/cho-don"`,
		"cannot read this folder address: write the full path after file://, such as file:///srv/web/cho-don")
	msgNoBucket = msg.New(
		"máy chủ không có bucket %q: hãy tạo nó trước, hoặc kiểm tra tên bucket trong địa chỉ",
		"there is no bucket %q on this server: create it first, or check the bucket's name in the address")
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
	msgDenied = msg.New(
		"không đủ quyền: hãy kiểm tra khoá truy cập (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)",
		"permission denied: check the access keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)")
)

// The bucket's lock: who holds it, and what to do.
var (
	msgHolder = msg.New(
		"máy %q (tiến trình %d), từ %v lúc %s",
		"computer %q (process %d), since %v at %s")
	msgHolderUnknown = msg.New(
		"không đọc được máy nào, từ %v lúc %s",
		"which computer cannot be read, since %v at %s")
	msgMinutes = msg.New(
		"%d phút",
		"%d minutes")
	msgHours = msg.New(
		"%d giờ",
		"%d hours")
	msgLocked = msg.New(
		`một lần xuất bản khác đang giữ khoá của kho lưu trữ: %v, cách đây %v. Nếu lần đó vẫn đang chạy, hãy chờ nó xong rồi chạy lại. Nếu nó đã dừng giữa chừng (máy bị tắt, mất mạng, chương trình bị dừng), hãy chạy lại lệnh với "--break-lock" để gỡ khoá của nó (tệp khoá %s)`,
		"another publish holds the storage's lock: %v, %v ago. If that publish is still running, wait for it to finish, then try again. If it stopped half way (its computer was turned off, lost its network, or the program was stopped), run the command again with --break-lock to remove its lock (lock file %s)")
	msgLockedHere = msg.New(
		"một lần xuất bản khác của chính máy này đang chạy vào đó: %v; hãy chờ nó xong rồi chạy lại (khoá của một lần xuất bản còn đang chạy thì không bao giờ bị gỡ)",
		"another publish of this same computer is running there: %v; wait for it to finish, then try again (the lock of a publish still running is never removed)")
	msgLockRace = msg.New(
		"khoá %s vừa gỡ lại bị một lần xuất bản khác lấy ngay: hãy chờ lần đó xong rồi chạy lại",
		"the lock %s was taken again by another publish as soon as it was removed: wait for that one to finish, then try again")
	msgBrokeEnded = msg.New(
		"minhbach: đã gỡ khoá do một lần xuất bản của máy này để lại (%v): tiến trình đó đã dừng",
		"minhbach: removed the lock left by a publish of this computer (%v): that process has ended")
	msgBrokeStale = msg.New(
		"minhbach: đã gỡ khoá do một lần xuất bản để lại (%v): khoá đã %v, quá lâu cho một lần xuất bản",
		"minhbach: removed the lock left by a publish (%v): it is %v old, too long for a publish")
	msgBrokeAsked = msg.New(
		`minhbach: theo "--break-lock", đã gỡ khoá của lần xuất bản trước (%v); nếu lần đó thật ra vẫn đang chạy, hãy dừng nó: hai lần xuất bản cùng lúc sẽ trộn lẫn tệp của nhau`,
		"minhbach: as --break-lock asks, removed the lock of the earlier publish (%v); if that publish is in fact still running, stop it: two publishes at once mix their files")
)
