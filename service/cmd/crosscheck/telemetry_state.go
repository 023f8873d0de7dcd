package main

import (
	"context"
	"errors"
	"net"
	"time"

	"github.com/redis/go-redis/extra/redisotel/v9"
	"github.com/redis/go-redis/v9"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/crosscheck/crosscheck/service"
)

// observeState registers gauges read at scrape time: the active list
// versions and their age, index sizes and the audit spool depth. Reading
// them costs nothing between scrapes.
func observeState(m metric.Meter, catalog *service.Catalog, spool interface{ SpoolDepth() int }, now func() time.Time) error {
	active, err1 := m.Int64ObservableGauge("crosscheck.list.active", metric.WithDescription("1 for each list version being served."))
	age, err2 := m.Float64ObservableGauge("crosscheck.list.age", metric.WithUnit("s"), metric.WithDescription("Time since the served version of a list was loaded."))
	entries, err3 := m.Int64ObservableGauge("crosscheck.index.entries", metric.WithDescription("Entries in a list's index."))
	forms, err4 := m.Int64ObservableGauge("crosscheck.index.name_forms", metric.WithDescription("Name forms (aliases, scripts, transliterations) in a list's index."))
	docs, err5 := m.Int64ObservableGauge("crosscheck.index.documents", metric.WithDescription("Documents in a list's index."))
	depth, err6 := m.Int64ObservableGauge("crosscheck.audit.spool.depth", metric.WithDescription("Audit records spooled on disk and not yet in the store."))
	if err := errors.Join(err1, err2, err3, err4, err5, err6); err != nil {
		return err
	}
	_, err := m.RegisterCallback(func(_ context.Context, o metric.Observer) error {
		for _, s := range catalog.Stats() {
			list := attribute.String("list_id", s.Version.ListID)
			o.ObserveInt64(active, 1, metric.WithAttributes(list, attribute.String("version", s.Version.Version)))
			o.ObserveFloat64(age, now().Sub(s.Version.LoadedAt).Seconds(), metric.WithAttributes(list))
			o.ObserveInt64(entries, int64(s.Entries), metric.WithAttributes(list))
			o.ObserveInt64(forms, int64(s.NameForms), metric.WithAttributes(list))
			o.ObserveInt64(docs, int64(s.Documents), metric.WithAttributes(list))
		}
		o.ObserveInt64(depth, int64(spool.SpoolDepth()))
		return nil
	}, active, age, entries, forms, docs, depth)
	return err
}

// instrumentRedis adds the error counter to the client and, when traces
// are on, a span per command. The spans leave out the statement: command
// arguments hold list entries and audit records, names among them.
func instrumentRedis(rdb redis.UniversalClient, t *telemetry) error {
	count, err := t.meter.Int64Counter("crosscheck.redis.errors", metric.WithDescription("Redis commands that failed, by command (a missing key is not a failure)."))
	if err != nil {
		return err
	}
	rdb.AddHook(redisErrors{count})
	if t.tracer == nil {
		return nil
	}
	return redisotel.InstrumentTracing(rdb, redisotel.WithTracerProvider(t.tp), redisotel.WithDBStatement(false), redisotel.WithCallerEnabled(false))
}

// redisErrors counts failed commands: a cheap signal of a Redis in
// trouble, without a histogram per command.
type redisErrors struct{ count metric.Int64Counter }

func (h redisErrors) DialHook(next redis.DialHook) redis.DialHook {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := next(ctx, network, addr)
		h.add(ctx, "dial", err)
		return c, err
	}
}

func (h redisErrors) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		err := next(ctx, cmd)
		h.add(ctx, cmd.Name(), err)
		return err
	}
}

// ProcessPipelineHook counts each failed command of a pipeline by its
// own name: the pipeline's error is only its first command's.
func (h redisErrors) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		err := next(ctx, cmds)
		for _, cmd := range cmds {
			h.add(ctx, cmd.Name(), cmd.Err())
		}
		return err
	}
}

// add counts err unless it is no failure: redis.Nil is a missing key,
// NOSCRIPT makes go-redis send the script itself (the first run of each
// script), CLIENT SETINFO is connection set-up go-redis lets fail on an
// older server, and a cancelled context is our own shutdown or a client
// gone.
func (h redisErrors) add(ctx context.Context, command string, err error) {
	if err == nil || errors.Is(err, redis.Nil) || errors.Is(err, context.Canceled) ||
		redis.HasErrorPrefix(err, "NOSCRIPT") || command == "client" {
		return
	}
	h.count.Add(ctx, 1, metric.WithAttributes(attribute.String("command", command)))
}
