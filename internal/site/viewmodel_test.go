package site

import (
	"io/fs"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/route"
	"github.com/minhbach/minhbach/internal/sitedata"
)

// TestViewModelFieldsAreUsed fails when a field of a view model is never
// read by the theme's layouts or i18n strings: data made for nobody is a
// field to delete (or a template that forgot to show it). A template that
// asks for a field a view model lacks fails the build itself, as Hugo
// cannot evaluate it; TestMissingFieldFailsTheBuild shows that.
func TestViewModelFieldsAreUsed(t *testing.T) {
	var text strings.Builder
	err := fs.WalkDir(theme, "theme", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasPrefix(p, "theme/layouts/") || strings.HasPrefix(p, "theme/i18n/") || strings.HasPrefix(p, "theme/content/")) {
			return err
		}
		b, err := theme.ReadFile(p)
		text.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`\.([A-Z]\w*)`).FindAllStringSubmatch(text.String(), -1) {
		used[m[1]] = true
	}
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type, string)
	walk = func(ty reflect.Type, where string) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || ty.PkgPath() != reflect.TypeFor[sitedata.Home]().PkgPath() || seen[ty] {
			return
		}
		seen[ty] = true
		for f := range ty.Fields() {
			if !f.IsExported() {
				continue
			}
			if !f.Anonymous && !used[f.Name] {
				t.Errorf("%s.%s (in %s) is never used by a template", ty.Name(), f.Name, where)
			}
			walk(f.Type, ty.Name())
		}
	}
	for _, v := range []any{
		sitedata.Home{}, sitedata.IndicatorList{}, sitedata.UnitList{}, sitedata.IndicatorParams{}, sitedata.UnitParams{},
		sitedata.ReportParams{}, sitedata.ScorecardParams{}, sitedata.ChangesParams{}, sitedata.ReportingParams{},
		sitedata.DataParams{}, sitedata.MethodologyParams{}, sitedata.ReportingGroupParams{}, sitedata.ChangesGroupParams{},
	} {
		walk(reflect.TypeOf(v), "view")
	}
}

// TestMissingFieldFailsTheBuild: a layout (here a site's override) that
// asks a view model for a field it does not have stops the build, naming
// the template and the field, rather than printing nothing.
func TestMissingFieldFailsTheBuild(t *testing.T) {
	src := writeSite(t, map[string]string{
		"layouts/chi-so/section.html": `{{ define "main" }}{{ $d := site.Params.minhbach.View site.Language.Lang .Params.view }}{{ $d.Distrct }}{{ end }}`,
	})
	err := Build(t.Context(), Options{Source: src, Dest: t.TempDir(), Data: minimal{}})
	if err == nil || !strings.Contains(err.Error(), "Distrct") || !strings.Contains(err.Error(), "chi-so/section.html") {
		t.Fatalf("err = %v: want the build to fail on the misspelt field", err)
	}
}

// TestLayoutsSpellNoPath: layouts ask internal/route (through the page
// data) for addresses; a section path written in a layout would be a
// second place where an address is defined.
func TestLayoutsSpellNoPath(t *testing.T) {
	err := fs.WalkDir(theme, "theme/layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := theme.ReadFile(p)
		if err != nil {
			return err
		}
		for _, s := range route.Sections {
			for _, q := range []string{`"` + string(s) + `"`, `"` + string(s) + `/`} {
				if strings.Contains(string(b), q) {
					t.Errorf("%s spells the section path %s", p, q)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
