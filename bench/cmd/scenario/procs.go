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
	"time"
)

// Bench tokens: the scenario starts its own service, so it sets them.
const (
	checkerSecret = "bench-checker-secret-0123456789abcdef"
	adminSecret   = "bench-admin-secret-0123456789abcdefgh"
	auditorSecret = "bench-auditor-secret-0123456789abcdef"
)

// bench is one run of the scenario and the processes it owns.
type bench struct {
	cfg      config
	out, log io.Writer
	procs    []*exec.Cmd // stopped in reverse order
	names    map[*exec.Cmd]string
	base     string // the service's base URL
	bin      string // built binaries
	redisURL string
}

// build compiles crosscheck and the load generator once, so that the run
// measures the binaries and not the compiler.
func (b *bench) build(ctx context.Context) error {
	b.bin = filepath.Join(b.cfg.dir, "bin")
	for _, pkg := range []string{"./service/cmd/crosscheck", "./bench/cmd/load"} {
		cmd := exec.CommandContext(ctx, "go", "build", "-o", b.bin+"/", pkg)
		cmd.Stdout, cmd.Stderr = b.log, b.log
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s (run from the repository root): %w", pkg, err)
		}
	}
	return nil
}

// startRedis runs a redis-server of our own on a free port, with AOF as
// in the deployment; without redis-server the service uses its embedded
// store and the scenario says so.
func (b *bench) startRedis(ctx context.Context) error {
	path, err := exec.LookPath("redis-server")
	if err != nil || b.cfg.noRedis {
		fmt.Fprintln(b.out, "redis: not used (embedded store)")
		return nil
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	dir := filepath.Join(b.cfg.dir, "redis")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := b.start(ctx, "redis", path, []string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--dir", dir,
		"--appendonly", "yes", "--appendfsync", "everysec", "--save", ""}, nil); err != nil {
		return err
	}
	b.redisURL = fmt.Sprintf("redis://127.0.0.1:%d/0", port)
	return waitTCP(ctx, fmt.Sprintf("127.0.0.1:%d", port))
}

// startService runs crosscheck serve with the bench settings: a checker
// rate far above the load, the chosen audit fsync policy.
func (b *bench) startService(ctx context.Context) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	b.base = fmt.Sprintf("http://127.0.0.1:%d", port)
	args := []string{"serve", "--addr", fmt.Sprintf("127.0.0.1:%d", port), "--data-dir", filepath.Join(b.cfg.dir, "data"),
		"--replica-id", "bench", "--checker-rate", "1000000", "--audit-sync", b.cfg.auditSync,
		"--access-log=" + strconv.FormatBool(b.cfg.accessLog), "--redis-url", b.redisURL}
	args = append(args, fields(b.cfg.serveArgs)...)
	env := []string{"CROSSCHECK_TOKENS=checker:bench:" + checkerSecret + ",admin:bench-admin:" + adminSecret + ",auditor:bench-auditor:" + auditorSecret}
	if err := b.start(ctx, "crosscheck", filepath.Join(b.bin, "crosscheck"), args, env); err != nil {
		return err
	}
	return waitStatus(ctx, b.base+"/readyz", http.StatusOK, 2*time.Minute)
}

// start runs a process with its output in <dir>/<name>.log.
func (b *bench) start(ctx context.Context, name, path string, args, env []string) error {
	logf, err := os.Create(filepath.Join(b.cfg.dir, name+".log"))
	if err != nil {
		return err
	}
	cmd := exec.Command(path, args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.Env = append(os.Environ(), env...)
	if err := cmd.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("start %s: %w", name, err)
	}
	b.procs = append(b.procs, cmd)
	if b.names == nil {
		b.names = map[*exec.Cmd]string{}
	}
	b.names[cmd] = name
	return nil
}

// stopAll sends SIGINT to each process, newest first (the service drains
// and flushes its audit trail before Redis goes), and waits for it.
func (b *bench) stopAll() {
	for i := len(b.procs) - 1; i >= 0; i-- {
		p := b.procs[i]
		_ = p.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = p.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = p.Process.Kill()
			<-done
		}
	}
	b.procs = nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func waitTCP(ctx context.Context, addr string) error {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			return c.Close()
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return fmt.Errorf("nothing listens on %s", addr)
}

func waitStatus(ctx context.Context, url string, status int, within time.Duration) error {
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == status {
				return nil
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return fmt.Errorf("%s never answered %d", url, status)
}
