package redisstore_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/redisstore"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
	"github.com/crosscheck/crosscheck/service/storage/storetest"
)

// prefixes hands each test its own key prefix: tests share one server and
// must not see each other's lists.
var prefixes atomic.Int64

func newPrefix() string { return fmt.Sprintf("test%d:", prefixes.Add(1)) }

// open opens a Store on url under prefix, failing t if it cannot.
func open(t *testing.T, url, prefix string) *redisstore.Store {
	t.Helper()
	s, err := redisstore.Open(context.Background(), url, redisstore.WithPrefix(prefix))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestContract runs the shared suite against a real redis-server. Reopening
// means a new client on the same URL and prefix, as a restarted replica.
func TestContract(t *testing.T) {
	listContract(t, redistest.Start(t))
}

// listContract runs the lists suite on the Redis at url, a fresh prefix
// per sub-test.
func listContract(t *testing.T, url string) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		prefix := newPrefix()
		return func(t *testing.T) service.ListStore { return open(t, url, prefix) }
	})
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := redisstore.Open(ctx, "http://user:secret@127.0.0.1:1"); err == nil {
		t.Error("Open with an http URL: got nil error")
	} else if want := "secret"; strings.Contains(err.Error(), want) {
		t.Errorf("Open error leaks the password: %v", err)
	}
}

// With nothing listening, Open fails naming what it tried to reach, and
// never the password.
func TestOpenUnreachable(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"redis://user:secret@127.0.0.1:1/0", "127.0.0.1:1"},
		{"redis://user:secret@127.0.0.1:1/0?master_name=crosscheck", "sentinels"},
		{"redis://user:secret@127.0.0.1:1/0?cluster=true&addr=127.0.0.1:2", "seed nodes [127.0.0.1:1 127.0.0.1:2]"},
	} {
		t.Run(tc.url, func(t *testing.T) {
			t.Parallel() // each waits out its dial retries
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_, err := redisstore.Open(ctx, tc.url)
			if err == nil || strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error naming %q and not the password", err, tc.want)
			}
		})
	}
}
