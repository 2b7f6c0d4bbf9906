package publish

import "github.com/minhbach/minhbach/internal/msg"

// What publishing says, in Vietnamese and English (see package msg). Every
// message names the folder and says whether the published site was left
// as it was.
var (
	// A destination that publishing would destroy.
	msgNoDest = msg.New(
		`chưa chỉ ra thư mục xuất bản; hãy ghi tên một thư mục, ví dụ "public"`,
		`no destination folder was given; name one, such as "public"`)
	msgWhere = msg.New(
		"không xác định được thư mục %q nằm ở đâu: %v",
		"cannot find where %q is: %v")
	msgRoot = msg.New(
		"không xuất bản vào %q: đó là thư mục gốc của ổ đĩa, mà xuất bản sẽ thay toàn bộ thư mục",
		"refusing to publish to %q: it is the root of the disk, and publishing replaces the whole folder")
	msgInsideInput = msg.New(
		`không xuất bản vào %q: thư mục này nằm trong %q, nơi trang web được dựng từ đó; lần dựng sau sẽ đọc các tệp đã xuất bản như dữ liệu đầu vào. Hãy chọn một thư mục riêng, ví dụ "public"`,
		`refusing to publish to %q: it is inside %q, which the site is built from; the published files would be read as inputs by the next build. Choose a separate folder such as "public"`)
	msgCheckDest = msg.New(
		"không kiểm tra được thư mục xuất bản %q: %v",
		"cannot check the destination folder %q: %v")
	msgLink = msg.New(
		"không xuất bản vào %q: đó là một liên kết tới %q, mà xuất bản qua liên kết thì không được hỗ trợ; hãy chỉ ra thư mục thật",
		"refusing to publish to %q: it is a link to %q, and publishing through links is not supported; give the real folder instead")
	msgNotFolder = msg.New(
		"không xuất bản vào %q: đó là một tệp, không phải thư mục",
		"refusing to publish to %q: it is a file, not a folder")
	msgCurrent = msg.New(
		`không xuất bản vào %q: đó là thư mục đang làm việc hoặc chứa thư mục này, mà xuất bản sẽ thay toàn bộ thư mục; hãy chọn một thư mục riêng, ví dụ "public"`,
		`refusing to publish to %q: it is the current folder or contains it, and publishing replaces the whole folder; choose a separate folder such as "public"`)
	msgHome = msg.New(
		"không xuất bản vào %q: đó là thư mục cá nhân của bạn hoặc chứa thư mục này, mà xuất bản sẽ thay toàn bộ thư mục",
		"refusing to publish to %q: it is your home folder or contains it, and publishing replaces the whole folder")
	msgContainsInput = msg.New(
		`không xuất bản vào %q: thư mục này chứa %q, nơi trang web được dựng từ đó, và xuất bản sẽ xoá nó; hãy chọn một thư mục riêng, ví dụ "public"`,
		`refusing to publish to %q: it contains %q, which the site is built from, and publishing would delete it; choose a separate folder such as "public"`)

	// The publishing lock.
	msgLocked = msg.New(
		"một lần dựng khác đang xuất bản vào đó",
		"another build is already publishing there")
	msgLockedBy = msg.New(
		"không xuất bản được vào %q: %v (tiến trình %d, tệp khoá %q); hãy chờ lần đó xong rồi chạy lại",
		"cannot publish to %q: %v (process %d, lock file %q); wait for it to finish, then try again")
	msgLockedOn = msg.New(
		"không xuất bản được vào %q: %v (tiến trình %d của máy %q, từ %v lúc %s; tệp khoá %q); hãy chờ lần đó xong rồi chạy lại",
		"cannot publish to %q: %v (process %d of computer %q, since %v at %s; lock file %q); wait for it to finish, then try again")
	msgLockedAt = msg.New(
		"không xuất bản được vào %q: %v (tệp khoá %q); hãy chờ lần đó xong rồi chạy lại",
		"cannot publish to %q: %v (lock file %q); wait for it to finish, then try again")
	msgLockFile = msg.New(
		"không tạo được tệp khoá %q: %v",
		"cannot create the lock file %q: %v")
	msgLock = msg.New(
		"không khoá được %q: %v",
		"cannot lock %q: %v")
	msgUnlock = msg.New(
		"không mở khoá được tệp khoá %q: %v",
		"cannot release the lock file %q: %v")

	// Building beside the destination, and the swap.
	msgFolderFor = msg.New(
		"không tạo được thư mục %q để chứa %q: %v",
		"cannot create the folder %q for %q: %v")
	msgTempFolder = msg.New(
		"không tạo được thư mục tạm bên cạnh %q: %v",
		"cannot create a temporary folder beside %q: %v")
	msgPermissions = msg.New(
		"không đặt được quyền truy cập cho %q: %v",
		"cannot set the permissions of %q: %v")
	msgTempGone = msg.New(
		"lần dựng đã xoá mất thư mục tạm %q; %q vẫn giữ nguyên",
		"the build removed its temporary folder %q; %q was left unchanged")
	msgSaveSite = msg.New(
		"không lưu được trang mới xuống đĩa: %v; %q vẫn giữ nguyên",
		"cannot save the new site to disk: %v; %q was left unchanged")
	msgAtPath = msg.New(
		"%v (%s)",
		"%v (%s)")
	msgMoveIn = msg.New(
		"không chuyển được trang mới vào %q: %v",
		"cannot move the new site into place at %q: %v")
	msgExchange = msg.New(
		"không đặt được trang mới vào chỗ của %q: %v; trang cũ vẫn giữ nguyên",
		"cannot put the new site in place of %q: %v; the previous site was left unchanged")
	msgMoveAside = msg.New(
		"không chuyển được trang cũ %q sang bên: %v; trang vẫn giữ nguyên",
		"cannot move the previous site %q aside: %v; it was left unchanged")
	msgPutBack = msg.New(
		"không chuyển được trang mới vào %q: %v; trang cũ đã được đặt lại",
		"cannot move the new site into place at %q: %v; the previous site was put back")
	msgKeptAt = msg.New(
		"không chuyển được trang mới vào %q: %v; và cũng không đặt lại được trang cũ (%v): trang cũ đang được giữ ở %q và lần dựng sau sẽ khôi phục",
		"cannot move the new site into place at %q: %v; and cannot put the previous site back either (%v): it is kept at %q and will be restored by the next build")

	// One file, written atomically.
	msgTempFile = msg.New(
		"không tạo được tệp tạm bên cạnh %q: %v",
		"cannot create a temporary file beside %q: %v")
	msgSaveFile = msg.New(
		"không lưu được %q xuống đĩa: %v; tệp vẫn giữ nguyên",
		"cannot save %q to disk: %v; it was left unchanged")
	msgExists = msg.New(
		"không thay %q: tệp này đã có; tệp vẫn giữ nguyên",
		"refusing to replace %q: it already exists; it was left unchanged")
	msgMoveFile = msg.New(
		"không chuyển được tệp mới vào %q: %v",
		"cannot move the new file into place at %q: %v")

	// The operating system's reasons that staff meet most.
	msgDenied = msg.New(
		"không đủ quyền",
		"permission denied")
	msgDiskFull = msg.New(
		"ổ đĩa đã đầy",
		"no space left on device")
	msgReadOnly = msg.New(
		"ổ đĩa chỉ cho phép đọc",
		"read-only file system")
)

// What a target of kept releases (publish --to) says. Each is said at the
// path it is about, as a positioned problem.
var (
	msgLoop = msg.New(
		"đường dẫn này là một vòng liên kết (liên kết trỏ về chính nó): hãy chỉ ra thư mục thật",
		"this path is a loop of links (a link that leads back to itself): give the real folder")
	msgTargetMissing = msg.New(
		"không có thư mục này: hãy tạo nó trước (mkdir), hoặc kiểm tra ổ đĩa của máy chủ web đã được gắn vào chưa; minhbach không tự tạo để khỏi ghi nhầm vào ổ của máy này",
		"no such folder: create it first (mkdir), or check that the web server's disk is mounted; minhbach does not create it, so as not to write to this machine's disk by mistake")
	msgTargetUnreadable = msg.New(
		"không đọc được: %v",
		"cannot read it: %v")
	msgTargetNotFolder = msg.New(
		"đây là một tệp, không phải thư mục: hãy chỉ ra thư mục để xuất bản",
		"this is a file, not a folder: name the folder to publish to")
	msgTargetInSource = msg.New(
		"thư mục này là hoặc nằm trong thư mục trang web %q: các bản phát hành sẽ bị sao chép cùng trang và bị đọc lại như tệp của trang; hãy chọn một thư mục ở ngoài, ví dụ /var/www/ten-trang",
		"this folder is, or is inside, the site folder %q: the releases would travel with the site and be read back as its files; choose a folder outside it, such as /var/www/site-name")
	msgCurrentNotLink = msg.New(
		"đây là một thư mục thật, không phải liên kết do minhbach tạo: thư mục này có vẻ đã được xuất bản theo cách khác (build --dest); hãy xuất bản vào một thư mục trống",
		"this is a real folder, not the link minhbach makes: the folder seems to have been published another way (build --dest); publish to an empty folder")
	msgTargetReadOnly = msg.New(
		"không ghi được vào thư mục này: %v; trang đang công bố vẫn giữ nguyên",
		"cannot write to this folder: %v; the live site was left unchanged")
	msgCurrentElsewhere = msg.New(
		"liên kết trỏ tới %q, không phải một bản phát hành trong releases/: hãy xoá liên kết rồi xuất bản lại",
		"the link points to %q, not to a release in releases/: remove the link, then publish again")
	msgNoRelease = msg.New(
		"không có bản phát hành %q ở đây: chạy minhbach releases để xem các bản còn giữ",
		"there is no release %q here: run minhbach releases to see those kept")
	msgReleaseDamaged = msg.New(
		"các tệp của bản phát hành %s không còn như lúc xuất bản (mã kiểm tra khác): không quay lại bản này; hãy chọn bản khác hoặc xuất bản lại",
		"the files of release %s are no longer those published (their checksum differs): not switching to it; choose another release or publish again")
)
