package main

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/audit"
)

// bundledUN is the UN Security Council consolidated list of 2026-02-27,
// loaded into an empty store on first start so that a check works at once.
//
//go:embed un-consolidated-2026-02-27.xml
var bundledUN []byte

// shutdownGrace bounds how long in-flight requests may take to drain.
const shutdownGrace = 20 * time.Second

// serve runs the service until ctx ends, then shuts down in order: not
// ready, drain HTTP, flush the audit trail, close the store, flush
// telemetry (deferred first, so it runs last).
func serve(ctx context.Context, cfg serveConfig, stderr io.Writer) (err error) {
	out := newLogOutput(stderr)
	stopLog := out.start()
	defer stopLog() // deferred first, so it runs last: the shutdown's own lines are written too
	log := slog.New(api.LogHandler(flushOnWarning{jsonHandler(cfg.LogLevel, out), out}))
	tlsConfig, err := serverTLS(cfg, log)
	if err != nil {
		return err
	}
	tel, err := setupTelemetry(ctx, cfg)
	if err != nil {
		return err
	}
	defer closeInto(&err, "flush telemetry", tel.close)
	st, kind, err := openStore(ctx, cfg, tel)
	if err != nil {
		return err
	}
	defer closeInto(&err, "close store", st.Close)
	trail, err := openAudit(ctx, cfg, st, log)
	if err != nil {
		return err
	}
	trail.Start(ctx)
	defer closeInto(&err, "flush audit trail", trail.Close)
	retention, stopRetention := context.WithCancel(ctx)
	retained := make(chan struct{})
	go func() { defer close(retained); keepRetention(retention, trail, cfg.AuditRetention, log) }()
	defer func() { stopRetention(); <-retained }()
	srv, fol, err := build(ctx, cfg, st, trail, log, tel)
	if err != nil {
		return err
	}
	ln, err := listen(cfg.Addr, tlsConfig)
	if err != nil {
		return err
	}
	log.Info("listening", "addr", ln.Addr().String(), "tls", tlsConfig != nil, "store", kind, "data_dir", cfg.DataDir)
	served := make(chan error, 1)
	go func() { served <- srv.App.Listener(ln) }()
	started := make(chan error, 1)
	go func() { started <- fol.lists.Start(ctx, seeds()) }()
	defer fol.start(ctx)()
	return waitAndShutdown(ctx, srv, log, served, started)
}

// build wires the use cases and the HTTP layer.
func build(ctx context.Context, cfg serveConfig, st store, trail *audit.Log, log *slog.Logger, tel *telemetry) (*api.Server, *follower, error) {
	authn, err := newAuth(ctx, cfg, st, log)
	if err != nil {
		return nil, nil, err
	}
	lim, err := newLimiter(cfg)
	if err != nil {
		return nil, nil, err
	}
	catalog := &service.Catalog{}
	lists := service.NewLists(st, catalog, matcher.DefaultOptions(), log, service.KeepVersions(cfg.ListVersions))
	fol := newFollower(st, lists, log)
	deps := api.Deps{Checker: service.NewChecker(catalog, trail), Readiness: catalog, Auth: authn, Limiter: lim, Audit: trail, Log: log, Lists: lists, Health: fol}
	if err := tel.observe(&deps, catalog, trail, cfg.AccessLog); err != nil {
		return nil, nil, fmt.Errorf("telemetry: %w", err)
	}
	jobs := service.NewJobs(deps.Lists, log) // async uploads through the observed use case; closed after the HTTP drain, before the store
	deps.Jobs = jobs
	srv := api.New(
		api.Config{RequestTimeout: cfg.RequestTimeout, BodyLimit: cfg.BodyLimit, BatchBodyLimit: cfg.BatchBodyLimit, MaxBatch: cfg.MaxBatch, UploadBodyLimit: cfg.UploadLimit,
			SpoolDir: filepath.Join(cfg.DataDir, "upload-spool")}, deps)
	srv.App.Hooks().OnShutdown(jobs.Close)
	return srv, fol, nil
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

// closeInto runs a deferred close and keeps its error.
func closeInto(err *error, what string, close func() error) {
	if cerr := close(); cerr != nil {
		*err = errors.Join(*err, fmt.Errorf("%s: %w", what, cerr))
	}
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
	return slog.New(api.LogHandler(jsonHandler(level, w)))
}

// jsonHandler writes JSON lines at level and above.
func jsonHandler(level string, w io.Writer) slog.Handler {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l})
}
