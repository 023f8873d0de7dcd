// Command documents measures stolen and lost document lists at SLTD scale
// on Redis, end to end:
//
//	go run ./bench/cmd/documents -n 10000000
//
// It generates a documents-csv file of n records, starts a redis-server
// of its own on a free port, imports the file through the CLI
// (crosscheck lists import, the same use case as the API), then measures
// what the acceptance criteria name: import time, Redis memory per
// document, the filter's bytes per document and its false-positive rate
// on numbers surely not listed, the time a restarted replica takes to be
// ready, and the latency of document checks (unlisted, listed and OCR
// variants, the "maybe" answers confirmed in Redis). Everything it starts
// is stopped at the end; -keep leaves the work directory.
package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"os"

	"github.com/crosscheck/crosscheck/bench/command"
)

type config struct {
	n, checks, probes int
	concurrency       int
	dir               string
	keep              bool
}

func main() { command.Main("documents", run) }

func parse(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := command.Flags("documents", stderr)
	fs.IntVar(&c.n, "n", 1_000_000, "documents in the generated list")
	fs.IntVar(&c.checks, "checks", 30_000, "document checks timed (a third unlisted, listed, OCR variants)")
	fs.IntVar(&c.probes, "probes", 1_000_000, "unlisted numbers tested against the filter for its false-positive rate")
	fs.IntVar(&c.concurrency, "concurrency", 8, "goroutines of the concurrent check round")
	fs.StringVar(&c.dir, "dir", "", "work directory (default: a new temporary one)")
	fs.BoolVar(&c.keep, "keep", false, "keep the work directory")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.n < 1 || c.checks < 3 || c.probes < 1 || c.concurrency < 1 {
		return c, errors.New("-n, -probes and -concurrency must be positive and -checks at least 3")
	}
	return c, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parse(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if c.dir == "" {
		if c.dir, err = os.MkdirTemp("", "documents-bench-"); err != nil {
			return err
		}
	}
	if !c.keep {
		defer os.RemoveAll(c.dir)
	}
	b := &bench{cfg: c, out: stdout, log: stderr}
	defer b.stop()
	return b.run(ctx)
}
