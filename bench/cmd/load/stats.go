package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
)

// outcome is one answered (or failed) request.
type outcome struct {
	latency  time.Duration // from the intended send time
	service  time.Duration // from the actual send time
	status   string        // HTTP status, or timeout / transport
	decision string
	err      error
}

// stats collects outcomes from every worker. One mutex is enough: a
// record is a few increments, far below the cost of the request.
type stats struct {
	mu        sync.Mutex
	latency   hist
	service   hist
	second    hist // latency of the current second, for the progress line
	secondErr int
	statuses  map[string]int
	decisions map[string]int
	firstErr  error
	last      time.Time
	cpuStart  time.Duration // the generator's own CPU time when the run began
}

func newStats() *stats {
	return &stats{statuses: map[string]int{}, decisions: map[string]int{}, cpuStart: cpuTime()}
}

func (s *stats) record(o outcome) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency.record(o.latency)
	s.service.record(o.service)
	s.second.record(o.latency)
	s.statuses[o.status]++
	if o.decision != "" {
		s.decisions[o.decision]++
	}
	if o.status != "200" {
		s.secondErr++
		if s.firstErr == nil && o.err != nil {
			s.firstErr = o.err
		}
	}
	s.last = time.Now()
}

// progress prints one line a second on w until ctx ends, with the
// throughput and latency of that second only, so a degradation shows as
// it happens rather than averaged away.
func (s *stats) progress(ctx context.Context, w io.Writer, start time.Time) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			fmt.Fprintln(w, s.takeSecond(now.Sub(start)))
		}
	}
}

func (s *stats) takeSecond(elapsed time.Duration) string {
	s.mu.Lock()
	h, errs := s.second, s.secondErr
	s.second, s.secondErr = hist{}, 0
	s.mu.Unlock()
	return fmt.Sprintf("%4.0fs  %6d req/s  p50 %-9v p99 %-9v max %-9v errors %d",
		elapsed.Seconds(), h.n, ms(h.percentile(50)), ms(h.percentile(99)), ms(h.max), errs)
}

// report writes the final summary.
func (s *stats) report(w io.Writer, start time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	elapsed := s.last.Sub(start)
	if s.latency.n == 0 {
		fmt.Fprintln(w, "no request completed")
		return
	}
	fmt.Fprintf(w, "requests   %d in %v: %.1f req/s\n", s.latency.n, elapsed.Round(time.Millisecond), float64(s.latency.n)/elapsed.Seconds())
	fmt.Fprintf(w, "latency    %s   (from intended send time)\n", percentiles(&s.latency))
	fmt.Fprintf(w, "service    %s   (from actual send time)\n", percentiles(&s.service))
	fmt.Fprintf(w, "status     %s\n", counts(s.statuses))
	fmt.Fprintf(w, "decisions  %s\n", counts(s.decisions))
	if cpu := cpuTime() - s.cpuStart; cpu > 0 {
		fmt.Fprintf(w, "generator  %.2fs CPU (user+sys), %.1f µs per request\n", cpu.Seconds(), float64(cpu.Microseconds())/float64(s.latency.n))
	}
	if s.firstErr != nil {
		fmt.Fprintf(w, "first error: %v\n", s.firstErr)
	}
}

func percentiles(h *hist) string {
	var b strings.Builder
	for _, p := range []float64{50, 90, 99, 99.9} {
		fmt.Fprintf(&b, "p%v %v  ", p, ms(h.percentile(p)))
	}
	fmt.Fprintf(&b, "max %v", ms(h.max))
	return b.String()
}

func counts(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// ms rounds a latency for display: microseconds below 10 ms, else 0.1 ms.
func ms(d time.Duration) time.Duration {
	if d < 10*time.Millisecond {
		return d.Round(time.Microsecond)
	}
	return d.Round(100 * time.Microsecond)
}
