package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// slowServer answers every check after delay, one at a time per
// connection, with a clear decision.
func slowServer(t *testing.T, delay time.Duration) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(delay)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"check_id":"x","decision":"clear","hits":[],"lists":[]}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func testTarget(t *testing.T, srv *httptest.Server, concurrency int) *target {
	u, err := checkURL(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	return &target{client: newClient(concurrency, 5*time.Second), url: u, bodies: [][]byte{[]byte(`{}`)}}
}

// TestOpenLoopChargesTheBacklog is the coordinated-omission check: one
// worker against a 10 ms service at 500 req/s falls behind at once, and
// the latency from the intended send time must show the growing queue
// while the service time stays near 10 ms.
func TestOpenLoopChargesTheBacklog(t *testing.T) {
	srv := slowServer(t, 10*time.Millisecond)
	st := newStats()
	openLoop(context.Background(), testTarget(t, srv, 1), st, 500, 60*time.Millisecond, 1)
	if st.latency.n != 30 {
		t.Fatalf("sent %d, want 30 (500/s for 60 ms)", st.latency.n)
	}
	if p50 := st.service.percentile(50); p50 < 10*time.Millisecond || p50 > 60*time.Millisecond {
		t.Errorf("service p50 %v, want about 10ms", p50)
	}
	// The last request was due at 58 ms and answered after ~300 ms.
	if mx := st.latency.max; mx < 200*time.Millisecond {
		t.Errorf("latency max %v: the backlog was not charged", mx)
	}
	if st.decisions["clear"] != 30 || st.statuses["200"] != 30 {
		t.Errorf("statuses %v decisions %v", st.statuses, st.decisions)
	}
}

func TestClosedLoopAndErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
			w.WriteHeader(http.StatusUnauthorized)
		}
	}))
	defer srv.Close()
	st := newStats()
	closedLoop(context.Background(), testTarget(t, srv, 4), st, 30*time.Millisecond, 4)
	if st.latency.n == 0 || st.statuses["401"] != int(st.latency.n) {
		t.Errorf("n %d statuses %v: want every request a 401 without -token", st.latency.n, st.statuses)
	}
	var b strings.Builder
	st.report(&b, time.Now().Add(-time.Second))
	if !strings.Contains(b.String(), "401 ") || !strings.Contains(b.String(), "p99.9") {
		t.Errorf("report:\n%s", b.String())
	}
}
