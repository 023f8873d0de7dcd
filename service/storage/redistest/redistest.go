// Package redistest runs real, throwaway redis-servers for integration
// tests: one server, a Sentinel watching one, or a three-master Redis
// Cluster. The Redis adapter must be tested against the real server: a
// fake would not show how pipelines, scripts and pub/sub actually behave,
// nor which scripts a cluster refuses for touching several slots.
//
// Without a redis-server binary on PATH the tests skip, so that a plain
// `go test ./...` works on any machine. CI sets CROSSCHECK_REQUIRE_REDIS=1
// so that a missing binary fails instead of silently skipping.
package redistest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"testing"
	"time"
)

// RequireEnv is the environment variable that turns a missing
// redis-server from a skip into a failure.
const RequireEnv = "CROSSCHECK_REQUIRE_REDIS"

const (
	readyTimeout = 10 * time.Second
	stopTimeout  = 10 * time.Second
	bindAttempts = 5
)

// Server is one redis-server process owned by a test. It keeps its port
// across Stop and Restart so that clients can reconnect to the same URL,
// as they would after a Redis outage.
type Server struct {
	t    testing.TB
	bin  string
	dir  string
	port int
	cmd  *exec.Cmd
	done chan error // receives the process's exit once
	// watches is the server a sentinel monitors; nil for a plain server.
	watches *Server
	// clusterNode starts the server with cluster mode on, its bus on
	// busPort.
	clusterNode bool
	busPort     int
}

// SentinelMaster is the name under which a test sentinel monitors its
// server.
const SentinelMaster = "crosscheck"

// Start starts a redis-server for t and returns its URL. The server stops
// when t ends.
func Start(t testing.TB) (url string) {
	t.Helper()
	return StartServer(t).URL()
}

// StartServer starts a redis-server on a free loopback port, waits until
// it answers PING and stops it when t ends. It skips t (or fails it when
// CROSSCHECK_REQUIRE_REDIS=1) if no redis-server binary is on PATH.
func StartServer(t testing.TB) *Server {
	t.Helper()
	return start(t, &Server{t: t, bin: findBinary(t), dir: t.TempDir()})
}

// StartSentinel starts a Redis Sentinel (redis-server --sentinel) that
// monitors master under the name SentinelMaster, and returns the URL a
// client gives to reach the master through it, as with a failover pair
// in production. It stops when t ends.
func StartSentinel(t testing.TB, master *Server) (url string) {
	t.Helper()
	s := start(t, &Server{t: t, bin: master.bin, dir: t.TempDir(), watches: master})
	return fmt.Sprintf("redis://127.0.0.1:%d/0?master_name=%s", s.port, SentinelMaster)
}

// start launches s on a free port.
func start(t testing.TB, s *Server) *Server {
	t.Helper()
	var err error
	for range bindAttempts {
		// A port picked this way can be taken by another process before
		// redis binds it; a fresh port on failure makes that race harmless.
		if s.port, err = freePort(); err != nil {
			continue
		}
		if s.clusterNode {
			if s.busPort, err = freePort(); err != nil {
				continue
			}
		}
		if err = s.launch(); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("start redis-server: %v", err)
	}
	t.Cleanup(s.Stop)
	return s
}

// findBinary looks redis-server up on PATH; the test process reads the
// environment here, never production code.
func findBinary(t testing.TB) string {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err == nil {
		return bin
	}
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("redis-server not found; CI installs it (apt-get install redis-server) and sets %s=1 so that the Redis integration tests cannot be skipped: %v", RequireEnv, err)
	}
	t.Skipf("no redis-server binary found on PATH; install redis-server to run the Redis integration tests (set %s=1 to make this a failure)", RequireEnv)
	return ""
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pick a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// URL is the redis:// address of the server.
func (s *Server) URL() string { return fmt.Sprintf("redis://127.0.0.1:%d/0", s.port) }

// Addr is the host:port of the server.
func (s *Server) Addr() string { return fmt.Sprintf("127.0.0.1:%d", s.port) }
