package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// run is the scenario: set up, load, count.
func (b *bench) run(ctx context.Context) error {
	c := b.cfg
	fmt.Fprintf(b.out, "work directory %s\n", c.dir)
	docs := filepath.Join(c.dir, "documents.csv")
	setup := []struct {
		what string
		f    func() error
	}{
		{"build crosscheck and load", func() error { return b.build(ctx) }},
		{"start redis-server", func() error { return b.startRedis(ctx) }},
		{"start crosscheck (bundled UN list)", func() error { return b.startService(ctx) }},
		{fmt.Sprintf("generate %d documents", c.docs), func() error { return writeDocuments(docs, c.docs) }},
	}
	for _, u := range append(testLists(), upload{id: "sltd-bench", format: "documents-csv", kind: "documents", name: "generated lost and stolen documents", file: docs}) {
		setup = append(setup, struct {
			what string
			f    func() error
		}{"upload " + u.id, func() error { return b.put(ctx, u) }})
	}
	for _, s := range setup {
		if err := b.step(s.what, s.f); err != nil {
			return err
		}
	}
	fmt.Fprintf(b.out, "service: --redis-url %q --audit-sync %s --access-log=%v --checker-rate 1000000\n\n", b.redisURL, c.auditSync, c.accessLog)
	b.printMetrics("crosscheck_index_", "crosscheck_list_active")
	start := time.Now().UTC().Add(-time.Second)
	before := b.cpuSnapshot()
	answered, err := b.load(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(b.out, "cpu        %s (during the load)\n", b.cpuSnapshot().perCheck(before, answered))
	return b.countAudit(ctx, start, answered)
}

// load runs bench/cmd/load against the service and returns how many
// checks were answered 200.
func (b *bench) load(ctx context.Context) (int, error) {
	c := b.cfg
	args := []string{"-url", b.base, "-token", checkerSecret, "-rate", strconv.FormatFloat(c.rate, 'f', -1, 64),
		"-duration", c.duration.String(), "-concurrency", strconv.Itoa(c.concurrency), "-listed-share", strconv.FormatFloat(c.listedShare, 'f', -1, 64)}
	args = append(args, fields(c.loadArgs)...)
	fmt.Fprintf(b.out, "\n$ load %s\n", strings.Join(args, " "))
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, filepath.Join(b.bin, "load"), args...)
	cmd.Stdout, cmd.Stderr = io.MultiWriter(b.out, &out), b.log
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("load: %w", err)
	}
	m := regexp.MustCompile(`status\s+.*\b200 (\d+)`).FindStringSubmatch(out.String())
	if m == nil {
		return 0, nil
	}
	n, _ := strconv.Atoi(m[1])
	return n, nil
}

// countAudit waits for the spool to drain into the store, then counts
// the check records written since the load started.
func (b *bench) countAudit(ctx context.Context, since time.Time, answered int) error {
	for deadline := time.Now().Add(2 * time.Minute); b.metric("crosscheck_audit_spool_depth") > 0 && time.Now().Before(deadline); {
		time.Sleep(200 * time.Millisecond)
	}
	q := url.Values{"kind": {"check"}, "format": {"jsonl"}, "from": {since.Format(time.RFC3339)}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.base+"/v1/audit/checks?"+q.Encode(), nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+auditorSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	records := 0
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		records++
	}
	verdict := "OK"
	if records != answered {
		verdict = "MISMATCH"
	}
	fmt.Fprintf(b.out, "\naudit      %d check records for %d checks answered 200: %s\n", records, answered, verdict)
	b.printMetrics("crosscheck_audit_spool_depth", "crosscheck_redis_errors_total", "crosscheck_check_errors_total")
	return sc.Err()
}

// metric reads one unlabelled value from /metrics; -1 when absent.
func (b *bench) metric(name string) float64 {
	for _, line := range b.scrape(name) {
		if f := strings.Fields(line); len(f) == 2 && f[0] == name {
			v, _ := strconv.ParseFloat(f[1], 64)
			return v
		}
	}
	return -1
}

func (b *bench) printMetrics(prefixes ...string) {
	for _, line := range b.scrape(prefixes...) {
		fmt.Fprintln(b.out, "metric    ", line)
	}
}

// scrape returns the sample lines of /metrics that start with a prefix.
func (b *bench) scrape(prefixes ...string) []string {
	resp, err := http.Get(b.base + "/metrics")
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	var out []string
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		for _, p := range prefixes {
			if strings.HasPrefix(sc.Text(), p) {
				out = append(out, sc.Text())
				break
			}
		}
	}
	return out
}
