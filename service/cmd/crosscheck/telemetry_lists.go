package main

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/auth"
)

// tracedLists gives each list change a span: upload, dry run, delta,
// activation, deactivation. Spans carry the list id, format, kind,
// version and counts; never an entry's name or document, nor the upload's
// body. The reads (Overview, Detail) and any method added to
// api.ListAdmin later pass through the embedded interface untraced.
type tracedLists struct {
	api.ListAdmin
	tracer trace.Tracer
}

func (l tracedLists) Load(ctx context.Context, u service.Upload) (service.Loaded, error) {
	ctx, span := l.tracer.Start(ctx, "list.upload", trace.WithAttributes(uploadAttrs(u)...))
	defer span.End()
	res, err := l.ListAdmin.Load(ctx, u)
	if !failed(span, err) {
		span.SetAttributes(loadedAttrs(res)...)
	}
	return res, err
}

func (l tracedLists) DryRun(ctx context.Context, u service.Upload) (service.Diff, error) {
	ctx, span := l.tracer.Start(ctx, "list.dry_run", trace.WithAttributes(uploadAttrs(u)...))
	defer span.End()
	d, err := l.ListAdmin.DryRun(ctx, u)
	if !failed(span, err) {
		span.SetAttributes(attribute.String("crosscheck.list.base", d.Base), attribute.Int("crosscheck.list.entries", d.Entries),
			attribute.Int("crosscheck.list.added", len(d.Added)), attribute.Int("crosscheck.list.changed", len(d.Changed)),
			attribute.Int("crosscheck.list.removed", len(d.Removed)), attribute.Int("crosscheck.list.warnings", len(d.Warnings)))
	}
	return d, err
}

func (l tracedLists) ApplyDelta(ctx context.Context, d service.Delta) (service.Loaded, error) {
	ctx, span := l.tracer.Start(ctx, "list.delta", trace.WithAttributes(
		attribute.String("crosscheck.list_id", d.ListID), attribute.String("crosscheck.list.format", d.Format)))
	defer span.End()
	res, err := l.ListAdmin.ApplyDelta(ctx, d)
	if !failed(span, err) {
		span.SetAttributes(loadedAttrs(res)...)
	}
	return res, err
}

func (l tracedLists) Activate(ctx context.Context, listID, version string) (service.ListVersion, error) {
	ctx, span := l.tracer.Start(ctx, "list.activate", trace.WithAttributes(
		attribute.String("crosscheck.list_id", listID), attribute.String("crosscheck.list.version", version)))
	defer span.End()
	v, err := l.ListAdmin.Activate(ctx, listID, version)
	if !failed(span, err) {
		span.SetAttributes(attribute.Int("crosscheck.list.entries", v.Entries))
	}
	return v, err
}

func (l tracedLists) Deactivate(ctx context.Context, listID string) error {
	ctx, span := l.tracer.Start(ctx, "list.deactivate", trace.WithAttributes(attribute.String("crosscheck.list_id", listID)))
	defer span.End()
	err := l.ListAdmin.Deactivate(ctx, listID)
	failed(span, err)
	return err
}

// uploadAttrs are what an upload says of itself before it is read.
func uploadAttrs(u service.Upload) []attribute.KeyValue {
	return []attribute.KeyValue{attribute.String("crosscheck.list_id", u.ListID),
		attribute.String("crosscheck.list.format", u.Format), attribute.String("crosscheck.list.kind", u.Kind)}
}

// loadedAttrs describe the version an upload or a delta activated.
func loadedAttrs(res service.Loaded) []attribute.KeyValue {
	attrs := []attribute.KeyValue{attribute.String("crosscheck.list.version", res.Version),
		attribute.Int("crosscheck.list.entries", res.Entries), attribute.Int("crosscheck.list.warnings", len(res.Warnings))}
	if res.Base != "" {
		attrs = append(attrs, attribute.String("crosscheck.list.base", res.Base))
	}
	return attrs
}

// tracedTokens gives token administration a span each, with the token's
// id and role; not its name, which an administrator chose freely, and
// never its secret. Authenticate, on every request, is left to the
// request's own span.
type tracedTokens struct {
	api.Authenticator
	tracer trace.Tracer
}

func (a tracedTokens) CreateToken(ctx context.Context, name string, role auth.Role) (auth.Token, string, error) {
	ctx, span := a.tracer.Start(ctx, "token.create", trace.WithAttributes(attribute.String("crosscheck.token.role", string(role))))
	defer span.End()
	tok, secret, err := a.Authenticator.CreateToken(ctx, name, role)
	if !failed(span, err) {
		span.SetAttributes(attribute.String("crosscheck.token.id", tok.ID))
	}
	return tok, secret, err
}

func (a tracedTokens) RevokeToken(ctx context.Context, id string) error {
	ctx, span := a.tracer.Start(ctx, "token.revoke", trace.WithAttributes(attribute.String("crosscheck.token.id", id)))
	defer span.End()
	err := a.Authenticator.RevokeToken(ctx, id)
	failed(span, err)
	return err
}
