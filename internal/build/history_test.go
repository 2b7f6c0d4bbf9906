package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/ledger"
)

// TestHistoryMigrationDraftDamage: a site published before the ledger
// existed gets its corrections from the old web root, once; a draft reads
// the history and never writes it; a damaged ledger stops the build at the
// damaged cell, leaving the published site as it was.
func TestHistoryMigrationDraftDamage(t *testing.T) {
	t.Parallel()
	b := buildtest.Sample(t).Copy()
	// Published by an older minhbach: the web root has du-lieu/figures.csv,
	// the site has no history/.
	if err := os.RemoveAll(b.History); err != nil {
		t.Fatal(err)
	}
	rewriteCSV(t, filepath.Join(b.Source, "data/snapshots/2024-Q3.csv"), func(col map[string]int, r []string) {
		if r[col["unit"]] == "02023" && r[col["indicator"]] == "VB01" {
			r[col["value"]], r[col["numerator"]] = "", "170"
		}
	})

	// A draft before: nothing to compare with (an old web root is read
	// only by a publish), and no history written.
	draftDest := filepath.Join(t.TempDir(), "draft")
	res, err := build.Site(t.Context(), build.Options{Source: b.Source, Dest: draftDest, History: b.History, Today: buildtest.Today})
	if err != nil {
		t.Fatal(err)
	}
	if res.Recorded || res.Compared != (build.Compared{}) {
		t.Errorf("draft: recorded %v, compared %+v", res.Recorded, res.Compared)
	}
	if _, err := os.Stat(b.History); !os.IsNotExist(err) {
		t.Fatalf("a draft created the history folder (%v)", err)
	}

	b.Build()
	if b.Result.Compared.Legacy != b.Dest || !b.Result.Recorded {
		t.Errorf("migration: compared %+v, recorded %v; want the old web root %s", b.Result.Compared, b.Result.Recorded, b.Dest)
	}
	if rows := corrections(b, ""); len(rows) != 2 {
		t.Errorf("migration: %d corrections, want 2 (Xuân Lạc and the district): %v", len(rows), rows)
	}
	l, err := ledger.Read(t.Context(), b.History, "history")
	if err != nil {
		t.Fatal(err)
	}
	live, ok := l.Live()
	if !ok || live.ID != b.Result.Release || live.Latest != "2024-Q4" || live.Pages != b.Result.Pages {
		t.Errorf("ledger's live release %+v, want %s with %d pages", live, b.Result.Release, b.Result.Pages)
	}
	h, err := l.Load(live.ID)
	if err != nil || string(h.Figures) != string(b.ReadFile("du-lieu/figures.csv")) || string(h.Corrections) != string(b.ReadFile("du-lieu/corrections.csv")) {
		t.Errorf("the ledger's files are not those published (%v)", err)
	}

	// A draft now compares with the ledger, and leaves it as it was.
	before, _ := os.ReadFile(filepath.Join(b.History, ledger.File))
	res, err = build.Site(t.Context(), build.Options{Source: b.Source, Dest: draftDest, History: b.History, Today: buildtest.Today})
	if err != nil || res.Compared.Release != live.ID || res.Recorded {
		t.Errorf("draft after a publish: compared %+v, recorded %v (%v)", res.Compared, res.Recorded, err)
	}
	if after, _ := os.ReadFile(filepath.Join(b.History, ledger.File)); string(after) != string(before) {
		t.Error("a draft changed history/releases.csv")
	}

	// Someone edits the recorded downloads: the next build stops there.
	page := b.ReadFile("thay-doi/index.html")
	f := filepath.Join(b.History, live.ID, ledger.ZipFile)
	if err := os.WriteFile(f, []byte("period,unit\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	all := diag.All(b.BuildErr())
	if len(all) != 1 || all[0].Code != diag.CodeChecksum || all[0].Pos.File != filepath.ToSlash(b.History)+"/releases.csv" || all[0].Pos.Line != 2 ||
		!strings.Contains(all[0].Message("vi"), "đã bị thay đổi sau khi xuất bản") {
		t.Errorf("damaged ledger: %v", all)
	}
	if string(b.ReadFile("thay-doi/index.html")) != string(page) {
		t.Error("a build stopped by a damaged ledger changed the published site")
	}
}
