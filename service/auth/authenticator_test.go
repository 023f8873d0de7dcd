package auth_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/auth"
)

func TestAuthenticate(t *testing.T) {
	ctx := context.Background()
	a := newAuth(t, "checker:gate-1:"+secretA, auth.NewMemoryStore(), newClock())
	stored, storedSecret := createToken(t, a, "ops", auth.RoleAdmin)
	revoked, revokedSecret := createToken(t, a, "old", auth.RoleAuditor)
	if err := a.RevokeToken(ctx, revoked.ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, header string
		want         auth.Principal
		code         service.Code
		msg          string
	}{
		{"configured", bearerOf(secretA), auth.Principal{TokenID: "config:gate-1", Name: "gate-1", Role: auth.RoleChecker}, "", ""},
		{"scheme in lower case, spaces", "  bearer   " + secretA + " ", auth.Principal{TokenID: "config:gate-1", Name: "gate-1", Role: auth.RoleChecker}, "", ""},
		{"stored", bearerOf(storedSecret), auth.Principal{TokenID: stored.ID, Name: "ops", Role: auth.RoleAdmin}, "", ""},
		{"missing", "", auth.Principal{}, service.CodeUnauthorized, "missing bearer token"},
		{"blank", "   ", auth.Principal{}, service.CodeUnauthorized, "missing bearer token"},
		{"basic scheme", "Basic " + secretA, auth.Principal{}, service.CodeUnauthorized, "malformed Authorization header"},
		{"no scheme", secretA, auth.Principal{}, service.CodeUnauthorized, "malformed Authorization header"},
		{"scheme only", "Bearer", auth.Principal{}, service.CodeUnauthorized, "malformed bearer token"},
		{"empty token", "Bearer  ", auth.Principal{}, service.CodeUnauthorized, "malformed bearer token"},
		{"short token", "Bearer abc", auth.Principal{}, service.CodeUnauthorized, "malformed bearer token"},
		{"bad characters", "Bearer " + secretA + "\x00é", auth.Principal{}, service.CodeUnauthorized, "malformed bearer token"},
		{"too long", "Bearer " + strings.Repeat("a", auth.MaxSecretLen+1), auth.Principal{}, service.CodeUnauthorized, "malformed bearer token"},
		{"unknown", bearerOf(secretB), auth.Principal{}, service.CodeUnauthorized, "unknown bearer token"},
		{"unknown, prefixed", bearerOf(auth.NewSecret()), auth.Principal{}, service.CodeUnauthorized, "unknown bearer token"},
		{"revoked", bearerOf(revokedSecret), auth.Principal{}, service.CodeUnauthorized, "bearer token " + revoked.ID + " was revoked"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := a.Authenticate(ctx, tc.header)
			if tc.code == "" {
				if err != nil || p != tc.want {
					t.Fatalf("got %+v, %v; want %+v", p, err, tc.want)
				}
				return
			}
			wantCode(t, err, tc.code, tc.msg)
			token := strings.TrimSpace(strings.TrimPrefix(tc.header, "Bearer"))
			if len(token) >= 8 && strings.Contains(err.Error(), token) {
				t.Errorf("error %q repeats the token", err)
			}
		})
	}
}

// Each endpoint needs exactly one role; no role includes another.
func TestAuthorizeMatrix(t *testing.T) {
	endpoints := []struct {
		route string
		need  auth.Role
	}{
		{"POST /v1/check", auth.RoleChecker},
		{"POST /v1/check/batch", auth.RoleChecker},
		{"POST /v1/lists", auth.RoleAdmin},
		{"POST /v1/tokens", auth.RoleAdmin},
		{"GET /v1/audit", auth.RoleAuditor},
	}
	for _, role := range auth.Roles {
		for _, ep := range endpoints {
			t.Run(fmt.Sprintf("%s %s", role, ep.route), func(t *testing.T) {
				p := auth.Principal{TokenID: "tok_1", Name: "gate-1", Role: role}
				err := auth.Authorize(p, ep.need)
				if role == ep.need {
					if err != nil {
						t.Fatalf("got %v, want allowed", err)
					}
					return
				}
				wantCode(t, err, service.CodeForbidden, fmt.Sprintf("token gate-1 has role %s; this endpoint needs %s", role, ep.need))
			})
		}
	}
	wantCode(t, auth.Authorize(auth.Principal{}, auth.RoleChecker), service.CodeForbidden, "needs checker")
}

// A store that answers a lookup with another token's record must not let
// the caller in: the final comparison of hashes decides.
func TestAuthenticateComparesHashes(t *testing.T) {
	other := auth.Record{Token: auth.Token{ID: "tok_x", Name: "x", Role: auth.RoleAdmin}, Hash: auth.HashSecret(secretB)}
	store := &fakeStore{MemoryStore: auth.NewMemoryStore(),
		byHash: func(auth.Hash) (auth.Record, error) { return other, nil }}
	a := newAuth(t, "", store, newClock())
	_, err := a.Authenticate(context.Background(), bearerOf(secretA))
	wantCode(t, err, service.CodeUnauthorized, "unknown bearer token")
	if p, err := a.Authenticate(context.Background(), bearerOf(secretB)); err != nil || p.TokenID != "tok_x" {
		t.Errorf("matching hash: got %+v, %v", p, err)
	}
}

// A store failure is unavailable, not unauthorized, and its text stays out
// of the message; configured tokens keep working without the store.
func TestAuthenticateStoreDown(t *testing.T) {
	store := &fakeStore{MemoryStore: auth.NewMemoryStore(),
		byHash: func(auth.Hash) (auth.Record, error) {
			return auth.Record{}, errors.New("dial tcp 10.0.0.7:6379: refused")
		}}
	a := newAuth(t, "checker:gate-1:"+secretA, store, newClock())
	_, err := a.Authenticate(context.Background(), bearerOf(secretB))
	wantCode(t, err, service.CodeUnavailable, "token store unavailable")
	if strings.Contains(service.ErrorMessage(err), "10.0.0.7") {
		t.Errorf("message leaks the cause: %q", service.ErrorMessage(err))
	}
	if _, err := a.Authenticate(context.Background(), bearerOf(secretA)); err != nil {
		t.Errorf("configured token while the store is down: %v", err)
	}
}

// Revocation is immediate on the replica that revokes and takes at most
// the cache TTL on another replica that had the token cached.
func TestRevocationAcrossReplicas(t *testing.T) {
	ctx, c, store := context.Background(), newClock(), auth.NewMemoryStore()
	here, there := newAuth(t, "", store, c), newAuth(t, "", store, c)
	tok, secret := createToken(t, here, "gate-7", auth.RoleChecker)
	for _, a := range []*auth.Authenticator{here, there} {
		if _, err := a.Authenticate(ctx, bearerOf(secret)); err != nil {
			t.Fatal(err)
		}
	}
	if err := here.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	_, err := here.Authenticate(ctx, bearerOf(secret))
	wantCode(t, err, service.CodeUnauthorized, "was revoked")
	c.Advance(auth.DefaultCacheTTL - time.Millisecond)
	if _, err := there.Authenticate(ctx, bearerOf(secret)); err != nil {
		t.Errorf("within the TTL the other replica still trusts its cache: %v", err)
	}
	c.Advance(time.Millisecond)
	_, err = there.Authenticate(ctx, bearerOf(secret))
	wantCode(t, err, service.CodeUnauthorized, "was revoked")
}

// A token created on another replica works at once: unknown hashes are
// not cached.
func TestNewTokenVisibleAtOnce(t *testing.T) {
	ctx, c, store := context.Background(), newClock(), auth.NewMemoryStore()
	here, there := newAuth(t, "", store, c), newAuth(t, "", store, c)
	secret := auth.NewSecret()
	if _, err := there.Authenticate(ctx, bearerOf(secret)); err == nil {
		t.Fatal("unknown secret accepted")
	}
	_, secret = createToken(t, here, "gate-8", auth.RoleChecker)
	if _, err := there.Authenticate(ctx, bearerOf(secret)); err != nil {
		t.Errorf("token created on another replica: %v", err)
	}
}

func TestNewErrors(t *testing.T) {
	cfg, _ := auth.ParseTokens("checker:gate-1:" + secretA)
	file, _ := auth.ParseTokensFile(strings.NewReader("admin:gate-1:" + secretB))
	if _, err := auth.New(auth.Options{Tokens: append(cfg, file...), Store: auth.NewMemoryStore()}); err == nil ||
		!strings.Contains(err.Error(), `duplicate token name "gate-1"`) {
		t.Errorf("same name in config and file: got %v", err)
	}
	if _, err := auth.New(auth.Options{}); err == nil {
		t.Error("no store: got nil error")
	}
	if _, err := auth.New(auth.Options{Store: auth.NewMemoryStore(), CacheTTL: time.Hour}); err == nil {
		t.Error("cache TTL of an hour: got nil error")
	}
}

func TestNewSecret(t *testing.T) {
	s1, s2 := auth.NewSecret(), auth.NewSecret()
	if s1 == s2 || !strings.HasPrefix(s1, auth.SecretPrefix) || len(s1) != 46 {
		t.Errorf("secrets %q, %q: want distinct, %q prefix, 46 characters", s1, s2, auth.SecretPrefix)
	}
}
