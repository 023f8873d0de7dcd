package redisstore_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/redisstore"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// TestCluster runs every contract suite, pub/sub and the layout checks
// on a real three-master Redis Cluster. Test prefixes hold no hash tag,
// so lists, token sets, audit chains and documents buckets land on
// different nodes: a script or MULTI touching keys of two slots fails
// with CROSSSLOT here. One cluster serves all sub-tests, each under its
// own prefix, because forming one takes seconds.
func TestCluster(t *testing.T) {
	c := redistest.StartCluster(t)
	url := c.URL()
	raw := func() redis.UniversalClient { return redis.NewClusterClient(&redis.ClusterOptions{Addrs: c.Addrs()}) }
	t.Run("lists", func(t *testing.T) { listContract(t, url) })
	t.Run("documents", func(t *testing.T) { documentsContract(t, url) })
	t.Run("tokens", func(t *testing.T) { tokenContract(t, url) })
	t.Run("audit", func(t *testing.T) { auditContract(t, url) })
	t.Run("activations", func(t *testing.T) { subscribeSeesActivations(t, url) })
	t.Run("deactivations", func(t *testing.T) { subscribeSeesDeactivations(t, url) })
	t.Run("layout", func(t *testing.T) { saveLeavesCleanLayout(t, url, raw(), false) })
	t.Run("documents spread", func(t *testing.T) { documentsSpread(t, url, c.Addrs()) })
	t.Run("hooks", func(t *testing.T) { clientHooks(t, url) })
	t.Run("import from a single redis", func(t *testing.T) { importFromSingle(t, c) })
	t.Run("outage", func(t *testing.T) { clusterOutage(t, c) }) // last: it empties a master
}

// documentsSpread imports a documents list big enough for many buckets
// and checks that every master holds some of them (the point of keeping
// documents out of hash tags), and that DocumentVersions, which scans
// every master, finds the version.
func documentsSpread(t *testing.T, url string, addrs []string) {
	const n = 2000
	prefix := newPrefix()
	s := open(t, url, prefix)
	defer s.Close()
	ctx := context.Background()
	records := make([]matcher.Entry, n)
	for i := range records {
		number := fmt.Sprintf("P%07d", i)
		records[i] = matcher.Entry{ID: "DEU:passport:" + number, Subject: matcher.SubjectDocument,
			Documents: []matcher.Document{{Number: number, Country: "DEU", Type: matcher.DocPassport}}}
	}
	set := service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: n}
	if err := s.PutDocuments(ctx, set, records); err != nil {
		t.Fatal(err)
	}
	for _, addr := range addrs {
		node := redis.NewClient(&redis.Options{Addr: addr})
		keys, err := node.Keys(ctx, prefix+"docs:sltd:v1:b:*").Result()
		node.Close()
		if err != nil || len(keys) == 0 {
			t.Errorf("node %s: %d documents buckets, %v; want some", addr, len(keys), err)
		}
	}
	if got, err := s.DocumentVersions(ctx, "sltd"); err != nil || len(got) != 1 || got[0] != "v1" {
		t.Errorf("DocumentVersions: %v, %v; want [v1]", got, err)
	}
}

// The cluster URL is checked before anything is dialled, and its errors
// say what is wrong without the password.
func TestOpenClusterURLErrors(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"redis://u:secret@127.0.0.1:1?cluster=maybe", "want true or false"},
		{"redis://u:secret@127.0.0.1:1?cluster=true&cluster=true", "given 2 times"},
		{"redis://u:secret@127.0.0.1:1?cluster=true&master_name=m", "both cluster and master_name"},
		{"redis://u:secret@127.0.0.1:1/3?cluster=true", "database 0 only"},
		{"redis://u:secret@127.0.0.1:1?cluster=true&addr=nohost", "addr"},
		{"redis://u:secret@127.0.0.1:1?cluster=true&bogus=1", "unexpected option"},
		{"redis://u:secret@127.0.0.1:1?cluster=true&read_only=true", "replica nodes"},
		{"redis://u:secret@127.0.0.1:1?cluster=true&route_randomly=true", "replica nodes"},
	} {
		t.Run(tc.url, func(t *testing.T) {
			_, err := redisstore.Open(context.Background(), tc.url)
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "secret") {
				t.Errorf("got %v, want an error containing %q and not the password", err, tc.want)
			}
		})
	}
}

// cluster=false is an explicit single Redis, and a prefix with a brace is
// refused: on a cluster it would be the hash tag of every key.
func TestOpenPlainAndPrefix(t *testing.T) {
	url := redistest.Start(t)
	s, err := redisstore.Open(context.Background(), url+"?cluster=false")
	if err != nil {
		t.Fatalf("cluster=false: %v", err)
	}
	s.Close()
	if _, err := redisstore.Open(context.Background(), url, redisstore.WithPrefix("cc{x}:")); err == nil || !strings.Contains(err.Error(), "hash tag") {
		t.Errorf("prefix with a brace: got %v, want an error naming the hash tag", err)
	}
}

// countingHook counts the commands it sees, alone or in pipelines.
type countingHook struct{ seen map[string]int }

func (h countingHook) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h countingHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		h.seen[cmd.Name()]++
		return next(ctx, cmd)
	}
}

func (h countingHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		for _, cmd := range cmds {
			h.seen[cmd.Name()]++
		}
		return next(ctx, cmds)
	}
}

// clientHooks: WithClient hands over the cluster client, and a hook added
// to it sees the store's scripts and pipelines (what the composition root
// relies on for its Redis error count).
func clientHooks(t *testing.T, url string) {
	h := countingHook{seen: map[string]int{}}
	s, err := redisstore.Open(context.Background(), url, redisstore.WithPrefix(newPrefix()),
		redisstore.WithClient(func(c redis.UniversalClient) {
			if _, ok := c.(*redis.ClusterClient); !ok {
				t.Errorf("WithClient got a %T, want *redis.ClusterClient", c)
			}
			c.AddHook(h)
		}))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	saveVersion(t, s, "un", "v1")
	if err := s.Activate(context.Background(), "un", "v1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Active(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ping", "hexists", "evalsha", "get", "hget"} {
		if h.seen[name] == 0 {
			t.Errorf("hook saw no %s; saw %v", name, h.seen)
		}
	}
}
