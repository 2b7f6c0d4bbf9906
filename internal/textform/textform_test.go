package textform_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/minhbach/minhbach/internal/textform"
)

func TestUnpack(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		file       string // the name without its note
		want       string
	}{
		{"a (utf-16)", "ký\n", "a", "\xff\xfek\x00\xfd\x00\n\x00"},
		{"a (windows-1258)", "Ba\u0301o\n", "a", "Ba\xeco\n"},
		{"a (escaped)", `\ufeff9\x000,"ghi\achú"\r` + "\n" + `\\`, "a", "\ufeff9\x000,\"ghi\achú\"\r\n\\"},
		{"a.csv (8 bytes)", "h\n", "a.csv", "h\n\x00\x00\x00\x00\x00\x00"},
		{"plain (text)", "x\n", "plain (text)", "x\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tc.name), []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := textform.Unpack(dir); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("%d files left, want only %s", len(entries), tc.file)
			}
		})
	}
}

func TestUnpackErrors(t *testing.T) {
	for name, text := range map[string]string{
		"bad escape (escaped)":             `a\q`,
		"no such character (windows-1258)": "中",
		"too small (1 bytes)":              "ab",
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := textform.Unpack(dir); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
