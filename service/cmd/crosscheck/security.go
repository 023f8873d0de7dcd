package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/crosscheck/crosscheck/service/audit"
	"github.com/crosscheck/crosscheck/service/auth"
)

// newAuth builds the authenticator from configured tokens and the store,
// and on a first start with no token at all writes one per role to
// <data-dir>/bootstrap-tokens.json (mode 0600). The log says where, never
// what.
func newAuth(ctx context.Context, cfg serveConfig, st auth.Store, log *slog.Logger) (*auth.Authenticator, error) {
	recs, err := auth.ParseTokens(cfg.Tokens)
	if err != nil {
		return nil, fmt.Errorf("CROSSCHECK_TOKENS: %w", err)
	}
	if cfg.TokensFile != "" {
		more, err := auth.LoadTokensFile(cfg.TokensFile)
		if err != nil {
			return nil, fmt.Errorf("--tokens-file: %w", err)
		}
		recs = append(recs, more...)
	}
	a, err := auth.New(auth.Options{Tokens: recs, Store: st})
	if err != nil {
		return nil, err
	}
	path := filepath.Join(cfg.DataDir, "bootstrap-tokens.json")
	created, err := a.Bootstrap(ctx, path)
	if err != nil {
		return nil, err
	}
	if created {
		log.Warn("no token was configured: created one per role; read them once, keep them safe, delete the file", "file", path)
	}
	return a, nil
}

func newLimiter(cfg serveConfig) (*auth.Limiter, error) {
	rate := auth.Rate{PerSecond: cfg.CheckerRate, Burst: int(2*cfg.CheckerRate) + 1}
	return auth.NewLimiter(auth.LimiterOptions{Rates: map[auth.Role]auth.Rate{auth.RoleChecker: rate}})
}

// openAudit opens this replica's audit chain. The HMAC key lives outside
// the store: in the environment, a key file, or <data-dir>/audit.key.
func openAudit(ctx context.Context, cfg serveConfig, st audit.Store, log *slog.Logger) (*audit.Log, error) {
	key, err := auditKey(cfg)
	if err != nil {
		return nil, err
	}
	chain := cfg.ReplicaID
	if chain == "" {
		if chain, err = os.Hostname(); err != nil {
			return nil, fmt.Errorf("--replica-id not set and no host name: %w", err)
		}
	}
	return audit.Open(ctx, audit.Options{
		Store: st, Key: key, Chain: chain, Dir: cfg.DataDir,
		Sync: audit.SyncPolicy(cfg.AuditSync), Logger: log,
	})
}

func auditKey(cfg serveConfig) ([]byte, error) {
	switch {
	case cfg.AuditKey != "":
		k, err := audit.ParseKey(cfg.AuditKey)
		if err != nil {
			return nil, fmt.Errorf("CROSSCHECK_AUDIT_KEY: %w", err)
		}
		return k, nil
	case cfg.AuditKeyFile != "":
		return audit.LoadOrCreateKey(cfg.AuditKeyFile)
	}
	return audit.LoadOrCreateKey(filepath.Join(cfg.DataDir, "audit.key"))
}
