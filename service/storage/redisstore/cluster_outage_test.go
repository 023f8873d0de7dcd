package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/redisstore"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// clusterOutage is TestRedisOutage on a cluster, with one master away and
// then back empty while the others keep their data. While it is away,
// calls on a list it serves fail with an error, not a hang; once it is
// back the same Store works again without reopening. A documents list
// whose buckets it held answers "cannot confirm" (ErrNoVersion) for the
// numbers of the lost buckets, never "not listed", although its meta key,
// on another master, survived. It stops a node, so it runs last on the
// shared cluster.
func clusterOutage(t *testing.T, c *redistest.Cluster) {
	prefix := newPrefix()
	// One dial attempt and one retry instead of go-redis's 5 and 3, which
	// make a failed command cost about 1.7 s: the test stays short.
	s := open(t, c.URL()+"&dialer_retries=1&max_retries=1", prefix)
	defer s.Close()
	ctx := context.Background()
	putSampleDocuments(t, s, 2000)
	node, lostNumber := bucketAwayFromMeta(t, c, prefix)
	listID := listServedBy(t, c, prefix, node)
	saveVersion(t, s, listID, "v1")
	node.Stop()

	// Each call gets its own deadline, which the error must come before.
	for name, call := range map[string]func(context.Context) error{
		"SaveVersion": func(ctx context.Context) error {
			return s.SaveVersion(ctx, service.ListVersion{ListID: listID, Version: "v2"}, nil)
		},
		"Active": func(ctx context.Context) error { _, err := s.Active(ctx); return err },
	} {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		if err := call(ctx); err == nil || ctx.Err() != nil {
			t.Errorf("%s while the list's master is down: got %v, want an error before the deadline", name, err)
		}
		cancel()
	}

	c.Restart(node)
	if got, err := s.LookupDocuments(ctx, "sltd", "v1", []string{lostNumber}); !errors.Is(err, service.ErrNoVersion) {
		t.Errorf("lookup of %s, whose bucket was lost: %v, %v; want ErrNoVersion", lostNumber, got, err)
	}
	saveVersion(t, s, listID, "v2")
	if err := s.Activate(ctx, listID, "v1"); !errors.Is(err, service.ErrNoVersion) {
		t.Errorf("Activate of a version lost with the master's data: got %v, want ErrNoVersion", err)
	}
	if err := s.Activate(ctx, listID, "v2"); err != nil {
		t.Errorf("Activate after the master came back: %v", err)
	}
}

// putSampleDocuments imports n records into sltd v1, enough for buckets
// on every master.
func putSampleDocuments(t *testing.T, s *redisstore.Store, n int) {
	t.Helper()
	records := make([]matcher.Entry, n)
	for i := range records {
		records[i] = benchRecord(i)
	}
	if err := s.PutDocuments(context.Background(), service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: n}, records); err != nil {
		t.Fatal(err)
	}
}

// bucketAwayFromMeta picks a master that holds sltd v1 buckets but not
// its meta key, and a number from one of those buckets.
func bucketAwayFromMeta(t *testing.T, c *redistest.Cluster, prefix string) (*redistest.Server, string) {
	t.Helper()
	ctx := context.Background()
	meta := masterOf(t, c, prefix+"docs:sltd:v1:meta")
	for _, n := range c.Nodes() {
		if n == meta {
			continue
		}
		rdb := redis.NewClient(&redis.Options{Addr: n.Addr()})
		defer rdb.Close()
		keys, err := rdb.Keys(ctx, prefix+"docs:sltd:v1:b:*").Result()
		if err != nil || len(keys) == 0 {
			t.Fatalf("node %s: buckets %v, %v; want some", n.Addr(), keys, err)
		}
		number, err := rdb.HRandField(ctx, keys[0], 1).Result()
		if err != nil || len(number) != 1 {
			t.Fatalf("node %s: a number of %s: %v, %v", n.Addr(), keys[0], number, err)
		}
		return n, number[0]
	}
	t.Fatal("every node holds the meta key")
	return nil, ""
}

// listServedBy is a list id whose keys node serves.
func listServedBy(t *testing.T, c *redistest.Cluster, prefix string, node *redistest.Server) string {
	t.Helper()
	for i := range 1000 {
		id := fmt.Sprintf("un%d", i)
		if masterOf(t, c, prefix+"list:{"+id+"}:versions") == node {
			return id
		}
	}
	t.Fatalf("no list id of 1000 lands on %s", node.Addr())
	return ""
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
