package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/buildtest"
	"github.com/minhbach/minhbach/internal/xlsx"
)

// TestLibreOffice opens the sample's downloads in LibreOffice, headless,
// with its interface set to vi-VN and then en-US, saves each as a workbook
// and compares every cell with the file served: the workbooks as they
// open, the CSVs with the import settings the data page documents
// (Language English (USA), quoted fields as text, special numbers
// detected). It also counts what the default CSV import (the interface's
// language, quoted fields not as text) changes, to print it. It runs when
// MINHBACH_SOFFICE names soffice: scripts/libreoffice-check.sh.
func TestLibreOffice(t *testing.T) {
	soffice := os.Getenv("MINHBACH_SOFFICE")
	if soffice == "" {
		t.Skip("MINHBACH_SOFFICE is not set: scripts/libreoffice-check.sh runs this")
	}
	s := buildtest.Sample(t)
	// One group per language: the files of the two share their names, and
	// soffice writes a group into one folder.
	var books, csvs [][]string
	for _, lang := range []string{"", "en/"} {
		books = append(books, []string{lang + "du-lieu/figures.xlsx", lang + "du-lieu/chi-so/vb01.xlsx", lang + "du-lieu/chi-so/nl02.xlsx"})
		csvs = append(csvs, []string{lang + "du-lieu/figures.csv", lang + "du-lieu/corrections.csv", lang + "du-lieu/chi-so/vb01.csv"})
	}
	csvs[0] = append(csvs[0], "du-lieu/units.csv", "du-lieu/indicators.csv", "du-lieu/targets.csv", "du-lieu/snapshots/2024-Q4.csv", "du-lieu/snapshots/2023-Q1.csv")
	for _, loc := range []string{"vi-VN", "en-US"} {
		profile := t.TempDir()
		if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
			t.Fatal(err)
		}
		xcu := `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>` + loc + `</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>` + loc + `</value></prop></item>
</oor:items>
`
		if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(xcu), 0o644); err != nil {
			t.Fatal(err)
		}
		convert := func(infilter string, files []string) string {
			t.Helper()
			out := t.TempDir()
			args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(profile), "--headless", "--norestore"}
			if infilter != "" {
				args = append(args, "--infilter="+infilter)
			}
			args = append(args, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out)
			for _, f := range files {
				args = append(args, filepath.Join(s.Dest, filepath.FromSlash(f)))
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			start := time.Now()
			if b, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
				t.Fatalf("soffice: %v\n%s", err, b)
			}
			t.Logf("%s: soffice converted %d files in %.1f s", loc, len(files), time.Since(start).Seconds())
			return out
		}
		// The workbooks as they open.
		for _, group := range books {
			out := convert("", group)
			for _, name := range group {
				cells, diffs := compareBook(t, s.ReadFile(name), filepath.Join(out, filepath.Base(name)))
				t.Logf("%s: %s: %d cells, %d changed", loc, name, cells, len(diffs))
				for _, d := range first(diffs, 5) {
					t.Errorf("%s: %s: %s", loc, name, d)
				}
			}
		}
		// The CSVs with the documented import settings: comma, double
		// quote, UTF-8 (76), from line 1, English (USA) (1033), quoted
		// fields as text, special numbers detected (the worst case for
		// dates).
		for _, group := range csvs {
			out := convert("CSV:44,34,76,1,,1033,true,true", group)
			for _, name := range group {
				cells, diffs := compareCSV(t, s.ReadFile(name), filepath.Join(out, strings.TrimSuffix(filepath.Base(name), ".csv")+".xlsx"))
				t.Logf("%s: %s (documented import): %d cells, %d changed", loc, name, cells, len(diffs))
				for _, d := range first(diffs, 5) {
					t.Errorf("%s: %s: %s", loc, name, d)
				}
			}
		}
		// What the default import does, for the record: the interface's
		// language decides the decimal mark, and quoted fields are
		// numbers or dates when they look like one.
		out := convert("CSV:44,34,76,1,,,false,true", []string{"du-lieu/figures.csv"})
		cells, diffs := compareCSV(t, s.ReadFile("du-lieu/figures.csv"), filepath.Join(out, "figures.xlsx"))
		t.Logf("%s: du-lieu/figures.csv (default import, for comparison): %d cells, %d changed, e.g. %q", loc, cells, len(diffs), first(diffs, 3))
	}
}

func first[T any](s []T, n int) []T { return s[:min(n, len(s))] }

// compareBook compares every cell of every sheet of the workbook served
// with the one LibreOffice saved.
func compareBook(t *testing.T, served []byte, saved string) (int, []string) {
	t.Helper()
	a, err := xlsx.Open(served)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	b, err := xlsx.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	n := 0
	var diffs []string
	for _, name := range a.Sheets() {
		sa, err := a.Sheet(name)
		if err != nil {
			t.Fatal(err)
		}
		sb, err := b.Sheet(name)
		if err != nil {
			diffs = append(diffs, fmt.Sprintf("sheet %s: %v", name, err))
			continue
		}
		for r, row := range sa.Rows {
			for c, want := range row {
				n++
				var got xlsx.Cell
				if r < len(sb.Rows) && c < len(sb.Rows[r]) {
					got = sb.Rows[r][c]
				}
				if got.Number != want.Number || got.Date || (want.Number && got.Value != want.Value) || (!want.Number && got.Text != want.Text) {
					diffs = append(diffs, fmt.Sprintf("%s!R%dC%d: %+v, served %+v", name, r+1, c+1, got, want))
				}
			}
		}
	}
	return n, diffs
}

// compareCSV compares every cell of a CSV served with the workbook
// LibreOffice made of it: a bare number must be that number, a quoted
// text that very text (apostrophe included), never a date.
func compareCSV(t *testing.T, served []byte, saved string) (int, []string) {
	t.Helper()
	body := bytes.TrimPrefix(served, []byte("\uFEFF"))
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Which cells were quoted: the line's raw text says.
	lines := strings.Split(string(body), "\n")
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	b, err := xlsx.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	sh, err := b.Sheet(b.Sheets()[0])
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var diffs []string
	for i, rec := range recs {
		quoted := quotedCells(lines[i])
		for j, want := range rec {
			if want == "" {
				continue
			}
			n++
			var got xlsx.Cell
			if i < len(sh.Rows) && j < len(sh.Rows[i]) {
				got = sh.Rows[i][j]
			}
			v, numErr := strconv.ParseFloat(want, 64)
			isNum := numErr == nil && !quoted[j]
			if got.Date || got.Number != isNum || (isNum && got.Value != v) || (!isNum && got.Text != want) {
				diffs = append(diffs, fmt.Sprintf("line %d cell %d: %q became %+v", i+1, j+1, want, got))
			}
		}
	}
	return n, diffs
}

// quotedCells reports, for each cell of a CSV line, whether it is quoted.
func quotedCells(line string) []bool {
	var out []bool
	for i := 0; i <= len(line); {
		if i < len(line) && line[i] == '"' {
			out = append(out, true)
			i++
			for i < len(line) {
				if line[i] == '"' {
					if i+1 < len(line) && line[i+1] == '"' {
						i += 2
						continue
					}
					i++
					break
				}
				i++
			}
		} else {
			out = append(out, false)
		}
		j := strings.IndexByte(line[i:], ',')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return out
}
