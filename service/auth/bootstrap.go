package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// BootstrapFile is the content of the file Bootstrap writes.
type BootstrapFile struct {
	Note   string           `json:"note"`
	Tokens []BootstrapToken `json:"tokens"`
}

// BootstrapToken is one token of the bootstrap file, with its secret.
type BootstrapToken struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Role   Role   `json:"role"`
	Secret string `json:"secret"`
}

const bootstrapNote = "crosscheck bootstrap tokens, written once on the first start. " +
	"Move the secrets to a safe place, then delete this file; it is never rewritten."

// Bootstrap makes a first start usable: when no token is configured and
// the store holds none (not even a revoked one), it creates one token per
// role, named bootstrap-<role>, and writes them with their secrets to
// path, created with mode 0600. It reports whether it did; the caller may
// log the path, never the content.
//
// The file is created exclusively before any token exists, so that two
// starts never both write it and an existing file is never overwritten.
// If path exists while there is no token at all, the secrets in it belong
// to tokens that are gone (a wiped store): Bootstrap fails rather than
// start a service nobody can call, and the operator moves the file away.
// If another replica sharing the store bootstraps at the same moment, the
// name clash makes this one back out (created false, no file).
func (a *Authenticator) Bootstrap(ctx context.Context, path string) (bool, error) {
	if len(a.static) > 0 {
		return false, nil
	}
	recs, err := a.store.Tokens(ctx)
	if err != nil {
		return false, fmt.Errorf("bootstrap: read token store: %w", err)
	}
	if len(recs) > 0 {
		return false, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return false, fmt.Errorf("bootstrap: no token is configured or stored, but %s exists from an earlier start; "+
			"its tokens are gone: move it away to create new bootstrap tokens, or configure tokens", path)
	}
	if err != nil {
		return false, fmt.Errorf("bootstrap: %w", err)
	}
	created, err := a.bootstrapInto(ctx, f)
	if !created || err != nil {
		os.Remove(path)
	}
	return created, err
}

// bootstrapInto creates the tokens and writes them to f, undoing the
// tokens if writing fails: tokens whose secrets nobody has would only
// stop a later bootstrap.
func (a *Authenticator) bootstrapInto(ctx context.Context, f *os.File) (bool, error) {
	file := BootstrapFile{Note: bootstrapNote}
	for _, role := range Roles {
		tok, secret, err := a.create(ctx, "bootstrap-"+string(role), role, SourceBootstrap)
		if err != nil {
			f.Close()
			a.undo(ctx, file.Tokens)
			if errors.Is(err, ErrTokenExists) {
				return false, nil // another replica got there first
			}
			return false, fmt.Errorf("bootstrap: create %s token: %w", role, err)
		}
		file.Tokens = append(file.Tokens, BootstrapToken{ID: tok.ID, Name: tok.Name, Role: role, Secret: secret})
	}
	if err := writeJSON(f, file); err != nil {
		a.undo(ctx, file.Tokens)
		return false, fmt.Errorf("bootstrap: write %s: %w", f.Name(), err)
	}
	return true, nil
}

// undo revokes tokens bootstrap created but could not hand out.
func (a *Authenticator) undo(ctx context.Context, toks []BootstrapToken) {
	for _, t := range toks {
		_ = a.RevokeToken(ctx, t.ID) // best effort: the error being handled matters more
	}
}

// writeJSON writes v, syncs and closes f: the secrets must be on disk
// before the tokens are used.
func writeJSON(f *os.File, v any) error {
	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
}
