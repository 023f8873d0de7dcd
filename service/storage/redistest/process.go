package redistest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"
)

// launch starts redis-server on s.port and waits until it answers PING.
// Persistence is off: tests want a clean, fast server, and its data does
// not survive Stop.
func (s *Server) launch() error {
	args, err := s.args()
	if err != nil {
		return err
	}
	cmd := exec.Command(s.bin, args...)
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("run %s: %w", s.bin, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	s.cmd, s.done = cmd, done
	if err := s.waitReady(); err != nil {
		s.Stop()
		return fmt.Errorf("port %d: %w; log:\n%s", s.port, err, s.log())
	}
	return nil
}

// args are redis-server's arguments: a plain server, a cluster node, or a
// sentinel watching s.watches, which needs a writable config file of its
// own.
func (s *Server) args() ([]string, error) {
	common := []string{"--port", strconv.Itoa(s.port), "--bind", "127.0.0.1", "--dir", s.dir, "--logfile", s.logPath()}
	plain := append(common, "--save", "", "--appendonly", "no")
	if s.clusterNode {
		// The bus port is set, not left at port+10000, which may be taken
		// or beyond 65535; the node's config file stays in its own dir.
		return append(plain, "--cluster-enabled", "yes", "--cluster-config-file", filepath.Join(s.dir, "nodes.conf"),
			"--cluster-port", strconv.Itoa(s.busPort), "--cluster-node-timeout", "5000"), nil
	}
	if s.watches == nil {
		return plain, nil
	}
	conf := filepath.Join(s.dir, "sentinel.conf")
	monitor := fmt.Sprintf("sentinel monitor %s 127.0.0.1 %d 1\n", SentinelMaster, s.watches.port)
	if err := os.WriteFile(conf, []byte(monitor), 0o600); err != nil {
		return nil, fmt.Errorf("write sentinel config: %w", err)
	}
	return append([]string{conf, "--sentinel"}, common...), nil
}

// waitReady polls PING until the server answers, exits (a taken port
// makes it exit at once) or readyTimeout passes.
func (s *Server) waitReady() error {
	rdb := redis.NewClient(&redis.Options{Addr: s.Addr(), MaxRetries: -1, DialTimeout: time.Second})
	defer rdb.Close()
	deadline := time.Now().Add(readyTimeout)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := rdb.Ping(ctx).Err()
		cancel()
		if err == nil {
			return nil
		}
		select {
		case exit := <-s.done:
			s.done <- exit // keep it for Stop
			return fmt.Errorf("redis-server exited before answering PING: %v", exit)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no PING answer within %s: %w", readyTimeout, err)
		}
	}
}

// Stop terminates the server (SIGTERM, then SIGKILL if it lingers) and
// waits for it to exit. Stopping a stopped server does nothing.
func (s *Server) Stop() {
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(stopTimeout):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
	s.cmd, s.done = nil, nil
}

// Restart starts the server again on the same port, with no data: it
// simulates a Redis that went away and came back empty. It fails the
// test if the server cannot come back.
func (s *Server) Restart() {
	s.t.Helper()
	s.Stop()
	if err := s.launch(); err != nil {
		s.t.Fatalf("restart redis-server: %v", err)
	}
}

func (s *Server) logPath() string { return filepath.Join(s.dir, "redis.log") }

func (s *Server) log() string {
	data, err := os.ReadFile(s.logPath())
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err.Error()
	}
	return string(data)
}
