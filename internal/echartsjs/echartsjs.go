// Package echartsjs ships the browser side of the charts: Apache ECharts
// 6.1.0 (a custom build of only the parts used, made by custom/build.sh)
// and its Vietnamese locale, vendored from npm so the
// site never loads code from a CDN, plus charts.js, our start-up script that
// reads each chart's option from a JSON island.
//
// The files are embedded in the binary; the site copies them into its
// output and lists their SHA-256 in the manifest. See README.md for where
// they come from and how to update them.
package echartsjs

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"sort"
)

// FS holds the files to publish, at the paths Files reports.
//
//go:embed echarts.custom.min.js langVI.js charts.js LICENSE NOTICE licenses/LICENSE-d3
var FS embed.FS

// File describes one embedded file.
type File struct {
	Name   string // slash-separated path inside FS, e.g. "langVI.js"
	SHA256 string // lower-case hex digest of the content
	Size   int    // bytes
}

// Files lists every file of FS sorted by name, with its digest. It hashes
// on each call (under a millisecond for the ~720 KB): no shared state.
func Files() []File {
	var files []File
	err := fs.WalkDir(FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := FS.ReadFile(name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		files = append(files, File{Name: name, SHA256: hex.EncodeToString(sum[:]), Size: len(b)})
		return nil
	})
	if err != nil {
		// An embed.FS cannot fail to walk or read its own files.
		panic("echartsjs: " + err.Error())
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files
}
