package main

import (
	"context"
	"io"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/service/audit"
)

// tracedAudit gives the auditors' use cases a span each. A filter's
// kind, decision and list are recorded; its free text (q), operator and
// token are not: q holds travellers' names.
type tracedAudit struct {
	api.AuditLog
	tracer trace.Tracer
}

func (a tracedAudit) Get(ctx context.Context, checkID string) (audit.Record, error) {
	ctx, span := a.tracer.Start(ctx, "audit.get", trace.WithAttributes(attribute.String("crosscheck.check_id", checkID)))
	defer span.End()
	rec, err := a.AuditLog.Get(ctx, checkID)
	failed(span, err)
	return rec, err
}

func (a tracedAudit) Query(ctx context.Context, f audit.Filter, cursor string, limit int) ([]audit.Record, string, error) {
	ctx, span := a.tracer.Start(ctx, "audit.query", trace.WithAttributes(filterAttrs(f)...))
	defer span.End()
	recs, next, err := a.AuditLog.Query(ctx, f, cursor, limit)
	span.SetAttributes(attribute.Int("crosscheck.audit.records", len(recs)))
	failed(span, err)
	return recs, next, err
}

func (a tracedAudit) Export(ctx context.Context, w io.Writer, format string, f audit.Filter) (int, error) {
	attrs := append(filterAttrs(f), attribute.String("crosscheck.audit.format", format))
	ctx, span := a.tracer.Start(ctx, "audit.export", trace.WithAttributes(attrs...))
	defer span.End()
	n, err := a.AuditLog.Export(ctx, w, format, f)
	span.SetAttributes(attribute.Int("crosscheck.audit.records", n))
	failed(span, err)
	return n, err
}

func (a tracedAudit) Verify(ctx context.Context) (audit.Report, error) {
	ctx, span := a.tracer.Start(ctx, "audit.verify")
	defer span.End()
	rep, err := a.AuditLog.Verify(ctx)
	failed(span, err)
	return rep, err
}

func (a tracedAudit) Purge(ctx context.Context, before time.Time) (int, error) {
	ctx, span := a.tracer.Start(ctx, "audit.purge", trace.WithAttributes(attribute.String("crosscheck.audit.before", before.UTC().Format(time.RFC3339))))
	defer span.End()
	n, err := a.AuditLog.Purge(ctx, before)
	span.SetAttributes(attribute.Int("crosscheck.audit.purged", n))
	failed(span, err)
	return n, err
}

// filterAttrs are the parts of a filter that name no person.
func filterAttrs(f audit.Filter) []attribute.KeyValue {
	attrs := []attribute.KeyValue{attribute.Bool("crosscheck.audit.text_search", f.Q != "")}
	for k, v := range map[string]string{"kind": string(f.Kind), "decision": f.Decision, "list_id": f.ListID, "entry_id": f.EntryID, "checkpoint": f.Checkpoint} {
		if v != "" {
			attrs = append(attrs, attribute.String("crosscheck.audit."+k, v))
		}
	}
	return attrs
}
