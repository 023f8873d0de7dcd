package auth_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/service/auth"
)

func bootstrapPath(t *testing.T) string {
	return filepath.Join(t.TempDir(), "bootstrap-tokens.json")
}

func readBootstrap(t *testing.T, path string) auth.BootstrapFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f auth.BootstrapFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// The first start creates one working token per role, writes them once
// with mode 0600, and later starts leave everything as it is.
func TestBootstrapCreatesOnce(t *testing.T) {
	ctx, store, path := context.Background(), auth.NewMemoryStore(), bootstrapPath(t)
	a := newAuth(t, "", store, newClock())
	created, err := a.Bootstrap(ctx, path)
	if err != nil || !created {
		t.Fatalf("first start: got %v, %v; want created", created, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("file mode: %v, %v; want 0600", fi.Mode(), err)
	}
	f := readBootstrap(t, path)
	if len(f.Tokens) != len(auth.Roles) {
		t.Fatalf("got %d tokens, want %d", len(f.Tokens), len(auth.Roles))
	}
	for i, bt := range f.Tokens {
		p, err := a.Authenticate(ctx, bearerOf(bt.Secret))
		if err != nil || p.Role != auth.Roles[i] || p.Name != "bootstrap-"+string(auth.Roles[i]) || p.TokenID != bt.ID {
			t.Errorf("bootstrap token %d: got %+v, %v", i, p, err)
		}
	}
	before, _ := os.ReadFile(path)
	restarted := newAuth(t, "", store, newClock())
	if created, err := restarted.Bootstrap(ctx, path); created || err != nil {
		t.Errorf("second start: got %v, %v; want nothing done", created, err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("second start rewrote the file")
	}
	toks, _ := store.Tokens(ctx)
	if len(toks) != len(auth.Roles) {
		t.Errorf("store holds %d tokens after two starts, want %d", len(toks), len(auth.Roles))
	}
}

func TestBootstrapSkipped(t *testing.T) {
	ctx := context.Background()
	t.Run("configured tokens", func(t *testing.T) {
		path := bootstrapPath(t)
		a := newAuth(t, "admin:ops:"+secretA, auth.NewMemoryStore(), newClock())
		if created, err := a.Bootstrap(ctx, path); created || err != nil {
			t.Errorf("got %v, %v; want nothing done", created, err)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("file written: %v", err)
		}
	})
	t.Run("only a revoked token in the store", func(t *testing.T) {
		store := auth.NewMemoryStore()
		a := newAuth(t, "", store, newClock())
		tok, _ := createToken(t, a, "gone", auth.RoleAdmin)
		if err := a.RevokeToken(ctx, tok.ID); err != nil {
			t.Fatal(err)
		}
		if created, err := a.Bootstrap(ctx, bootstrapPath(t)); created || err != nil {
			t.Errorf("got %v, %v; want nothing done", created, err)
		}
	})
}

// An old file with no tokens anywhere is an error, and the file stays.
func TestBootstrapNeverOverwrites(t *testing.T) {
	path := bootstrapPath(t)
	if err := os.WriteFile(path, []byte("old secrets"), 0o600); err != nil {
		t.Fatal(err)
	}
	a := newAuth(t, "", auth.NewMemoryStore(), newClock())
	created, err := a.Bootstrap(context.Background(), path)
	if created || err == nil {
		t.Errorf("got %v, %v; want an error", created, err)
	}
	if data, _ := os.ReadFile(path); string(data) != "old secrets" {
		t.Errorf("file changed to %q", data)
	}
}

// A store failure half-way leaves no file and no usable token behind.
func TestBootstrapStoreFailure(t *testing.T) {
	ctx, path := context.Background(), bootstrapPath(t)
	calls := 0
	store := &fakeStore{MemoryStore: auth.NewMemoryStore(), create: func(auth.Record) error {
		if calls++; calls == 2 {
			return errors.New("store down")
		}
		return nil
	}}
	a := newAuth(t, "", store, newClock())
	if created, err := a.Bootstrap(ctx, path); created || err == nil {
		t.Fatalf("got %v, %v; want an error", created, err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("file left behind: %v", err)
	}
	recs, _ := store.Tokens(ctx)
	for _, rec := range recs {
		if !rec.Revoked() {
			t.Errorf("token %s left usable", rec.Name)
		}
	}
}

// When another replica bootstraps the shared store at the same moment,
// this one backs out quietly.
func TestBootstrapRace(t *testing.T) {
	path := bootstrapPath(t)
	store := &fakeStore{MemoryStore: auth.NewMemoryStore(),
		create: func(auth.Record) error { return auth.ErrTokenExists }}
	a := newAuth(t, "", store, newClock())
	if created, err := a.Bootstrap(context.Background(), path); created || err != nil {
		t.Errorf("got %v, %v; want nothing done", created, err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("file left behind: %v", err)
	}
}
