package audit

import (
	"crypto/hmac"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// head is the last record of a chain the store acknowledged, kept in a
// local file beside the spool. A store that later ends before it lost its
// tail: this is how a cut tail is caught, which the chain alone cannot
// show. It is MACed so that it cannot be edited to match a cut store.
type head struct {
	Chain string    `json:"chain"`
	Seq   uint64    `json:"seq"`
	Mac   string    `json:"mac"`      // the record's Mac
	Time  time.Time `json:"time"`     // when the head was written
	HMAC  string    `json:"head_mac"` // over the fields above
}

func (h head) canonical() []byte {
	h.HMAC = ""
	data, _ := json.Marshal(h) // a head always marshals
	return data
}

func (h head) valid(key []byte) bool {
	return hmac.Equal([]byte(mac(key, domainHead, h.canonical())), []byte(h.HMAC))
}

const headPrefix, headSuffix = "audit-head-", ".json"

func headPath(dir, chain string) string {
	return filepath.Join(dir, headPrefix+chain+headSuffix)
}

// writeHead replaces the head file atomically: a crash leaves the old head
// or the new one, never half of either.
func writeHead(dir string, key []byte, h head, durable bool) error {
	h.HMAC = mac(key, domainHead, h.canonical())
	data, _ := json.Marshal(h)
	path := headPath(dir, h.Chain)
	tmp := path + ".tmp"
	if err := writeFile(tmp, data, durable); err != nil {
		return fmt.Errorf("write audit head: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write audit head: %w", err)
	}
	return nil
}

func writeFile(path string, data []byte, durable bool) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil && durable {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// readHead returns the head file of chain; found is false if there is
// none. A file that does not parse is an error.
func readHead(dir, chain string) (h head, found bool, err error) {
	data, err := os.ReadFile(headPath(dir, chain))
	if errors.Is(err, fs.ErrNotExist) {
		return head{}, false, nil
	}
	if err == nil {
		err = json.Unmarshal(data, &h)
	}
	if err != nil {
		return head{}, false, fmt.Errorf("read audit head of chain %s: %w", chain, err)
	}
	return h, true, nil
}

// headChains lists the chains that have a head file in dir: Verify checks
// every one of them, not only the current writer's.
func headChains(dir string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, headPrefix+"*"+headSuffix))
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		name := filepath.Base(p)
		out = append(out, strings.TrimSuffix(strings.TrimPrefix(name, headPrefix), headSuffix))
	}
	return out, nil
}
