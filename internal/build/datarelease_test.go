package build_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/build"
	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/ledger"
	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/route"
)

const releaseSite = `
-- data/indicators.csv --
code,group,name_vi,name_en,unit,direction,definition_vi,definition_en,source_vi,source_en
VB01,van-ban,Tỷ lệ văn bản được ký số,Documents signed digitally,percent,up,,,,
-- data/units.csv --
code,name_vi,name_en,kind,parent
064,Huyện Chợ Đồn,Chợ Đồn district,district,
02020,Thị trấn Bằng Lũng,Bằng Lũng township,township,064
02065,Xã Yên Thịnh,Yên Thịnh commune,commune,064
-- data/snapshots/2024-Q4.csv --
unit,indicator,value,numerator,denominator,note,source
02020,VB01,,45,48,,
02065,VB01,,30,40,,
`

// A quarter later: 2025-Q1's figures, and a 2024-Q4 figure corrected.
const releasePatch = `
-- data/snapshots/2024-Q4.csv --
unit,indicator,value,numerator,denominator,note,source
02020,VB01,,46,48,,
02065,VB01,,30,40,,
-- data/snapshots/2025-Q1.csv --
unit,indicator,value,numerator,denominator,note,source
02020,VB01,,47,48,,
02065,VB01,,35,40,,
`

var releaseLater = buildtest.Today.AddDate(0, 3, 0)

// TestDataReleases publishes twice with a change between: the first
// publish's files are served again byte for byte as a release beside the
// second's; the data page lists both, newest first, with the SHA-256 of
// their SHA256SUMS; each release's SHA256SUMS holds for its files and its
// page lists them; the same two publishes elsewhere give the same bytes;
// a draft makes no release.
func TestDataReleases(t *testing.T) {
	t.Parallel()
	b := buildtest.Build(t, releaseSite)
	first := releaseList(t, b)
	if len(first) != 1 || !publish.ValidID(first[0].id) {
		t.Fatalf("after one publish the data page lists %+v", first)
	}
	id1 := first[0].id
	files1 := releaseFiles(t, b.Dest, id1)
	if !bytes.Equal(files1["figures.csv"], b.ReadFile("du-lieu/figures.csv")) || !bytes.Equal(files1["corrections.csv"], b.ReadFile("du-lieu/corrections.csv")) {
		t.Error("release 1 does not hold the figures and errata it published")
	}
	zip1 := b.ReadFile(route.Bundle)
	if !bytes.Equal(files1["du-lieu.zip"], zip1) {
		t.Error("release 1 does not hold the zip of every download it published")
	}
	// The history keeps that zip only: the figures and errata are in it.
	if entries, _ := os.ReadDir(filepath.Join(b.History, b.Result.Release)); len(entries) != 1 || entries[0].Name() != ledger.ZipFile {
		t.Errorf("the history keeps %v of the release, want its zip only", entries)
	}

	b.At(releaseLater).Rebuild(releasePatch)
	list := releaseList(t, b)
	if len(list) != 2 || list[1].id != id1 || list[0].id == id1 {
		t.Fatalf("after two publishes the data page lists %+v, want the new one then %s", list, id1)
	}
	if !strings.HasPrefix(list[0].id, releaseLater.Format("20060102-150405")) || list[0].date != "01/06/2025" || list[1].date != "01/03/2025" {
		t.Errorf("dates: %+v", list)
	}
	id2 := list[0].id
	if got := releaseFiles(t, b.Dest, id1); !maps2Equal(got, files1) {
		t.Errorf("release 1's files changed after release 2")
	}
	files2 := releaseFiles(t, b.Dest, id2)
	if !bytes.Equal(files2["figures.csv"], b.ReadFile("du-lieu/figures.csv")) || bytes.Equal(files2["figures.csv"], files1["figures.csv"]) {
		t.Error("release 2 does not hold the new figures")
	}
	if !bytes.Equal(files2["du-lieu.zip"], b.ReadFile(route.Bundle)) || bytes.Equal(files2["du-lieu.zip"], zip1) {
		t.Error("release 2 does not hold the new zip")
	}
	if !bytes.Contains(files2["corrections.csv"], []byte("02020")) {
		t.Error("release 2's errata lack the corrected 2024-Q4 figure")
	}
	for _, r := range list {
		sums := b.ReadFile(route.ReleaseFile(r.id, "SHA256SUMS"))
		got := hexSum(sums)
		if got != r.sha256 {
			t.Errorf("%s: the data page says SHA-256 %s, SHA256SUMS is %s", r.id, r.sha256, got)
		}
		if !strings.HasSuffix(r.id, "-"+got[:12]) {
			t.Errorf("%s: the id does not end with its SHA256SUMS' hash %s", r.id, got)
		}
		checkSums(t, b.Dest, r.id, sums)
		// Its page, in both languages: every file with its size and
		// checksum, linked at the one address of the files.
		for _, page := range []string{route.Release(r.id), route.InLang("en", route.Release(r.id))} {
			doc := b.HTML(page + "/index.html")
			rows := buildtest.Select(doc, "tbody tr")
			if len(rows) != 4 {
				t.Errorf("%s: %d files listed, want corrections, the zip, figures and SHA256SUMS", page, len(rows))
			}
			for _, row := range rows {
				href := buildtest.Attr(buildtest.Select(row, "a")[0], "href")
				name := strings.TrimPrefix(href, "/"+route.Release(r.id)+"/")
				data := b.ReadFile(route.ReleaseFile(r.id, name))
				if got := buildtest.Text(buildtest.Select(row, "code.hash")[0]); got != hexSum(data) {
					t.Errorf("%s: %s listed with SHA-256 %s, is %s", page, name, got, hexSum(data))
				}
			}
		}
	}
	b.AssertFile(route.InLang("en", route.Release(id1))+"/index.html", "Data release "+id1, "/du-lieu/phat-hanh/"+id1+"/figures.csv")

	// The list of releases, in both languages: the same releases as the
	// data page, newest first, each linking its page and files, which
	// exist; every release page has a description of its own.
	for _, lang := range []string{"vi", "en"} {
		doc := b.HTML(route.InLang(lang, route.Releases) + "/index.html")
		rows := buildtest.Select(doc, "table.releases tbody tr")
		if len(rows) != len(list) {
			t.Fatalf("%s list of releases: %d rows, want %d", lang, len(rows), len(list))
		}
		for i, row := range rows {
			if id := buildtest.Text(buildtest.Select(row, "th a")[0]); id != list[i].id {
				t.Errorf("%s list row %d: %s, want %s", lang, i, id, list[i].id)
			}
			var links []string
			for _, a := range buildtest.Select(row, "a") {
				links = append(links, buildtest.Attr(a, "href"))
			}
			want := []string{"/" + route.InLang(lang, route.Release(list[i].id)) + "/", "/" + route.ReleaseFile(list[i].id, "du-lieu.zip"),
				"/" + route.ReleaseFile(list[i].id, "figures.csv"), "/" + route.ReleaseFile(list[i].id, "SHA256SUMS")}
			if !slices.Equal(links[:4], want) {
				t.Errorf("%s list row %d links %v, want %v", lang, i, links, want)
			}
			for _, l := range links[1:] {
				b.ReadFile(strings.TrimPrefix(l, "/"))
			}
			if got := buildtest.Text(buildtest.Select(row, "code.hash")[0]); got != list[i].sha256 {
				t.Errorf("%s list row %d: SHA-256 %s, want %s", lang, i, got, list[i].sha256)
			}
		}
		seen := map[string]bool{}
		for _, r := range list {
			d := metas(b.HTML(route.InLang(lang, route.Release(r.id)) + "/index.html"))["description"]
			if !strings.Contains(d, r.id) || seen[d] {
				t.Errorf("%s release %s: description %q", lang, r.id, d)
			}
			seen[d] = true
		}
	}

	// The same two publishes from scratch: the same bytes, site and history.
	c := buildtest.Build(t, releaseSite).At(releaseLater).Rebuild(releasePatch)
	if diff := treeDiff(t, b.Dest, c.Dest); diff != "" {
		t.Errorf("two builds differ: %s", diff)
	}

	// A draft serves the releases kept and makes none.
	ledgerBefore, _ := os.ReadFile(filepath.Join(b.History, ledger.File))
	draft := filepath.Join(t.TempDir(), "draft")
	if _, err := build.Site(t.Context(), build.Options{Source: b.Source, Dest: draft, History: b.History, Today: releaseLater.AddDate(0, 0, 1)}); err != nil {
		t.Fatal(err)
	}
	dirs, _ := os.ReadDir(filepath.Join(draft, filepath.FromSlash(route.Release(""))))
	var ids []string
	for _, d := range dirs {
		if d.IsDir() {
			ids = append(ids, d.Name())
		}
	}
	if !slices.Equal(ids, []string{id1, id2}) {
		t.Errorf("a draft serves releases %v, want %s and %s only", ids, id1, id2)
	}
	if ledgerAfter, _ := os.ReadFile(filepath.Join(b.History, ledger.File)); !bytes.Equal(ledgerBefore, ledgerAfter) {
		t.Error("a draft changed the history")
	}
	if diff := treeDiff(t, filepath.Join(b.Dest, filepath.FromSlash(route.Release(id1))), filepath.Join(draft, filepath.FromSlash(route.Release(id1)))); diff != "" {
		t.Errorf("release 1 in the draft: %s", diff)
	}
}

// TestDataReleasesFromFormat1: a history an older minhbach wrote (format
// 1: figures and errata as files of their own, no zip) is read; the next
// publish serves the old release as it was and adds its own, with its zip.
func TestDataReleasesFromFormat1(t *testing.T) {
	t.Parallel()
	b := buildtest.Build(t, releaseSite)
	// Turn the history into format 1, as an older minhbach left it.
	dir := filepath.Join(b.History, b.Result.Release)
	z, err := zip.OpenReader(filepath.Join(dir, ledger.ZipFile))
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]string{}
	for _, name := range []string{ledger.FiguresFile, ledger.CorrectionsFile} {
		r, err := z.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(r)
		r.Close()
		sums[name] = hexSum(data)
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	z.Close()
	os.Remove(filepath.Join(dir, ledger.ZipFile))
	csvPath := filepath.Join(b.History, ledger.File)
	raw, _ := os.ReadFile(csvPath)
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	cells := strings.Split(lines[1], ",")
	old := "format,event,release,date,latest_period,pages,figures_sha256,corrections_sha256\n1," + strings.Join(cells[1:8], ",") + "\n"
	if err := os.WriteFile(csvPath, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}

	b.At(releaseLater).Rebuild(releasePatch)
	list := releaseList(t, b)
	if len(list) != 2 {
		t.Fatalf("after a publish on a format-1 history the data page lists %+v", list)
	}
	oldFiles := releaseFiles(t, b.Dest, list[1].id)
	if _, ok := oldFiles["du-lieu.zip"]; ok || hexSum(oldFiles["figures.csv"]) != sums[ledger.FiguresFile] || hexSum(oldFiles["corrections.csv"]) != sums[ledger.CorrectionsFile] {
		t.Errorf("the format-1 release is not served as it was kept: %v", slices.Sorted(maps.Keys(oldFiles)))
	}
	checkSums(t, b.Dest, list[1].id, oldFiles["SHA256SUMS"])
	newFiles := releaseFiles(t, b.Dest, list[0].id)
	if !bytes.Equal(newFiles["du-lieu.zip"], b.ReadFile(route.Bundle)) {
		t.Error("the new release lacks its zip")
	}
	raw, _ = os.ReadFile(csvPath)
	lines = strings.Split(strings.TrimSpace(string(raw)), "\n")
	if len(lines) != 3 || lines[0] != strings.Join(ledger.Columns, ",") || lines[1] != strings.Split(old, "\n")[1]+"," || !strings.HasPrefix(lines[2], "2,publish,") {
		t.Errorf("releases.csv after the publish:\n%s", raw)
	}
}

type listedRelease struct{ id, date, sha256 string }

// releaseList reads the data page's list of releases.
func releaseList(t *testing.T, b *buildtest.Builder) []listedRelease {
	t.Helper()
	var out []listedRelease
	for _, row := range buildtest.Select(b.HTML("du-lieu/index.html"), "table.releases tbody tr") {
		out = append(out, listedRelease{
			id:     buildtest.Text(buildtest.Select(row, "th a")[0]),
			date:   buildtest.Text(buildtest.Select(row, "time")[0]),
			sha256: buildtest.Text(buildtest.Select(row, "code")[0]),
		})
	}
	return out
}

// releaseFiles reads the files of release id, its page aside.
func releaseFiles(t *testing.T, dest, id string) map[string][]byte {
	t.Helper()
	dir := filepath.Join(dest, filepath.FromSlash(route.Release(id)))
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if e.Name() == "index.html" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	want, format1 := []string{"SHA256SUMS", "corrections.csv", "du-lieu.zip", "figures.csv"}, []string{"SHA256SUMS", "corrections.csv", "figures.csv"}
	if names := slices.Sorted(maps.Keys(out)); !slices.Equal(names, want) && !slices.Equal(names, format1) {
		t.Errorf("release %s has %v, want %v (or, recorded in format 1, no zip)", id, names, want)
	}
	return out
}

// checkSums is `sha256sum -c` in the release's folder: every line holds,
// and every file of the folder but the page and SHA256SUMS is listed.
func checkSums(t *testing.T, dest, id string, sums []byte) {
	t.Helper()
	files := releaseFiles(t, dest, id)
	sc := bufio.NewScanner(bytes.NewReader(sums))
	listed := 0
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		data, have := files[name]
		if !ok || !have || hexSum(data) != sum {
			t.Errorf("%s: SHA256SUMS line %q: FAILED", id, sc.Text())
		}
		listed++
	}
	if listed != len(files)-1 {
		t.Errorf("%s: SHA256SUMS lists %d files, the folder has %d", id, listed, len(files)-1)
	}
}

func hexSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func maps2Equal(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// treeDiff names the first difference between two trees, "" when they
// hold the same files with the same bytes.
func treeDiff(t *testing.T, a, b string) string {
	t.Helper()
	read := func(root string) map[string][]byte {
		out := map[string][]byte{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			out[filepath.ToSlash(rel)] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	ta, tb := read(a), read(b)
	var names []string
	for n := range ta {
		names = append(names, n)
	}
	for n := range tb {
		if _, ok := ta[n]; !ok {
			return n + " only in the second"
		}
	}
	slices.Sort(names)
	for _, n := range names {
		other, ok := tb[n]
		if !ok {
			return n + " only in the first"
		}
		if !bytes.Equal(ta[n], other) {
			return n + " differs"
		}
	}
	if len(names) == 0 {
		return "no files"
	}
	return ""
}
