package importer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/period"
)

// sampleSite is the repository's own site (the repo root): its units and
// indicators are what real files are matched against.
func sampleSite(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{"data/units.csv", "data/indicators.csv", "data/targets.csv"} {
		b, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// FuzzImportCSV feeds arbitrary bytes to the importer as a CSV export: it
// must never panic, and every problem must be a *diag.Error whose
// position names the input file (or the snapshot it would write).
func FuzzImportCSV(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "cases", "*", "input.*"))
	for _, name := range files {
		if strings.HasSuffix(name, ".xlsx") {
			continue
		}
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("Đơn vị,HT01\nXã Bản Thi,\"85,5\"\n"))
	f.Add([]byte("STT;Tên đơn vị;Mã chỉ số;Giá trị\n1;TT Bằng Lũng;HT01;1.234\n"))
	// An indicator with only a note column under it (once a panic).
	f.Add([]byte("Đơn vị,HT01,HT04\n,Ghi chú,Giá trị\nXã Bản Thi,chưa báo cáo,3\n"))
	site := sampleSite(f)
	opt := Options{Period: period.MustParse("2024-Q4"), Today: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Convert("in.csv", data, site, opt)
		if err == nil {
			if res == nil || len(res.Data) == 0 {
				t.Fatal("no error and no snapshot")
			}
			return
		}
		checkErr(t, err, "in.csv")
	})
}

// checkErr asserts that err joins only *diag.Error values, each at a
// position in file (or the snapshot written).
func checkErr(t *testing.T, err error, file string) {
	t.Helper()
	u, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error %T is not a joined error: %v", err, err)
	}
	for _, e := range u.Unwrap() {
		var se *diag.Error
		if !errors.As(e, &se) || se != e {
			t.Fatalf("joined error %T is not a *diag.Error: %v", e, e)
		}
		if se.Pos.File != file && !strings.HasPrefix(se.Pos.File, "data/") {
			t.Fatalf("error names file %q, not %q: %v", se.Pos.File, file, se)
		}
		if se.Pos.File == file && (se.Pos.Line < 0 || se.Pos.Column < 0 || (se.Pos.Line > 0) != (se.Pos.Column > 0) && se.Code != CodeSizeLimit) {
			t.Fatalf("bad position %+v: %v", se.Pos, se)
		}
		if se.Code == "" || se.Msg == "" {
			t.Fatalf("error without code or message: %#v", se)
		}
	}
}
