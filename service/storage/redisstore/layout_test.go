package redisstore_test

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// After a save, every key is under the prefix, no pending key is left
// behind, and the committed entries do not expire with the pending TTL.
func TestSaveLeavesCleanLayout(t *testing.T) {
	url, prefix := redistest.Start(t), newPrefix()
	s := open(t, url, prefix)
	defer s.Close()
	ctx := context.Background()
	entries := []matcher.Entry{{ID: "a"}, {ID: "b"}}
	if err := s.SaveVersion(ctx, service.ListVersion{ListID: "un", Version: "v1"}, entries); err != nil {
		t.Fatal(err)
	}
	opt, _ := redis.ParseURL(url)
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	keys, err := rdb.Keys(ctx, "*").Result()
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
	if ttl := rdb.TTL(ctx, prefix+"list:{un}:v:v1:entries").Val(); ttl != -1 {
		t.Errorf("entries TTL: got %v, want none (-1)", ttl)
	}
}
