package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

// readLists reads every comma-separated file into one list (UN and OFAC
// together are "the real lists"). A file may name its own format as
// format=path; the others use format.
func readLists(format, files string) ([]matcher.Entry, error) {
	var entries []matcher.Entry
	for i, file := range strings.Split(files, ",") {
		fmtID := format
		if f, path, ok := strings.Cut(file, "="); ok {
			fmtID, file = f, path
		}
		err := readList(fmtID, file, func(e matcher.Entry) error {
			e.ID = fmt.Sprintf("%d:%s", i, e.ID)
			entries = append(entries, e)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
	}
	return entries, nil
}

// readList reads one list file; ofac-csv names the folder of the SDN
// set (sdn.csv, alt.csv, add.csv, sdn_comments.csv).
func readList(format, file string, fn func(matcher.Entry) error) error {
	if format == "ofac-csv" {
		return readOFACParts(file, fn)
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	return loaders.Read(format, f, fn)
}

func readOFACParts(dir string, fn func(matcher.Entry) error) error {
	parts := map[string]io.Reader{}
	for part, name := range map[string]string{"sdn": "sdn.csv", "alt": "alt.csv", "add": "add.csv", "comments": "sdn_comments.csv"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		defer f.Close()
		parts[part] = f
	}
	return loaders.ReadParts("ofac-csv", parts, fn)
}

type result struct {
	latencies []time.Duration // wall clock
	cpu       []time.Duration // on-CPU time of the checking thread
	alerts    int
}

// measure runs the checks one after the other on one locked thread and
// notes both the wall-clock time of each and the CPU time its thread
// spent: on a loaded machine the wall clock also counts the time the
// thread waited for a core, which the matcher cannot help.
func measure(idx *matcher.Index, queries []matcher.Query) result {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	r := result{latencies: make([]time.Duration, 0, len(queries)), cpu: make([]time.Duration, 0, len(queries))}
	for _, q := range queries {
		cpu := threadCPU()
		start := time.Now()
		hits := idx.Check(q)
		r.latencies = append(r.latencies, time.Since(start))
		r.cpu = append(r.cpu, threadCPU()-cpu)
		if len(hits) > 0 {
			r.alerts++
		}
	}
	return r
}

// threadCPU is the CPU time of the calling thread (0 where the clock is
// not available).
func threadCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

// printSlowest prints the n queries that took the most CPU (cpu[i] is
// queries[i]'s), slowest first, before report sorts the times.
func printSlowest(out io.Writer, queries []matcher.Query, cpu []time.Duration, n int) {
	order := make([]int, len(cpu))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(cpu[b], cpu[a]) })
	for _, i := range order[:min(n, len(order))] {
		fmt.Fprintf(out, "slow: %v %q\n", cpu[i], queries[i].Names)
	}
}

func report(out io.Writer, what string, r result) {
	fmt.Fprintf(out, "%s: checks %d, alerts %d, wall %s\n", what, len(r.latencies), r.alerts, percentiles(r.latencies))
	fmt.Fprintf(out, "%s: on-CPU %s\n", what, percentiles(r.cpu))
}

// percentiles sorts d and describes its mean, percentiles and maximum.
func percentiles(d []time.Duration) string {
	slices.Sort(d)
	var total time.Duration
	for _, l := range d {
		total += l
	}
	n := len(d)
	pct := func(p float64) time.Duration { return d[min(n-1, int(float64(n)*p))] }
	return fmt.Sprintf("mean %v, p50 %v, p90 %v, p99 %v, p99.9 %v, max %v",
		(total / time.Duration(n)).Round(time.Microsecond/10), pct(0.50), pct(0.90), pct(0.99), pct(0.999), d[n-1])
}
