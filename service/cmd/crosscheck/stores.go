package main

import (
	"context"
	"fmt"
	"os"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/audit"
	"github.com/crosscheck/crosscheck/service/auth"
	"github.com/crosscheck/crosscheck/service/storage/boltstore"
	"github.com/crosscheck/crosscheck/service/storage/redisstore"
)

// store is what crosscheck keeps: list versions, the records of documents
// lists too big for memory, tokens and the audit trail. Both adapters
// hold all four; service.NewLists finds the DocumentStore in the store it
// is given, so leaving it out here would quietly hold SLTD in memory.
type store interface {
	service.ListStore
	service.DocumentStore
	auth.Store
	audit.Store
}

var (
	_ store = (*boltstore.Store)(nil)
	_ store = (*redisstore.Store)(nil)
)

// openStore opens Redis when a URL is configured (several replicas share
// it), the embedded store in the data directory otherwise.
// The data directory is needed either way: it holds the audit spool, the
// audit chain head and the bootstrap tokens.
func openStore(ctx context.Context, cfg serveConfig, tel *telemetry) (store, string, error) {
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, "", fmt.Errorf("create data directory: %w", err)
	}
	if cfg.RedisURL != "" {
		var ierr error
		s, err := redisstore.Open(ctx, cfg.RedisURL, redisstore.WithClient(func(c redis.UniversalClient) { ierr = instrumentRedis(c, tel) }))
		if err == nil && ierr != nil {
			s.Close()
			return nil, "", fmt.Errorf("instrument redis: %w", ierr)
		}
		return s, "redis", err
	}
	s, err := boltstore.Open(cfg.DataDir)
	return s, "embedded", err
}
