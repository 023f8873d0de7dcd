package redisstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// While Redis is away every call fails with an error, not a panic or a
// hang; once it is back the same Store works again without reopening.
// The server comes back empty (no persistence), as after losing its data.
func TestRedisOutage(t *testing.T) {
	srv := redistest.StartServer(t)
	s := open(t, srv.URL(), newPrefix())
	defer s.Close()
	saveVersion(t, s, "un", "v1")
	srv.Stop()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	v := service.ListVersion{ListID: "un", Version: "v2"}
	if err := s.SaveVersion(ctx, v, nil); err == nil {
		t.Error("SaveVersion while Redis is down: got nil error")
	}
	if _, err := s.Active(ctx); err == nil {
		t.Error("Active while Redis is down: got nil error")
	}

	// A fresh context: the failed calls spent go-redis's dial retries
	// (about 1.7 s each) of the first one's deadline.
	ctx = context.Background()
	srv.Restart()
	saveVersion(t, s, "un", "v2")
	if err := s.Activate(ctx, "un", "v1"); !errors.Is(err, service.ErrNoVersion) {
		t.Errorf("Activate of a version lost with the data: got %v, want ErrNoVersion", err)
	}
	if err := s.Activate(ctx, "un", "v2"); err != nil {
		t.Errorf("Activate after restart: %v", err)
	}
}
