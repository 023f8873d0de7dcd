package main

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/service"
)

// observedChecker gives the check use cases a span each and feeds the
// check metrics. It wraps the service from outside, so the service needs
// no telemetry of its own. Spans carry ids and decisions, never a name, a
// date of birth or a document number; an error is recorded by its code,
// because a message may quote the request.
type observedChecker struct {
	api.Checker
	tracer trace.Tracer
	m      *checkMetrics
}

func (o observedChecker) Check(ctx context.Context, caller service.Caller, req service.CheckRequest) (service.CheckResponse, error) {
	start := time.Now()
	ctx, span := o.tracer.Start(ctx, "check")
	defer span.End()
	resp, err := o.Checker.Check(ctx, caller, req)
	o.m.checked(ctx, resp, err, time.Since(start))
	if span.IsRecording() {
		annotateCheck(span, resp, err)
	}
	return resp, err
}

func (o observedChecker) CheckBatch(ctx context.Context, caller service.Caller, req service.BatchRequest, maxItems int, emit func(int, service.BatchResult) error) error {
	start := time.Now()
	ctx, span := o.tracer.Start(ctx, "check.batch", trace.WithAttributes(attribute.Int("crosscheck.batch.items", len(req.Checks))))
	defer span.End()
	decisions := map[string]int{}
	err := o.Checker.CheckBatch(ctx, caller, req, maxItems, func(i int, r service.BatchResult) error {
		o.m.item(ctx, r)
		if r.CheckResponse != nil {
			decisions[r.Decision]++
		} else {
			decisions["error"]++
		}
		return emit(i, r)
	})
	o.m.batch.Record(ctx, time.Since(start).Seconds())
	for d, n := range decisions {
		span.SetAttributes(attribute.Int("crosscheck.batch."+d, n))
	}
	failed(span, err)
	return err
}

func annotateCheck(span trace.Span, resp service.CheckResponse, err error) {
	if failed(span, err) {
		return
	}
	lists := make([]string, len(resp.Lists))
	for i, l := range resp.Lists {
		lists[i] = l.ID + "@" + l.Version
	}
	span.SetAttributes(attribute.String("crosscheck.check_id", resp.CheckID), attribute.String("crosscheck.decision", resp.Decision),
		attribute.Int("crosscheck.hits", len(resp.Hits)), attribute.StringSlice("crosscheck.lists", lists))
}

// failed marks the span with the error's code and reports whether there
// was an error.
func failed(span trace.Span, err error) bool {
	if err == nil {
		return false
	}
	code := string(service.ErrorCode(err))
	span.SetAttributes(attribute.String("crosscheck.error_code", code))
	span.SetStatus(codes.Error, code)
	return true
}

// checkMetrics are the check instruments. Attribute sets are built once
// per decision and list and kept: a check records several measurements,
// and building a set sorts and allocates.
type checkMetrics struct {
	duration metric.Float64Histogram
	batch    metric.Float64Histogram
	errors   metric.Int64Counter
	checks   tallies  // by list: crosscheck.checks
	hits     tallies  // by list and decision: crosscheck.hits
	sets     sync.Map // setKey → metric.MeasurementOption
}

func newCheckMetrics(m metric.Meter) *checkMetrics {
	ms := []float64{0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 1}
	c := &checkMetrics{}
	// Instruments stay usable (recording nothing) if creation fails.
	c.duration, _ = m.Float64Histogram("crosscheck.check.duration", metric.WithUnit("s"), metric.WithExplicitBucketBoundaries(ms...),
		metric.WithDescription("Time to answer one check, audit record included, by decision."))
	c.batch, _ = m.Float64Histogram("crosscheck.batch.duration", metric.WithUnit("s"), metric.WithDescription("Time to answer one manifest."))
	c.errors, _ = m.Int64Counter("crosscheck.check.errors", metric.WithDescription("Checks not answered, by error code."))
	checks, err1 := m.Int64ObservableCounter("crosscheck.checks", metric.WithDescription("Travellers checked against each list (batch items included)."))
	hits, err2 := m.Int64ObservableCounter("crosscheck.hits", metric.WithDescription("Hits by list and by the hit's decision."))
	if err1 == nil && err2 == nil {
		_, _ = m.RegisterCallback(func(_ context.Context, o metric.Observer) error {
			c.checks.observe(o, checks, c.set)
			c.hits.observe(o, hits, c.set)
			return nil
		}, checks, hits)
	}
	return c
}

func (c *checkMetrics) checked(ctx context.Context, resp service.CheckResponse, err error, d time.Duration) {
	if err != nil {
		c.errors.Add(ctx, 1, c.set("code", string(service.ErrorCode(err))))
		return
	}
	c.duration.Record(ctx, d.Seconds(), c.set("decision", resp.Decision))
	c.counts(resp)
}

func (c *checkMetrics) item(ctx context.Context, r service.BatchResult) {
	if r.CheckResponse == nil {
		c.errors.Add(ctx, 1, c.set("code", string(r.Error.Code)))
		return
	}
	c.counts(*r.CheckResponse)
}

func (c *checkMetrics) counts(resp service.CheckResponse) {
	for _, l := range resp.Lists {
		c.checks.add(setKey{"list_id", l.ID})
	}
	for _, h := range resp.Hits {
		c.hits.add(setKey{"list_id", h.ListID, "decision", string(h.Decision)})
	}
}

// tallies are counters kept in atomics and read at scrape time. A check
// adds one per list it ran against and one per hit: through the SDK's
// synchronous counter each add looked up its attribute set and
// aggregated under a lock, more than the rest of the check's metrics.
type tallies struct {
	m sync.Map // setKey → *atomic.Int64
}

func (t *tallies) add(k setKey) {
	n, ok := t.m.Load(k)
	if !ok {
		n, _ = t.m.LoadOrStore(k, new(atomic.Int64))
	}
	n.(*atomic.Int64).Add(1)
}

func (t *tallies) observe(o metric.Observer, inst metric.Int64Observable, set func(...string) metric.MeasurementOption) {
	t.m.Range(func(k, n any) bool {
		kv := k.(setKey)
		pairs := kv[:]
		if kv[2] == "" {
			pairs = kv[:2]
		}
		o.ObserveInt64(inst, n.(*atomic.Int64).Load(), set(pairs...))
		return true
	})
}

// setKey is up to two attribute pairs; an array, so a lookup allocates
// nothing.
type setKey [4]string

// set returns the measurement option for key/value pairs, built once.
func (c *checkMetrics) set(kv ...string) metric.MeasurementOption {
	var key setKey
	copy(key[:], kv)
	if o, ok := c.sets.Load(key); ok {
		return o.(metric.MeasurementOption)
	}
	attrs := make([]attribute.KeyValue, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		attrs = append(attrs, attribute.String(kv[i], kv[i+1]))
	}
	o, _ := c.sets.LoadOrStore(key, metric.WithAttributeSet(attribute.NewSet(attrs...)))
	return o.(metric.MeasurementOption)
}
