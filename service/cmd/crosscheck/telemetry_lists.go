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
	return traced(ctx, l.tracer, "list.upload", uploadAttrs(u), func(ctx context.Context) (service.Loaded, error) {
		return l.ListAdmin.Load(ctx, u)
	}, loadedAttrs)
}

func (l tracedLists) DryRun(ctx context.Context, u service.Upload) (service.Diff, error) {
	return traced(ctx, l.tracer, "list.dry_run", uploadAttrs(u), func(ctx context.Context) (service.Diff, error) {
		return l.ListAdmin.DryRun(ctx, u)
	}, diffAttrs)
}

func (l tracedLists) ApplyDelta(ctx context.Context, d service.Delta) (service.Loaded, error) {
	attrs := []attribute.KeyValue{attribute.String("crosscheck.list_id", d.ListID), attribute.String("crosscheck.list.format", d.Format)}
	return traced(ctx, l.tracer, "list.delta", attrs, func(ctx context.Context) (service.Loaded, error) {
		return l.ListAdmin.ApplyDelta(ctx, d)
	}, loadedAttrs)
}

func (l tracedLists) Activate(ctx context.Context, listID, version string) (service.ListVersion, error) {
	attrs := []attribute.KeyValue{attribute.String("crosscheck.list_id", listID), attribute.String("crosscheck.list.version", version)}
	return traced(ctx, l.tracer, "list.activate", attrs, func(ctx context.Context) (service.ListVersion, error) {
		return l.ListAdmin.Activate(ctx, listID, version)
	}, func(v service.ListVersion) []attribute.KeyValue {
		return []attribute.KeyValue{attribute.Int("crosscheck.list.entries", v.Entries)}
	})
}

func (l tracedLists) Deactivate(ctx context.Context, listID string) error {
	_, err := traced(ctx, l.tracer, "list.deactivate", []attribute.KeyValue{attribute.String("crosscheck.list_id", listID)},
		func(ctx context.Context) (struct{}, error) { return struct{}{}, l.ListAdmin.Deactivate(ctx, listID) }, nil)
	return err
}

// traced runs call in a span named name with attrs; on success the span
// also gets what done says of the result, on failure the error's code.
func traced[T any](ctx context.Context, tracer trace.Tracer, name string, attrs []attribute.KeyValue,
	call func(context.Context) (T, error), done func(T) []attribute.KeyValue) (T, error) {
	ctx, span := tracer.Start(ctx, name, trace.WithAttributes(attrs...))
	defer span.End()
	res, err := call(ctx)
	if !failed(span, err) && done != nil {
		span.SetAttributes(done(res)...)
	}
	return res, err
}

// uploadAttrs are what an upload says of itself before it is read.
func uploadAttrs(u service.Upload) []attribute.KeyValue {
	return []attribute.KeyValue{attribute.String("crosscheck.list_id", u.ListID),
		attribute.String("crosscheck.list.format", u.Format), attribute.String("crosscheck.list.kind", u.Kind)}
}

// diffAttrs count what a dry run would change.
func diffAttrs(d service.Diff) []attribute.KeyValue {
	return []attribute.KeyValue{attribute.String("crosscheck.list.base", d.Base), attribute.Int("crosscheck.list.entries", d.Entries),
		attribute.Int("crosscheck.list.added", len(d.Added)), attribute.Int("crosscheck.list.changed", len(d.Changed)),
		attribute.Int("crosscheck.list.removed", len(d.Removed)), attribute.Int("crosscheck.list.warnings", len(d.Warnings))}
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
	var secret string
	tok, err := traced(ctx, a.tracer, "token.create", []attribute.KeyValue{attribute.String("crosscheck.token.role", string(role))},
		func(ctx context.Context) (tok auth.Token, err error) {
			tok, secret, err = a.Authenticator.CreateToken(ctx, name, role)
			return tok, err
		}, func(tok auth.Token) []attribute.KeyValue {
			return []attribute.KeyValue{attribute.String("crosscheck.token.id", tok.ID)}
		})
	return tok, secret, err
}

func (a tracedTokens) RevokeToken(ctx context.Context, id string) error {
	_, err := traced(ctx, a.tracer, "token.revoke", []attribute.KeyValue{attribute.String("crosscheck.token.id", id)},
		func(ctx context.Context) (struct{}, error) { return struct{}{}, a.Authenticator.RevokeToken(ctx, id) }, nil)
	return err
}
