package cli

import (
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/minhbach/minhbach/internal/msg"
)

// The command line's help in the language asked for (--lang, Vietnamese
// by default): each command's descriptions and flags come from the
// catalogue below, and cobra's own words (the usage template, the help
// flag and command, its errors) are said in the same language. A command
// or flag missing from the catalogue keeps the English it was made with.

// cmdHelp is one command's help: its short line, its description, its
// examples (not translated: they are commands), and its flags' usages.
type cmdHelp struct {
	short, long *msg.Message
	example     string
	flags       map[string]*msg.Message
}

// Flags shared by several commands.
var (
	helpSource = msg.New(
		"thư mục trang web (có data/, và có thể có content/, layouts/, hugo.toml)",
		"the site folder (with data/, and optionally content/, layouts/, hugo.toml)")
	helpLang = msg.New(
		"ngôn ngữ của thông báo: vi (tiếng Việt) hoặc en (tiếng Anh)",
		"language of the messages: vi (Vietnamese) or en (English)")
	helpFormat = msg.New(
		"\"text\": mỗi lỗi một dòng trên luồng lỗi chuẩn; \"json\": một tài liệu JSON trên đầu ra chuẩn, cho chương trình khác đọc",
		"text: one line per problem on standard error; json: one JSON document on standard output, for programs")
	helpQuiet = msg.New(
		"chỉ báo lỗi, không hiện tiến độ, cảnh báo hay kết quả",
		"print only errors: no progress, warnings or summary")
	helpVerbose = msg.New(
		"cho biết thời gian của từng bước (đọc số liệu, tính toán, tệp tải về, dựng trang, xuất bản)",
		"print the time of each step (reading the data, computing, downloads, rendering, publishing)")
	helpBreakLock = msg.New(
		"kho lưu trữ: gỡ khoá do một lần xuất bản bị dừng giữa chừng trên máy khác để lại (cho biết khoá của ai trước khi gỡ)",
		"object storage: remove the lock left by a publish that stopped half way on another computer (said whose first)")
	helpHelp = msg.New(
		"xem hướng dẫn của lệnh này",
		"help for this command")
)

func common(flags map[string]*msg.Message) map[string]*msg.Message {
	out := map[string]*msg.Message{"site": helpSource, "lang": helpLang, "format": helpFormat}
	for k, v := range flags {
		out[k] = v
	}
	return out
}

// helpTexts are the commands' help, by command path.
var helpTexts = map[string]cmdHelp{
	"minhbach": {
		short: msg.New(
			"Dựng trang web biểu đồ, bảng số liệu và báo cáo tiến độ từ các tệp CSV số liệu chỉ số",
			"Build a website of charts, tables and progress reports from CSV snapshots of indicators"),
		long: msg.New(
			"minhbach chuyển các tệp CSV trong thư mục data/ của trang web thành một trang web tĩnh:\nmỗi chỉ số, đơn vị và kỳ báo cáo một trang, bằng tiếng Việt và tiếng Anh,\ncó biểu đồ, bảng, tệp tải về và báo cáo tiến độ tự sinh.\n\nMọi lỗi trong số liệu được báo cùng một lúc, dạng tệp:dòng:cột, và\nkhông xuất bản gì cho đến khi sửa hết.",
			"minhbach turns the CSV files in a site's data/ folder into a static website:\none page per indicator, unit and reporting period, in Vietnamese and English,\nwith charts, tables, downloads and a generated progress report.\n\nEvery problem in the data is reported at once, as file:line:column, and\nnothing is published until all of them are fixed."),
		flags: map[string]*msg.Message{"lang": helpLang},
	},
	"minhbach build": {
		short: msg.New(
			"Kiểm tra số liệu rồi xuất bản trang web",
			"Check the data and publish the site"),
		long: msg.New(
			"build kiểm tra mọi tệp đầu vào, rồi dựng trang web vào một thư mục tạm cạnh nơi\nxuất bản và chỉ thay vào khi đã dựng xong. Nếu có gì hỏng, trang đã công bố\ntrước đó được giữ nguyên.\n\nLỗi được báo như lệnh check: mỗi lỗi một dòng trên luồng lỗi chuẩn, bằng\ntiếng Việt trừ khi có --lang en, hoặc một tài liệu JSON trên đầu ra chuẩn\nvới --format json.",
			"build checks every input file, then builds the site into a temporary folder\nbeside the destination and swaps it in only when it is complete. If anything\nfails, the previously published site is left exactly as it was.\n\nProblems are reported as by check: one line each on standard error, in\nVietnamese unless --lang en is given, or one JSON document on standard\noutput with --format json."),
		example: "  minhbach build\n  minhbach build --site ../cho-don --dest /var/www/cho-don\n  minhbach build --draft --dest /tmp/thu",
		flags: common(map[string]*msg.Message{"dest": msg.New(
			"nơi xuất bản trang web (mặc định: SITE/public)",
			"where to publish the site (default: SITE/public)"),
			"draft": msg.New(
				"dựng bản nháp: đọc lịch sử xuất bản (thư mục \"history/\") nhưng không ghi vào đó",
				"build a draft: the publishing history (history/) is read but not written"),
			"quiet": helpQuiet, "verbose": helpVerbose}),
	},
	"minhbach publish": {
		short: msg.New(
			"Kiểm tra số liệu rồi xuất bản thành một bản phát hành mới, giữ các bản trước",
			"Check the data and publish the site as a new release, keeping earlier ones"),
		long: msg.New(
			"publish kiểm tra số liệu, dựng trang web vào \"TARGET/releases/<id>/\" rồi chuyển liên kết\n\"TARGET/current\" sang bản mới trong một bước. Các bản trước được giữ lại (\"--keep\")\nđể có thể quay lại bằng lệnh rollback.",
			"publish checks the data, builds the site into TARGET/releases/<id>/ and then\nswitches the TARGET/current link to it in one step. Earlier releases are kept\n(--keep) so that rollback can return to them."),
		example: "  minhbach publish --to /var/www/cho-don",
		flags: common(map[string]*msg.Message{
			"to":         msg.New("thư mục xuất bản (máy chủ web phục vụ liên kết \"current\" trong đó), hoặc kho lưu trữ \"s3://…\", hoặc \"file:///đường/dẫn\" (cách xếp của kho lưu trữ)", "the folder to publish to (its current link is what the web server serves), or object storage s3://…, or file:///path (a bucket's layout)"),
			"keep":       msg.New("số bản phát hành được giữ, tính cả bản đang dùng", "how many releases to keep, the live one included"),
			"dry-run":    msg.New("kho lưu trữ: liệt kê những tệp sẽ được tải lên và xoá, không thay gì", "object storage: list what would be uploaded and deleted, and change nothing"),
			"break-lock": helpBreakLock,
			"quiet":      helpQuiet,
			"verbose":    helpVerbose,
		}),
	},
	"minhbach rollback": {
		short: msg.New("Quay lại một bản phát hành trước", "Make an earlier release live again"),
		long: msg.New(
			"rollback chuyển liên kết \"TARGET/current\" về một bản phát hành đã giữ, trong một bước,\nvà ghi việc đó vào lịch sử xuất bản: lần xuất bản sau được so với bản này.",
			"rollback switches TARGET/current back to a kept release in one step and\nrecords it in the publishing history: the next publish is compared with it."),
		example: "  minhbach rollback --to /var/www/cho-don",
		flags: common(map[string]*msg.Message{
			"to":         msg.New("thư mục đã xuất bản tới", "the folder published to"),
			"release":    msg.New("bản phát hành cần dùng lại (mặc định: bản ngay trước bản đang dùng)", "the release to make live (default: the one before the live one)"),
			"break-lock": helpBreakLock,
		}),
	},
	"minhbach releases": {
		short: msg.New("Liệt kê các bản phát hành đang được giữ", "List the releases kept at a target"),
		long: msg.New(
			"releases liệt kê các bản phát hành trong \"TARGET/releases/\", cũ trước mới sau, kèm ngày,\nmã, số trang và mã kiểm tra số liệu; bản đang dùng có dấu *.",
			"releases lists the releases kept in TARGET/releases/, oldest first, with\ndate, id, page count and data checksum; the live one is marked *."),
		flags: common(map[string]*msg.Message{"to": msg.New("thư mục đã xuất bản tới", "the folder published to")}),
	},
	"minhbach serve": {
		short: msg.New("Xem trước trang web trên máy này trong khi soạn", "Preview the site on this computer while editing it"),
		long: msg.New(
			"serve dựng trang web vào một thư mục tạm riêng và phục vụ tại http://127.0.0.1:1313/.\nMỗi trang có dải \"BẢN XEM TRƯỚC\"; trang tự tải lại khi một tệp trong data/, content/,\nlayouts/ được lưu. Khi số liệu có lỗi, trình duyệt hiện các lỗi như lệnh check.\nKhông xuất bản gì, không ghi lịch sử xuất bản. Ctrl-C để dừng.",
			"serve builds the site into a temporary folder of its own and serves it at\nhttp://127.0.0.1:1313/. Every page carries a PREVIEW banner and reloads when a file\nin data/, content/ or layouts/ is saved. While the data has problems the browser\nshows them as check prints them. Nothing is published and the history is not\nwritten. Ctrl-C stops it."),
		example: "  minhbach serve\n  minhbach serve --addr 127.0.0.1:8080",
		flags:   common(map[string]*msg.Message{"addr": msg.New("địa chỉ phục vụ bản xem trước: một địa chỉ của máy này và cổng", "where to serve the preview: an address of this computer and a port")}),
	},
	"minhbach check": {
		short: msg.New(
			"Kiểm tra số liệu, không dựng gì",
			"Check the data without building anything"),
		long: msg.New(
			"check đọc và kiểm tra mọi tệp đầu vào, báo mọi lỗi cùng một lúc. Lệnh này không ghi gì.\n\nMỗi lỗi một dòng, tệp:dòng:cột: mã: cột \"giá trị\": thông báo, bằng tiếng Việt\ntrừ khi có --lang en, trên luồng lỗi chuẩn. Với --format json, cùng báo cáo đó\nlà một tài liệu JSON trên đầu ra chuẩn. Mã thoát là 0 khi số liệu hợp lệ,\n1 khi có lỗi, 2 khi dòng lệnh viết sai.",
			"check reads and validates every input file and reports all problems at once. It writes nothing.\n\nEach problem is one line, file:line:column: code: field \"value\": message,\nin Vietnamese unless --lang en is given, on standard error. With\n--format json the same report is one JSON document on standard output.\nThe exit code is 0 when the data is fine, 1 when it has problems, 2 when\nthe command line is wrong."),
		example: "  minhbach check\n  minhbach check --site ../cho-don",
		flags:   common(nil),
	},
	"minhbach import": {
		short: msg.New(
			"Chuyển sổ tính Excel hoặc tệp CSV thành số liệu của một kỳ",
			"Convert Excel workbooks or CSV exports into a period's snapshot"),
		long: msg.New(
			"import đọc sổ tính (.xlsx) hoặc tệp CSV, tệp văn bản (.csv, .txt) như các xã gửi lên —\ndòng tiêu đề, tiêu đề tiếng Việt, ô gộp, dòng nhóm và dòng tổng, mỗi số liệu một\ndòng hoặc mỗi chỉ số một cột, bảng mã UTF-8, UTF-16 hoặc Windows-1258, dấu thập\nphân là phẩy hoặc chấm — và ghi data/snapshots/P.csv của trang web.\n\nCó thể nhập nhiều tệp một lúc, và nhập thêm tệp cho một kỳ đã có: số liệu mới\nđược gộp vào. Một đơn vị và chỉ số đã có số liệu khác là xung đột, được báo với\ncả hai nguồn; chỉ --replace ĐƠN-VỊ hoặc --force mới cho số liệu mới thay vào.\n\nĐơn vị và chỉ số được đối chiếu theo mã hoặc tên với data/units.csv và\ndata/indicators.csv (xem minhbach names). Điều gì đọc được hai cách đều được\nbáo, không đoán: hãy dùng --decimal, --fraction hoặc \"--keep-text\". Mọi lỗi được\nbáo cùng lúc kèm ô của nó, và không ghi gì trừ khi mọi tệp đều chuyển được và số\nliệu qua được các bước kiểm tra như lệnh check.",
			"import reads workbooks (.xlsx) or CSV or text exports (.csv, .txt) as communes\nsend them — title lines, Vietnamese headings, merged cells, group headings and\ntotal rows, one row per figure or one column per indicator, in UTF-8,\nUTF-16 or Windows-1258, with decimal commas or points — and writes the\ncanonical snapshot data/snapshots/P.csv of the site.\n\nSeveral files may be imported at once, and a later import for a period adds\nto its snapshot. A unit and indicator that already has another figure is a\nconflict, reported with both sources; only --replace UNIT or --force lets\nthe new figure in.\n\nUnits and indicators are matched by code or by name against data/units.csv\nand data/indicators.csv (see minhbach names). Anything that could be read two\nways is reported, never guessed: give --decimal, --fraction or --keep-text to\ndecide. Every problem is reported at once with its cell, and nothing is\nwritten unless every file converts and the snapshot passes the same checks\nas 'check'."),
		example: "  minhbach import bao-cao-xa.xlsx --period 2025-Q1\n" +
			"  minhbach import xa-ban-thi.xlsx xa-yen-thinh.xlsx --period 2025-Q1\n" +
			"  minhbach import xa-ban-thi-sua.xlsx --period 2025-Q1 --replace 02035\n" +
			"  minhbach import tong-hop.csv --period 2024-Q4 --decimal comma\n" +
			"  minhbach import so-lieu.xlsx --period 2025 --sheet \"Biểu 01\" --site ../cho-don",
		flags: common(map[string]*msg.Message{
			"site": msg.New(
				"thư mục trang web (có data/units.csv và data/indicators.csv)",
				"the site folder (with data/units.csv and data/indicators.csv)"),
			"period": msg.New(
				"kỳ của số liệu: YYYY, YYYY-H1, YYYY-Q1 hoặc YYYY-MM (bắt buộc)",
				"the period of the figures: YYYY, YYYY-H1, YYYY-Q1 or YYYY-MM (required)"),
			"sheet": msg.New(
				"trang tính cần đọc (mặc định: trang đầu tiên có dòng tiêu đề)",
				"the worksheet to read (default: the first one with a heading row)"),
			"decimal": msg.New(
				"dấu thập phân, khi tệp không cho biết: comma (85,5 và 1.234) hoặc dot (85.5 và 1,234)",
				"the decimal mark, when the file cannot show it: comma (85,5 and 1.234) or dot (85.5 and 1,234)"),
			"fraction": msg.New(
				"tỷ lệ được ghi dạng phân số: 0,9 nghĩa là 90%%",
				"percents are written as fractions: 0,9 means 90%%"),
			"keep-text": msg.New(
				"giữ lời như \"gần 100%%\" làm ghi chú, không có số liệu, thay vì dừng lại",
				"keep words such as \"gần 100%%\" as a note, with no figure, instead of stopping"),
			"force": msg.New(
				"mọi số liệu mới thay số liệu khác đã có trong kỳ",
				"every new figure replaces the one of the period's snapshot that differs"),
			"replace": msg.New(
				"các đơn vị (mã hoặc tên, cách nhau bằng dấu phẩy) mà số liệu đã có trong kỳ được thay bằng số liệu của các tệp mới",
				"units (codes or names, comma-separated) whose figures in the period's snapshot give way to the new files'"),
		}),
	},
	"minhbach status": {
		short: msg.New(
			"Xem đơn vị nào đã báo cáo chỉ số nào trong một kỳ, đơn vị nào còn thiếu",
			"See which units have reported which indicators for a period, and which are missing"),
		long: msg.New(
			"status cho biết, với kỳ PERIOD (mặc định: kỳ mới nhất), mỗi đơn vị đã báo cáo\nnhững chỉ số nào và còn thiếu chỉ số nào, rồi mỗi chỉ số có bao nhiêu đơn vị\nđã báo cáo trên số đơn vị cần báo cáo. Một đơn vị cần báo cáo một chỉ số khi nó\nđã từng báo cáo chỉ số đó ở một kỳ nào đó: cùng một quy tắc với trang tình\ntrạng báo cáo và con số \"N/M đơn vị\" của trang web.",
			"status says, for PERIOD (default: the latest), which indicators each unit\nhas reported and which it still owes, then for each indicator how many units\nreported it of those expected to. A unit is expected to report an indicator\nwhen it has reported it in any period: the same rule as the site's reporting\nstatus page and its \"N/M units\"."),
		example: "  minhbach status\n  minhbach status 2025-Q1 --site ../cho-don",
		flags:   common(nil),
	},
	"minhbach names": {
		short: msg.New(
			"Liệt kê tên và mã đơn vị, chỉ số mà lệnh import nhận",
			"Print the unit and indicator names and codes that import accepts"),
		long: msg.New(
			"names liệt kê mã, tên tiếng Việt và tên tiếng Anh của mọi đơn vị (units) và chỉ số\n(indicators) trong data/units.csv và data/indicators.csv, cách nhau bằng dấu tab\nđể dán vào Excel.",
			"names prints the code, Vietnamese name and English name of every unit (units)\nand indicator (indicators) in data/units.csv and data/indicators.csv, separated\nby tabs, to paste into Excel."),
		example: "  minhbach names\n  minhbach names units --lang en",
		flags:   common(nil),
	},
	"minhbach new": {
		short: msg.New(
			"Tạo tệp mới từ mẫu",
			"Create a new file from a template"),
	},
	"minhbach new report": {
		short: msg.New(
			"Tạo bài báo cáo của một kỳ: content/bao-cao/PERIOD.md và PERIOD.en.md",
			"Create a period's report text: content/bao-cao/PERIOD.md and PERIOD.en.md"),
		long: msg.New(
			"new report ghi content/bao-cao/PERIOD.md (tiếng Việt) và PERIOD.en.md (tiếng Anh)\nvới tiêu đề và các mục của một báo cáo: Kết quả, Hạn chế, Nhiệm vụ thời gian tới.\nLệnh không bao giờ ghi đè lên bài đã có.",
			"new report writes content/bao-cao/PERIOD.md (Vietnamese) and PERIOD.en.md\n(English) with a title and the sections of a report: results, limitations,\nnext steps. It never overwrites a text already there."),
		example: "  minhbach new report 2025-Q1",
		flags:   common(nil),
	},
	"minhbach help": {
		short: msg.New(
			"Xem hướng dẫn của một lệnh",
			"Help about any command"),
	},
}

// usageTemplate is cobra's default usage template with its headings in
// the catalogue's words.
func usageTemplate(lang string) string {
	t := `{{.T.Usage}}:{{if .Runnable}}
  {{replace "[flags]" "[{{.T.FlagsArg}}]" .UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [{{.T.Command}}]{{end}}{{if .HasExample}}

{{.T.Examples}}:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

{{.T.Commands}}:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

{{.T.Flags}}:
{{replace "(default " "({{.T.Default}} " (.LocalFlags.FlagUsages | trimTrailingWhitespaces)}}{{end}}{{if .HasAvailableInheritedFlags}}

{{.T.Global}}:
{{replace "(default " "({{.T.Default}} " (.InheritedFlags.FlagUsages | trimTrailingWhitespaces)}}{{end}}{{if .HasAvailableSubCommands}}

{{.T.More}}{{end}}
`
	r := strings.NewReplacer(
		"{{.T.Usage}}", msgHelpUsage.With().In(lang),
		"{{.T.Examples}}", msgHelpExamples.With().In(lang),
		"{{.T.Commands}}", msgHelpCommands.With().In(lang),
		"{{.T.Flags}}", msgHelpFlags.With().In(lang),
		"{{.T.Global}}", msgHelpGlobal.With().In(lang),
		"{{.T.More}}", msgHelpMore.With().In(lang),
		"{{.T.Command}}", msgHelpCommand.With().In(lang),
		"{{.T.FlagsArg}}", msgHelpFlagsArg.With().In(lang),
		"{{.T.Default}}", msgHelpDefault.With().In(lang),
	)
	return r.Replace(t)
}

var (
	msgHelpUsage    = msg.New("Cách dùng", "Usage")
	msgHelpExamples = msg.New("Ví dụ", "Examples")
	msgHelpCommands = msg.New("Các lệnh", "Commands")
	msgHelpFlags    = msg.New("Tùy chọn", "Flags")
	msgHelpGlobal   = msg.New("Tùy chọn chung", "Global flags")
	msgDidYouMean   = msg.New("Có phải là:", "Did you mean this?")
	msgHelpCommand  = msg.New("lệnh", "command")
	msgHelpFlagsArg = msg.New("tùy chọn", "flags")
	msgHelpDefault  = msg.New("mặc định", "default")
	msgHelpMore     = msg.New(
		`Chạy "minhbach [lệnh] --help" để xem hướng dẫn của một lệnh.`,
		`Use "minhbach [command] --help" for more information about a command.`)
)

func init() {
	// replace old new s: s with old replaced, for the usage template.
	cobra.AddTemplateFunc("replace", func(old, new, s string) string { return strings.ReplaceAll(s, old, new) })
}

// localize sets the help of root and every command under it in lang.
func localize(root *cobra.Command, lang string) {
	if lang != "en" {
		lang = "vi"
	}
	root.InitDefaultHelpCmd()
	root.SetUsageTemplate(usageTemplate(lang))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		h, ok := helpTexts[c.CommandPath()]
		if ok {
			if h.short != nil {
				c.Short = h.short.With().In(lang)
			}
			if h.long != nil {
				c.Long = h.long.With().In(lang)
			}
			if h.example != "" {
				c.Example = h.example
			}
		}
		if c.Flags().Lookup("help") == nil {
			c.Flags().BoolP("help", "h", false, "")
		}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			switch m := h.flags[f.Name]; {
			case f.Name == "help":
				f.Usage = helpHelp.With().In(lang)
			case m != nil:
				f.Usage = m.With().In(lang)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// Cobra's errors about the command line, in Vietnamese.
var cobraErrors = []struct {
	re *regexp.Regexp
	m  *msg.Message
}{
	{regexp.MustCompile(`^unknown flag: (.+)$`), msg.New(
		"không có tùy chọn %s",
		"unknown flag: %s")},
	{regexp.MustCompile(`^unknown shorthand flag: '(.+)' in (.+)$`), msg.New(
		"không có tùy chọn -%s (trong %s)",
		"unknown shorthand flag: -%s (in %s)")},
	{regexp.MustCompile(`^flag needs an argument: (.+)$`), msg.New(
		"tùy chọn %s cần một giá trị",
		"flag needs an argument: %s")},
	{regexp.MustCompile(`^unknown command "(.+)" for "(.+)"$`), msg.New(
		"không có lệnh %q trong %q",
		"unknown command %q for %q")},
	{regexp.MustCompile(`^invalid argument "(.+)" for "(.+)"$`), msg.New(
		"đối số %q không hợp lệ cho %q",
		"invalid argument %q for %q")},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), msg.New(
		"lệnh này nhận tối đa %s đối số, nhưng có %s",
		"accepts at most %s arguments, received %s")},
}

// cobraError says a mistake cobra found on the command line in lang; any
// other error as msg.ErrorIn does.
func cobraError(err error, lang string) string {
	s := msg.ErrorIn(err, lang)
	if lang == "en" {
		return s
	}
	first, rest, _ := strings.Cut(s, "\n")
	for _, c := range cobraErrors {
		if m := c.re.FindStringSubmatch(first); m != nil {
			args := make([]any, len(m)-1)
			for i, a := range m[1:] {
				args[i] = a
			}
			out := c.m.With(args...).In(lang)
			if rest != "" {
				out += "\n" + strings.Replace(rest, "Did you mean this?", msgDidYouMean.With().In(lang), 1)
			}
			return out
		}
	}
	return s
}
