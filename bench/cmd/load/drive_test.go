package main

import (
	"context"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/valyala/fasthttp"
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

// transports are the two ways to the service; every drive test runs
// through both.
var transports = []string{"raw", "fasthttp"}

func testTarget(t testing.TB, base, transport string, concurrency int, timeout time.Duration) *target {
	u, err := checkURL(base)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := newTargetFor(u, "", [][]byte{[]byte(`{}`)}, concurrency, timeout, transport == "raw")
	if err != nil {
		t.Fatal(err)
	}
	if transport == "raw" && tg.raw == nil {
		t.Skip("no raw transport in this build")
	}
	t.Cleanup(tg.reserveProcs(concurrency + 1)) // and one P for the test's server
	return tg
}

// TestOpenLoopChargesTheBacklog is the coordinated-omission check: one
// worker against a 10 ms service at 500 req/s falls behind at once, and
// the latency from the intended send time must show the growing queue
// while the service time stays near 10 ms.
func TestOpenLoopChargesTheBacklog(t *testing.T) {
	for _, transport := range transports {
		t.Run(transport, func(t *testing.T) { openLoopChargesTheBacklog(t, transport) })
	}
}

func openLoopChargesTheBacklog(t *testing.T, transport string) {
	srv := slowServer(t, 10*time.Millisecond)
	st := newStats()
	openLoop(context.Background(), testTarget(t, srv.URL, transport, 1, 5*time.Second), st, 500, 60*time.Millisecond, 1)
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
	for _, transport := range transports {
		t.Run(transport, func(t *testing.T) { closedLoopAndErrors(t, transport) })
	}
}

func closedLoopAndErrors(t *testing.T, transport string) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
			w.WriteHeader(http.StatusUnauthorized)
		}
	}))
	defer srv.Close()
	st := newStats()
	closedLoop(context.Background(), testTarget(t, srv.URL, transport, 4, 5*time.Second), st, 30*time.Millisecond, 4)
	if st.latency.n == 0 || st.statuses["401"] != int(st.latency.n) {
		t.Errorf("n %d statuses %v: want every request a 401 without -token", st.latency.n, st.statuses)
	}
	var b strings.Builder
	st.report(&b, time.Now().Add(-time.Second))
	if !strings.Contains(b.String(), "401 ") || !strings.Contains(b.String(), "p99.9") {
		t.Errorf("report:\n%s", b.String())
	}
}

// BenchmarkClosedLoop is the generator's own cost per request against a
// server that answers at once (in the same process, so the server's share
// is in the figure too; compare runs, not absolutes):
//
//	go test ./bench/cmd/load -run '^$' -bench ClosedLoop -benchtime 5s -cpuprofile /tmp/load.out
func BenchmarkClosedLoop(b *testing.B) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	answer := []byte(`{"check_id":"18eb3be767acd3a3b465966508fdd49d","decision":"clear","hits":[],"lists":[{"id":"un-sc","version":"20261125T081858.486Z-66b392a4"}]}`)
	srv := &fasthttp.Server{Handler: func(c *fasthttp.RequestCtx) { c.SetContentType("application/json"); c.SetBody(answer) }}
	go srv.Serve(ln)
	b.Cleanup(func() { srv.Shutdown() })
	u, _ := checkURL("http://" + ln.Addr().String())
	m := &mix{rng: rand.New(rand.NewPCG(1, 2)), listed: builtinListed, listedShare: 0.05}
	bodies, _ := m.bodies(256)
	tg, err := newTargetFor(u, "bench-token-0123456789abcdef", bodies, 16, 5*time.Second, true)
	if err != nil {
		b.Fatal(err)
	}
	defer tg.reserveProcs(16 + 1)() // as run does, and one P for the server
	st := newStats()
	b.ResetTimer()
	b.SetParallelism(max(1, 16/runtime.GOMAXPROCS(0)))
	b.RunParallel(func(pb *testing.PB) {
		w := tg.worker()
		defer w.close()
		for pb.Next() {
			w.do(context.Background(), st, time.Now())
		}
	})
	b.StopTimer()
	if st.statuses["200"] != b.N {
		b.Fatalf("statuses %v after %d requests", st.statuses, b.N)
	}
	b.ReportMetric(float64((cpuTime()-st.cpuStart).Microseconds())/float64(b.N), "cpu-µs/request")
}

func TestDecision(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`{"check_id":"x","decision":"hit","hits":[{"decision":"review"}]}`, "hit"},
		{`{"check_id":"18eb3be767acd3a3b465966508fdd49d","decision":"clear","hits":[],"lists":[]}`, "clear"},
		{`{"check_id":"18eb","decision":"re\u0076iew","hits":[]}`, "review"},
		{`{"check_id":"18eb","decision":"","hits":[]}`, ""},
		{`{"check_id":"x\"","decision":"hit"}`, "hit"},
		{`{"hits":[{"decision":"review","explanation":{"tokens":[]}}],"lists":[],"decision":"review"}`, "review"},
		{` { "decision" : "clear" } `, "clear"},
		{`{"check_id":"x"}`, ""},
		{`{"decision":5}`, ""},
		{`[]`, ""},
		{`{"check_id":`, ""},
		{``, ""},
	} {
		if got := decision([]byte(tc.body)); got != tc.want {
			t.Errorf("decision(%s) = %q, want %q", tc.body, got, tc.want)
		}
	}
}
