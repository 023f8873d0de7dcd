package auth_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/auth"
)

// clock is a settable time source shared by the code under test.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// newAuth makes an Authenticator on store with the configured tokens of
// config (CROSSCHECK_TOKENS format).
func newAuth(t *testing.T, config string, store auth.Store, c *clock) *auth.Authenticator {
	t.Helper()
	recs, err := auth.ParseTokens(config)
	if err != nil {
		t.Fatal(err)
	}
	a, err := auth.New(auth.Options{Tokens: recs, Store: store, Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// wantCode fails t unless err is a service error with code whose message
// contains msg.
func wantCode(t *testing.T, err error, code service.Code, msg string) {
	t.Helper()
	if got := service.ErrorCode(err); got != code {
		t.Fatalf("error %v: code %s, want %s", err, got, code)
	}
	if m := service.ErrorMessage(err); !strings.Contains(m, msg) {
		t.Errorf("message %q does not contain %q", m, msg)
	}
}

func bearerOf(secret string) string { return "Bearer " + secret }

// createToken creates a store token through a, failing t if it cannot.
func createToken(t *testing.T, a *auth.Authenticator, name string, role auth.Role) (auth.Token, string) {
	t.Helper()
	tok, secret, err := a.CreateToken(context.Background(), name, role)
	if err != nil {
		t.Fatal(err)
	}
	return tok, secret
}

// fakeStore overrides single methods of a MemoryStore.
type fakeStore struct {
	*auth.MemoryStore
	byHash func(auth.Hash) (auth.Record, error)
	create func(auth.Record) error
	tokens func() ([]auth.Record, error)
}

func (f *fakeStore) TokenByHash(ctx context.Context, h auth.Hash) (auth.Record, error) {
	if f.byHash != nil {
		return f.byHash(h)
	}
	return f.MemoryStore.TokenByHash(ctx, h)
}

func (f *fakeStore) CreateToken(ctx context.Context, rec auth.Record) error {
	if f.create != nil {
		if err := f.create(rec); err != nil {
			return err
		}
	}
	return f.MemoryStore.CreateToken(ctx, rec)
}

func (f *fakeStore) Tokens(ctx context.Context) ([]auth.Record, error) {
	if f.tokens != nil {
		return f.tokens()
	}
	return f.MemoryStore.Tokens(ctx)
}
