package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	"go.opentelemetry.io/otel/metric"
	metricnoop "go.opentelemetry.io/otel/metric/noop"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	tracenoop "go.opentelemetry.io/otel/trace/noop"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/audit"
)

// instrumentation names the tracer and the meter of this module.
const instrumentation = "github.com/crosscheck/crosscheck"

// telemetry are the providers of one serve run. Nothing here is global:
// the tracer and meter are handed to whoever needs them.
type telemetry struct {
	tracer  trace.Tracer // nil: traces are off
	tp      trace.TracerProvider
	meter   metric.Meter
	metrics http.Handler // nil: no /metrics
	flush   []func(context.Context) error
}

// setupTelemetry exports traces over OTLP/HTTP only when
// OTEL_EXPORTER_OTLP_ENDPOINT is set (the SDK reads the other OTEL_*
// variables, sampler and headers, itself), and serves metrics for
// Prometheus unless --metrics=false. Off means no-op providers.
func setupTelemetry(ctx context.Context, cfg serveConfig) (*telemetry, error) {
	t := noTelemetry()
	res := telemetryResource(cfg)
	if cfg.OTLPEndpoint != "" && !cfg.OTelDisabled {
		exp, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpointURL(strings.TrimSuffix(cfg.OTLPEndpoint, "/")+"/v1/traces"))
		if err != nil {
			return nil, fmt.Errorf("OTEL_EXPORTER_OTLP_ENDPOINT: %w", err)
		}
		tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp), sdktrace.WithResource(res))
		t.tp, t.tracer = tp, tp.Tracer(instrumentation)
		t.flush = append(t.flush, tp.Shutdown)
	}
	if cfg.Metrics && !cfg.OTelDisabled {
		if err := t.setupMetrics(res); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// noTelemetry traces and measures nothing (commands other than serve).
func noTelemetry() *telemetry {
	return &telemetry{tp: tracenoop.NewTracerProvider(), meter: metricnoop.NewMeterProvider().Meter(instrumentation)}
}

// setupMetrics registers on a registry of our own, not Prometheus's
// global one, so that two runs in one test process do not collide.
func (t *telemetry) setupMetrics(res *resource.Resource) error {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	exp, err := otelprom.New(otelprom.WithRegisterer(reg), otelprom.WithoutScopeInfo())
	if err != nil {
		return fmt.Errorf("prometheus exporter: %w", err)
	}
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(exp), sdkmetric.WithResource(res))
	t.meter = mp.Meter(instrumentation)
	t.metrics = promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
	t.flush = append(t.flush, mp.Shutdown)
	return nil
}

func telemetryResource(cfg serveConfig) *resource.Resource {
	name := cfg.ServiceName
	if name == "" {
		name = "crosscheck"
	}
	attrs := []attribute.KeyValue{attribute.String("service.name", name), attribute.String("service.version", version)}
	if cfg.ReplicaID != "" {
		attrs = append(attrs, attribute.String("service.instance.id", cfg.ReplicaID))
	}
	return resource.NewSchemaless(attrs...)
}

// spanTracer is a tracer that is never nil, for the use-case spans.
func (t *telemetry) spanTracer() trace.Tracer {
	if t.tracer != nil {
		return t.tracer
	}
	return t.tp.Tracer(instrumentation)
}

// shutdown flushes spans still buffered; it runs last, after the audit
// trail and the store, so that their final spans are sent too.
func (t *telemetry) shutdown(ctx context.Context) error {
	var errs []error
	for _, f := range t.flush {
		errs = append(errs, f(ctx))
	}
	return errors.Join(errs...)
}

// observe wraps the use cases in deps with spans and metrics, hands the
// HTTP layer its share and registers the gauges read at scrape time.
func (t *telemetry) observe(deps *api.Deps, catalog *service.Catalog, trail *audit.Log, accessLog bool) error {
	deps.Checker = observedChecker{Checker: deps.Checker, tracer: t.spanTracer(), m: newCheckMetrics(t.meter)}
	if t.tracer != nil {
		deps.Audit = tracedAudit{AuditLog: deps.Audit, tracer: t.tracer}
		deps.Lists = tracedLists{ListAdmin: deps.Lists, tracer: t.tracer}
		deps.Auth = tracedTokens{Authenticator: deps.Auth, tracer: t.tracer}
	}
	deps.Telemetry = api.Telemetry{Tracer: t.tracer, Meter: t.meter, Metrics: t.metrics, AccessLog: accessLog}
	return observeState(t.meter, catalog, trail, time.Now)
}

// close flushes within a bound of its own: the run's context is done by
// the time it is called.
func (t *telemetry) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return t.shutdown(ctx)
}
