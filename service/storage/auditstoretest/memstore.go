package auditstoretest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"sync"

	"github.com/crosscheck/crosscheck/service/audit"
)

// ErrDown is what a MemStore answers while it is down.
var ErrDown = errors.New("memstore: down")

// MemStore is an in-memory audit.Store: the reference the contract suite
// also runs against, and a store for tests of code that audits. SetDown
// makes every call fail, as an unreachable server would.
type MemStore struct {
	mu     sync.Mutex
	down   bool
	chains map[string]*memChain
}

type memChain struct {
	recs   map[uint64][]byte // seq → record JSON
	anchor *audit.Anchor
}

var _ audit.Store = (*MemStore)(nil)

// NewMemStore returns an empty store.
func NewMemStore() *MemStore { return &MemStore{chains: map[string]*memChain{}} }

// SetDown makes the store fail every call (true) or work again (false).
func (m *MemStore) SetDown(down bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.down = down
}

// lock locks the store, or reports that it is down.
func (m *MemStore) lock() error {
	m.mu.Lock()
	if m.down {
		m.mu.Unlock()
		return ErrDown
	}
	return nil
}

func (m *MemStore) chain(id string) *memChain {
	c := m.chains[id]
	if c == nil {
		c = &memChain{recs: map[uint64][]byte{}}
		m.chains[id] = c
	}
	return c
}

// PutAudit implements audit.Store.
func (m *MemStore) PutAudit(ctx context.Context, recs []audit.Record) error {
	if err := m.lock(); err != nil {
		return err
	}
	defer m.mu.Unlock()
	for _, r := range recs {
		data, err := r.JSON() // forwarded records carry only their header besides it
		if err != nil {
			return err
		}
		c := m.chain(r.Chain)
		old, exists := c.recs[r.Seq]
		switch {
		case c.anchor != nil && r.Seq < c.anchor.Seq:
		case exists && !bytes.Equal(old, data):
			return audit.ErrConflict
		case !exists:
			c.recs[r.Seq] = data
		}
	}
	return nil
}

// all returns every record in key order; the caller holds the lock.
func (m *MemStore) all() []audit.Record {
	var out []audit.Record
	for _, c := range m.chains {
		for _, data := range c.recs {
			var r audit.Record
			if json.Unmarshal(data, &r) == nil {
				out = append(out, r)
			}
		}
	}
	slices.SortFunc(out, func(a, b audit.Record) int { return a.Key().Compare(b.Key()) })
	return out
}

// AuditRecord implements audit.Store.
func (m *MemStore) AuditRecord(ctx context.Context, checkID string) (audit.Record, error) {
	if err := m.lock(); err != nil {
		return audit.Record{}, err
	}
	defer m.mu.Unlock()
	for _, r := range m.all() {
		if r.CheckID == checkID {
			return r, nil
		}
	}
	return audit.Record{}, audit.ErrNotFound
}

// AuditRecords implements audit.Store.
func (m *MemStore) AuditRecords(ctx context.Context, f audit.Filter, after *audit.Key, limit int) ([]audit.Record, error) {
	if err := m.lock(); err != nil {
		return nil, err
	}
	defer m.mu.Unlock()
	var out []audit.Record
	for _, r := range m.all() {
		if len(out) == limit {
			break
		}
		if (after == nil || r.Key().Compare(*after) > 0) && f.Match(&r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// AuditChains implements audit.Store.
func (m *MemStore) AuditChains(ctx context.Context) ([]string, error) {
	if err := m.lock(); err != nil {
		return nil, err
	}
	defer m.mu.Unlock()
	var out []string
	for id := range m.chains {
		out = append(out, id)
	}
	slices.Sort(out)
	return out, nil
}
