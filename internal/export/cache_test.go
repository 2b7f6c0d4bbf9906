package export

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/model"
)

// A preview's builds share a Cache: every download is the same bytes as
// without it, and a workbook whose figures, indicator or build date
// changed is made again, not served from the cache.
func TestCacheGivesTheSameFiles(t *testing.T) {
	t.Parallel()
	opt := Options{Built: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Sites: map[model.Lang]Meta{model.VI: {Title: "Chợ Đồn"}}}
	files := func(ds *model.Dataset, opt Options) map[string][]byte {
		t.Helper()
		fs, err := Files(context.Background(), siteFS(false), analyse.Run(ds), opt)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]byte{}
		for _, f := range fs {
			out[f.Path] = f.Data
		}
		return out
	}
	cached := opt
	cached.Cache = &Cache{}
	same := func(what string, want, got map[string][]byte) {
		t.Helper()
		if len(want) != len(got) {
			t.Fatalf("%s: %d files, want %d", what, len(got), len(want))
		}
		for p, b := range want {
			if !bytes.Equal(got[p], b) {
				t.Errorf("%s: %s differs from a build without the cache", what, p)
			}
		}
	}
	first := files(dataset(false), cached)
	same("first build", files(dataset(false), opt), first)
	cached.Cache.Sweep()
	if n := len(cached.Cache.wbs); n != 6 {
		t.Errorf("cache holds %d workbooks, want 6 (3 indicators × 2 languages)", n)
	}
	same("second build", first, files(dataset(false), cached))
	cached.Cache.Sweep()

	// A changed figure of C1, a renamed P1, another day: new workbooks.
	ds := dataset(false)
	for i, o := range ds.Snapshots[1].Observations {
		if o.Indicator == "C1" && o.Value != nil {
			ds.Snapshots[1].Observations[i].Value = f(*o.Value + 1)
			break
		}
	}
	ds.Indicators[0].Name.EN = "Applications online"
	changed := files(ds, cached)
	cached.Cache.Sweep()
	same("changed data", files(ds, opt), changed)
	for _, p := range []string{"du-lieu/chi-so/c1.xlsx", "en/du-lieu/chi-so/p1.xlsx"} {
		if bytes.Equal(changed[p], first[p]) {
			t.Errorf("%s: the cached workbook was served after its data changed", p)
		}
	}
	later := opt
	later.Built, later.Cache = later.Built.AddDate(0, 0, 1), cached.Cache
	same("another day", files(ds, Options{Built: later.Built, Sites: opt.Sites}), files(ds, later))
}
