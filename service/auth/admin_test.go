package auth_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/auth"
)

func TestCreateToken(t *testing.T) {
	ctx, c := context.Background(), newClock()
	a := newAuth(t, "checker:gate-1:"+secretA, auth.NewMemoryStore(), c)
	tok, secret := createToken(t, a, "audit-2", auth.RoleAuditor)
	want := auth.Token{ID: tok.ID, Name: "audit-2", Role: auth.RoleAuditor, CreatedAt: c.Now(), Source: auth.SourceAPI}
	if tok != want || !strings.HasPrefix(tok.ID, "tok_") {
		t.Errorf("got %+v, want %+v", tok, want)
	}
	if p, err := a.Authenticate(ctx, bearerOf(secret)); err != nil || p.Role != auth.RoleAuditor {
		t.Errorf("new token: got %+v, %v", p, err)
	}
	tests := []struct {
		name string
		role auth.Role
		code service.Code
		msg  string
	}{
		{"", auth.RoleAdmin, service.CodeInvalid, "empty token name"},
		{"a b", auth.RoleAdmin, service.CodeInvalid, "only letters"},
		{"x", "root", service.CodeInvalid, `unknown role "root"`},
		{"gate-1", auth.RoleChecker, service.CodeConflict, `token name "gate-1" is taken by a configured token`},
		{"audit-2", auth.RoleAdmin, service.CodeConflict, `a token named "audit-2" exists already`},
	}
	for _, tc := range tests {
		_, _, err := a.CreateToken(ctx, tc.name, tc.role)
		wantCode(t, err, tc.code, tc.msg)
	}
}

func TestRevokeToken(t *testing.T) {
	ctx := context.Background()
	recs, _ := auth.ParseTokensFile(strings.NewReader("admin:ops:" + secretB))
	a, err := auth.New(auth.Options{Tokens: recs, Store: auth.NewMemoryStore()})
	if err != nil {
		t.Fatal(err)
	}
	tok, _ := createToken(t, a, "gate-2", auth.RoleChecker)
	if err := a.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if err := a.RevokeToken(ctx, tok.ID); err != nil {
		t.Errorf("second revocation: %v", err)
	}
	wantCode(t, a.RevokeToken(ctx, "tok_missing"), service.CodeNotFound, "no token with id tok_missing")
	wantCode(t, a.RevokeToken(ctx, "file:ops"), service.CodeInvalid, "comes from the tokens file")
	if _, _, err := a.CreateToken(ctx, "gate-2", auth.RoleChecker); err != nil {
		t.Errorf("name of a revoked token: %v", err)
	}
}

// Configured tokens come first, then store tokens by creation; nothing
// listed carries a secret or its hash.
func TestListTokens(t *testing.T) {
	ctx, c := context.Background(), newClock()
	a := newAuth(t, "checker:zz:"+secretA+",admin:aa:"+secretB, auth.NewMemoryStore(), c)
	var secrets []string
	for _, name := range []string{"later-b", "later-a"} {
		_, s := createToken(t, a, name, auth.RoleChecker)
		secrets = append(secrets, s)
		c.Advance(1)
	}
	toks, err := a.ListTokens(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tok := range toks {
		names = append(names, tok.Name)
	}
	if got, want := strings.Join(names, ","), "aa,zz,later-b,later-a"; got != want {
		t.Errorf("order: got %s, want %s", got, want)
	}
	out, _ := json.Marshal(toks)
	h, _ := auth.HashSecret(secrets[0]).MarshalText()
	for _, s := range append(secrets, secretA, secretB, string(h)) {
		if strings.Contains(string(out), s) {
			t.Errorf("listing holds a secret or hash: %s", out)
		}
	}
}
