// Package tokenstoretest is the one contract suite for auth.Store: the
// embedded bbolt store, the Redis store and the in-memory store must be
// interchangeable behind the port, so one suite holds them all to the same
// behaviour (atomic name reservation, revocation that keeps the record,
// survival across a reopen).
//
// An adapter's test calls Run with a Factory:
//
//	func TestTokenContract(t *testing.T) {
//		tokenstoretest.Run(t, func(t *testing.T) tokenstoretest.Opener {
//			dir := t.TempDir()
//			return func(t *testing.T) tokenstoretest.Store { ... open on dir ... }
//		})
//	}
package tokenstoretest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service/auth"
	"github.com/crosscheck/crosscheck/service/storage/storagetest"
)

// Store is an auth.Store that can be closed, as adapters are.
type Store interface {
	auth.Store
	Close() error
}

// A Factory makes fresh, empty backing storage for one sub-test and
// returns an Opener for it.
type Factory func(t *testing.T) Opener

// An Opener opens a store on the Factory's storage. Opening again after
// Close must show the same data, as a restarted process would.
type Opener func(t *testing.T) Store

// Run runs the contract as sub-tests of t.
func Run(t *testing.T, factory Factory) {
	storagetest.Run(t, cases, func(t *testing.T) *harness {
		h := &harness{t: t, ctx: context.Background()}
		h.stores, h.store = storagetest.Open(t, factory(t))
		return h
	})
}

type testCase = storagetest.Case[*harness]

// harness carries one sub-test's store and the helpers the cases share.
type harness struct {
	t      *testing.T
	ctx    context.Context
	stores *storagetest.Stores[Store]
	store  Store
	seq    int
}

// reopen closes the current store and opens the same data again.
func (h *harness) reopen() {
	h.t.Helper()
	h.store = h.stores.Reopen()
}

// record makes a distinct, valid record with a nanosecond creation time,
// so that adapters must keep time exactly.
func (h *harness) record(name string, role auth.Role) auth.Record {
	h.seq++
	created := time.Date(2026, 3, 1, 12, 0, h.seq, 123456789, time.UTC)
	return auth.Record{
		Token: auth.Token{ID: fmt.Sprintf("tok_%04d", h.seq), Name: name, Role: role,
			CreatedAt: created, Source: auth.SourceAPI},
		Hash: auth.HashSecret(fmt.Sprintf("secret-%d-%s", h.seq, name)),
	}
}

func (h *harness) create(rec auth.Record) {
	h.t.Helper()
	if err := h.store.CreateToken(h.ctx, rec); err != nil {
		h.t.Fatalf("CreateToken %s: %v", rec.ID, err)
	}
}

// lookup fetches by hash and fails the test if the store cannot.
func (h *harness) lookup(hash auth.Hash) auth.Record {
	h.t.Helper()
	got, err := h.store.TokenByHash(h.ctx, hash)
	if err != nil {
		h.t.Fatalf("TokenByHash: %v", err)
	}
	return got
}

// tokens lists the store's records by id.
func (h *harness) tokens() map[string]auth.Record {
	h.t.Helper()
	recs, err := h.store.Tokens(h.ctx)
	if err != nil {
		h.t.Fatalf("Tokens: %v", err)
	}
	out := make(map[string]auth.Record, len(recs))
	for _, r := range recs {
		if _, dup := out[r.ID]; dup {
			h.t.Errorf("Tokens lists %s twice", r.ID)
		}
		out[r.ID] = r
	}
	return out
}

// same fails the test unless got and want are the same record; times are
// compared as instants.
func (h *harness) same(what string, got, want auth.Record) {
	h.t.Helper()
	g, w := got, want
	g.CreatedAt, g.RevokedAt, w.CreatedAt, w.RevokedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if g != w || !got.CreatedAt.Equal(want.CreatedAt) || !got.RevokedAt.Equal(want.RevokedAt) {
		h.t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}
