// Package auditstoretest is the contract suite every audit.Store passes:
// the embedded store, the Redis store and the in-memory MemStore are held
// to the same tests. Beside the port itself it runs an audit.Log on each
// store, so that tampering, a cut tail and purges are shown to be caught
// with that store's real layout.
//
// An adapter's test calls Run with a Factory:
//
//	func TestAuditContract(t *testing.T) {
//		auditstoretest.Run(t, func(t *testing.T) auditstoretest.Backend {
//			dir := t.TempDir()
//			return auditstoretest.Backend{Open: ..., Alter: ..., Delete: ...}
//		})
//	}
package auditstoretest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/crosscheck/crosscheck/service/audit"
	"github.com/crosscheck/crosscheck/service/storage/storagetest"
)

// Backend is fresh, empty storage for one sub-test and the ways to reach
// into it.
type Backend struct {
	// Open opens a store on the storage; after its Close (if it has one) it
	// opens the same data again, as a restarted process would.
	Open func(t *testing.T) audit.Store
	// Alter rewrites the stored JSON of one record, bypassing the store's
	// API, as someone with write access to the database would.
	Alter func(t *testing.T, s audit.Store, chain string, seq uint64, edit func([]byte) []byte)
	// Delete removes one record with all its index entries: not a purge.
	Delete func(t *testing.T, s audit.Store, chain string, seq uint64)
}

// A Factory makes a Backend for one sub-test.
type Factory func(t *testing.T) Backend

// Run runs the contract as sub-tests of t.
func Run(t *testing.T, factory Factory) {
	storagetest.Run(t, append(storeCases, logCases...), func(t *testing.T) *harness {
		h := &harness{t: t, ctx: context.Background(), b: factory(t)}
		h.stores, h.store = storagetest.Open(t, h.b.Open)
		return h
	})
}

type testCase = storagetest.Case[*harness]

type harness struct {
	t      *testing.T
	ctx    context.Context
	b      Backend
	stores *storagetest.Stores[audit.Store]
	store  audit.Store
}

// reopen closes the store (if it has a Close) and opens the same data
// again.
func (h *harness) reopen() {
	h.t.Helper()
	h.store = h.stores.Reopen()
}

// put stores records, one PutAudit per run of one chain.
func (h *harness) put(recs ...audit.Record) {
	h.t.Helper()
	for start := 0; start < len(recs); {
		end := start + 1
		for end < len(recs) && recs[end].Chain == recs[start].Chain {
			end++
		}
		if err := h.store.PutAudit(h.ctx, recs[start:end]); err != nil {
			h.t.Fatalf("PutAudit %s %d-%d: %v", recs[start].Chain, recs[start].Seq, recs[end-1].Seq, err)
		}
		start = end
	}
}

// chain returns the seqs AuditChain walks from seq from.
func (h *harness) chain(chain string, from uint64) []uint64 {
	h.t.Helper()
	var seqs []uint64
	err := h.store.AuditChain(h.ctx, chain, from, func(r audit.Record) error {
		seqs = append(seqs, r.Seq)
		return nil
	})
	if err != nil {
		h.t.Fatalf("AuditChain %s: %v", chain, err)
	}
	return seqs
}

func (h *harness) records(f audit.Filter, after *audit.Key, limit int) []string {
	h.t.Helper()
	recs, err := h.store.AuditRecords(h.ctx, f, after, limit)
	if err != nil {
		h.t.Fatalf("AuditRecords: %v", err)
	}
	return ids(recs)
}

func ids(recs []audit.Record) []string {
	out := []string{}
	for _, r := range recs {
		out = append(out, r.CheckID)
	}
	return out
}

// sameRecord fails unless got and want marshal to the same JSON: what the
// MAC covers must survive the store byte for byte.
func (h *harness) sameRecord(what string, got, want audit.Record) {
	h.t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		h.t.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}
