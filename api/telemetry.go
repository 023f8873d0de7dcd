package api

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	metricnoop "go.opentelemetry.io/otel/metric/noop"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
	tracenoop "go.opentelemetry.io/otel/trace/noop"
)

// Telemetry are the observability hooks of the HTTP layer. The zero value
// traces and measures nothing and serves no /metrics.
type Telemetry struct {
	Tracer    trace.Tracer // a server span per request; nil when nothing exports them
	Meter     metric.Meter // http.server.request.duration
	Metrics   http.Handler // the Prometheus scrape handler at GET /metrics
	AccessLog bool         // one log line per request
}

// httpTelemetry is Telemetry made ready for the hot path.
type httpTelemetry struct {
	tracer    trace.Tracer
	traced    bool // spans go somewhere, so incoming trace context is worth reading
	duration  metric.Float64Histogram
	accessLog bool
	propagate propagation.TextMapPropagator
	sets      sync.Map // requestKind → metric.MeasurementOption
}

// requestKind is what the duration metric is broken down by: few values
// (route patterns, not paths), so their attribute sets are kept.
type requestKind struct {
	method, route string
	status        int
}

// attributes returns the metric's attribute set for a kind of request,
// built once: building one sorts and allocates, on every request.
func (t *httpTelemetry) attributes(method, route string, status int) metric.MeasurementOption {
	k := requestKind{method, route, status}
	if o, ok := t.sets.Load(k); ok {
		return o.(metric.MeasurementOption)
	}
	set := attribute.NewSet(attribute.String("http.request.method", method), attribute.String("http.route", route),
		attribute.Int("http.response.status_code", status))
	o, _ := t.sets.LoadOrStore(k, metric.WithAttributeSet(set))
	return o.(metric.MeasurementOption)
}

func newHTTPTelemetry(t Telemetry) *httpTelemetry {
	h := &httpTelemetry{tracer: t.Tracer, traced: t.Tracer != nil, accessLog: t.AccessLog, propagate: propagation.TraceContext{}}
	if h.tracer == nil {
		h.tracer = tracenoop.NewTracerProvider().Tracer("")
	}
	meter := t.Meter
	if meter == nil {
		meter = metricnoop.NewMeterProvider().Meter("")
	}
	// The instrument is valid even when creation reports an error (a bad
	// unit, say): it then records nothing, which is all we could do anyway.
	h.duration, _ = meter.Float64Histogram("http.server.request.duration", metric.WithUnit("s"),
		metric.WithDescription("Duration of HTTP requests, by method, route and status."),
		metric.WithExplicitBucketBoundaries(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5))
	return h
}

// metricsRoute serves the Prometheus scrape endpoint. Like the probes it
// needs no token: it holds counts and sizes, no personal data.
func (s *Server) metricsRoute() {
	if s.deps.Telemetry.Metrics != nil {
		s.App.Get("/metrics", adaptor.HTTPHandler(s.deps.Telemetry.Metrics))
	}
}

// observe wraps every request: a request id in and out, a server span,
// the HTTP metric and one access log line. It runs first and turns a
// handler's error into its answer here, so that it sees the final status.
func (s *Server) observe(c *fiber.Ctx) error {
	start := time.Now()
	id := requestID(c)
	c.Set(HeaderRequestID, id)
	ctx := withRequestID(context.Background(), id)
	if s.tel.traced {
		ctx = s.tel.propagate.Extract(ctx, headerCarrier{c})
	}
	ctx, span := s.tel.tracer.Start(ctx, methodName(c), trace.WithSpanKind(trace.SpanKindServer))
	c.SetUserContext(ctx)
	if err := c.Next(); err != nil {
		if herr := s.fiberError(c, err); herr != nil {
			c.Status(http.StatusInternalServerError)
		}
	}
	s.tel.finish(ctx, c, span, start, s.deps.Log)
	return nil
}

// finish ends the span, records the metric and writes the access line.
// Only the route pattern is recorded, never the path or the query string:
// the audit query's q holds travellers' names.
func (t *httpTelemetry) finish(ctx context.Context, c *fiber.Ctx, span trace.Span, start time.Time, log *slog.Logger) {
	method, route, status := methodName(c), routeOf(c), c.Response().StatusCode()
	elapsed := time.Since(start)
	if span.IsRecording() {
		span.SetName(method + " " + route)
		span.SetAttributes(attribute.String("http.request.method", method), attribute.String("http.route", route),
			attribute.Int("http.response.status_code", status), attribute.String("crosscheck.request_id", RequestID(ctx)))
		if status >= http.StatusInternalServerError {
			span.SetStatus(codes.Error, http.StatusText(status))
		}
	}
	span.End()
	t.duration.Record(ctx, elapsed.Seconds(), t.attributes(method, route, status))
	if t.accessLog && log != nil {
		log.LogAttrs(ctx, accessLevel(route), "request", slog.String("method", method), slog.String("route", route),
			slog.Int("status", status), slog.Float64("latency_ms", float64(elapsed.Microseconds())/1000))
	}
}

// accessLevel keeps probes and scrapes, every few seconds each, out of
// the info log.
func accessLevel(route string) slog.Level {
	switch route {
	case "/healthz", "/readyz", "/metrics":
		return slog.LevelDebug
	}
	return slog.LevelInfo
}

// routeOf is the matched route pattern. Every request passes the
// middleware registered at "/", so a request that matched nothing else
// still ends there; no real route is "/".
func routeOf(c *fiber.Ctx) string {
	r := c.Route()
	if r == nil || r.Path == "/" || len(r.Handlers) == 0 {
		return "unmatched"
	}
	return r.Path
}

// methodName returns a constant string: c.Method() points into a buffer
// that fasthttp reuses, and a span or a log record outlives the handler.
func methodName(c *fiber.Ctx) string {
	for _, m := range []string{fiber.MethodGet, fiber.MethodPost, fiber.MethodPut, fiber.MethodDelete, fiber.MethodPatch, fiber.MethodHead, fiber.MethodOptions} {
		if c.Method() == m {
			return m
		}
	}
	return "OTHER"
}

// headerCarrier reads W3C trace context headers from a Fiber request.
type headerCarrier struct{ c *fiber.Ctx }

func (h headerCarrier) Get(key string) string { return h.c.Get(key) }
func (h headerCarrier) Set(string, string)    {}
func (h headerCarrier) Keys() []string        { return nil }
