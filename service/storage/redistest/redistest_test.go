package redistest

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"
)

// recorder stands in for a testing.TB to see whether a missing binary
// skips or fails, without skipping or failing the real test.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper() {}

func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// startWithoutBinary runs start (StartServer or StartCluster) with an
// empty PATH and reports what it did; Goexit in the recorder ends only the
// goroutine.
func startWithoutBinary(t *testing.T, require string, start func(testing.TB)) *recorder {
	t.Setenv("PATH", t.TempDir())
	t.Setenv(RequireEnv, require)
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		start(r)
	}()
	<-done
	return r
}

func TestMissingBinary(t *testing.T) {
	starts := map[string]func(testing.TB){
		"server":  func(t testing.TB) { StartServer(t) },
		"cluster": func(t testing.TB) { StartCluster(t) },
	}
	for _, tc := range []struct {
		kind, require      string
		wantSkip, wantFail bool
	}{
		{kind: "server", require: "", wantSkip: true},
		{kind: "server", require: "0", wantSkip: true},
		{kind: "server", require: "1", wantFail: true},
		{kind: "cluster", require: "", wantSkip: true},
		{kind: "cluster", require: "1", wantFail: true},
	} {
		t.Run(tc.kind+"/"+RequireEnv+"="+tc.require, func(t *testing.T) {
			r := startWithoutBinary(t, tc.require, starts[tc.kind])
			if (r.skipped != "") != tc.wantSkip || (r.failed != "") != tc.wantFail {
				t.Fatalf("skipped %q, failed %q; want skip %v, fail %v", r.skipped, r.failed, tc.wantSkip, tc.wantFail)
			}
			if msg := r.skipped + r.failed; !strings.Contains(msg, "redis-server") {
				t.Errorf("message does not name redis-server: %q", msg)
			}
		})
	}
}

// Restart brings the server back on the same address, empty.
func TestStopRestart(t *testing.T) {
	s := StartServer(t)
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: s.Addr(), MaxRetries: -1})
	defer rdb.Close()
	if err := rdb.Set(ctx, "k", "v", 0).Err(); err != nil {
		t.Fatal(err)
	}
	url := s.URL()
	s.Stop()
	if err := rdb.Ping(ctx).Err(); err == nil {
		t.Fatal("PING after Stop: got an answer")
	}
	s.Restart()
	if s.URL() != url {
		t.Errorf("URL after Restart: got %s, want %s", s.URL(), url)
	}
	if n, err := rdb.Exists(ctx, "k").Result(); err != nil || n != 0 {
		t.Errorf("after Restart: EXISTS k = %d, %v; want 0, nil", n, err)
	}
}

// A started cluster serves every slot from three masters: keys written
// through a cluster client land on every node, and each node answers for
// its own share only.
func TestStartCluster(t *testing.T) {
	c := StartCluster(t)
	ctx := context.Background()
	rdb := redis.NewClusterClient(&redis.ClusterOptions{Addrs: c.Addrs()})
	defer rdb.Close()
	const keys = 300
	for i := range keys {
		if err := rdb.Set(ctx, fmt.Sprintf("k%d", i), i, 0).Err(); err != nil {
			t.Fatalf("SET k%d: %v", i, err)
		}
	}
	total := 0
	for _, addr := range c.Addrs() {
		node := redis.NewClient(&redis.Options{Addr: addr})
		n, err := node.DBSize(ctx).Result()
		node.Close()
		if err != nil || n == 0 {
			t.Errorf("node %s: DBSIZE %d, %v; want some of the keys", addr, n, err)
		}
		total += int(n)
	}
	if total != keys {
		t.Errorf("keys over all nodes: %d, want %d", total, keys)
	}
}
