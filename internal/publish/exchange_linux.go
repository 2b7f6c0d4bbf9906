//go:build linux

package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders tmp and dest in one step with
// renameat2(RENAME_EXCHANGE), so there is no moment without dest. Kernels
// before 3.15, some file systems and some container sandboxes refuse it;
// then it returns errNoExchange and the caller falls back to two renames.
func exchange(tmp, dest string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS),
		errors.Is(err, unix.EOPNOTSUPP), errors.Is(err, unix.EPERM):
		// EPERM: older Docker seccomp profiles deny unknown system calls
		// this way. If it is a real permission problem, the fallback
		// reports it.
		return errNoExchange
	}
	return &os.LinkError{Op: "renameat2", Old: tmp, New: dest, Err: err}
}
