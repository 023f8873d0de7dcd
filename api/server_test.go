package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/audit"
	"github.com/crosscheck/crosscheck/service/auth"
	"github.com/crosscheck/crosscheck/service/storage/auditstoretest"
)

type fakeChecker struct {
	resp service.CheckResponse
	err  error
	got  service.CheckRequest
}

func (f *fakeChecker) Check(_ context.Context, _ service.Caller, req service.CheckRequest) (service.CheckResponse, error) {
	f.got = req
	return f.resp, f.err
}

func (f *fakeChecker) ValidateBatch(req service.BatchRequest, maxItems int) error {
	if len(req.Checks) > maxItems {
		return service.Errorf(service.CodeTooLarge, "checks: %d items; a batch holds at most %d", len(req.Checks), maxItems)
	}
	return f.err
}

func (f *fakeChecker) CheckBatch(_ context.Context, _ service.Caller, req service.BatchRequest, _ int, emit func(int, service.BatchResult) error) error {
	for i := range req.Checks {
		r := f.resp
		if err := emit(i, service.BatchResult{CheckResponse: &r}); err != nil {
			return err
		}
	}
	return nil
}

type readiness bool

func (r readiness) Ready() bool { return bool(r) }

// Test tokens, one per role.
const (
	checkerToken = "Bearer secret-checker-0001"
	adminToken   = "Bearer secret-admin-000001"
	auditorToken = "Bearer secret-auditor-0001"
)

func newTestServer(t *testing.T, c Checker, ready bool) *Server {
	t.Helper()
	recs, err := auth.ParseTokens("checker:gate:secret-checker-0001,admin:boss:secret-admin-000001,auditor:eve:secret-auditor-0001")
	if err != nil {
		t.Fatal(err)
	}
	authn, err := auth.New(auth.Options{Tokens: recs, Store: auth.NewMemoryStore()})
	if err != nil {
		t.Fatal(err)
	}
	lim, err := auth.NewLimiter(auth.LimiterOptions{Rates: map[auth.Role]auth.Rate{auth.RoleChecker: {PerSecond: 1, Burst: 50}}})
	if err != nil {
		t.Fatal(err)
	}
	trail, err := audit.Open(context.Background(), audit.Options{Store: auditstoretest.NewMemStore(), Key: make([]byte, 32), Chain: "test", Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	trail.Start(context.Background())
	t.Cleanup(func() { trail.Close() })
	return New(Config{RequestTimeout: time.Second, BodyLimit: 4096, BatchBodyLimit: 8192, MaxBatch: 3},
		Deps{Checker: c, Readiness: readiness(ready), Auth: authn, Limiter: lim, Audit: trail, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

func do(t *testing.T, s *Server, method, path, body string) (int, map[string]any) {
	t.Helper()
	return doAs(t, s, checkerToken, method, path, body)
}

func doAs(t *testing.T, s *Server, token, method, path, body string) (int, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)
	resp, err := s.App.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func TestCheckErrorsBecomeHTTP(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		err    error
		status int
		code   string
		msg    string
	}{
		{"malformed json", `{"traveller":`, nil, 400, "invalid", "malformed JSON"},
		{"wrong type", `{"traveller":{"documents":"P123"}}`, nil, 400, "invalid", "traveller.documents: want an array"},
		{"lists not array", `{"traveller":{"name":"A"},"lists":"un-sc"}`, nil, 400, "invalid", "lists: want an array"},
		{"empty body", ``, nil, 400, "invalid", "empty"},
		{"service says invalid", `{}`, service.Errorf(service.CodeInvalid, "traveller: missing"), 400, "invalid", "traveller: missing"},
		{"not ready", `{}`, service.Errorf(service.CodeUnavailable, "lists are not loaded yet"), 503, "unavailable", "not loaded"},
		{"internal text never leaks", `{}`, errors.New("bolt: page 42 corrupt at /var/lib/x"), 500, "internal", "internal error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newTestServer(t, &fakeChecker{err: tc.err}, true)
			status, out := do(t, s, http.MethodPost, "/v1/check", tc.body)
			if status != tc.status || out["code"] != tc.code || !strings.Contains(out["message"].(string), tc.msg) {
				t.Fatalf("got %d %v; want %d %s containing %q", status, out, tc.status, tc.code, tc.msg)
			}
			if strings.Contains(out["message"].(string), "bolt") {
				t.Fatalf("internal error text leaked: %v", out)
			}
		})
	}
}

func TestCheckIgnoresUnknownFields(t *testing.T) {
	f := &fakeChecker{resp: service.CheckResponse{CheckID: "c1", Decision: "clear", Hits: []service.Hit{}}}
	s := newTestServer(t, f, true)
	status, out := do(t, s, http.MethodPost, "/v1/check", `{"traveller":{"name":"A B","future_field":1},"flight":"AF123","checkpoint":"BKO"}`)
	if status != 200 || out["decision"] != "clear" || f.got.Traveller.Name != "A B" || f.got.Checkpoint != "BKO" {
		t.Fatalf("got %d %v, request %+v", status, out, f.got)
	}
}

func TestProbes(t *testing.T) {
	tests := []struct {
		name    string
		ready   bool
		drain   bool
		path    string
		status  int
		wantStr string
	}{
		{"alive while loading", false, false, "/healthz", 200, "ok"},
		{"not ready while loading", false, false, "/readyz", 503, "loading"},
		{"ready", true, false, "/readyz", 200, "ready"},
		{"not ready while draining", true, true, "/readyz", 503, "shutting_down"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newTestServer(t, &fakeChecker{}, tc.ready)
			if tc.drain {
				s.Drain()
			}
			status, out := do(t, s, http.MethodGet, tc.path, "")
			if status != tc.status || out["status"] != tc.wantStr {
				t.Fatalf("got %d %v", status, out)
			}
		})
	}
}

func TestUnknownRouteAndOpenAPI(t *testing.T) {
	s := newTestServer(t, &fakeChecker{}, true)
	if status, out := do(t, s, http.MethodGet, "/v1/nothing", ""); status != 404 || out["code"] != "not_found" {
		t.Fatalf("unknown route: %d %v", status, out)
	}
	status, out := do(t, s, http.MethodGet, "/openapi.json", "")
	if status != 200 || out["openapi"] == nil {
		t.Fatalf("openapi: %d %v", status, out)
	}
	paths := out["paths"].(map[string]any)
	for _, p := range []string{"/v1/check", "/v1/check/batch", "/healthz", "/readyz", "/v1/tokens", "/v1/tokens/{id}", "/v1/audit/checks", "/v1/audit/checks/{id}", "/v1/audit/verify", "/v1/lists", "/v1/lists/{id}", "/v1/lists/{id}/activate"} {
		if paths[p] == nil {
			t.Errorf("openapi lacks %s", p)
		}
	}
}

// The body limit is enforced while reading the request, so this test goes
// through a real listener rather than App.Test.
func TestBodyOverLimitIs413(t *testing.T) {
	s := newTestServer(t, &fakeChecker{}, true)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = s.App.Listener(ln) }()
	t.Cleanup(func() { _ = s.App.Shutdown() })
	body := `{"traveller":{"name":"` + strings.Repeat("A", 5000) + `"}}`
	req, _ := http.NewRequest(http.MethodPost, "http://"+ln.Addr().String()+"/v1/check", strings.NewReader(body))
	req.Header.Set("Authorization", checkerToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode != 413 || out["code"] != "too_large" {
		t.Fatalf("got %d %v", resp.StatusCode, out)
	}
}

func TestBatchAnswersInOrderAsJSONAndNDJSON(t *testing.T) {
	f := &fakeChecker{resp: service.CheckResponse{CheckID: "c1", Decision: "clear", Hits: []service.Hit{}}}
	s := newTestServer(t, f, true)
	body := `{"checks":[{"traveller":{"name":"A"}},{"traveller":{"name":"B"}}],"checkpoint":"BKO"}`
	status, out := do(t, s, http.MethodPost, "/v1/check/batch", body)
	if status != 200 || len(out["results"].([]any)) != 2 {
		t.Fatalf("json batch: %d %v", status, out)
	}
	req := httptest.NewRequest(http.MethodPost, "/v1/check/batch", strings.NewReader(body))
	req.Header.Set("Accept", "application/x-ndjson")
	req.Header.Set("Authorization", checkerToken)
	resp, err := s.App.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/x-ndjson" || len(lines) != 2 {
		t.Fatalf("ndjson batch: %d %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), data)
	}
	if status, out := do(t, s, http.MethodPost, "/v1/check/batch", `{"checks":[{},{},{},{}]}`); status != 413 || out["code"] != "too_large" {
		t.Fatalf("over max batch: %d %v", status, out)
	}
}
