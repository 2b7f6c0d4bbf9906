package export

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/analyse"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/route"
)

// machineFiles are the test dataset's downloads with their JSON and data
// package, as the build assembles them.
func machineFiles(t *testing.T) []File {
	t.Helper()
	a := analyse.Run(dataset(true))
	files, err := Files(t.Context(), siteFS(true), a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	jsons, err := JSONFiles(a)
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, jsons...)
	dps, err := DataPackages(files, a, About{Title: model.Text{VI: "Huyện X", EN: "X district"}, Licence: model.Text{VI: "Mở", EN: "Open"}, BaseURL: "/"})
	if err != nil {
		t.Fatal(err)
	}
	return append(files, dps...)
}

// TestBundleIsDeterministic: two zips of the same downloads are the same
// bytes, and their hash and size are those of the file written.
func TestBundleIsDeterministic(t *testing.T) {
	t.Parallel()
	files := machineFiles(t)
	var zips [][]byte
	for range 2 {
		dir := t.TempDir()
		f, err := Bundle(t.Context(), dir, files, siteFS(true))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(route.Bundle)))
		if err != nil {
			t.Fatal(err)
		}
		if f.Size != len(b) || f.SHA256 != newFile("", "", "", 0, b).SHA256 || f.Data != nil {
			t.Errorf("Bundle says %d bytes sha256 %s; the file has %d", f.Size, f.SHA256, len(b))
		}
		zips = append(zips, b)
	}
	if !bytes.Equal(zips[0], zips[1]) {
		t.Error("two zips of the same downloads differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(zips[0]), int64(len(zips[0])))
	if err != nil {
		t.Fatal(err)
	}
	// Every download of both data folders, the English ones under en/,
	// and the 3 lists and 2 snapshots as input files.
	n := inData(files, "vi") + inData(files, "en")
	if len(zr.File) != n+5 || n != len(files) {
		t.Errorf("%d entries, want %d (%d files)", len(zr.File), n+5, len(files))
	}
	names := map[string]bool{}
	for _, e := range zr.File {
		names[e.Name] = true
	}
	for _, want := range []string{"en/figures.csv", "en/datapackage.json", "figures.csv", "datapackage.json", "en/chi-so/p1.xlsx"} {
		if !names[want] {
			t.Errorf("the zip lacks %s", want)
		}
	}
	if zr.File[0].Name != "ban-goc/data/indicators.csv" {
		t.Errorf("first entry %s", zr.File[0].Name)
	}
}

func TestBundleStopsWhenCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := Bundle(ctx, t.TempDir(), machineFiles(t), siteFS(true)); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestChecksums: each data folder has its SHA256SUMS, one
// `<sha256>  <name>` line per download of that folder, by name relative
// to it, sorted; a SHA256SUMS never lists itself.
func TestChecksums(t *testing.T) {
	t.Parallel()
	files := machineFiles(t)
	all := Checksums(append(files, File{Path: route.Checksums, SHA256: "x", Kind: "checksums"}))
	if len(all) != 2 || all[0].Path != route.Checksums || all[1].Path != "en/"+route.Checksums {
		t.Fatalf("Checksums gave %d files", len(all))
	}
	for i, lang := range []string{"vi", "en"} {
		sums := all[i]
		lines := strings.Split(strings.TrimSuffix(string(sums.Data), "\n"), "\n")
		if len(lines) != inData(files, lang) {
			t.Fatalf("%s: %d lines for %d files", sums.Path, len(lines), inData(files, lang))
		}
		want := map[string]string{}
		for _, f := range files {
			if rel, ok := route.InDataOf(lang, f.Path); ok {
				want[rel] = f.SHA256
			}
		}
		prev := ""
		for _, l := range lines {
			sum, name, _ := strings.Cut(l, "  ")
			if want[name] != sum || name <= prev {
				t.Errorf("%s: line %q: want %s, in name order", sums.Path, l, want[name])
			}
			prev = name
		}
	}
}

// inData counts the files of lang's data folder.
func inData(files []File, lang string) int {
	n := 0
	for _, f := range files {
		if _, ok := route.InDataOf(lang, f.Path); ok {
			n++
		}
	}
	return n
}
