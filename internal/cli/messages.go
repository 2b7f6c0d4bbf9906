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
		"lệnh %s không nhận đối số nào, nhưng có %q (thư mục trang web thì ghi sau --site)",
		"%s takes no arguments, got %q (use --site DIR for the site folder)")
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
	msgDiskFull = msg.New(
		"minhbach: đĩa đã đầy khi ghi %q: hãy giải phóng chỗ trống (hoặc xuất bản vào thư mục ở ổ đĩa khác) rồi chạy lại; chưa xuất bản gì, trang đã công bố giữ nguyên.",
		"minhbach: the disk filled up while writing %q: free some space (or publish to a folder on another disk) and run again; nothing was published, the published site is unchanged.")
	msgStopped = msg.New(
		"minhbach: đã dừng theo yêu cầu; chưa xuất bản gì, trang đã công bố giữ nguyên.",
		"minhbach: stopped on request; nothing was published, the published site is unchanged.")

	// What went well.
	msgHeaviest = msg.New(
		"minhbach: trang nặng nhất khi xem lần đầu (nén gzip, hạn mức %s KB): %s; bộ biểu đồ tương tác %s KB (hạn mức %s KB)",
		"minhbach: heaviest first views (gzipped, budget %s KB): %s; interactive chart bundle %s KB (budget %s KB)")
	msgPublished = msg.New(
		"minhbach: đã xuất bản %d trang và %d tệp tải về (%d tệp, %s MB) vào %s trong %s giây",
		"minhbach: published %d pages and %d downloads (%d files, %s MB) to %s in %ss")
	msgDataOK = msg.New(
		"minhbach: dữ liệu hợp lệ: %d chỉ số, %d đơn vị, %d mục tiêu, %d kỳ số liệu (mới nhất %s)",
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
	msgFiles = msg.New(
		"từ %d tệp",
		"from %d files")
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

	// status.
	msgNoSuchPeriod = msg.New(
		"không có số liệu của kỳ %q: các kỳ đã có là %s",
		"no snapshot for the period %q: the periods there are %s")
	msgStatusHead = msg.New(
		"minhbach: kỳ %s: %s",
		"minhbach: period %s: %s")
	msgStatusDone = msg.New(
		"Đã báo cáo:",
		"Reported:")
	msgStatusNone = msg.New(
		"Chưa báo cáo:",
		"Not reported yet:")
	msgStatusCount = msg.New(
		"%d/%d chỉ số",
		"%d/%d indicators")
	msgStatusMissing = msg.New(
		"còn thiếu %s",
		"missing %s")
	msgStatusOwes = msg.New(
		"cần báo cáo %s",
		"expected %s")
	msgStatusInds = msg.New(
		"Theo chỉ số (đơn vị đã báo cáo / đơn vị cần báo cáo):",
		"By indicator (units that reported / units expected to):")
	msgStatusUnits = msg.New(
		"%d/%d đơn vị",
		"%d/%d units")

	// names.
	msgNamesUnits = msg.New(
		"Đơn vị (mã, tên tiếng Việt, tên tiếng Anh):",
		"Units (code, Vietnamese name, English name):")
	msgNamesIndicators = msg.New(
		"Chỉ số (mã, tên tiếng Việt, tên tiếng Anh):",
		"Indicators (code, Vietnamese name, English name):")
	msgNamesHint = msg.New(
		"Lệnh import nhận mã hoặc tên tiếng Việt; tên đơn vị được nhận cả khi viết không dấu (Xa Bang Lang), có tiền tố (UBND xã, TT, Phòng) hay viết tắt (Phòng TN và MT), miễn là chỉ một đơn vị khớp.",
		"import accepts the code or the Vietnamese name; a unit's name is also accepted without diacritics (Xa Bang Lang), with a prefix (UBND xã, TT, Phòng) or abbreviated (Phòng TN và MT), when only one unit fits.")

	// new report.
	msgReportArgs = msg.New(
		"lệnh new report cần đúng một kỳ, ví dụ: minhbach new report 2025-Q1",
		"new report takes one period, such as: minhbach new report 2025-Q1")
	msgReportExists = msg.New(
		"%s đã có: lệnh này không ghi đè lên bài đã viết; hãy sửa trực tiếp tệp đó, hoặc xóa nó trước",
		"%s already exists: this command never overwrites a text already written; edit that file, or delete it first")
	msgReportWrote = msg.New(
		"minhbach: đã tạo %s và %s: hãy viết dưới mỗi tiêu đề, rồi chạy minhbach check",
		"minhbach: created %s and %s: write under each heading, then run minhbach check")
	msgReportTitle = msg.New(
		"Báo cáo ứng dụng CNTT %s",
		"IT application report, %s")
	msgReportGuide = msg.New(
		"# Viết dưới mỗi tiêu đề; xóa tiêu đề của mục không có gì để viết.\n# Số liệu, đoạn nhận định theo từng chỉ số và danh sách thiếu hụt do minhbach tự sinh.\n# Thêm dòng generated: replace để bài này thay cho phần tóm tắt tự sinh.\n",
		"# Write under each heading; delete the heading of a section with nothing to say.\n# The figures, a paragraph per indicator and the shortfalls are generated by minhbach.\n# Add the line generated: replace for this text to take the place of the generated summary.\n")
	msgReportBody = msg.New(
		"## Kết quả\n\n\n## Hạn chế\n\n\n## Nhiệm vụ thời gian tới\n\n",
		"## Results\n\n\n## Limitations\n\n\n## Next steps\n\n")

	// check's warnings.
	msgBlankRollup = msg.New(
		"tỷ lệ không có tử số và mẫu số, nên số liệu %s của %s kỳ %s, cộng từ các đơn vị trực thuộc (Σ tử số ÷ Σ mẫu số), bị để trống: hãy ghi cả tử số và mẫu số",
		"a percent without numerator and denominator, so the figure of %s for %s in %s, rolled up from its units (Σ numerators ÷ Σ denominators), is left blank: give the numerator and the denominator")
	msgQuietVerbose = msg.New(
		"không dùng được --quiet cùng với --verbose: hãy chọn một",
		"--quiet and --verbose cannot be used together: choose one")
	msgBelowThreshold = msg.New(
		"kỳ %s mới có %s, dưới ngưỡng %v%% của trang web (params.reportingThreshold trong hugo.toml), nên trang chủ dẫn số liệu kỳ trước và ghi kỳ này là đang cập nhật: hãy nhập số liệu của các đơn vị còn thiếu (xem minhbach status %s)",
		"period %s has %s, below the site's threshold of %v%% (params.reportingThreshold in hugo.toml), so the home page leads with an earlier period and shows this one as being updated: import the missing units' figures (see minhbach status %s)")
	msgWarning = msg.New(
		"cảnh báo",
		"warning")
	msgWarnings = msg.New(
		"minhbach: %d cảnh báo (không phải lỗi; trang web vẫn được dựng)",
		"minhbach: %d warning(s), not errors: the site still builds")
)

// The publishing history (see package ledger) and releases.
var (
	msgMigrated = msg.New(
		"minhbach: chưa có lịch sử xuất bản; đã đọc số liệu và đính chính của lần công bố trước từ %s (chỉ lần này); từ nay lịch sử được giữ trong thư mục %s/ của trang",
		"minhbach: no publishing history yet; the previous publication's figures and errata were read from %s (this once); from now on the history is kept in the site's %s/ folder")
	msgRecorded = msg.New(
		"minhbach: bản phát hành %s đã được ghi vào lịch sử xuất bản (%s/)",
		"minhbach: release %s is recorded in the publishing history (%s/)")
	msgDataRelease = msg.New(
		"minhbach: mọi tệp tải về của lần này (số liệu, đính chính và tệp nén của tất cả) được giữ tại /%s/, địa chỉ để trích dẫn, không bao giờ thay đổi",
		"minhbach: this publication's downloads (figures, errata and the zip of them all) are kept at /%s/, an address to cite that never changes")
	msgDraft = msg.New(
		"minhbach: bản nháp: lịch sử xuất bản (%s/) giữ nguyên",
		"minhbach: draft: the publishing history (%s/) was left unchanged")
)

// Releases: publish, rollback, releases.
var (
	msgNoTo = msg.New(
		`cần "--to": thư mục xuất bản, ví dụ "--to /var/www/cho-don"`,
		"--to is required: the folder to publish to, such as --to /var/www/cho-don")
	msgScheme = msg.New(
		`chưa hỗ trợ xuất bản tới %q: hãy ghi một thư mục, hoặc kho lưu trữ "s3://tên-bucket?endpoint=…", hoặc một thư mục theo cách xếp của kho lưu trữ "file:///đường/dẫn"`,
		"publishing to %q is not supported: give a folder, or object storage s3://bucket?endpoint=…, or a folder laid out as object storage file:///path")
	msgDryRunFolder = msg.New(
		`"--dry-run" chỉ dùng cho kho lưu trữ ("s3://…", "file://…"): xuất bản vào thư mục không thay gì cho tới bước chuyển cuối cùng`,
		"--dry-run is for object storage (s3://…, file://…) only: a publish to a folder changes nothing until its final switch")
	msgBreakLockFolder = msg.New(
		`"--break-lock" chỉ dùng cho kho lưu trữ ("s3://…", "file://…"): khoá của một thư mục được hệ điều hành tự gỡ ngay khi lần xuất bản giữ nó dừng, kể cả khi bị tắt ngang; nếu thư mục báo đang bị khoá thì một lần xuất bản thật sự đang chạy`,
		"--break-lock is for object storage (s3://…, file://…) only: the lock of a folder is let go by the system as soon as the publish holding it stops, even when killed; if a folder says it is locked, a publish really is running")
	msgWouldUpload = msg.New(
		"minhbach: chạy thử, chưa thay gì: sẽ tải lên %d tệp (%s MB), giữ %d tệp không đổi, xoá %d tệp ở %s",
		"minhbach: dry run, nothing changed: would upload %d files (%s MB), keep %d unchanged and delete %d at %s")
	msgUploaded = msg.New(
		"minhbach: đã tải lên %d tệp (%s MB), giữ %d tệp không đổi, xoá %d tệp, trong %s giây",
		"minhbach: uploaded %d files (%s MB), kept %d unchanged, deleted %d, in %ss")
	msgKeep = msg.New(
		`"--keep" phải từ 1 trở lên, không phải %d`,
		"--keep must be 1 or more, not %d")
	msgRolledBack = msg.New(
		"minhbach: bản phát hành %s đang được công bố lại tại %s (thay cho %s) và đã được ghi vào lịch sử xuất bản",
		"minhbach: release %s is live again at %s (instead of %s), and the publishing history records it")
	msgNoReleases = msg.New(
		"minhbach: %s chưa có bản phát hành nào",
		"minhbach: %s has no release yet")
	msgReleasesHead = msg.New(
		"  ngày        giờ    mã bản phát hành          số trang  SHA-256 của tệp số liệu (figures.csv)",
		"  date        time   release                   pages  SHA-256 of the figures file (figures.csv)")
)
