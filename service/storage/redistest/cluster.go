package redistest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// clusterMasters is the size of a test cluster: three masters is the
// smallest Redis Cluster with a majority, and enough that keys of
// different lists land on different nodes.
const clusterMasters = 3

// clusterSlots is the number of hash slots of every Redis Cluster.
const clusterSlots = 16384

// Cluster is a Redis Cluster of clusterMasters masters without replicas,
// owned by a test: every slot is served, so any key can be written.
type Cluster struct {
	nodes []*Server
}

// StartCluster starts clusterMasters redis-servers in cluster mode on free
// loopback ports, gives each a third of the slots, introduces them to one
// another and waits until every node reports cluster_state:ok. The nodes
// stop when t ends. Like StartServer it skips t (or fails it when
// CROSSCHECK_REQUIRE_REDIS=1) if no redis-server binary is on PATH.
func StartCluster(t testing.TB) *Cluster {
	t.Helper()
	bin := findBinary(t)
	c := &Cluster{}
	for range clusterMasters {
		c.nodes = append(c.nodes, start(t, &Server{t: t, bin: bin, dir: t.TempDir(), clusterNode: true}))
	}
	ctx, cancel := context.WithTimeout(context.Background(), readyTimeout)
	defer cancel()
	if err := c.form(ctx); err != nil {
		t.Fatalf("form redis cluster on %v: %v", c.Addrs(), err)
	}
	return c
}

// URL is the --redis-url of the cluster: the first node, the others as
// addr parameters (any one would do; more seeds survive a node being
// down at start).
func (c *Cluster) URL() string {
	var b strings.Builder
	fmt.Fprintf(&b, "redis://%s/0?cluster=true", c.nodes[0].Addr())
	for _, n := range c.nodes[1:] {
		fmt.Fprintf(&b, "&addr=%s", n.Addr())
	}
	return b.String()
}

// Addrs are the host:port of every node.
func (c *Cluster) Addrs() []string {
	out := make([]string, len(c.nodes))
	for i, n := range c.nodes {
		out[i] = n.Addr()
	}
	return out
}

// Nodes are the cluster's servers, to stop one for an outage test.
func (c *Cluster) Nodes() []*Server { return c.nodes }

// Restart starts a stopped node again, empty, and waits until every node
// reports the cluster whole again: the node keeps its identity and slots
// in its config file, as a master whose process restarted without
// persistence. It fails the test if the cluster does not recover.
func (c *Cluster) Restart(n *Server) {
	n.t.Helper()
	n.Restart()
	ctx, cancel := context.WithTimeout(context.Background(), readyTimeout)
	defer cancel()
	for _, node := range c.nodes {
		rdb := redis.NewClient(&redis.Options{Addr: node.Addr()})
		err := waitClusterOK(ctx, rdb, len(c.nodes))
		rdb.Close()
		if err != nil {
			n.t.Fatalf("cluster after restarting %s: node %s: %v", n.Addr(), node.Addr(), err)
		}
	}
}

// form assigns the slots, has the first node meet the others and waits
// for the gossip to settle.
func (c *Cluster) form(ctx context.Context) error {
	clients := make([]*redis.Client, len(c.nodes))
	for i, n := range c.nodes {
		clients[i] = redis.NewClient(&redis.Options{Addr: n.Addr()})
		defer clients[i].Close()
	}
	for i, rdb := range clients {
		lo, hi := slotRange(i, len(clients))
		if err := rdb.ClusterAddSlotsRange(ctx, lo, hi).Err(); err != nil {
			return fmt.Errorf("node %s: add slots %d-%d: %w", c.nodes[i].Addr(), lo, hi, err)
		}
	}
	for _, n := range c.nodes[1:] {
		if err := clients[0].Do(ctx, "CLUSTER", "MEET", "127.0.0.1", n.port, n.busPort).Err(); err != nil {
			return fmt.Errorf("node %s: meet %s: %w", c.nodes[0].Addr(), n.Addr(), err)
		}
	}
	for i, rdb := range clients {
		if err := waitClusterOK(ctx, rdb, len(clients)); err != nil {
			return fmt.Errorf("node %s: %w", c.nodes[i].Addr(), err)
		}
	}
	return nil
}

// slotRange is node i's share of the slots out of n nodes.
func slotRange(i, n int) (lo, hi int) {
	return i * clusterSlots / n, (i+1)*clusterSlots/n - 1
}

// waitClusterOK polls CLUSTER INFO until the node sees all nodes and all
// slots served, or ctx ends.
func waitClusterOK(ctx context.Context, rdb *redis.Client, nodes int) error {
	want := []string{"cluster_state:ok", fmt.Sprintf("cluster_known_nodes:%d", nodes), fmt.Sprintf("cluster_slots_ok:%d", clusterSlots)}
	var info string
	for {
		var err error
		if info, err = rdb.ClusterInfo(ctx).Result(); err == nil && containsAll(info, want) {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("cluster not ready (want %v): %w; last CLUSTER INFO:\n%s", want, ctx.Err(), info)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
