package export

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
)

// Cache keeps the indicator workbooks of one build for the next, in one
// process (minhbach serve rebuilds after every save). A workbook is a
// function of its indicator, language, rows and the build's options; its
// rows are all in its CSV, whose checksum the workbook states, so the key
// is made of those and a changed figure, name or date makes a new
// workbook. A save that fixes one commune's figures rebuilds only the
// workbooks of the indicators it touched. Workbooks not used by a build
// are dropped after it (Sweep), so memory holds one build's worth.
//
// The zero Cache is ready to use; a nil *Cache caches nothing.
type Cache struct {
	mu   sync.Mutex
	wbs  map[string][]byte
	used map[string]bool
}

// workbookKey names ind's workbook in lang, of the rows whose CSV has
// checksum csvSum. The whole indicator is in the key (but where it was
// read: a moved row changes no workbook), so a field added to it later
// cannot leave a stale workbook behind.
func workbookKey(ind model.Indicator, lang model.Lang, csvSum string, opt Options) string {
	ind.At = diag.Origin{}
	h := sha256.New()
	fmt.Fprintf(h, "%#v %q %q %s %#v", ind, lang, csvSum, opt.Built.Format(time.RFC3339Nano), opt.Sites[lang])
	return hex.EncodeToString(h.Sum(nil))
}

// workbook returns the cached workbook of key, or makes it with make.
func (c *Cache) workbook(key string, make func() ([]byte, error)) ([]byte, error) {
	if c == nil {
		return make()
	}
	c.mu.Lock()
	b, ok := c.wbs[key]
	if c.used == nil {
		c.used = map[string]bool{}
	}
	c.used[key] = true
	c.mu.Unlock()
	if ok {
		return b, nil
	}
	b, err := make()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.wbs == nil {
		c.wbs = map[string][]byte{}
	}
	c.wbs[key] = b
	c.mu.Unlock()
	return b, nil
}

// Sweep drops the workbooks the build that just ended did not use.
func (c *Cache) Sweep() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.wbs {
		if !c.used[k] {
			delete(c.wbs, k)
		}
	}
	c.used = nil
}
