//go:build !linux

package publish

// syncTree flushes every file and folder under root (see syncEach).
func syncTree(root string) error { return syncEach(root) }
