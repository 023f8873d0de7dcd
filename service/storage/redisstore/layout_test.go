package redisstore_test

import (
	"context"
	"sync"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// After a save, every key is under the prefix, no pending key is left
// behind, and the committed entries do not expire with the pending TTL.
func TestSaveLeavesCleanLayout(t *testing.T) {
	srv := redistest.StartServer(t)
	saveLeavesCleanLayout(t, srv.URL(), redis.NewClient(&redis.Options{Addr: srv.Addr()}), true)
}

// saveLeavesCleanLayout saves through a Store on url and looks at the
// keys through raw, which it closes. On a Redis of its own (ownRedis) it
// looks at every key, to catch one outside the prefix; on a shared one,
// at the store's prefix only.
func saveLeavesCleanLayout(t *testing.T, url string, raw redis.UniversalClient, ownRedis bool) {
	defer raw.Close()
	prefix := newPrefix()
	pattern := prefix + "*"
	if ownRedis {
		pattern = "*"
	}
	s := open(t, url, prefix)
	defer s.Close()
	ctx := context.Background()
	entries := []matcher.Entry{{ID: "a"}, {ID: "b"}}
	if err := s.SaveVersion(ctx, service.ListVersion{ListID: "un", Version: "v1"}, entries); err != nil {
		t.Fatal(err)
	}
	keys, err := keysMatching(ctx, raw, pattern)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		prefix + "lists": true, prefix + "list:{un}:versions": true,
		prefix + "list:{un}:order": true, prefix + "list:{un}:v:v1:entries": true,
	}
	for _, k := range keys {
		if !want[k] {
			t.Errorf("unexpected key %q", k)
		}
		delete(want, k)
	}
	for k := range want {
		t.Errorf("missing key %q", k)
	}
	if ttl := raw.TTL(ctx, prefix+"list:{un}:v:v1:entries").Val(); ttl != -1 {
		t.Errorf("entries TTL: got %v, want none (-1)", ttl)
	}
}

// keysMatching lists the keys matching pattern on every node raw reaches:
// KEYS asks one node only.
func keysMatching(ctx context.Context, raw redis.UniversalClient, pattern string) ([]string, error) {
	cluster, ok := raw.(*redis.ClusterClient)
	if !ok {
		return raw.Keys(ctx, pattern).Result()
	}
	var (
		mu  sync.Mutex
		out []string
	)
	err := cluster.ForEachMaster(ctx, func(ctx context.Context, node *redis.Client) error {
		keys, err := node.Keys(ctx, pattern).Result()
		mu.Lock()
		out = append(out, keys...)
		mu.Unlock()
		return err
	})
	return out, err
}
