//go:build !windows

package publish

import "os"

// rename is os.Rename; Windows needs retries (see fs_windows.go).
func rename(from, to string) error { return os.Rename(from, to) }

func syncFile(path string) error { return syncPath(path) }

func syncDir(path string) error { return syncPath(path) }

func syncPath(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
