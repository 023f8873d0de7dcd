// Command scenario is the performance bench in one command: it builds
// crosscheck and the load generator, starts Redis on a free port (when
// redis-server is installed), starts the service on it with the audit
// trail on, uploads the UN (bundled), OFAC SDN, UK OFSI and UK FCDO lists
// and a list of 1,000,000 generated documents, drives checks at it with
// bench/cmd/load, then counts the audit records of the run against the
// checks answered. It also reports the CPU the service and Redis used per
// check during the load, the figure that holds still on a shared host.
//
//	go run ./bench/cmd/scenario -rate 5000 -duration 30s
//	go run ./bench/cmd/scenario -audit-sync always     # compare fsync policies
//	go run ./bench/cmd/scenario -rate 0 -concurrency 8 -load-args "-transport raw"   # the cheaper generator
//
// Everything it starts is stopped at the end; -keep leaves the work
// directory (logs, data) for a look.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/bench/command"
)

type config struct {
	rate, listedShare   float64
	duration            time.Duration
	concurrency, docs   int
	auditSync, dir      string
	serveArgs, loadArgs string
	noRedis, keep       bool
	accessLog           bool
}

func main() { command.Main("scenario", run) }

func parse(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := command.Flags("scenario", stderr)
	fs.Float64Var(&c.rate, "rate", 5000, "checks per second, open loop (0: closed loop)")
	fs.DurationVar(&c.duration, "duration", 30*time.Second, "how long to send checks")
	fs.IntVar(&c.concurrency, "concurrency", 64, "load generator connections")
	fs.Float64Var(&c.listedShare, "listed-share", 0.05, "share of listed travellers")
	fs.IntVar(&c.docs, "docs", 1_000_000, "documents in the generated documents list")
	fs.StringVar(&c.auditSync, "audit-sync", "interval", "the service's --audit-sync: always, interval or never")
	fs.BoolVar(&c.accessLog, "access-log", true, "the service's --access-log")
	fs.BoolVar(&c.noRedis, "no-redis", false, "use the embedded store even if redis-server is installed")
	fs.StringVar(&c.serveArgs, "serve-args", "", "more flags for crosscheck serve, space separated")
	fs.StringVar(&c.loadArgs, "load-args", "", "more flags for bench/cmd/load, space separated")
	fs.StringVar(&c.dir, "dir", "", "work directory (default: a new temporary one)")
	fs.BoolVar(&c.keep, "keep", false, "keep the work directory")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.docs < 0 || c.duration <= 0 || c.concurrency < 1 {
		return c, errors.New("-docs must not be negative, -duration and -concurrency must be positive")
	}
	return c, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parse(args, stderr)
	if err != nil { // -h included: command.Main exits 0 on flag.ErrHelp
		return err
	}
	if c.dir == "" {
		if c.dir, err = os.MkdirTemp("", "crosscheck-bench-"); err != nil {
			return err
		}
	}
	if !c.keep {
		defer os.RemoveAll(c.dir)
	}
	b := &bench{cfg: c, out: stdout, log: stderr}
	defer b.stopAll()
	return b.run(ctx)
}

// step prints what the scenario is doing and how long it took.
func (b *bench) step(what string, f func() error) error {
	fmt.Fprintf(b.out, "%-52s", what+" ...")
	start := time.Now()
	err := f()
	if err != nil {
		fmt.Fprintln(b.out, "failed")
		return fmt.Errorf("%s: %w", what, err)
	}
	fmt.Fprintf(b.out, "%v\n", time.Since(start).Round(10*time.Millisecond))
	return nil
}

func fields(s string) []string { return strings.Fields(s) }
