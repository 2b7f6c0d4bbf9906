package site

import "github.com/minhbach/minhbach/internal/msg"

// What the site build says, in Vietnamese and English (see package msg).
// Hugo's own words follow in English: they name the file and line.
var (
	msgUserConfig = msg.New(
		"%s: không đọc được cấu hình trang web: %v; hãy sửa tệp này",
		"%s: cannot read the site's settings: %v; correct this file")
	msgConfig = msg.New(
		"Hugo không nhận cấu hình của trang web: %v; hãy sửa hugo.toml của trang",
		"site config: %v; correct the site's hugo.toml")
	msgReadSite = msg.New(
		"không đọc được thư mục trang web: %v",
		"cannot read the site folder: %v")
	msgStart = msg.New(
		"Hugo không đọc được mẫu hoặc cấu hình của trang web: %v; hãy sửa tệp được nêu (một tệp mẫu trong layouts/ có thể xoá đi để dùng mẫu mặc định)",
		"site: Hugo could not read the site's templates or settings: %v; correct the file named (a template in layouts/ can be deleted to use the default)")
	msgBuild = msg.New(
		"Hugo không dựng được trang web: %v; hãy sửa tệp được nêu (một tệp mẫu trong layouts/ có thể xoá đi để dùng mẫu mặc định)%s",
		"site: Hugo could not build the site: %v; correct the file named (a template in layouts/ can be deleted to use the default)%s")
	msgHugoErrors = msg.New(
		"Hugo báo %d lỗi khi dựng trang web; hãy sửa tệp được nêu dưới đây (một tệp mẫu trong layouts/ có thể xoá đi để dùng mẫu mặc định)%s",
		"site: Hugo reported %d error(s); correct the file named below (a template in layouts/ can be deleted to use the default)%s")
	msgStuck = msg.New(
		"Hugo dừng hẳn vì có nhiều trang lỗi (một lỗi đã biết của Hugo); chưa xuất bản gì; hãy sửa tệp mẫu bị lỗi (một tệp mẫu trong layouts/ có thể xoá đi để dùng mẫu mặc định)%s",
		"site: Hugo stopped, many pages failed (a known Hugo fault); nothing was published; correct the broken template (a template in layouts/ can be deleted to use the default)%s")
	msgStatic = msg.New(
		"không chép được các tệp tĩnh của trang: %v",
		"site: static files: %v")
	msgFrontMatter = msg.New(
		"%s: không đọc được phần đầu tệp (front matter): %v; hãy sửa phần đầu tệp",
		"%s: front matter: %v; correct the front matter")
	msgThreshold = msg.New(
		"hugo.toml: params.reportingThreshold = %v: không phải là tỷ lệ phần trăm từ 0 đến 100; hãy ghi ví dụ 90 (90%% số đơn vị đã báo cáo), hoặc xoá dòng này để chờ đủ mọi đơn vị",
		"hugo.toml: params.reportingThreshold = %v: not a percentage from 0 to 100; write e.g. 90 (90%% of the units reported), or delete the line to wait for every unit")
)
