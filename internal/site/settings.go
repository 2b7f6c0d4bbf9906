package site

import (
	"strings"

	"github.com/minhbach/minhbach/internal/budget"
	"github.com/minhbach/minhbach/internal/model"
)

// Settings are the few site settings the downloads repeat outside the
// pages (the data package's licence and publisher, the schema.org
// Dataset): read from the same merged config Hugo is given, so a page and
// a download never disagree.
type Settings struct {
	BaseURL string        // "https://chodon.example.invalid/", or "/" when the site sets none
	Title   model.Text    // the site's title per language
	Licence model.Text    // params.licence per language
	Budget  budget.Limits // params.budget: the pages' weight the build enforces
	// Threshold is params.reportingThreshold: the percentage of the units
	// that report (analyse.Reporters) a period needs before the home page
	// and the reports lead with it; 100, every unit, when unset.
	Threshold float64
}

// DefaultThreshold is the reporting threshold of a site that sets none:
// a period is complete once every unit that reports has reported.
const DefaultThreshold float64 = 100

// ReadSettings reads the settings of the site folder source.
func ReadSettings(source string) (Settings, error) {
	cfg, err := mergedConfig(source)
	if err != nil {
		return Settings{}, err
	}
	str := func(m map[string]any, keys ...string) string {
		for _, k := range keys[:len(keys)-1] {
			m, _ = m[k].(map[string]any)
		}
		s, _ := m[keys[len(keys)-1]].(string)
		return strings.TrimSpace(s)
	}
	// A language's own setting wins over the top-level one, as in Hugo.
	in := func(lang model.Lang, keys ...string) string {
		if s := str(cfg, append([]string{"languages", string(lang)}, keys...)...); s != "" {
			return s
		}
		return str(cfg, keys...)
	}
	s := Settings{BaseURL: str(cfg, "baseurl")}
	if s.BaseURL == "" {
		s.BaseURL = "/"
	}
	s.Title = model.Text{VI: in(model.VI, "title"), EN: in(model.EN, "title")}
	s.Licence = model.Text{VI: in(model.VI, "params", "licence"), EN: in(model.EN, "params", "licence")}
	s.Threshold = DefaultThreshold
	params, _ := cfg["params"].(map[string]any)
	if v, ok := params["reportingthreshold"]; ok {
		t, isNumber := numberOf(v)
		if !isNumber || !(t >= 0 && t <= 100) {
			return Settings{}, msgThreshold.Err(v)
		}
		s.Threshold = t
	}
	b, _ := params["budget"].(map[string]any)
	s.Budget = budget.Limits{Enabled: true, PageKB: number(b["page_kb"]), ChartKB: number(b["chart_kb"])}
	if on, ok := b["enabled"].(bool); ok {
		s.Budget.Enabled = on
	}
	return s, nil
}

// number is a setting's number, as TOML, YAML or JSON gives it; 0 for
// anything else (no limit).
func number(v any) float64 {
	n, _ := numberOf(v)
	return n
}

// numberOf is v as a number, and whether it is one.
func numberOf(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case int:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}
