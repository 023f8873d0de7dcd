// Command latency builds a matcher.Index from a list file, or from a
// generated list of realistic names, and reports the index build time,
// heap per entry, and check latency percentiles for a mix of listed
// (perturbed) and made-up travellers, on one goroutine and by default one
// core (GOMAXPROCS=1).
//
//	go run ./bench/cmd/latency -format un-xml -file testdata/lists/un/consolidated-2026-02-27.xml
//	go run ./bench/cmd/latency -generate 1000000
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/crosscheck/crosscheck/bench/synth"
	"github.com/crosscheck/crosscheck/matcher"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "latency:", err)
		os.Exit(1)
	}
}

type config struct {
	format, file string
	generate, n  int
	procs        int
	seed         uint64
	cpuprofile   string
	slowest      int
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("latency", flag.ContinueOnError)
	var c config
	fs.StringVar(&c.format, "format", "un-xml", "list format id")
	fs.StringVar(&c.file, "file", "testdata/lists/un/consolidated-2026-02-27.xml", "list file; several may be joined with commas")
	fs.IntVar(&c.generate, "generate", 0, "generate this many realistic list entries instead of reading -file")
	fs.IntVar(&c.n, "n", 20000, "checks to run")
	fs.IntVar(&c.procs, "procs", 1, "GOMAXPROCS while measuring (the targets are per core)")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed of the list and the traveller mix")
	fs.StringVar(&c.cpuprofile, "cpuprofile", "", "write a CPU profile of the name checks (not the build) to this file")
	fs.IntVar(&c.slowest, "slowest", 0, "also print the n name checks that took the most CPU, with their names (synthetic or list names)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	runtime.GOMAXPROCS(c.procs)
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	entries, made, err := load(c)
	if err != nil {
		return err
	}
	idx, build, heap, err := buildIndex(entries)
	if err != nil {
		return err
	}
	total := heap.index + heap.entries - min(before.HeapAlloc, heap.entries)
	fmt.Fprintf(out, "entries %d, name forms %d, documents %d\n", idx.Len(), idx.NameForms(), idx.Documents())
	fmt.Fprintf(out, "index build %v, heap per entry: index %.0f B, entries+index %.0f B\n",
		build.Round(time.Millisecond), float64(heap.index)/float64(len(entries)), float64(total)/float64(len(entries)))
	rng := rand.New(rand.NewPCG(c.seed, 7))
	queries := travellers(entries, c.n, rng, made)
	names, err := profiled(c.cpuprofile, func() result { return measure(idx, queries) })
	if err != nil {
		return err
	}
	printSlowest(out, queries, names.cpu, c.slowest)
	report(out, "names", names)
	report(out, "documents (not listed)", measure(idx, documentQueries(c.n, c.seed)))
	return nil
}

// load reads or generates the list; made makes up a traveller name of
// the same population.
func load(c config) ([]matcher.Entry, func(*rand.Rand) string, error) {
	if c.generate > 0 {
		g := synth.New(c.seed)
		entries := g.Entries(c.generate)
		other := synth.New(c.seed + 1000)
		return entries, func(*rand.Rand) string { n, _ := other.Name(); return n }, nil
	}
	entries, err := readLists(c.format, c.file)
	return entries, madeUp, err
}

type heapUse struct{ entries, index uint64 }

func buildIndex(entries []matcher.Entry) (*matcher.Index, time.Duration, heapUse, error) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	idx, err := matcher.NewIndex(entries, matcher.DefaultOptions())
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(idx)
	return idx, took, heapUse{entries: before.HeapAlloc, index: after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc)}, err
}

// profiled runs measure under a CPU profile written to path, when set.
func profiled(path string, measure func() result) (result, error) {
	if path == "" {
		return measure(), nil
	}
	f, err := os.Create(path)
	if err != nil {
		return result{}, fmt.Errorf("cpu profile: %w", err)
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return result{}, fmt.Errorf("cpu profile %s: %w", path, err)
	}
	r := measure()
	pprof.StopCPUProfile()
	return r, nil
}

// documentQueries are travellers presenting a passport number that no
// list holds (the common case, answered by the Bloom filter).
func documentQueries(n int, seed uint64) []matcher.Query {
	g := synth.New(seed + 2000)
	out := make([]matcher.Query, n)
	for i := range out {
		out[i] = matcher.Query{Documents: []matcher.QueryDocument{{Number: "Q" + g.DocumentNumber(), Type: matcher.DocPassport}}}
	}
	return out
}
