package cli

import "github.com/minhbach/minhbach/internal/msg"

// The command line's own lines, in Vietnamese and English (see package
// msg).
var (
	// Mistakes on the command line (exit 2).
	msgUsage = msg.New(
		"Chạy 'minhbach %s--help' để xem cách dùng.",
		"Run 'minhbach %s--help' for usage.")
	msgBadLang = msg.New(
		`--lang phải là "vi" hoặc "en", không phải %q`,
		"--lang must be vi or en, not %q")
	msgBadFormat = msg.New(
		`--format phải là "text" hoặc "json", không phải %q`,
		"--format must be text or json, not %q")
	msgNoArgs = msg.New(
		"lệnh %s không nhận đối số nào, nhưng có %q (thư mục trang web thì ghi sau --source)",
		"%s takes no arguments, got %q (use --source DIR for the site folder)")
	msgImportArgs = msg.New(
		"lệnh import cần ít nhất một tệp để nhập, ví dụ: minhbach import bao-cao-xa.xlsx --period 2025-Q1",
		"import needs at least one file to import, such as: minhbach import bao-cao-xa.xlsx --period 2025-Q1")
	msgNoPeriod = msg.New(
		"lệnh import cần --period, ví dụ --period 2025-Q1",
		"import needs --period, such as --period 2025-Q1")
	msgBadDecimal = msg.New(
		"--decimal %q: hãy viết --decimal comma (85,5 và 1.234) hoặc --decimal dot (85.5 và 1,234)",
		"--decimal %q: write --decimal comma (85,5 and 1.234) or --decimal dot (85.5 and 1,234)")

	// The end of a report.
	msgProblem = msg.New(
		"minhbach: %d lỗi; %s.",
		"minhbach: %d problem found; %s")
	msgProblems = msg.New(
		"minhbach: %d lỗi; %s.",
		"minhbach: %d problems found; %s")
	msgNothingPublished = msg.New(
		"chưa xuất bản gì",
		"nothing was published")
	msgNothingWritten = msg.New(
		"chưa ghi tệp nào",
		"no file was written")
	msgStopped = msg.New(
		"minhbach: đã dừng theo yêu cầu; chưa xuất bản gì, trang đã công bố giữ nguyên.",
		"minhbach: stopped on request; nothing was published, the published site is unchanged.")

	// What went well.
	msgPublished = msg.New(
		"minhbach: đã xuất bản %d trang và %d tệp tải về (%d tệp, %s MB) vào %s trong %s giây",
		"minhbach: published %d pages and %d downloads (%d files, %s MB) to %s in %ss")
	msgDataOK = msg.New(
		"minhbach: dữ liệu hợp lệ: %d chỉ tiêu, %d đơn vị, %d mục tiêu, %d kỳ số liệu (mới nhất %s)",
		"minhbach: data OK: %d indicators, %d units, %d targets, %d snapshots (latest %s)")
	msgWrote = msg.New(
		"minhbach: đã ghi %s: %d dòng, %d đơn vị, %d chỉ số (%s)",
		"minhbach: wrote %s: %d rows, %d units, %d indicators (%s)")
	msgWide = msg.New(
		"mỗi chỉ số một cột",
		"one column per indicator")
	msgLong = msg.New(
		"mỗi số liệu một dòng",
		"one row per figure")
	msgOnSheet = msg.New(
		"%s, trang tính %q",
		"%s, sheet %q")
	msgSkipped = msg.New(
		"  bỏ qua %d dòng tiêu đề nhóm và %d dòng tổng (đã đối chiếu); điền xuống %d ô tên đơn vị",
		"  skipped %d group headings and %d total rows (checked); filled down %d unit names")
	msgMerged = msg.New(
		"  gộp vào số liệu đã có của kỳ: giữ %d dòng, thêm %d dòng mới, thay %d dòng cũ",
		"  added to the period's snapshot: kept %d rows, added %d new rows, replaced %d old rows")
	msgUnchecked = msg.New(
		"  %d số tổng không đối chiếu được (tỷ lệ không có tử số, mẫu số)",
		"  %d totals could not be checked (percents without numerator and denominator)")
)
