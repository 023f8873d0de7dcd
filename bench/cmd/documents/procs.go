package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// bench is one run and the redis-server it owns.
type bench struct {
	cfg      config
	out, log io.Writer
	redis    *exec.Cmd
	redisURL string
	bin      string
}

// startRedis runs a redis-server of our own on a free port, persistence
// off: the bench measures memory and latency, not the disk.
func (b *bench) startRedis(ctx context.Context) error {
	path, err := exec.LookPath("redis-server")
	if err != nil {
		return fmt.Errorf("redis-server is needed: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	dir := filepath.Join(b.cfg.dir, "redis")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	b.redis = exec.Command(path, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no")
	b.redis.Stdout, b.redis.Stderr = b.log, b.log
	b.redis.SysProcAttr = sysProcAttr()
	if err := b.redis.Start(); err != nil {
		return err
	}
	b.redisURL = fmt.Sprintf("redis://127.0.0.1:%d/0", port)
	return waitPing(ctx, b.redisURL)
}

func waitPing(ctx context.Context, url string) error {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return err
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	for deadline := time.Now().Add(10 * time.Second); ; {
		if err := rdb.Ping(ctx).Err(); err == nil {
			return nil
		} else if time.Now().After(deadline) {
			return fmt.Errorf("redis-server does not answer: %w", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// usedMemory is Redis's INFO used_memory, in bytes.
func usedMemory(ctx context.Context, url string) (int64, error) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return 0, err
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	info, err := rdb.Info(ctx, "memory").Result()
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(info, "\r\n") {
		if v, ok := strings.CutPrefix(line, "used_memory:"); ok {
			return strconv.ParseInt(v, 10, 64)
		}
	}
	return 0, fmt.Errorf("INFO memory has no used_memory")
}

// build compiles crosscheck once, so that the import measures the binary.
func (b *bench) build(ctx context.Context) error {
	b.bin = filepath.Join(b.cfg.dir, "crosscheck")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", b.bin, "./service/cmd/crosscheck")
	cmd.Stdout, cmd.Stderr = b.log, b.log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build ./service/cmd/crosscheck (run from the repository root): %w", err)
	}
	return nil
}

func (b *bench) stop() {
	if b.redis != nil && b.redis.Process != nil {
		_ = b.redis.Process.Kill()
		_ = b.redis.Wait()
	}
}

// serveReady starts crosscheck serve on the store, as a replica restarted
// after the import, and returns how long it took until /readyz said 200.
// The process is stopped before returning.
func (b *bench) serveReady(ctx context.Context) (time.Duration, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.CommandContext(ctx, b.bin, "serve", "--addr", addr, "--redis-url", b.redisURL, "--data-dir", filepath.Join(b.cfg.dir, "replica"), "--replica-id", "bench")
	cmd.Env = append(os.Environ(), "CROSSCHECK_AUDIT_KEY="+benchAuditKey)
	cmd.Stderr = io.Discard
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	defer func() { _ = cmd.Process.Signal(os.Interrupt); _ = cmd.Wait() }()
	for time.Since(start) < 2*time.Minute {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return time.Since(start), nil
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	return 0, fmt.Errorf("crosscheck serve not ready within 2 minutes")
}
