// Command latency loads one list file into a matcher.Index and reports the
// index build time, heap per entry, and check latency percentiles for a
// mix of listed (perturbed) and made-up travellers, on one goroutine.
//
//	go run ./bench/cmd/latency -format un-xml -file service/cmd/crosscheck/un-consolidated-2026-02-27.xml
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "latency:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("latency", flag.ContinueOnError)
	format := fs.String("format", "un-xml", "list format id")
	file := fs.String("file", "service/cmd/crosscheck/un-consolidated-2026-02-27.xml", "list file")
	n := fs.Int("n", 20000, "checks to run")
	seed := fs.Uint64("seed", 1, "random seed of the traveller mix")
	if err := fs.Parse(args); err != nil {
		return err
	}
	entries, err := readList(*format, *file)
	if err != nil {
		return err
	}
	idx, build, heap, err := buildIndex(entries)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "entries %d, name forms %d, documents %d\n", idx.Len(), idx.NameForms(), idx.Documents())
	fmt.Fprintf(out, "index build %v, heap %.0f B/entry\n", build.Round(time.Millisecond), float64(heap)/float64(len(entries)))
	queries := travellers(entries, *n, rand.New(rand.NewPCG(*seed, 7)))
	report(out, measure(idx, queries))
	return nil
}

func readList(format, file string) ([]matcher.Entry, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var entries []matcher.Entry
	err = loaders.Read(format, f, func(e matcher.Entry) error {
		entries = append(entries, e)
		return nil
	})
	return entries, err
}

func buildIndex(entries []matcher.Entry) (*matcher.Index, time.Duration, uint64, error) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	idx, err := matcher.NewIndex(entries, matcher.DefaultOptions())
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(idx)
	return idx, took, after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc), err
}

type result struct {
	latencies []time.Duration
	alerts    int
}

func measure(idx *matcher.Index, queries []matcher.Query) result {
	r := result{latencies: make([]time.Duration, 0, len(queries))}
	for _, q := range queries {
		start := time.Now()
		hits := idx.Check(q)
		r.latencies = append(r.latencies, time.Since(start))
		if len(hits) > 0 {
			r.alerts++
		}
	}
	return r
}

func report(out io.Writer, r result) {
	slices.Sort(r.latencies)
	var total time.Duration
	for _, l := range r.latencies {
		total += l
	}
	n := len(r.latencies)
	pct := func(p float64) time.Duration { return r.latencies[min(n-1, int(float64(n)*p))] }
	fmt.Fprintf(out, "checks %d, alerts %d, mean %v, p50 %v, p90 %v, p99 %v, p99.9 %v, max %v\n",
		n, r.alerts, (total / time.Duration(n)).Round(time.Microsecond/10), pct(0.50), pct(0.90), pct(0.99), pct(0.999), r.latencies[n-1])
}
