package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// TestChecksDuringRedisOutageAreAllAudited runs the real service on Redis,
// stops Redis, checks travellers, restarts Redis, and finds exactly one
// audit record per check: answered checks were spooled, and forwarded
// once the store came back.
func TestChecksDuringRedisOutageAreAllAudited(t *testing.T) {
	redis := redistest.StartServer(t)
	const checker, auditor = "cc-test-checker-secret-1", "cc-test-auditor-secret-1"
	env := map[string]string{
		"CROSSCHECK_REDIS_URL": redis.URL(),
		"CROSSCHECK_TOKENS":    "checker:gate-1:" + checker + ",auditor:eve:" + auditor,
	}
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncBuffer{}
	done := make(chan error, 1)
	args := []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", dir, "--replica-id", "outage"}
	go func() { done <- run(ctx, args, func(k string) string { return env[k] }, io.Discard, log) }()
	t.Cleanup(cancel)
	base := "http://" + waitForLog(t, log, "listening", "addr")
	waitReady(t, base)

	redis.Stop()
	const n = 12
	for i := range n {
		status, a := postCheck(t, base, checker, fmt.Sprintf(`{"traveller":{"name":"Traveller Number%c Outage"},"reference":"r%d"}`, 'A'+i, i))
		if status != http.StatusOK || a.Decision != "clear" {
			t.Fatalf("check %d during the outage: %d %+v", i, status, a)
		}
	}
	redis.Restart()
	deadline := time.Now().Add(30 * time.Second)
	for {
		// Just after the restart the client's pool may still wait out its
		// failed dials, and the query answers 503 until it dials again.
		var page struct{ Records []struct{ CheckID string } }
		status := getJSONStatus(t, base+"/v1/audit/checks?kind=check&limit=1000", auditor, &page)
		if status != http.StatusOK && status != http.StatusServiceUnavailable {
			t.Fatalf("audit query after the outage: %d", status)
		}
		if len(page.Records) == n {
			break
		}
		if len(page.Records) > n || time.Now().After(deadline) {
			t.Fatalf("%d check records after the outage, want exactly %d", len(page.Records), n)
		}
		time.Sleep(100 * time.Millisecond)
	}
	var rep struct{ OK bool }
	getJSON(t, base+"/v1/audit/verify", auditor, &rep)
	if !rep.OK {
		t.Fatal("audit chain broken after the outage")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
}
