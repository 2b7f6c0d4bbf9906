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
	dp, err := DataPackage(files, a, About{Title: model.Text{VI: "Huyện X", EN: "X district"}, Licence: model.Text{VI: "Mở", EN: "Open"}, BaseURL: "/"})
	if err != nil {
		t.Fatal(err)
	}
	return append(files, dp)
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
	// Every download of the data folder, and the 3 lists and 2 snapshots
	// as input files.
	if n := inData(files); len(zr.File) != n+5 {
		t.Errorf("%d entries, want %d", len(zr.File), n+5)
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

// TestChecksums: one `<sha256>  <name>` line per download, by name
// relative to the data folder, sorted; SHA256SUMS never lists itself.
func TestChecksums(t *testing.T) {
	t.Parallel()
	files := machineFiles(t)
	sums := Checksums(append(files, File{Path: route.Checksums, SHA256: "x"}))
	lines := strings.Split(strings.TrimSuffix(string(sums.Data), "\n"), "\n")
	if len(lines) != inData(files) {
		t.Fatalf("%d lines for %d files", len(lines), inData(files))
	}
	want := map[string]string{}
	for _, f := range files {
		if rel, ok := route.InData(f.Path); ok {
			want[rel] = f.SHA256
		}
	}
	prev := ""
	for _, l := range lines {
		sum, name, _ := strings.Cut(l, "  ")
		if want[name] != sum || name <= prev {
			t.Errorf("line %q: want %s, in name order", l, want[name])
		}
		prev = name
	}
}

// inData counts the files of the data folder (the English copies, under
// en/, are outside it).
func inData(files []File) int {
	n := 0
	for _, f := range files {
		if _, ok := route.InData(f.Path); ok {
			n++
		}
	}
	return n
}
