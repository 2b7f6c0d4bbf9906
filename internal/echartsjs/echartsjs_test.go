package echartsjs

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"testing"
)

// Pinned digests of the vendored files: the custom build custom/build.sh
// makes from echarts@6.1.0, and npm's langVI.js. A change means someone
// replaced the library: update README.md and these together.
const (
	sumEcharts = "e0bdb7a54cc8be539c0ddb300828d04bc929a6ca65e69a5c847c853e25696feb"
	sumLangVI  = "39d19c66256c181ccb337d068302ce3d4011b4dfd4f10aa365504c8a29dfa2c4"
)

func TestFilesPinned(t *testing.T) {
	files := Files()
	var names []string
	byName := map[string]File{}
	for _, f := range files {
		names = append(names, f.Name)
		byName[f.Name] = f
	}
	want := []string{"LICENSE", "NOTICE", "charts.js", "echarts.custom.min.js", "langVI.js", "licenses/LICENSE-d3"}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Fatalf("Files() names = %v, want %v (sorted)", names, want)
	}
	for name, sum := range map[string]string{"echarts.custom.min.js": sumEcharts, "langVI.js": sumLangVI} {
		if got := byName[name].SHA256; got != sum {
			t.Errorf("%s: SHA-256 %s, want pinned %s", name, got, sum)
		}
	}
	if got := byName["echarts.custom.min.js"].Size; got != 551069 {
		t.Errorf("echarts.custom.min.js: size %d, want 551069", got)
	}
	// Digest and size agree with the embedded bytes.
	for _, f := range files {
		b, err := FS.ReadFile(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != f.SHA256 || len(b) != f.Size {
			t.Errorf("%s: File %+v does not describe its content", f.Name, f)
		}
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLicenses(t *testing.T) {
	lic := read(t, "LICENSE")
	for _, s := range []string{"Apache License", "Version 2.0, January 2004", "http://www.apache.org/licenses/"} {
		if !strings.Contains(lic, s) {
			t.Errorf("LICENSE lacks %q: not the Apache License 2.0", s)
		}
	}
	// The build contains d3 code (util/number.ts, the time scale), which
	// LICENSE points to licenses/LICENSE-d3 for.
	if !strings.Contains(lic, "/licenses/LICENSE-d3") {
		t.Error("LICENSE no longer refers to /licenses/LICENSE-d3; check whether it is still needed")
	}
	if d3 := read(t, "licenses/LICENSE-d3"); !strings.Contains(d3, "Mike Bostock") {
		t.Error("licenses/LICENSE-d3 is not d3's BSD licence")
	}
	if n := read(t, "NOTICE"); !strings.Contains(n, "Apache ECharts") {
		t.Error("NOTICE is not ECharts' NOTICE")
	}
}

func TestLangVIRegistersVI(t *testing.T) {
	if s := read(t, "langVI.js"); !strings.Contains(s, "registerLocale('VI'") {
		t.Error("langVI.js does not register the 'VI' locale")
	}
}

func TestChartsJSIsInert(t *testing.T) {
	js := read(t, "charts.js")
	for _, bad := range []string{"eval", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "Function(", "http", "//cdn"} {
		if strings.Contains(js, bad) {
			t.Errorf("charts.js contains %q", bad)
		}
	}
	// The contract with the pages and the CSS.
	for _, want := range []string{"'data-chart'", "JSON.parse", "'application/json'", "'chart--live'", "renderer: 'svg'", "'VI'", "'EN'", "'resize'"} {
		if !strings.Contains(js, want) {
			t.Errorf("charts.js lacks %s", want)
		}
	}
	// ES5: no arrow functions, let/const, template literals or classes.
	es6 := regexp.MustCompile("=>|\\blet |\\bconst |`|\\bclass ")
	if m := es6.FindString(js); m != "" {
		t.Errorf("charts.js is not ES5: found %q", m)
	}
}
