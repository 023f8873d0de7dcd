package redisstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// clusterOutage is TestRedisOutage on a cluster: while the master holding
// a list's slot is away, calls on that list fail with an error, not a
// hang; once it is back (empty) the same Store works again without
// reopening. It stops a node, so it runs last on the shared cluster.
func clusterOutage(t *testing.T, c *redistest.Cluster) {
	prefix := newPrefix()
	s := open(t, c.URL(), prefix)
	defer s.Close()
	saveVersion(t, s, "un", "v1")
	node := masterOf(t, c, prefix+"list:{un}:versions")
	node.Stop()

	// Each call gets its own deadline: a failed command costs go-redis's
	// dial retries (about 1.7 s here, on one Redis too), and Active fails
	// on its pipeline after reading the lists set.
	for name, call := range map[string]func(context.Context) error{
		"SaveVersion": func(ctx context.Context) error {
			return s.SaveVersion(ctx, service.ListVersion{ListID: "un", Version: "v2"}, nil)
		},
		"Active": func(ctx context.Context) error { _, err := s.Active(ctx); return err },
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if err := call(ctx); err == nil || ctx.Err() != nil {
			t.Errorf("%s while the list's master is down: got %v, want an error before the deadline", name, err)
		}
		cancel()
	}

	c.Restart(node)
	ctx := context.Background()
	saveVersion(t, s, "un", "v2")
	if err := s.Activate(ctx, "un", "v1"); !errors.Is(err, service.ErrNoVersion) {
		t.Errorf("Activate of a version lost with the master's data: got %v, want ErrNoVersion", err)
	}
	if err := s.Activate(ctx, "un", "v2"); err != nil {
		t.Errorf("Activate after the master came back: %v", err)
	}
}

// masterOf is the node that serves key's slot.
func masterOf(t *testing.T, c *redistest.Cluster, key string) *redistest.Server {
	t.Helper()
	rdb := redis.NewClusterClient(&redis.ClusterOptions{Addrs: c.Addrs()})
	defer rdb.Close()
	master, err := rdb.MasterForKey(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range c.Nodes() {
		if n.Addr() == master.Options().Addr {
			return n
		}
	}
	t.Fatalf("master %s of %s is none of %v", master.Options().Addr, key, c.Addrs())
	return nil
}
