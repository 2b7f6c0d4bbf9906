package site

import (
	"testing"

	"github.com/minhbach/minhbach/internal/budget"
	"github.com/minhbach/minhbach/internal/model"
)

func TestReadSettings(t *testing.T) {
	t.Parallel()
	src := writeSite(t, map[string]string{"hugo.toml": `
baseURL = "https://x.example.invalid/"
[params]
licence = "CC BY 4.0"
reportingThreshold = 90
[languages.vi]
title = "Huyện X"
[languages.vi.params]
licence = "Giấy phép mở"
`})
	s, err := ReadSettings(src)
	if err != nil {
		t.Fatal(err)
	}
	want := Settings{
		BaseURL: "https://x.example.invalid/",
		// English: the theme's title and licence, since a language's own
		// setting (here the theme's) wins over the top level, as in Hugo.
		Title:     model.Text{VI: "Huyện X", EN: "Digital government indicators"},
		Licence:   model.Text{VI: "Giấy phép mở", EN: "Open data: free to use and share with attribution."},
		Threshold: 90,
		Budget:    budget.Limits{Enabled: true, PageKB: 60, ChartKB: 200}, // the theme's
	}
	if s != want {
		t.Errorf("settings = %+v, want %+v", s, want)
	}
	s, err = ReadSettings(writeSite(t, map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	if s.BaseURL != "/" || s.Licence.VI == "" || s.Threshold != 100 {
		t.Errorf("defaults = %+v: want baseURL /, the theme's licence and threshold 100", s)
	}
	for _, bad := range []string{`"90%"`, "120", "-1"} {
		if _, err := ReadSettings(writeSite(t, map[string]string{"hugo.toml": "[params]\nreportingThreshold = " + bad + "\n"})); err == nil {
			t.Errorf("reportingThreshold = %s: no error", bad)
		}
	}
}

// TestReadBudget: a site's params.budget replaces the theme's key by key.
func TestReadBudget(t *testing.T) {
	t.Parallel()
	src := writeSite(t, map[string]string{"hugo.toml": "[params.budget]\nenabled = false\npage_kb = 42.5\n"})
	s, err := ReadSettings(src)
	if err != nil {
		t.Fatal(err)
	}
	if want := (budget.Limits{Enabled: false, PageKB: 42.5, ChartKB: 200}); s.Budget != want {
		t.Errorf("budget %+v, want %+v", s.Budget, want)
	}
}
