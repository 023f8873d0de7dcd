package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// The whole check path in one process, for CPU profiles of everything
// around the matcher: HTTP, auth, JSON, validation, audit (sealing,
// spooling, forwarding) and telemetry. The bundled UN list keeps the
// matcher's share small, so what else a check costs stands out:
//
//	go test ./service/cmd/crosscheck -run '^$' -bench ServiceCheck -benchtime 20000x -cpuprofile /tmp/cpu.out
//	go tool pprof -top /tmp/cpu.out
//
// cpu-µs/check is the process's user+sys time (server and client) per
// check, the figure to compare on a shared machine where wall time is
// noise.

const (
	benchChecker = "bench-checker-secret-0123456789abcdef"
	benchAuditor = "bench-auditor-secret-0123456789abcdef"
)

func BenchmarkServiceCheck(b *testing.B) {
	stores := []struct {
		name string
		env  func(testing.TB) map[string]string
	}{
		{"embedded", func(testing.TB) map[string]string { return nil }},
		{"redis", func(tb testing.TB) map[string]string {
			return map[string]string{"CROSSCHECK_REDIS_URL": redistest.Start(tb)}
		}},
	}
	for _, st := range stores {
		// Started once per store, by the parent: the sub-benchmark runs
		// several times (b.N = 1 first) on the same service.
		var base string
		b.Run(st.name, func(sb *testing.B) {
			if base == "" {
				base = startBenchService(b, st.env(b))
			}
			benchChecks(sb, base)
		})
	}
}

// benchChecks sends checks to the service from 16 connections, one
// request in flight on each, as the scenario's load generator does.
func benchChecks(b *testing.B, base string) {
	client := &fasthttp.HostClient{Addr: strings.TrimPrefix(base, "http://"), MaxConns: 16}
	bodies := benchBodies()
	var next, failures atomic.Uint64
	before := cpuTime()
	b.ResetTimer()
	b.SetParallelism(max(1, 16/runtime.GOMAXPROCS(0)))
	b.RunParallel(func(pb *testing.PB) {
		req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
		defer fasthttp.ReleaseRequest(req)
		defer fasthttp.ReleaseResponse(resp)
		for pb.Next() {
			req.SetRequestURI(base + "/v1/check")
			req.Header.SetMethod(fasthttp.MethodPost)
			req.Header.Set("Authorization", "Bearer "+benchChecker)
			req.Header.SetContentType("application/json")
			req.SetBody(bodies[next.Add(1)%uint64(len(bodies))])
			if err := client.Do(req, resp); err != nil || resp.StatusCode() != fasthttp.StatusOK {
				failures.Add(1)
			}
		}
	})
	b.StopTimer()
	if n := failures.Load(); n > 0 {
		b.Fatalf("%d of %d checks failed", n, b.N)
	}
	b.ReportMetric(float64((cpuTime()-before).Microseconds())/float64(b.N), "cpu-µs/check")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "checks/s")
}

// startBenchService runs the real program as the scenario does (audit
// fsync every interval, access log and metrics on) on a free port and
// returns its base URL once the lists are ready.
func startBenchService(b *testing.B, env map[string]string) string {
	b.Helper()
	all := map[string]string{"CROSSCHECK_TOKENS": "checker:bench:" + benchChecker + ",auditor:bench-auditor:" + benchAuditor}
	for k, v := range env {
		all[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncBuffer{}
	done := make(chan error, 1)
	args := []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", b.TempDir(), "--replica-id", "bench",
		"--checker-rate", "1000000", "--audit-sync", "interval"}
	go func() { done <- run(ctx, args, func(k string) string { return all[k] }, io.Discard, log) }()
	b.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			b.Errorf("run: %v", err)
		}
	})
	base := "http://" + waitForLog(b, log, "listening", "addr")
	waitReady(b, base)
	return base
}

// benchBodies are travellers as the load generator sends them: Latin
// names with and without diacritics, Arabic and Cyrillic script, dates of
// birth, passports, and a few listed persons.
func benchBodies() [][]byte {
	type doc struct {
		Number         string `json:"number"`
		Type           string `json:"type"`
		IssuingCountry string `json:"issuing_country"`
	}
	type traveller struct {
		Name        string `json:"name,omitempty"`
		DateOfBirth string `json:"date_of_birth,omitempty"`
		Nationality string `json:"nationality,omitempty"`
		Sex         string `json:"sex,omitempty"`
		Documents   []doc  `json:"documents,omitempty"`
	}
	people := []traveller{
		{Name: "JOHN SMITH", DateOfBirth: "1971-03-04", Nationality: "GBR", Sex: "M"},
		{Name: "MARIA GARCIA", DateOfBirth: "1985-11", Nationality: "ESP", Sex: "F"},
		{Name: "Jürgen Müller", DateOfBirth: "1962-07-19", Nationality: "DEU", Sex: "M"},
		{Name: "Małgorzata Wójcik", DateOfBirth: "1990-01-02", Nationality: "POL", Sex: "F"},
		{Name: "محمد العلي", DateOfBirth: "1979-05-05", Nationality: "JOR", Sex: "M"},
		{Name: "فاطمة حداد", DateOfBirth: "1988", Nationality: "LBN", Sex: "F"},
		{Name: "Дмитрий Петров", DateOfBirth: "1969-09-30", Nationality: "RUS", Sex: "M"},
		{Name: "Ольга Коваленко", DateOfBirth: "1994-02-14", Nationality: "UKR", Sex: "F"},
		{Name: "CHINEDU OKAFOR", DateOfBirth: "1983-08-08", Nationality: "NGA"},
		{Name: "GERMAIN KATANGA", DateOfBirth: "1978-04-28"},
		{Name: "QASEM SOLEIMANI"},
	}
	var out [][]byte
	for i, p := range people {
		if p.Nationality != "" && i%4 != 3 {
			p.Documents = []doc{{Number: fmt.Sprintf("%c%c%07d", 'A'+i, 'K'+i, 1234567*i%10_000_000), Type: "P", IssuingCountry: p.Nationality}}
		}
		body, _ := json.Marshal(map[string]any{"traveller": p, "checkpoint": "LOAD-TEST", "operator": "load", "reference": fmt.Sprintf("load-%d", i)})
		out = append(out, body)
	}
	return out
}

// cpuTime is the user and system time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
