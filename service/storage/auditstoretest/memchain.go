package auditstoretest

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"

	"github.com/crosscheck/crosscheck/service/audit"
)

// AuditChain implements audit.Store. It walks a snapshot, so that fn may
// call the store.
func (m *MemStore) AuditChain(ctx context.Context, chain string, from uint64, fn func(audit.Record) error) error {
	recs, err := m.chainRecords(chain, from)
	if err != nil {
		return err
	}
	for _, r := range recs {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

func (m *MemStore) chainRecords(chain string, from uint64) ([]audit.Record, error) {
	if err := m.lock(); err != nil {
		return nil, err
	}
	defer m.mu.Unlock()
	c := m.chains[chain]
	if c == nil {
		return nil, nil
	}
	var out []audit.Record
	for seq, data := range c.recs {
		var r audit.Record
		if seq >= from && json.Unmarshal(data, &r) == nil {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b audit.Record) int { return cmp.Compare(a.Seq, b.Seq) })
	return out, nil
}

// AuditAnchor implements audit.Store.
func (m *MemStore) AuditAnchor(ctx context.Context, chain string) (*audit.Anchor, error) {
	if err := m.lock(); err != nil {
		return nil, err
	}
	defer m.mu.Unlock()
	if c := m.chains[chain]; c != nil && c.anchor != nil {
		a := *c.anchor
		return &a, nil
	}
	return nil, nil
}

// AuditHead implements audit.Store.
func (m *MemStore) AuditHead(ctx context.Context, chain string) (uint64, string, error) {
	recs, err := m.chainRecords(chain, 0)
	if err != nil || len(recs) > 0 {
		if len(recs) > 0 {
			last := recs[len(recs)-1]
			return last.Seq, last.Mac, err
		}
		return 0, "", err
	}
	a, err := m.AuditAnchor(ctx, chain)
	if err != nil || a == nil {
		return 0, "", err
	}
	return a.Seq - 1, a.Prev, nil
}

// PurgeAudit implements audit.Store.
func (m *MemStore) PurgeAudit(ctx context.Context, a audit.Anchor) (int, error) {
	if err := m.lock(); err != nil {
		return 0, err
	}
	defer m.mu.Unlock()
	c := m.chain(a.Chain)
	if c.anchor != nil && c.anchor.Seq >= a.Seq {
		return 0, nil
	}
	c.anchor = &a
	n := 0
	for seq := range c.recs {
		if seq < a.Seq {
			delete(c.recs, seq)
			n++
		}
	}
	return n, nil
}

// Alter rewrites one stored record's JSON, as an attacker with access to
// the store would; false if there is no such record.
func (m *MemStore) Alter(chain string, seq uint64, edit func([]byte) []byte) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.chains[chain]
	if c == nil || c.recs[seq] == nil {
		return false
	}
	c.recs[seq] = edit(c.recs[seq])
	return true
}

// Delete removes one stored record without a trace.
func (m *MemStore) Delete(chain string, seq uint64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if c := m.chains[chain]; c != nil {
		delete(c.recs, seq)
	}
}
