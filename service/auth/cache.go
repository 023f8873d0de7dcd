package auth

import (
	"sync"
	"time"
)

// maxCached bounds the cache. Only tokens found in the store are cached,
// so the bound is reached only with that many live tokens in use.
const maxCached = 10_000

// cache keeps store records for a short time so that the hot path does not
// ask the store on every request. The zero value is ready.
type cache struct {
	mu      sync.Mutex
	entries map[Hash]cached
}

type cached struct {
	rec     Record
	expires time.Time
}

func (c *cache) get(h Hash, now time.Time) (Record, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[h]
	if !ok || !now.Before(e.expires) {
		return Record{}, false
	}
	return e.rec, true
}

func (c *cache) put(h Hash, rec Record, now time.Time, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[Hash]cached{}
	}
	if len(c.entries) >= maxCached {
		c.prune(now)
	}
	c.entries[h] = cached{rec: rec, expires: now.Add(ttl)}
}

// prune drops what has expired, or everything if that frees nothing: a
// full cache costs store lookups, never wrong answers.
func (c *cache) prune(now time.Time) {
	for h, e := range c.entries {
		if !now.Before(e.expires) {
			delete(c.entries, h)
		}
	}
	if len(c.entries) >= maxCached {
		clear(c.entries)
	}
}

// dropID forgets the token with this id, so that a revocation takes effect
// at once on the replica that made it.
func (c *cache) dropID(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for h, e := range c.entries {
		if e.rec.ID == id {
			delete(c.entries, h)
		}
	}
}
