//go:build windows

package publish

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// rename retries os.Rename for a short while when Windows reports the
// folder as in use: virus scanners and search indexers briefly open the
// files a build has just written, and that blocks moving their folder.
func rename(from, to string) error {
	delay := 10 * time.Millisecond
	for {
		err := os.Rename(from, to)
		if err == nil || !inUse(err) || delay > time.Second {
			return err
		}
		time.Sleep(delay)
		delay *= 2
	}
}

func inUse(err error) bool {
	return errors.Is(err, windows.ERROR_ACCESS_DENIED) ||
		errors.Is(err, windows.ERROR_SHARING_VIOLATION) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}

// syncFile flushes a file. FlushFileBuffers needs a handle opened for
// writing; a read-only file cannot be opened so, and is skipped.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if errors.Is(err, os.ErrPermission) {
		return nil
	}
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir does nothing: Windows cannot flush a folder handle, and NTFS
// journals folder changes itself.
func syncDir(string) error { return nil }
