package main

import (
	"context"
	"strings"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/auth"
)

// fixedLists answers every list change with fixed values, or err.
type fixedLists struct {
	api.ListAdmin
	err error
}

func (f fixedLists) Load(context.Context, service.Upload) (service.Loaded, error) {
	return service.Loaded{ListVersion: service.ListVersion{Version: "v2", Entries: 42}, Warnings: []string{"w"}}, f.err
}

func (f fixedLists) DryRun(context.Context, service.Upload) (service.Diff, error) {
	return service.Diff{Base: "v1", Entries: 42, Added: []string{"A", "B"}, Removed: []string{"C"}}, f.err
}

func (f fixedLists) ApplyDelta(context.Context, service.Delta) (service.Loaded, error) {
	return service.Loaded{ListVersion: service.ListVersion{Version: "v3", Base: "v2", Entries: 41}}, f.err
}

func (f fixedLists) Activate(context.Context, string, string) (service.ListVersion, error) {
	return service.ListVersion{Entries: 40}, f.err
}

func (f fixedLists) Deactivate(context.Context, string) error { return f.err }

// fixedTokens creates and revokes tokens without a store.
type fixedTokens struct{ api.Authenticator }

func (fixedTokens) CreateToken(context.Context, string, auth.Role) (auth.Token, string, error) {
	return auth.Token{ID: "tok-7", Name: "officer Zarkovic", Role: auth.RoleChecker}, "s3cret-value", nil
}

func (fixedTokens) RevokeToken(context.Context, string) error { return nil }

// spanAttrs records what calls does and returns each span's attributes
// by span name, failing on any attribute that holds a forbidden value.
func spanAttrs(t *testing.T, calls func(*sdktrace.TracerProvider), forbidden ...string) map[string]map[string]string {
	t.Helper()
	rec := tracetest.NewSpanRecorder()
	calls(sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec)))
	spans := map[string]map[string]string{}
	for _, s := range rec.Ended() {
		attrs := map[string]string{}
		for _, a := range s.Attributes() {
			attrs[string(a.Key)] = a.Value.String()
			for _, f := range forbidden {
				if strings.Contains(a.Value.String(), f) {
					t.Errorf("span %s: attribute %s = %q holds %q", s.Name(), a.Key, a.Value.String(), f)
				}
			}
		}
		attrs["status"] = s.Status().Code.String() + " " + s.Status().Description
		spans[s.Name()] = attrs
	}
	return spans
}

func TestListAndTokenSpansCarryIDs(t *testing.T) {
	spans := spanAttrs(t, func(tp *sdktrace.TracerProvider) {
		ctx, l := context.Background(), tracedLists{ListAdmin: fixedLists{}, tracer: tp.Tracer("test")}
		upload := service.Upload{ListID: "wanted", Format: "crosscheck-csv", Kind: "persons", Name: "National wanted list", Body: strings.NewReader("id,name\n1,Zarkovic")}
		l.Load(ctx, upload)
		l.DryRun(ctx, upload)
		l.ApplyDelta(ctx, service.Delta{ListID: "wanted", Format: "ftm", Body: strings.NewReader(`{"op":"DEL"}`)})
		l.Activate(ctx, "wanted", "v1")
		l.Deactivate(ctx, "wanted")
		tok := tracedTokens{Authenticator: fixedTokens{}, tracer: tp.Tracer("test")}
		tok.CreateToken(ctx, "officer Zarkovic", auth.RoleChecker)
		tok.RevokeToken(ctx, "tok-7")
	}, "Zarkovic", "s3cret")
	want := map[string]map[string]string{
		"list.upload": {"crosscheck.list_id": "wanted", "crosscheck.list.format": "crosscheck-csv", "crosscheck.list.kind": "persons",
			"crosscheck.list.version": "v2", "crosscheck.list.entries": "42", "crosscheck.list.warnings": "1", "status": "Unset "},
		"list.dry_run": {"crosscheck.list_id": "wanted", "crosscheck.list.base": "v1", "crosscheck.list.entries": "42",
			"crosscheck.list.added": "2", "crosscheck.list.changed": "0", "crosscheck.list.removed": "1"},
		"list.delta":      {"crosscheck.list_id": "wanted", "crosscheck.list.format": "ftm", "crosscheck.list.version": "v3", "crosscheck.list.base": "v2", "crosscheck.list.entries": "41"},
		"list.activate":   {"crosscheck.list_id": "wanted", "crosscheck.list.version": "v1", "crosscheck.list.entries": "40"},
		"list.deactivate": {"crosscheck.list_id": "wanted", "status": "Unset "},
		"token.create":    {"crosscheck.token.role": "checker", "crosscheck.token.id": "tok-7"},
		"token.revoke":    {"crosscheck.token.id": "tok-7"},
	}
	assertSpans(t, spans, want)
}

// TestFailedListChangeSpanCarriesTheCode: a refused upload's span has the
// error code, not the message (which may quote the file), and no version.
func TestFailedListChangeSpanCarriesTheCode(t *testing.T) {
	refused := service.Errorf(service.CodeInvalid, "line 2: name %q: too long", "Zarkovic")
	spans := spanAttrs(t, func(tp *sdktrace.TracerProvider) {
		l := tracedLists{ListAdmin: fixedLists{err: refused}, tracer: tp.Tracer("test")}
		l.Load(context.Background(), service.Upload{ListID: "wanted", Format: "crosscheck-csv"})
	}, "Zarkovic")
	assertSpans(t, spans, map[string]map[string]string{
		"list.upload": {"crosscheck.list_id": "wanted", "crosscheck.error_code": "invalid", "status": "Error invalid"}})
	if v, ok := spans["list.upload"]["crosscheck.list.version"]; ok {
		t.Errorf("a refused upload's span names version %q", v)
	}
}

// TestObserveTracesListAndTokenChanges: with traces on, the use cases the
// HTTP layer gets are the traced ones.
func TestObserveTracesListAndTokenChanges(t *testing.T) {
	spans := spanAttrs(t, func(tp *sdktrace.TracerProvider) {
		tel := noTelemetry()
		tel.tp, tel.tracer = tp, tp.Tracer("test")
		deps := api.Deps{Checker: fixedChecker{}, Lists: fixedLists{}, Auth: fixedTokens{}}
		if err := tel.observe(&deps, &service.Catalog{}, nil, false); err != nil {
			t.Fatal(err)
		}
		deps.Lists.Deactivate(context.Background(), "wanted")
		deps.Auth.RevokeToken(context.Background(), "tok-7")
	})
	assertSpans(t, spans, map[string]map[string]string{"list.deactivate": {"crosscheck.list_id": "wanted"}, "token.revoke": {"crosscheck.token.id": "tok-7"}})
}

func assertSpans(t *testing.T, got, want map[string]map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d spans, want %d: %v", len(got), len(want), got)
	}
	for name, attrs := range want {
		for k, v := range attrs {
			if got[name][k] != v {
				t.Errorf("span %s: %s = %q, want %q (all: %v)", name, k, got[name][k], v, got[name])
			}
		}
	}
}
