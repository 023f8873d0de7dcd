package redisstore

import (
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"
)

// newClient picks the client the url asks for, without connecting.
func TestNewClientKinds(t *testing.T) {
	for _, tc := range []struct {
		url, where string
		cluster    bool
	}{
		{url: "redis://127.0.0.1:6379/0", where: "127.0.0.1:6379"},
		{url: "redis://127.0.0.1:6379/0?cluster=false", where: "127.0.0.1:6379"},
		{url: "redis://s1:26379/0?master_name=m&addr=s2:26379", where: `master "m" via sentinels [s1:26379 s2:26379]`},
		{url: "redis://n1:7000?cluster=true&addr=n2:7001", where: "cluster via seed nodes [n1:7000 n2:7001]", cluster: true},
		{url: "rediss://u:pw@n1:7000/0?cluster=1&dial_timeout=2s", where: "cluster via seed nodes [n1:7000]", cluster: true},
	} {
		t.Run(tc.url, func(t *testing.T) {
			rdb, where, err := newClient(tc.url)
			if err != nil {
				t.Fatal(err)
			}
			defer rdb.Close()
			if _, isCluster := rdb.(*redis.ClusterClient); isCluster != tc.cluster || where != tc.where {
				t.Errorf("got %T for %q, want cluster %v for %q", rdb, where, tc.cluster, tc.where)
			}
		})
	}
}

// FuzzNewClient: any url gives a client or an error, never a panic, and
// the error, as Open reports it, never holds the password.
func FuzzNewClient(f *testing.F) {
	for _, seed := range []string{
		"127.0.0.1:6379/0", "n1:7000?cluster=true&addr=n2:7001", "s1:26379/0?master_name=m",
		"n1:7000/3?cluster=true", "n1?cluster=yes", "n1:7000?cluster=true&master_name=m", "[::1]:x/%zz",
	} {
		f.Add(seed)
	}
	const password = "pw-5ecret"
	f.Fuzz(func(t *testing.T, rest string) {
		rdb, _, err := newClient("redis://u:" + password + "@" + rest)
		if err != nil {
			if msg := withoutURL(err).Error(); strings.Contains(msg, password) {
				t.Errorf("error holds the password: %s", msg)
			}
			return
		}
		rdb.Close()
	})
}
