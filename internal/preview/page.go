package preview

import (
	"bytes"
	"html/template"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/msg"
)

// page serves a file of the latest good build. While the latest build has
// failed, every page (an address of HTML) is the problems page instead;
// stylesheets and scripts still come from the last good build.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	st, ok := s.built(r.Context())
	if !ok {
		return // the client left, or the preview is stopping
	}
	name := path.Clean("/" + r.URL.Path)
	isPage := strings.HasSuffix(r.URL.Path, "/") || path.Ext(name) == ".html"
	if st.err != nil && isPage {
		s.overlay(w, st)
		return
	}
	file := filepath.Join(s.dir, filepath.FromSlash(name))
	fi, err := os.Stat(file)
	if err == nil && fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusFound)
			return
		}
		file = filepath.Join(file, "index.html")
	}
	if filepath.Ext(file) != ".html" {
		w.Header().Set("Cache-Control", "no-cache")
		f, err := os.Open(file)
		if err != nil {
			s.notFound(w, st)
			return
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil || fi.IsDir() {
			s.notFound(w, st)
			return
		}
		http.ServeContent(w, r, file, fi.ModTime(), f)
		return
	}
	b, err := os.ReadFile(file)
	if err != nil {
		s.notFound(w, st)
		return
	}
	s.html(w, http.StatusOK, b, st.gen)
}

// notFound answers with the site's own 404 page, or the problems page
// while the data has some.
func (s *server) notFound(w http.ResponseWriter, st state) {
	if st.err != nil {
		s.overlay(w, st)
		return
	}
	b, err := os.ReadFile(filepath.Join(s.dir, "404.html"))
	if err != nil {
		http.NotFound(w, nil)
		return
	}
	s.html(w, http.StatusNotFound, b, st.gen)
}

// html sends a built page with the preview banner and the reload script.
func (s *server) html(w http.ResponseWriter, code int, b []byte, gen int) {
	b = Inject(b, gen)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store") // a preview page is never kept
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(code)
	_, _ = w.Write(b)
}

var (
	bodyTag = regexp.MustCompile(`(?i)<body[^>]*>`)
	bodyEnd = regexp.MustCompile(`(?i)</body\s*>`)
	htmlTag = regexp.MustCompile(`(?i)<html[^>]*\blang="?([a-zA-Z-]+)`)
)

// Inject returns a built page with the preview banner, in the page's own
// language, first in its body, and the reload script last.
func Inject(page []byte, gen int) []byte {
	lang := msg.VI
	if m := htmlTag.FindSubmatch(page); m != nil && strings.HasPrefix(strings.ToLower(string(m[1])), msg.EN) {
		lang = msg.EN
	}
	at := 0
	if loc := bodyTag.FindIndex(page); loc != nil {
		at = loc[1]
	}
	end := len(page)
	if loc := bodyEnd.FindAllIndex(page, -1); loc != nil && loc[len(loc)-1][0] >= at {
		end = loc[len(loc)-1][0]
	}
	var out bytes.Buffer
	out.Grow(len(page) + 1024)
	out.Write(page[:at])
	banner(&out, lang)
	out.Write(page[at:end])
	reloadScript(&out, gen)
	out.Write(page[end:])
	return out.Bytes()
}

// BannerID is the id of the banner's element, for tests and for anyone
// looking at a screenshot's source.
const BannerID = "minhbach-preview"

// The banner stays at the top of the window while the page scrolls, and
// in print, so no screenshot or printout of a draft passes for the site.
var bannerTmpl = template.Must(template.New("banner").Parse(
	`<div id="` + BannerID + `" role="note" style="position:sticky;top:0;z-index:1000;margin:0;padding:.5em 1em;` +
		`background:#b3261e;color:#fff;font:bold 1rem/1.4 system-ui,sans-serif;text-align:center">{{.}}</div>`))

func banner(w io.Writer, lang string) {
	_ = bannerTmpl.Execute(w, msgBanner.With().In(lang))
}

// reloadScript reloads the page when the preview's build number differs
// from gen, the one the page was served with. Only a visible page keeps
// the stream open: a browser gives a server six connections, and each
// hidden tab holding one would leave the seventh tab waiting; a tab shown
// again reconnects, hears the current number and reloads if it is stale.
// EventSource reconnects by itself after a restart of the preview.
func reloadScript(w io.Writer, gen int) {
	_, _ = io.WriteString(w, `<script>(function(){var g="`+strconv.Itoa(gen)+`",s=null;`+
		`function on(){if(s)return;s=new EventSource("`+EventsPath+`");`+
		`s.onmessage=function(e){if(e.data!==g){s.close();location.reload()}}}`+
		`function off(){if(s){s.close();s=null}}`+
		`document.addEventListener("visibilitychange",function(){document.hidden?off():on()});`+
		`if(!document.hidden)on()})()</script>`)
}

// overlayView is what the problems page shows.
type overlayView struct {
	Lang, Title, Lead string
	Lines             []string // the problems, as check prints them
	Other             string   // a failure that is not about the data
}

// The problems are in the page's own font: monospace fonts place
// Vietnamese accents badly.
var overlayTmpl = template.Must(template.New("overlay").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{{.Title}}</title>
<style>
body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1b1b1b;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{color:#b3261e;font-size:1.5rem}
ol{padding-left:1.5rem}
li{margin:.5rem 0}
code,pre{font:inherit;white-space:pre-wrap;overflow-wrap:anywhere}
pre{background:#f4f4f4;padding:.75rem}
</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<p>{{.Lead}}</p>
{{- with .Lines}}
<ol class="problems">
{{- range .}}
<li><code>{{.}}</code></li>
{{- end}}
</ol>
{{- end}}
{{- with .Other}}
<pre>{{.}}</pre>
{{- end}}
</main>
</body>
</html>
`))

// overlay sends the problems of the latest build, with the banner and the
// reload script, so that saving the fix brings the site back.
func (s *server) overlay(w http.ResponseWriter, st state) {
	v := overlayView{Lang: s.lang}
	if problems := diag.All(st.err); len(problems) > 0 {
		title := msgOverlayTitle
		if len(problems) == 1 {
			title = msgOverlayTitleOne
		}
		v.Title = title.With(len(problems)).In(s.lang)
		v.Lead = msgOverlayLead.With("minhbach check").In(s.lang)
		for _, p := range problems {
			v.Lines = append(v.Lines, p.Line(s.lang))
		}
	} else {
		v.Title = msgFailTitle.With().In(s.lang)
		v.Lead = msgFailLead.With().In(s.lang)
		v.Other = msg.ErrorIn(st.err, s.lang)
	}
	var b bytes.Buffer
	if err := overlayTmpl.Execute(&b, v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	// 500: the address is fine, the site behind it is not built.
	s.html(w, http.StatusInternalServerError, b.Bytes(), st.gen)
}
