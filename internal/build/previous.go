package build

// previous returns the machine-readable data of the site currently
// published at dest, or nil when there is none.
func previous(dest string) []byte { return nil }
