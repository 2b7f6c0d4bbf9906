//go:build unix

package gocloud

import (
	"errors"
	"syscall"
)

// alive reports whether process pid runs on this computer.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
