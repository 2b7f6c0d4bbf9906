//go:build browser

package build_test

import (
	"fmt"
	"testing"

	"github.com/minhbach/minhbach/internal/buildtest"
)

// phonePages are the sample's page types, each once; every one is also
// checked under /en.
var phonePages = []string{
	"/",                 // home
	"/chi-so/",          // the indicators' list
	"/chi-so/vb01/",     // an indicator
	"/don-vi/",          // the units' list
	"/don-vi/064/",      // the district
	"/don-vi/02020/",    // a commune
	"/the-diem/",        // the scorecards' list
	"/the-diem/02020/",  // a scorecard
	"/bao-cao/",         // the reports' list
	"/bao-cao/2024-q4/", // a report
	"/tinh-trang/",      // reporting status
	"/thay-doi/",        // what changed
	"/phuong-phap/",     // method
	"/du-lieu/",         // downloads
}

// phoneLayout is what a page's layout looks like to a reader on a phone.
type phoneLayout struct {
	ScrollWidth float64  `json:"scrollWidth"`
	Width       float64  `json:"width"`
	Narrow      []string `json:"narrow"`    // cells of text narrower than 120 px
	Scrollers   []string `json:"scrollers"` // boxes that scroll sideways inside the page
	Wide        []string `json:"wide"`      // elements past the right edge
}

// phoneLayoutJS measures the rendered page: the document's width, each
// visible table cell holding words (two or more, with letters) that is
// narrower than 120 px, and each element that scrolls sideways.
const phoneLayoutJS = `(function () {
	// Column headings clipped away (for screen readers only) are not seen.
	function clipped(el) {
		for (; el; el = el.parentElement) if (getComputedStyle(el).clip !== 'auto') return true;
		return false;
	}
	var out = {scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth, narrow: [], scrollers: []};
	document.querySelectorAll('table th, table td').forEach(function (c) {
		var r = c.getBoundingClientRect();
		if (r.width === 0 || r.height === 0 || clipped(c)) return;
		var text = c.innerText.replace(/\s+/g, ' ').trim();
		if (!/\p{L}/u.test(text) || text.indexOf(' ') < 0) return;
		if (r.width < 120) out.narrow.push(Math.round(r.width) + 'px: ' + text.slice(0, 60));
	});
	document.querySelectorAll('body *').forEach(function (el) {
		var s = getComputedStyle(el).overflowX;
		if ((s === 'auto' || s === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
			out.scrollers.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + el.scrollWidth + '>' + el.clientWidth);
		}
	});
	// What sticks out, to say where to look when the page is too wide.
	out.wide = [];
	document.querySelectorAll('body *').forEach(function (el) {
		var r = el.getBoundingClientRect();
		if (r.right > out.width + 0.5 && out.wide.length < 5) out.wide.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(r.right) + 'px: ' + (el.textContent || '').trim().slice(0, 40));
	});
	return out;
})()`

// TestBrowserPagesFitPhones: every page type, in both languages, at the
// widths of small (360 px) and common (412 px) Android phones: the page
// never scrolls sideways, no box scrolls sideways inside it, and no table
// squeezes words into a column narrower than 120 px (a table of many
// columns turns into stacked rows instead).
func TestBrowserPagesFitPhones(t *testing.T) {
	s := buildtest.Sample(t)
	base := serve(t, s.Dest)
	for _, width := range []int64{360, 412} {
		// A browser per width: some thirty pages, each within its life.
		browser := startBrowser(t)
		for _, lang := range []string{"", "/en"} {
			for _, path := range phonePages {
				path := lang + path
				visit(t, browser, base+path, view{width: width}, func(p *tab) {
					l := eval[phoneLayout](t, p, phoneLayoutJS)
					what := fmt.Sprintf("%s at %d px", path, width)
					if l.Width != float64(width) {
						t.Fatalf("%s: viewport %v px wide: the test is not testing", what, l.Width)
					}
					if l.ScrollWidth > l.Width {
						t.Errorf("%s: the page is %v px wide: it scrolls sideways; past the edge: %q", what, l.ScrollWidth, l.Wide)
					}
					for _, c := range l.Narrow {
						t.Errorf("%s: words in a column narrower than 120 px: %s", what, c)
					}
					for _, s := range l.Scrollers {
						t.Errorf("%s: a box scrolls sideways inside the page: %s", what, s)
					}
				})
			}
		}
	}
}
