package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// TestDiskFullSaidPlainly: a full disk while building is said in the
// staff's words, with the file and what to do, never as Go's "no space
// left on device".
func TestDiskFullSaidPlainly(t *testing.T) {
	t.Parallel()
	err := fmt.Errorf("downloads: %w", &fs.PathError{Op: "write", Path: "/srv/www/.minhbach-tmp/du-lieu/du-lieu.zip", Err: syscall.ENOSPC})
	for lang, want := range map[string]string{
		"vi": `minhbach: đĩa đã đầy khi ghi "/srv/www/.minhbach-tmp/du-lieu/du-lieu.zip": hãy giải phóng chỗ trống`,
		"en": `minhbach: the disk filled up while writing "/srv/www/.minhbach-tmp/du-lieu/du-lieu.zip": free some space`,
	} {
		var b bytes.Buffer
		report(&b, err, reportOptions{Lang: lang})
		if got := b.String(); !strings.HasPrefix(got, want) || strings.Contains(got, "no space left") || !strings.Contains(got, "unchanged") && !strings.Contains(got, "giữ nguyên") {
			t.Errorf("%s: %q, want it to start %q and say the site is unchanged", lang, got, want)
		}
	}
}
