package auth

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Store is the port to the tokens created at run time (through the admin
// API or by bootstrap). boltstore and redisstore implement it beside their
// list stores; tokenstoretest holds both to one contract.
//
// A store keeps records, never secrets, and keeps revoked records (with
// RevokedAt set) so that a revoked token is reported as revoked rather
// than unknown, and the listing shows what was revoked when.
type Store interface {
	// CreateToken adds a record. It fails with ErrTokenExists when the id,
	// the hash or the name of a token that is not revoked is taken; the
	// check and the write are one atomic step.
	CreateToken(ctx context.Context, rec Record) error
	// RevokeToken sets RevokedAt of the token with this id to at and frees
	// its name. Revoking a revoked token changes nothing and succeeds. An
	// unknown id fails with ErrTokenNotFound.
	RevokeToken(ctx context.Context, id string, at time.Time) error
	// Tokens returns every record, revoked ones included, in no
	// particular order.
	Tokens(ctx context.Context) ([]Record, error)
	// TokenByHash returns the record whose secret has this hash, or
	// ErrTokenNotFound.
	TokenByHash(ctx context.Context, h Hash) (Record, error)
}

// Errors of the Store contract.
var (
	ErrTokenExists   = errors.New("token id, secret or name taken")
	ErrTokenNotFound = errors.New("no such token")
)

// MemoryStore is a Store in process memory: for tests, and for a node that
// can afford to forget its API tokens on restart. It is safe for
// concurrent use.
type MemoryStore struct {
	mu     sync.Mutex
	byID   map[string]Record
	byHash map[Hash]string
	names  map[string]string // name → id, tokens not revoked only
}

var _ Store = (*MemoryStore)(nil)

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{byID: map[string]Record{}, byHash: map[Hash]string{}, names: map[string]string{}}
}

// CreateToken implements Store.
func (m *MemoryStore) CreateToken(_ context.Context, rec Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, idTaken := m.byID[rec.ID]
	_, hashTaken := m.byHash[rec.Hash]
	_, nameTaken := m.names[rec.Name]
	if idTaken || hashTaken || nameTaken && !rec.Revoked() {
		return fmt.Errorf("create token %s: %w", rec.ID, ErrTokenExists)
	}
	m.byID[rec.ID], m.byHash[rec.Hash] = rec, rec.ID
	if !rec.Revoked() {
		m.names[rec.Name] = rec.ID
	}
	return nil
}

// RevokeToken implements Store.
func (m *MemoryStore) RevokeToken(_ context.Context, id string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	rec, ok := m.byID[id]
	if !ok {
		return fmt.Errorf("revoke token %s: %w", id, ErrTokenNotFound)
	}
	if rec.Revoked() {
		return nil
	}
	rec.RevokedAt = at
	m.byID[id] = rec
	delete(m.names, rec.Name)
	return nil
}

// Tokens implements Store.
func (m *MemoryStore) Tokens(context.Context) ([]Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Record, 0, len(m.byID))
	for _, rec := range m.byID {
		out = append(out, rec)
	}
	return out, nil
}

// TokenByHash implements Store.
func (m *MemoryStore) TokenByHash(_ context.Context, h Hash) (Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	id, ok := m.byHash[h]
	if !ok {
		return Record{}, ErrTokenNotFound
	}
	return m.byID[id], nil
}
