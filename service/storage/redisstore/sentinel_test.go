package redisstore_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service/storage/redisstore"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// TestContractThroughSentinel runs the shared suite with the store asking
// a Redis Sentinel for its master, as a deployment with failover does.
func TestContractThroughSentinel(t *testing.T) {
	listContract(t, redistest.StartSentinel(t, redistest.StartServer(t)))
}

func TestOpenSentinelErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, err := redisstore.Open(ctx, "redis://user:secret@127.0.0.1:1/0?master_name=crosscheck")
	if err == nil {
		t.Fatal("Open with no sentinel listening: got nil error")
	}
	if msg := err.Error(); strings.Contains(msg, "secret") || !strings.Contains(msg, "sentinels") {
		t.Errorf("error should name the sentinels and not the password: %v", err)
	}
}
