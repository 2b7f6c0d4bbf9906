package site

import "github.com/minhbach/minhbach/internal/model"

// Meta is what the site's config says of itself in one language, for the
// downloads that describe themselves (a workbook's about sheet).
type Meta struct{ Title, Licence string }

// Metas reads the site's title and licence per language from its config
// over the theme's defaults, as the pages show them.
func Metas(source string) (map[model.Lang]Meta, error) {
	cfg, err := mergedConfig(source)
	if err != nil {
		return nil, err
	}
	out := map[model.Lang]Meta{}
	langs, _ := cfg["languages"].(map[string]any)
	for _, lang := range model.Langs {
		l, _ := langs[string(lang)].(map[string]any)
		params, _ := l["params"].(map[string]any)
		title, _ := l["title"].(string)
		licence, _ := params["licence"].(string)
		out[lang] = Meta{Title: title, Licence: licence}
	}
	return out, nil
}
