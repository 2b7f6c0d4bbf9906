package sitedata

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
)

// Page is one generated page as the content adapter hands it to Hugo:
// what Hugo needs to place, list and date it. Its view model is made only
// when the page's layout asks for it (Site.View).
type Page struct {
	Path        string
	Kind        string // "section", or empty for a page
	Title       string // empty when TitleI18n names the label to translate
	TitleI18n   string
	TitleArgs   map[string]string // the label's arguments
	Description string
	// Image is the page's preview image (Open Graph), a path in the site;
	// empty: the site's own preview.
	Image string
	// NoIndex keeps the page out of search engines and the sitemap (the
	// embeddable charts, which repeat the indicator pages).
	NoIndex bool
	// Unlisted pages are rendered but left out of Hugo's lists (a
	// section's pages, RSS); the embeds' section page is not rendered.
	Unlisted bool
	Weight   int
	Date     string // reports: the end of the period, 2006-01-02 (RSS needs it)
	Content  *Content
	Layout   string // a layout other than the kind's own ("part")
	// Part is "2/6" on the second of six parts of a split page (see
	// parts.go): its title says so, and Hugo leaves it out of its lists.
	Part string
	// State is set on the report of a period below the reporting
	// threshold (StateUpdating, StateIncomplete), and Reported says who
	// reported ("27/28 đơn vị đã báo cáo"): the lists and the feed say it
	// after the title, so no reader takes a partial report for a whole one.
	State    string
	Reported string
	view     func() (any, error)
}

// Content is a page's Markdown body.
type Content struct {
	MediaType string
	Value     string
}

// Site hands Hugo the pages and their view models. It is safe for
// concurrent use: Hugo renders pages in parallel, and the analysis it
// reads is not changed after analyse.Run.
//
// Hugo's build takes no context, so Site keeps the build's: once it is
// cancelled, View and Home return its error, and Hugo stops rendering.
type Site struct {
	ctx   context.Context
	langs map[model.Lang]*langSite
	// views counts the view models handed out, one per page rendered,
	// for the progress line (Rendered).
	views atomic.Int64
}

type langSite struct {
	b      *builder
	pages  []Page
	byPath map[string]int
}

// New prepares the site of every language. The page list is small; no
// view model is made yet.
func New(ctx context.Context, in Input) *Site {
	s := &Site{ctx: ctx, langs: map[model.Lang]*langSite{}}
	for _, lang := range model.Langs {
		b := &builder{in: in, a: in.Analysis, ds: in.Analysis.Dataset(), lang: lang}
		ls := &langSite{b: b, pages: b.pages(), byPath: map[string]int{}}
		for i, p := range ls.pages {
			ls.byPath[p.Path] = i
		}
		s.langs[lang] = ls
	}
	return s
}

func (s *Site) lang(lang string) (*langSite, error) {
	if s.ctx != nil {
		if err := s.ctx.Err(); err != nil {
			return nil, err
		}
	}
	ls, ok := s.langs[model.Lang(lang)]
	if !ok {
		return nil, fmt.Errorf("sitedata: no language %q", lang)
	}
	return ls, nil
}

// List returns the pages of a language.
func (s *Site) List(lang string) ([]Page, error) {
	ls, err := s.lang(lang)
	if err != nil {
		return nil, err
	}
	return ls.pages, nil
}

// Pages returns the pages of a language as the content adapter's AddPage
// takes them.
func (s *Site) Pages(lang string) ([]map[string]any, error) {
	ls, err := s.lang(lang)
	if err != nil {
		return nil, err
	}
	out := make([]map[string]any, len(ls.pages))
	for i, p := range ls.pages {
		params := map[string]any{"view": p.Path}
		if p.TitleI18n != "" {
			args := map[string]any{}
			for k, v := range p.TitleArgs {
				args[k] = v
			}
			params["title_i18n"], params["title_args"] = p.TitleI18n, args
		}
		m := map[string]any{"path": p.Path, "title": p.Title, "weight": p.Weight, "params": params}
		if p.Kind != "" {
			m["kind"] = p.Kind
		}
		if p.Description != "" {
			m["description"] = p.Description
		}
		if p.Image != "" {
			params["image"] = p.Image
		}
		if p.NoIndex {
			params["noindex"] = true
			m["sitemap"] = map[string]any{"disable": true}
		}
		if p.Unlisted {
			render := "always"
			if p.Kind == "section" {
				render = "never"
			}
			m["build"] = map[string]any{"list": "never", "render": render}
		}
		if p.Date != "" {
			m["dates"] = map[string]any{"date": p.Date}
		}
		if p.Layout != "" {
			m["layout"] = p.Layout
		}
		if p.Part != "" {
			params["part"] = p.Part
			m["build"] = map[string]any{"list": "never", "render": "always"}
		}
		if p.State != "" {
			params["state"], params["reported"] = p.State, p.Reported
		}
		if p.Content != nil {
			m["content"] = map[string]any{"mediaType": p.Content.MediaType, "value": p.Content.Value}
		}
		out[i] = m
	}
	return out, nil
}

// View returns the view model of the page at path: an *IndicatorParams
// for an indicator page, a *UnitParams for a unit page, and so on.
func (s *Site) View(lang, path string) (any, error) {
	ls, err := s.lang(lang)
	if err != nil {
		return nil, err
	}
	i, ok := ls.byPath[path]
	if !ok {
		return nil, fmt.Errorf("sitedata: no page %q in %s", path, lang)
	}
	s.views.Add(1)
	v, err := ls.pages[i].view()
	if err != nil {
		return nil, fmt.Errorf("page %s (%s): %w", path, lang, err)
	}
	return v, nil
}

// Home returns the home page's view model.
func (s *Site) Home(lang string) (*Home, error) {
	ls, err := s.lang(lang)
	if err != nil {
		return nil, err
	}
	s.views.Add(1)
	return ls.b.home(), nil
}

// Rendered is how many pages' view models Hugo has asked for, of how
// many pages (the home pages included): the "N/M pages" of a build's
// progress line. Hugo renders every page once per output.
func (s *Site) Rendered() (done, total int) {
	for _, ls := range s.langs {
		total += len(ls.pages) + 1
	}
	return min(int(s.views.Load()), total), total
}

// Section returns the link of a section by its name ("indicators" →
// "chi-so/"), for layouts, which name sections but never spell paths.
func (s *Site) Section(name string) (string, error) {
	sec, ok := route.Named[name]
	if !ok {
		return "", fmt.Errorf("sitedata: no section named %q", name)
	}
	return route.Link(sec.Path()), nil
}

// Nav lists the page paths of the header's menu.
func (s *Site) Nav() []string { return paths(route.Nav) }

// About lists the page paths of the pages about the data as a whole.
func (s *Site) About() []string { return paths(route.About) }

// Footer lists the page paths of the footer's links.
func (s *Site) Footer() []string { return paths(route.Footer) }

func paths(secs []route.Section) []string {
	out := make([]string, len(secs))
	for i, sec := range secs {
		out[i] = sec.Path()
	}
	return out
}
