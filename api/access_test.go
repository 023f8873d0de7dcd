package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
)

func TestEveryEndpointNeedsItsRole(t *testing.T) {
	s := newTestServer(t, &fakeChecker{resp: service.CheckResponse{CheckID: "c1", Decision: "clear", Hits: []service.Hit{}}}, true)
	routes := []struct {
		method, path, body, role string
	}{
		{http.MethodPost, "/v1/check", `{"traveller":{"name":"A B"}}`, checkerToken},
		{http.MethodPost, "/v1/check/batch", `{"checks":[{"traveller":{"name":"A B"}}]}`, checkerToken},
		{http.MethodGet, "/v1/tokens", ``, adminToken},
		{http.MethodGet, "/v1/audit/checks", ``, auditorToken},
		{http.MethodGet, "/v1/audit/verify", ``, auditorToken},
	}
	for _, r := range routes {
		for _, token := range []string{"", "Bearer nope-nope-nope-nope", checkerToken, adminToken, auditorToken} {
			status, out := doAs(t, s, token, r.method, r.path, r.body)
			want := http.StatusOK
			switch {
			case token == "" || token == "Bearer nope-nope-nope-nope":
				want = http.StatusUnauthorized
			case token != r.role:
				want = http.StatusForbidden
			}
			if status != want {
				t.Errorf("%s %s with %q: got %d %v, want %d", r.method, r.path, token, status, out, want)
			}
		}
	}
	for _, open := range []string{"/healthz", "/readyz", "/openapi.json"} {
		if status, _ := doAs(t, s, "", http.MethodGet, open, ""); status != http.StatusOK {
			t.Errorf("%s needs no token, got %d", open, status)
		}
	}
	// The refusals above are on the audit trail.
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, out := doAs(t, s, auditorToken, http.MethodGet, "/v1/audit/checks?kind=auth_failure&limit=1000", "")
		if n := len(records(out)); n >= 20 {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("%d auth failures on the audit trail, want 20", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestRateLimitAnswers429WithRetryAfter(t *testing.T) {
	s := newTestServer(t, &fakeChecker{resp: service.CheckResponse{CheckID: "c1", Decision: "clear", Hits: []service.Hit{}}}, true)
	var last *http.Response
	for range 60 {
		req := httptest.NewRequest(http.MethodPost, "/v1/check", strings.NewReader(`{"traveller":{"name":"A B"}}`))
		req.Header.Set("Authorization", checkerToken)
		resp, err := s.App.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		last = resp
		if resp.StatusCode == http.StatusTooManyRequests {
			break
		}
	}
	if last.StatusCode != http.StatusTooManyRequests || last.Header.Get("Retry-After") == "" {
		t.Fatalf("burst of 50 exceeded without a 429 and Retry-After: %d %v", last.StatusCode, last.Header)
	}
}

func TestTokensLifecycleIsAudited(t *testing.T) {
	s := newTestServer(t, &fakeChecker{}, true)
	status, out := doAs(t, s, adminToken, http.MethodPost, "/v1/tokens", `{"name":"bko-gate-7","role":"checker"}`)
	if status != http.StatusCreated || out["secret"] == "" {
		t.Fatalf("create: %d %v", status, out)
	}
	secret := out["secret"].(string)
	id := out["token"].(map[string]any)["id"].(string)
	if status, _ := doAs(t, s, "Bearer "+secret, http.MethodPost, "/v1/check", `{"traveller":{"name":"A B"}}`); status != http.StatusOK {
		t.Fatalf("new token refused: %d", status)
	}
	if status, out := doAs(t, s, adminToken, http.MethodDelete, "/v1/tokens/"+id, ""); status != http.StatusNoContent {
		t.Fatalf("revoke: %d %v", status, out)
	}
	if status, _ := doAs(t, s, "Bearer "+secret, http.MethodPost, "/v1/check", `{"traveller":{"name":"A B"}}`); status != http.StatusUnauthorized {
		t.Fatalf("revoked token accepted: %d", status)
	}
	if status, out := doAs(t, s, adminToken, http.MethodPost, "/v1/tokens", `{"name":"x","role":"king"}`); status != http.StatusBadRequest {
		t.Fatalf("unknown role: %d %v", status, out)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, out := doAs(t, s, auditorToken, http.MethodGet, "/v1/audit/checks?kind=admin", "")
		if len(records(out)) >= 3 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("admin actions not on the audit trail: %v", out)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestAuditQueryValidatesParameters(t *testing.T) {
	s := newTestServer(t, &fakeChecker{}, true)
	for _, q := range []string{"from=yesterday", "limit=-1", "format=xml", "cursor=%%%"} {
		if status, out := doAs(t, s, auditorToken, http.MethodGet, "/v1/audit/checks?"+q, ""); status != http.StatusBadRequest {
			t.Errorf("%s: got %d %v", q, status, out)
		}
	}
	if status, out := doAs(t, s, auditorToken, http.MethodGet, "/v1/audit/checks/0000", ""); status != http.StatusNotFound {
		t.Errorf("unknown check id: %d %v", status, out)
	}
}

func TestPurgeIsAnAuditedAdminAction(t *testing.T) {
	s := newTestServer(t, &fakeChecker{}, true)
	if status, out := doAs(t, s, adminToken, http.MethodDelete, "/v1/audit/checks", ""); status != http.StatusBadRequest {
		t.Fatalf("purge without before: %d %v", status, out)
	}
	if status, _ := doAs(t, s, auditorToken, http.MethodDelete, "/v1/audit/checks?before=2026-01-01T00:00:00Z", ""); status != http.StatusForbidden {
		t.Fatalf("auditor purged: %d", status)
	}
	status, out := doAs(t, s, adminToken, http.MethodDelete, "/v1/audit/checks?before=2026-01-01T00:00:00Z", "")
	if status != http.StatusOK || out["purged"] == nil {
		t.Fatalf("purge: %d %v", status, out)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, out := doAs(t, s, auditorToken, http.MethodGet, "/v1/audit/checks?kind=admin", "")
		for _, r := range records(out) {
			if r.(map[string]any)["action"] == "audit.purge" {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("purge not on the audit trail: %v", out)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// records are the records of an audit query answer; none until the
// forwarder has stored the first (the answer then holds null).
func records(out map[string]any) []any {
	recs, _ := out["records"].([]any)
	return recs
}
