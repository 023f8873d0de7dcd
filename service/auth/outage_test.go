package auth_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/auth"
)

// A token the store confirmed keeps working through a store outage for
// the outage grace, as it was last seen (a revoked one stays revoked); a
// token this replica never saw is unavailable, never let in.
func TestStoreTokensThroughAnOutage(t *testing.T) {
	ctx, c := context.Background(), newClock()
	down := false
	store := &fakeStore{MemoryStore: auth.NewMemoryStore()}
	store.byHash = func(h auth.Hash) (auth.Record, error) {
		if down {
			return auth.Record{}, errors.New("redis: connection refused")
		}
		return store.MemoryStore.TokenByHash(ctx, h)
	}
	a := newAuth(t, "", store, c)
	_, seen := createToken(t, a, "gate-1", auth.RoleChecker)
	_, revoked := createToken(t, a, "gate-2", auth.RoleChecker)
	tok2, err := a.Authenticate(ctx, bearerOf(revoked))
	if err != nil {
		t.Fatal(err)
	}
	_, unseen := createToken(t, a, "gate-3", auth.RoleChecker)
	if _, err := a.Authenticate(ctx, bearerOf(seen)); err != nil {
		t.Fatal(err)
	}
	if err := a.RevokeToken(ctx, tok2.TokenID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Authenticate(ctx, bearerOf(revoked)); service.ErrorCode(err) != service.CodeUnauthorized {
		t.Fatalf("revoked token before the outage: %v", err)
	}
	down = true
	c.Advance(10 * time.Minute) // far past the cache TTL
	if p, err := a.Authenticate(ctx, bearerOf(seen)); err != nil || p.Name != "gate-1" {
		t.Errorf("a confirmed token during the outage: %+v %v", p, err)
	}
	if _, err := a.Authenticate(ctx, bearerOf(revoked)); service.ErrorCode(err) != service.CodeUnauthorized {
		t.Errorf("a revoked token during the outage: %v, want unauthorized", err)
	}
	if _, err := a.Authenticate(ctx, bearerOf(unseen)); service.ErrorCode(err) != service.CodeUnavailable {
		t.Errorf("a token never confirmed here, during the outage: %v, want unavailable", err)
	}
	c.Advance(auth.DefaultOutageGrace)
	if _, err := a.Authenticate(ctx, bearerOf(seen)); service.ErrorCode(err) != service.CodeUnavailable {
		t.Errorf("after the outage grace: %v, want unavailable", err)
	}
}

func TestOutageGraceBounds(t *testing.T) {
	for _, g := range []time.Duration{-time.Second, 25 * time.Hour} {
		if _, err := auth.New(auth.Options{Store: auth.NewMemoryStore(), OutageGrace: g}); err == nil {
			t.Errorf("OutageGrace %s: got nil error", g)
		}
	}
}
