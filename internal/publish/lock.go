package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/locale"
)

// ErrLocked reports that another build holds the publishing lock of the same
// destination. Lock and Dir wrap it with the lock file and, when known, the
// process ID of the other build; test for it with errors.Is.
var ErrLocked = msgLocked.Err()

// errWouldBlock is what the OS-specific tryLock returns when the lock is
// held by someone else.
var errWouldBlock = errors.New("lock is held")

// Lease is a held publishing lock. It is an OS file lock (flock on Unix,
// LockFileEx on Windows), so the OS releases it when the holding process
// dies, even by kill -9: a crashed build never blocks the next one.
type Lease struct {
	f    *os.File
	path string
}

// Lock takes an exclusive, non-blocking lock for publishing to dest. If
// another Lease for dest is held (by this or another process) it fails at
// once with an error wrapping ErrLocked, rather than waiting, so that two
// builds never interleave and staff see why.
//
// The lock file is ".<base>.lock" beside dest, never inside it, so it is not
// published. It is left in place after Unlock: deleting it would let two
// processes lock two different files of the same name. The parent folder of
// dest is created if missing.
func Lock(dest string) (*Lease, error) {
	dest, err := checkPath(dest)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return nil, msgFolderFor.Err(filepath.Dir(dest), dest, reason(err))
	}
	path := lockPath(dest)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, msgLockFile.Err(path, reason(err))
	}
	if err := tryLock(f); err != nil {
		var held []byte
		if errors.Is(err, errWouldBlock) {
			held = make([]byte, 256)
			n, _ := f.ReadAt(held, 0)
			held = held[:n]
		}
		f.Close()
		if !errors.Is(err, errWouldBlock) {
			return nil, msgLock.Err(path, reason(err))
		}
		// "PID HOST START": the host matters on a web root mounted by
		// several computers, where a PID alone names no process.
		fields := strings.Fields(string(held))
		if len(fields) > 0 {
			if n, perr := strconv.Atoi(fields[0]); perr == nil && n > 0 {
				if len(fields) >= 3 {
					if t, terr := time.Parse(time.RFC3339, fields[2]); terr == nil {
						t = t.Local()
						return nil, msgLockedOn.Err(dest, ErrLocked, n, fields[1], locale.Day(t), t.Format("15:04 MST"), path)
					}
				}
				return nil, msgLockedBy.Err(dest, ErrLocked, n, path)
			}
		}
		return nil, msgLockedAt.Err(dest, ErrLocked, path)
	}
	// Who holds it only helps the error message of a second build;
	// failing to record it must not fail this one.
	if f.Truncate(0) == nil {
		host, _ := os.Hostname()
		if host == "" || strings.ContainsAny(host, " \t\n") {
			host = "?"
		}
		_, _ = f.WriteAt(fmt.Appendf(nil, "%d %s %s\n", os.Getpid(), host, time.Now().UTC().Format(time.RFC3339)), 0)
	}
	return &Lease{f: f, path: path}, nil
}

// Unlock releases the lock. Calling it again does nothing.
func (l *Lease) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	f := l.f
	l.f = nil
	_ = f.Truncate(0) // forget our PID so it is not blamed later
	err := unlock(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return msgUnlock.Err(l.path, reason(err))
	}
	return nil
}

// lockPath is the lock file of a cleaned dest.
func lockPath(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".lock")
}
