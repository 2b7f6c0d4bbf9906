// Package textform lets tests keep files that are not plain UTF-8 text in
// a txtar archive (go doc github.com/rogpeppe/go-internal/txtar), such as
// the test scripts of internal/cli. Such a file is kept as a text form:
// its name in the archive ends with a note that says how to make the real
// file from the text.
//
//	-- data/snapshots/2024-Q4.csv (utf-16) --
//	-- data/snapshots/2024-Q4.csv (windows-1258) --
//	-- vi-excel.csv (escaped) --
//	-- data/snapshots/2024-Q3.csv (104857600 bytes) --
//
// These are, in order: the text in UTF-16, little-endian, after a byte-order
// mark (Excel's "Unicode Text"); the text in the Windows-1258 code page
// (write tone marks as combining characters, as that code page does); the
// text with its Go escapes (\r, \a, \x00, \ufeff, \\) replaced by what they
// stand for; the text followed by zero bytes up to the size given, in a
// sparse file that takes no disk space.
package textform

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var note = regexp.MustCompile(`^(.+) \((utf-16|windows-1258|escaped|(\d+) bytes)\)$`)

// Unpack replaces every text form under dir with the file it stands for.
func Unpack(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		m := note.FindStringSubmatch(d.Name())
		if m == nil {
			return nil
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var data []byte
		switch m[2] {
		case "utf-16":
			data, err = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(text)
		case "windows-1258":
			data, err = charmap.Windows1258.NewEncoder().Bytes(text)
		case "escaped":
			data, err = unescape(string(text))
		default:
			data = text
		}
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		file := filepath.Join(filepath.Dir(path), m[1])
		if err := os.WriteFile(file, data, 0o644); err != nil {
			return err
		}
		if m[3] != "" {
			size, err := strconv.ParseInt(m[3], 10, 64)
			if err != nil || size < int64(len(data)) {
				return fmt.Errorf("%s: the size must be at least that of the text", path)
			}
			if err := os.Truncate(file, size); err != nil {
				return err
			}
		}
		return os.Remove(path)
	})
}

// unescape replaces Go escapes in s with the bytes they stand for, as in a
// Go string literal; anything else, line breaks and quote marks included,
// stays as it is.
func unescape(s string) ([]byte, error) {
	var b []byte
	for len(s) > 0 {
		r, multibyte, tail, err := strconv.UnquoteChar(s, 0)
		if err != nil {
			line := strings.Count(string(b), "\n") + 1
			return nil, fmt.Errorf("line %d: bad escape at %.10q", line, s)
		}
		if r < utf8.RuneSelf || !multibyte {
			b = append(b, byte(r))
		} else {
			b = utf8.AppendRune(b, r)
		}
		s = tail
	}
	return b, nil
}

// Extract writes the files of the txtar archive file into a new temporary
// folder, unpacks their text forms and returns the folder.
func Extract(t testing.TB, file string) string {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Unpack(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}
