package redisstore_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// TestContractThroughSentinel runs the shared suite with the store asking
// a Redis Sentinel for its master, as a deployment with failover does.
func TestContractThroughSentinel(t *testing.T) {
	listContract(t, redistest.StartSentinel(t, redistest.StartServer(t)))
}
