package tokenstoretest

import (
	"errors"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/service/auth"
)

var cases = []testCase{
	{"Empty", testEmpty},
	{"CreateAndLookup", testCreateAndLookup},
	{"Conflicts", testConflicts},
	{"Revoke", testRevoke},
	{"NameReusableAfterRevoke", testNameReuse},
	{"Reopen", testReopen},
	{"ConcurrentSameName", testConcurrentSameName},
}

// A new store has no tokens and says so with the contract's errors, not
// with a failure (the bbolt bucket, for one, does not exist yet).
func testEmpty(h *harness) {
	if got := h.tokens(); len(got) != 0 {
		h.t.Errorf("Tokens of an empty store: %v", got)
	}
	if _, err := h.store.TokenByHash(h.ctx, auth.HashSecret("nothing")); !errors.Is(err, auth.ErrTokenNotFound) {
		h.t.Errorf("TokenByHash on an empty store: got %v, want ErrTokenNotFound", err)
	}
	if err := h.store.RevokeToken(h.ctx, "tok_none", time.Now()); !errors.Is(err, auth.ErrTokenNotFound) {
		h.t.Errorf("RevokeToken on an empty store: got %v, want ErrTokenNotFound", err)
	}
}

func testCreateAndLookup(h *harness) {
	a, b := h.record("gate-1", auth.RoleChecker), h.record("ops", auth.RoleAdmin)
	b.Source = auth.SourceBootstrap
	h.create(a)
	h.create(b)
	h.same("lookup a", h.lookup(a.Hash), a)
	h.same("lookup b", h.lookup(b.Hash), b)
	all := h.tokens()
	if len(all) != 2 {
		h.t.Fatalf("Tokens: got %d records, want 2", len(all))
	}
	h.same("listed a", all[a.ID], a)
	h.same("listed b", all[b.ID], b)
}

// A taken id, hash or live name is refused and leaves the store as it was.
func testConflicts(h *harness) {
	a := h.record("gate-1", auth.RoleChecker)
	h.create(a)
	sameID := h.record("other-1", auth.RoleChecker)
	sameID.ID = a.ID
	sameHash := h.record("other-2", auth.RoleAuditor)
	sameHash.Hash = a.Hash
	sameName := h.record("gate-1", auth.RoleAdmin)
	for what, rec := range map[string]auth.Record{"id": sameID, "hash": sameHash, "name": sameName} {
		if err := h.store.CreateToken(h.ctx, rec); !errors.Is(err, auth.ErrTokenExists) {
			h.t.Errorf("CreateToken with a taken %s: got %v, want ErrTokenExists", what, err)
		}
	}
	if got := h.tokens(); len(got) != 1 {
		h.t.Errorf("after refused creates: %d records, want 1", len(got))
	}
	h.same("lookup after refused creates", h.lookup(a.Hash), a)
	if _, err := h.store.TokenByHash(h.ctx, sameName.Hash); !errors.Is(err, auth.ErrTokenNotFound) {
		h.t.Errorf("refused record is findable: %v", err)
	}
}

// Revocation keeps the record, marks it, and is idempotent: the first
// revocation time stays.
func testRevoke(h *harness) {
	a, b := h.record("gate-1", auth.RoleChecker), h.record("gate-2", auth.RoleChecker)
	h.create(a)
	h.create(b)
	at := time.Date(2026, 3, 2, 8, 30, 0, 987654321, time.UTC)
	if err := h.store.RevokeToken(h.ctx, a.ID, at); err != nil {
		h.t.Fatal(err)
	}
	if err := h.store.RevokeToken(h.ctx, a.ID, at.Add(time.Hour)); err != nil {
		h.t.Errorf("second RevokeToken: %v", err)
	}
	want := a
	want.RevokedAt = at
	h.same("lookup revoked", h.lookup(a.Hash), want)
	h.same("listed revoked", h.tokens()[a.ID], want)
	h.same("other token untouched", h.lookup(b.Hash), b)
}

// A revoked token's name may be given to a new token; its secret hash may
// not, since the old secret must stay revoked.
func testNameReuse(h *harness) {
	old := h.record("gate-1", auth.RoleChecker)
	h.create(old)
	if err := h.store.RevokeToken(h.ctx, old.ID, time.Now()); err != nil {
		h.t.Fatal(err)
	}
	renewed := h.record("gate-1", auth.RoleChecker)
	h.create(renewed)
	h.same("new token under the old name", h.lookup(renewed.Hash), renewed)
	again := h.record("gate-1", auth.RoleChecker)
	if err := h.store.CreateToken(h.ctx, again); !errors.Is(err, auth.ErrTokenExists) {
		h.t.Errorf("second live token named gate-1: got %v, want ErrTokenExists", err)
	}
	sameHash := h.record("gate-9", auth.RoleChecker)
	sameHash.Hash = old.Hash
	if err := h.store.CreateToken(h.ctx, sameHash); !errors.Is(err, auth.ErrTokenExists) {
		h.t.Errorf("reusing a revoked secret: got %v, want ErrTokenExists", err)
	}
}

func testReopen(h *harness) {
	a, b := h.record("gate-1", auth.RoleChecker), h.record("audit", auth.RoleAuditor)
	h.create(a)
	h.create(b)
	at := time.Date(2026, 3, 3, 0, 0, 0, 1, time.UTC)
	if err := h.store.RevokeToken(h.ctx, b.ID, at); err != nil {
		h.t.Fatal(err)
	}
	h.reopen()
	h.same("a after reopen", h.lookup(a.Hash), a)
	b.RevokedAt = at
	h.same("b after reopen", h.lookup(b.Hash), b)
	if err := h.store.CreateToken(h.ctx, h.record("gate-1", auth.RoleChecker)); !errors.Is(err, auth.ErrTokenExists) {
		h.t.Errorf("name reservation lost on reopen: got %v", err)
	}
}

// Replicas create tokens concurrently: the name check and the write must
// be one step, so exactly one of many creates of one name wins.
func testConcurrentSameName(h *harness) {
	const n = 8
	recs := make([]auth.Record, n)
	for i := range recs {
		recs[i] = h.record("race", auth.RoleAdmin)
	}
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range recs {
		wg.Go(func() { errs[i] = h.store.CreateToken(h.ctx, recs[i]) })
	}
	wg.Wait()
	wins := 0
	for _, err := range errs {
		switch {
		case err == nil:
			wins++
		case !errors.Is(err, auth.ErrTokenExists):
			h.t.Errorf("concurrent CreateToken: %v", err)
		}
	}
	if wins != 1 || len(h.tokens()) != 1 {
		h.t.Errorf("concurrent creates of one name: %d won, %d stored; want 1 and 1", wins, len(h.tokens()))
	}
}
