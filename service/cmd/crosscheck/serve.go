package main

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/boltstore"
)

// bundledUN is the UN Security Council consolidated list of 2026-02-27,
// loaded into an empty store on first start so that a check works at once.
//
//go:embed un-consolidated-2026-02-27.xml
var bundledUN []byte

// shutdownGrace bounds how long in-flight requests may take to drain.
const shutdownGrace = 20 * time.Second

// serve runs the service until ctx ends, then shuts down in order: not
// ready, drain HTTP, close the store.
func serve(ctx context.Context, cfg serveConfig, stderr io.Writer) error {
	log := newLogger(cfg.LogLevel, stderr)
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	store, err := boltstore.Open(cfg.DataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	catalog := &service.Catalog{}
	lists := service.NewLists(store, catalog, matcher.DefaultOptions(), log)
	srv := api.New(api.Config{RequestTimeout: cfg.RequestTimeout, BodyLimit: cfg.BodyLimit, BatchBodyLimit: cfg.BatchBodyLimit, MaxBatch: cfg.MaxBatch},
		api.Deps{Checker: service.NewChecker(catalog), Readiness: catalog, Log: log})
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	log.Info("listening", "addr", ln.Addr().String(), "data_dir", cfg.DataDir)
	served := make(chan error, 1)
	go func() { served <- srv.App.Listener(ln) }()
	started := make(chan error, 1)
	go func() { started <- lists.Start(ctx, seeds()) }()
	return waitAndShutdown(ctx, srv, log, served, started)
}

// waitAndShutdown waits for a stop signal or a fatal error, then drains.
func waitAndShutdown(ctx context.Context, srv *api.Server, log *slog.Logger, served, started <-chan error) error {
	var fatal error
	for fatal == nil && ctx.Err() == nil {
		select {
		case <-ctx.Done():
		case err := <-served:
			fatal = fmt.Errorf("http server stopped: %w", err)
		case err := <-started:
			if err != nil && ctx.Err() == nil {
				fatal = fmt.Errorf("load lists: %w", err)
			} else if err == nil {
				log.Info("lists ready")
			}
			started = nil
		}
	}
	log.Info("shutting down")
	srv.Drain()
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.App.ShutdownWithContext(sctx); err != nil {
		fatal = errors.Join(fatal, fmt.Errorf("drain http: %w", err))
	}
	return fatal
}

func seeds() []service.Upload {
	return []service.Upload{{
		ListID: "un-sc",
		Format: "un-xml",
		Name:   "UN Security Council Consolidated List (bundled, 2026-02-27)",
		Kind:   "persons",
		Body:   bytes.NewReader(bundledUN),
	}}
}

func newLogger(level string, w io.Writer) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l}))
}
