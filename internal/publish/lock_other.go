//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris || windows)

package publish

import (
	"errors"
	"os"
)

// Without a file lock that the OS drops when its holder dies, publishing
// could interleave or stay blocked forever, so it is refused outright.
var errNoLock = errors.New("publishing is not supported on this operating system (no file locks)")

func tryLock(*os.File) error { return errNoLock }

func unlock(*os.File) error { return nil }
