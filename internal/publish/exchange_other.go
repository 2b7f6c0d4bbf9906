//go:build !linux

package publish

// exchange is only available on Linux; elsewhere replace uses two renames.
func exchange(tmp, dest string) error { return errNoExchange }
