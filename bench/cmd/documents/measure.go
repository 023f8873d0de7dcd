package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/redisstore"
)

const listID = "sltd"

// benchAuditKey seals the import's audit record (the CLI refuses to make
// up a key).
const benchAuditKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func (b *bench) run(ctx context.Context) error {
	file := filepath.Join(b.cfg.dir, "documents.csv")
	if err := b.step("generate", func() error { return writeFile(file, b.cfg.n) }); err != nil {
		return err
	}
	if err := b.build(ctx); err != nil {
		return err
	}
	if err := b.startRedis(ctx); err != nil {
		return err
	}
	before, err := usedMemory(ctx, b.redisURL)
	if err != nil {
		return err
	}
	loaded, err := b.importFile(ctx, file)
	if err != nil {
		return err
	}
	after, err := usedMemory(ctx, b.redisURL)
	if err != nil {
		return err
	}
	fmt.Fprintf(b.out, "redis used_memory: %d bytes more, %.1f bytes per document\n", after-before, float64(after-before)/float64(loaded.Entries))
	ready, err := b.serveReady(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(b.out, "replica restart (crosscheck serve until /readyz is 200): %.2f s\n", ready.Seconds())
	return b.replica(ctx, loaded)
}

// step runs and times one phase.
func (b *bench) step(name string, fn func() error) error {
	start := time.Now()
	if err := fn(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	fmt.Fprintf(b.out, "%s: %.2f s\n", name, time.Since(start).Seconds())
	return nil
}

// importFile runs crosscheck lists import, the CLI path.
func (b *bench) importFile(ctx context.Context, file string) (service.Loaded, error) {
	var loaded service.Loaded
	err := b.step(fmt.Sprintf("import %d documents (crosscheck lists import)", b.cfg.n), func() error {
		cmd := exec.CommandContext(ctx, b.bin, "lists", "import", "--redis-url", b.redisURL, "--data-dir", filepath.Join(b.cfg.dir, "cli"),
			"--list", listID, "--format", "documents-csv", file)
		cmd.Env = append(os.Environ(), "CROSSCHECK_AUDIT_KEY="+benchAuditKey)
		cmd.Stderr = b.log
		out, err := cmd.Output()
		if err != nil {
			return err
		}
		return json.Unmarshal(out, &loaded)
	})
	if err == nil && loaded.Entries != b.cfg.n {
		err = fmt.Errorf("import: %d entries, want %d", loaded.Entries, b.cfg.n)
	}
	return loaded, err
}

// replica starts as a restarted replica would (the store holds the list),
// then measures the filter and the checks.
func (b *bench) replica(ctx context.Context, loaded service.Loaded) error {
	st, err := redisstore.Open(ctx, b.redisURL)
	if err != nil {
		return err
	}
	defer st.Close()
	catalog := &service.Catalog{}
	lists := service.NewLists(st, catalog, matcher.DefaultOptions(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := b.step("replica start in process (Lists.Start: filter loaded from Redis)", func() error { return lists.Start(ctx, nil) }); err != nil {
		return err
	}
	if !catalog.Ready() {
		return fmt.Errorf("replica not ready after Start")
	}
	if err := b.filter(ctx, st, loaded); err != nil {
		return err
	}
	return b.checks(ctx, service.NewChecker(catalog, nil))
}

// filter reports the filter's size and its false-positive rate on
// numbers surely not listed (rows n, n+1, ... of the generator).
func (b *bench) filter(ctx context.Context, st *redisstore.Store, loaded service.Loaded) error {
	data, err := st.DocumentFilter(ctx, listID, loaded.Version)
	if err != nil {
		return err
	}
	var f matcher.DocFilter
	if err := f.UnmarshalBinary(data); err != nil {
		return err
	}
	fp := 0
	for i := range uint64(b.cfg.probes) {
		if f.MayContain(documentNumber(uint64(b.cfg.n) + i)) {
			fp++
		}
	}
	fmt.Fprintf(b.out, "filter: %d bytes of bits (%.3f per document), %d stored; false positives %d of %d unlisted numbers (%.4f%%)\n",
		f.ByteSize(), float64(f.ByteSize())/float64(loaded.Entries), len(data), fp, b.cfg.probes, 100*float64(fp)/float64(b.cfg.probes))
	return nil
}

// checks times document checks: unlisted numbers, listed ones, and
// listed ones with one OCR confusion; first one after another, then from
// -concurrency goroutines at once, as a loaded replica serves them.
func (b *bench) checks(ctx context.Context, c *service.Checker) error {
	for _, workers := range []int{1, b.cfg.concurrency} {
		fmt.Fprintf(b.out, "checks from %d goroutine(s):\n", workers)
		if err := b.checkRound(ctx, c, workers); err != nil {
			return err
		}
	}
	return nil
}

var checkKinds = []string{"unlisted", "listed", "ocr variant"}

// timing is one check's kind, latency and decision.
type timing struct {
	kind, decision string
	took           time.Duration
}

func (b *bench) checkRound(ctx context.Context, c *service.Checker, workers int) error {
	out := make([]timing, b.cfg.checks)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < b.cfg.checks; i += workers {
				kind := checkKinds[i%3]
				start := time.Now()
				resp, err := c.Check(ctx, service.Caller{}, checkRequest(kind, uint64(i/3), b.cfg.n))
				if err != nil {
					errs <- err
					return
				}
				out[i] = timing{kind: kind, decision: resp.Decision, took: time.Since(start)}
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}
	summarise(b.out, out)
	return nil
}

func summarise(w io.Writer, out []timing) {
	lat := map[string][]time.Duration{}
	decisions := map[string]map[string]int{}
	var all []time.Duration
	for _, t := range out {
		lat[t.kind] = append(lat[t.kind], t.took)
		all = append(all, t.took)
		if decisions[t.kind] == nil {
			decisions[t.kind] = map[string]int{}
		}
		decisions[t.kind][t.decision]++
	}
	for _, kind := range checkKinds {
		report(w, kind, lat[kind], decisions[kind])
	}
	report(w, "all", all, nil)
}

func report(w io.Writer, name string, d []time.Duration, decisions map[string]int) {
	slices.Sort(d)
	q := func(p float64) float64 { return float64(d[int(p*float64(len(d)-1))].Microseconds()) }
	fmt.Fprintf(w, "check %-11s n=%d p50 %.0f µs p99 %.0f µs max %.0f µs %v\n", name, len(d), q(0.5), q(0.99), q(1), decisions)
}

// checkRequest is the i-th check of a kind against a list of n rows.
func checkRequest(kind string, i uint64, n int) service.CheckRequest {
	row := (i * 7919) % uint64(n)
	country, typ, number, _, _ := rowFields(row)
	switch kind {
	case "unlisted":
		number = documentNumber(uint64(n) + i)
	case "ocr variant":
		number = ocrVariant(number)
	}
	doc := service.TravellerDocument{Number: number, IssuingCountry: country, Type: typ}
	return service.CheckRequest{Traveller: &service.Traveller{Documents: []service.TravellerDocument{doc}}}
}

// ocrVariant swaps the first confusable character (0/O, 1/I, 5/S, 8/B),
// as a misread would; a number with none stays as is (and checks as
// listed, which the decision counts show).
func ocrVariant(n string) string {
	swap := map[byte]byte{'0': 'O', 'O': '0', '1': 'I', 'I': '1', '5': 'S', 'S': '5', '8': 'B', 'B': '8'}
	b := []byte(n)
	for i, c := range b {
		if s, ok := swap[c]; ok {
			b[i] = s
			break
		}
	}
	return string(b)
}
