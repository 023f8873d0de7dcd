package auth

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/crosscheck/crosscheck/service"
)

// CreateToken creates a store token with a fresh secret and returns both.
// The secret is shown this once: only its hash is kept. Errors: invalid
// (name, role), conflict (name taken by a configured or a live store
// token), unavailable (store).
func (a *Authenticator) CreateToken(ctx context.Context, name string, role Role) (Token, string, error) {
	return a.create(ctx, name, role, SourceAPI)
}

func (a *Authenticator) create(ctx context.Context, name string, role Role, src Source) (Token, string, error) {
	if err := ValidateName(name); err != nil {
		return Token{}, "", service.Errorf(service.CodeInvalid, "%v", err)
	}
	if _, err := ParseRole(string(role)); err != nil {
		return Token{}, "", service.Errorf(service.CodeInvalid, "%v", err)
	}
	if a.names[name] {
		return Token{}, "", service.Errorf(service.CodeConflict, "token name %q is taken by a configured token", name)
	}
	secret := NewSecret()
	tok := Token{ID: newID(), Name: name, Role: role, CreatedAt: a.now().UTC(), Source: src}
	err := a.store.CreateToken(ctx, Record{Token: tok, Hash: HashSecret(secret)})
	if errors.Is(err, ErrTokenExists) {
		return Token{}, "", service.Wrap(service.CodeConflict, err, fmt.Sprintf("a token named %q exists already", name))
	}
	if err != nil {
		return Token{}, "", service.Wrap(service.CodeUnavailable, err, "token store unavailable")
	}
	return tok, secret, nil
}

// RevokeToken revokes a store token. It takes effect at once on this
// replica and within the cache TTL on the others. Configured tokens cannot
// be revoked here (invalid): they live in the configuration. An unknown id
// is not_found; revoking twice succeeds.
func (a *Authenticator) RevokeToken(ctx context.Context, id string) error {
	for _, rec := range a.static {
		if rec.ID == id {
			return service.Errorf(service.CodeInvalid, "token %s comes from the %s; remove it there and restart", id, describe(rec.Source))
		}
	}
	err := a.store.RevokeToken(ctx, id, a.now().UTC())
	if errors.Is(err, ErrTokenNotFound) {
		return service.Errorf(service.CodeNotFound, "no token with id %s", id)
	}
	if err != nil {
		return service.Wrap(service.CodeUnavailable, err, "token store unavailable")
	}
	a.cache.dropID(id)
	return nil
}

func describe(src Source) string {
	if src == SourceFile {
		return "tokens file"
	}
	return "configuration"
}

// ListTokens returns every token without secrets: the configured ones by
// name, then the store's (revoked ones included) by creation time.
func (a *Authenticator) ListTokens(ctx context.Context) ([]Token, error) {
	static := make([]Token, 0, len(a.static))
	for _, rec := range a.static {
		static = append(static, rec.Token)
	}
	slices.SortFunc(static, func(x, y Token) int { return cmp.Compare(x.ID, y.ID) })
	recs, err := a.store.Tokens(ctx)
	if err != nil {
		return nil, service.Wrap(service.CodeUnavailable, err, "token store unavailable")
	}
	stored := make([]Token, 0, len(recs))
	for _, rec := range recs {
		stored = append(stored, rec.Token)
	}
	slices.SortFunc(stored, func(x, y Token) int {
		return cmp.Or(x.CreatedAt.Compare(y.CreatedAt), cmp.Compare(x.ID, y.ID))
	})
	return append(static, stored...), nil
}
