package api

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/crosscheck/crosscheck/service"
)

// travellerName must never reach a span, a metric or a log line.
const travellerName = "Zarkovic"

// observedServer is the test server with tracing, metrics and an access
// log into buf.
func observedServer(t *testing.T, buf *bytes.Buffer) (*Server, *tracetest.SpanRecorder) {
	t.Helper()
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	reg := prometheus.NewRegistry()
	exp, err := otelprom.New(otelprom.WithRegisterer(reg))
	if err != nil {
		t.Fatal(err)
	}
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(exp))
	base := newTestServer(t, &fakeChecker{resp: service.CheckResponse{CheckID: "c1", Decision: "clear", Hits: []service.Hit{}}}, true)
	deps := base.deps
	deps.Log = slog.New(slog.NewJSONHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	deps.Telemetry = Telemetry{Tracer: tp.Tracer("test"), Meter: mp.Meter("test"), AccessLog: true,
		Metrics: promhttp.HandlerFor(reg, promhttp.HandlerOpts{})}
	return New(base.cfg, deps), rec
}

func send(t *testing.T, s *Server, req *http.Request) *http.Response {
	t.Helper()
	resp, err := s.App.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func TestRequestIDEchoedOrMade(t *testing.T) {
	var buf bytes.Buffer
	s, _ := observedServer(t, &buf)
	hex32 := regexp.MustCompile(`^[0-9a-f]{32}$`)
	tests := []struct {
		name, in string
		want     func(string) bool
	}{
		{"kept", "gate-7:abc.123", func(got string) bool { return got == "gate-7:abc.123" }},
		{"made when absent", "", hex32.MatchString},
		{"replaced when it holds other text", "John Smith", hex32.MatchString},
		{"replaced when too long", strings.Repeat("a", maxRequestID+1), hex32.MatchString},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
			if tc.in != "" {
				req.Header.Set(HeaderRequestID, tc.in)
			}
			got := send(t, s, req).Header.Get(HeaderRequestID)
			if !tc.want(got) {
				t.Fatalf("X-Request-ID %q in, %q out", tc.in, got)
			}
		})
	}
}

func TestSpansAndLogsCarryRoutesNotPersonalData(t *testing.T) {
	var buf bytes.Buffer
	s, rec := observedServer(t, &buf)
	check := httptest.NewRequest(http.MethodPost, "/v1/check", strings.NewReader(`{"traveller":{"name":"Ivan `+travellerName+`","documents":[{"number":"X1234567"}]}}`))
	check.Header.Set("Authorization", checkerToken)
	check.Header.Set(HeaderRequestID, "req-1")
	query := httptest.NewRequest(http.MethodGet, "/v1/audit/checks?q="+travellerName, nil)
	query.Header.Set("Authorization", auditorToken)
	for _, req := range []*http.Request{check, query} {
		if resp := send(t, s, req); resp.StatusCode != http.StatusOK {
			t.Fatalf("%s %s: status %d", req.Method, req.URL.Path, resp.StatusCode)
		}
	}
	spans := rec.Ended()
	if len(spans) != 2 || spans[0].Name() != "POST /v1/check" || spans[1].Name() != "GET /v1/audit/checks" {
		t.Fatalf("spans %v", spanNames(spans))
	}
	for _, sp := range spans {
		for _, a := range sp.Attributes() {
			if v := a.Value.String(); strings.Contains(v, travellerName) || strings.Contains(v, "X1234567") {
				t.Errorf("span %s attribute %s = %q holds personal data", sp.Name(), a.Key, v)
			}
		}
	}
	logs := buf.String()
	if !strings.Contains(logs, `"request_id":"req-1"`) || !strings.Contains(logs, `"route":"/v1/audit/checks"`) || !strings.Contains(logs, `"trace_id"`) {
		t.Fatalf("access log lacks request id, route or trace id:\n%s", logs)
	}
	if strings.Contains(logs, travellerName) || strings.Contains(logs, "X1234567") {
		t.Fatalf("log holds personal data:\n%s", logs)
	}
}

func spanNames(spans []sdktrace.ReadOnlySpan) []string {
	var out []string
	for _, s := range spans {
		out = append(out, s.Name())
	}
	return out
}

func TestMetricsNeedNoTokenAndCountRequests(t *testing.T) {
	var buf bytes.Buffer
	s, _ := observedServer(t, &buf)
	send(t, s, httptest.NewRequest(http.MethodGet, "/nowhere/"+travellerName, nil))
	resp := send(t, s, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: %d %s", resp.StatusCode, body)
	}
	text := string(body)
	if !strings.Contains(text, "http_server_request_duration_seconds_bucket") || !strings.Contains(text, `http_route="unmatched"`) {
		t.Fatalf("metrics lack the request histogram or the unmatched route:\n%s", text)
	}
	if strings.Contains(text, travellerName) {
		t.Fatal("a path reached a metric label")
	}
}

func TestNoMetricsRouteWithoutHandler(t *testing.T) {
	s := newTestServer(t, &fakeChecker{}, true)
	if status, _ := do(t, s, http.MethodGet, "/metrics", ""); status != http.StatusNotFound {
		t.Fatalf("GET /metrics without a handler: %d, want 404", status)
	}
}
