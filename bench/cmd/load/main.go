// Command load drives a running crosscheck service over HTTP and reports
// throughput, latency percentiles, errors by status and decisions.
//
// Open loop, at a fixed rate (latency from the intended send time, so a
// slow service cannot hide its backlog):
//
//	go run ./bench/cmd/load -url http://127.0.0.1:8080 -rate 2000 -duration 30s
//
// Closed loop, as fast as 32 workers get answers:
//
//	go run ./bench/cmd/load -url http://127.0.0.1:8080 -concurrency 32 -duration 30s
//
// The travellers are a mix of scripts (Latin with and without diacritics,
// Arabic, Cyrillic) with dates of birth and passports, and a share of
// listed persons from -listed (one name per line) or a built-in UN set.
//
// With -transport raw, a plain http:// target on Linux is driven over
// blocking sockets with raw syscalls, one thread per worker, which costs
// the shared machine about half the CPU per request that fasthttp on Go's
// network poller does (see rawConn). It is not the default: on the
// loaded shared host its latency tail at saturation came out longer
// (closed loop, 4 connections: p50 0.4-0.5 ms and p99 16-17 ms against
// 1.0-1.2 ms and 10-12 ms), and the figures recorded so far were taken
// with fasthttp.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/bench/command"
)

type config struct {
	url, token, listedFile string
	transport              string
	rate, listedShare      float64
	duration, timeout      time.Duration
	concurrency, bodies    int
	seed                   uint64
}

func main() { command.Main("load", run) }

func parse(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := command.Flags("load", stderr)
	fs.StringVar(&c.url, "url", "http://127.0.0.1:8080", "service base URL (POST /v1/check is appended)")
	fs.Float64Var(&c.rate, "rate", 0, "requests per second, open loop; 0 runs closed loop")
	fs.DurationVar(&c.duration, "duration", 30*time.Second, "how long to send")
	fs.IntVar(&c.concurrency, "concurrency", 32, "workers and connections (open loop: most requests in flight)")
	fs.StringVar(&c.token, "token", "", "bearer token for Authorization")
	fs.StringVar(&c.listedFile, "listed", "", "file of listed names, one a line (default: built-in UN names)")
	fs.Float64Var(&c.listedShare, "listed-share", 0.05, "share of travellers who are listed")
	fs.DurationVar(&c.timeout, "timeout", 10*time.Second, "per-request timeout")
	fs.IntVar(&c.bodies, "bodies", 4096, "distinct request bodies, sent in turn")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed of the traveller mix")
	fs.StringVar(&c.transport, "transport", "fasthttp", "fasthttp, or raw: blocking sockets for http:// on Linux (half the CPU; see rawConn)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	return c, c.validate()
}

func (c config) validate() error {
	switch {
	case c.rate < 0 || c.duration <= 0 || c.timeout <= 0:
		return errors.New("-rate must not be negative, -duration and -timeout must be positive")
	case c.concurrency < 1 || c.bodies < 1:
		return errors.New("-concurrency and -bodies must be at least 1")
	case c.listedShare < 0 || c.listedShare > 1:
		return errors.New("-listed-share must be between 0 and 1")
	case c.transport != "raw" && c.transport != "fasthttp":
		return fmt.Errorf("-transport %q: want raw or fasthttp", c.transport)
	}
	return nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parse(args, stderr)
	if err != nil { // -h included: command.Main exits 0 on flag.ErrHelp
		return err
	}
	tg, err := newTarget(c, stderr)
	if err != nil {
		return err
	}
	st := newStats()
	start := time.Now()
	pctx, stopProgress := context.WithCancel(ctx)
	go st.progress(pctx, stderr, start)
	if c.rate > 0 {
		fmt.Fprintf(stdout, "open loop   %.0f req/s for %v, at most %d in flight, %s\n", c.rate, c.duration, c.concurrency, tg.url)
		openLoop(ctx, tg, st, c.rate, c.duration, c.concurrency)
	} else {
		fmt.Fprintf(stdout, "closed loop %d workers for %v, %s\n", c.concurrency, c.duration, tg.url)
		closedLoop(ctx, tg, st, c.duration, c.concurrency)
	}
	stopProgress()
	st.report(stdout, start)
	return nil
}

func newTarget(c config, stderr io.Writer) (*target, error) {
	u, err := checkURL(c.url)
	if err != nil {
		return nil, err
	}
	listed := builtinListed
	if c.listedFile != "" {
		if listed, err = readListedFile(c.listedFile); err != nil {
			return nil, err
		}
	}
	m := &mix{rng: rand.New(rand.NewPCG(c.seed, 0x10ad)), listed: listed, listedShare: c.listedShare}
	bodies, n := m.bodies(c.bodies)
	fmt.Fprintf(stderr, "%d request bodies, %d of them listed travellers (%d names)\n", len(bodies), n, len(listed))
	tg, err := newTargetFor(u, c.token, bodies, c.concurrency, c.timeout, c.transport == "raw")
	if err == nil {
		tg.reserveProcs(c.concurrency)
	}
	return tg, err
}

// checkURL accepts a base URL or the full check URL.
func checkURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("-url %q: want http(s)://host:port", raw)
	}
	if !strings.HasSuffix(u.Path, "/v1/check") {
		u.Path = strings.TrimSuffix(u.Path, "/") + "/v1/check"
	}
	return u.String(), nil
}

func readListedFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, err := readListed(f)
	if err == nil && len(names) == 0 {
		err = fmt.Errorf("-listed %s: no names", path)
	}
	return names, err
}
