package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/valyala/fasthttp"
)

// target sends checks to one service.
type target struct {
	client *fasthttp.Client
	url    string
	token  string
	bodies [][]byte
	next   atomic.Uint64
}

// newClient is fasthttp's client rather than net/http's: the generator
// shares the machine with the service, and net/http spent about 110 µs
// of CPU per request (two goroutines per connection, header maps, a
// fresh request each time) against about 15 µs here, CPU the service
// under test did not get.
func newClient(concurrency int, timeout time.Duration) *fasthttp.Client {
	return &fasthttp.Client{
		// One connection per worker, kept open, so no request waits for a
		// dial or closes a connection another worker could have reused.
		MaxConnsPerHost:     concurrency,
		MaxIdleConnDuration: 90 * time.Second,
		MaxConnWaitTimeout:  timeout,
		// The per-request timeout: sending, then waiting for the answer.
		ReadTimeout:              timeout,
		WriteTimeout:             timeout,
		MaxResponseBodySize:      4 << 20,
		NoDefaultUserAgentHeader: true,
		DisablePathNormalizing:   true,
	}
}

// job is one request and the time it was meant to be sent.
type job struct {
	intended time.Time
}

// openLoop sends at a fixed rate whatever the service does. Send times are
// fixed in advance (start + i/rate) and latency runs from the intended
// time, so a stalled service is charged for the requests it held back:
// no coordinated omission. concurrency bounds requests in flight; when all
// workers are busy, jobs queue and their wait counts as latency.
func openLoop(ctx context.Context, tg *target, st *stats, rate float64, d time.Duration, concurrency int) {
	jobs := make(chan job, concurrency)
	var wg sync.WaitGroup
	for range concurrency {
		wg.Go(func() {
			for j := range jobs {
				tg.do(ctx, st, j.intended)
			}
		})
	}
	schedule(ctx, jobs, rate, d)
	close(jobs)
	wg.Wait()
}

func schedule(ctx context.Context, jobs chan<- job, rate float64, d time.Duration) {
	start := time.Now()
	timer := time.NewTimer(0)
	defer timer.Stop()
	for i := 0; ; i++ {
		offset := time.Duration(float64(i) * float64(time.Second) / rate)
		if offset >= d {
			return
		}
		at := start.Add(offset)
		// A late wake-up is not made up for by waiting less later: every
		// job keeps its own intended time, and the next ones go at once.
		if wait := time.Until(at); wait > 0 {
			timer.Reset(wait)
			select {
			case <-timer.C:
			case <-ctx.Done():
				return
			}
		}
		select {
		case jobs <- job{intended: at}:
		case <-ctx.Done():
			return
		}
	}
}

// closedLoop runs concurrency workers that each send the next request as
// soon as the last one is answered: throughput at saturation.
func closedLoop(ctx context.Context, tg *target, st *stats, d time.Duration, concurrency int) {
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for range concurrency {
		wg.Go(func() {
			for ctx.Err() == nil && time.Now().Before(deadline) {
				tg.do(ctx, st, time.Now())
			}
		})
	}
	wg.Wait()
}

// do sends one check and records it. A request cut short by the user's
// interrupt is not recorded: it says nothing about the service.
func (tg *target) do(ctx context.Context, st *stats, intended time.Time) {
	body := tg.bodies[tg.next.Add(1)%uint64(len(tg.bodies))]
	sent := time.Now()
	status, decision, err := tg.post(ctx, body)
	if ctx.Err() != nil {
		return
	}
	done := time.Now()
	st.record(outcome{latency: done.Sub(intended), service: done.Sub(sent), status: status, decision: decision, err: err})
}

// post sends one check; fasthttp has no context, so an interrupt lets
// the requests in flight finish (do drops their outcomes).
func (tg *target) post(_ context.Context, body []byte) (string, string, error) {
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(resp)
	req.SetRequestURI(tg.url)
	req.Header.SetMethod(fasthttp.MethodPost)
	req.Header.SetContentType("application/json")
	if tg.token != "" {
		req.Header.Set("Authorization", "Bearer "+tg.token)
	}
	req.SetBodyRaw(body) // the bodies are never changed: no copy
	if err := tg.client.Do(req, resp); err != nil {
		return errorClass(err), "", err
	}
	var d string
	if resp.StatusCode() == fasthttp.StatusOK {
		d = decision(resp.Body())
	}
	return strconv.Itoa(resp.StatusCode()), d, nil
}

// decision reads the top-level decision of a check answer and stops
// there: the hits after it can be kilobytes of explanations, which a full
// json.Unmarshal scanned twice on the generator's share of the CPU. The
// service's own order (check_id, a hex id, then decision) is read
// directly; any other shape token by token. Anything unexpected gives "",
// as a body that did not parse did.
func decision(body []byte) string {
	if rest, ok := bytes.CutPrefix(body, []byte(`{"check_id":"`)); ok {
		id := bytes.IndexFunc(rest, func(r rune) bool { return !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') })
		if d, ok := bytes.CutPrefix(rest[max(id, 0):], []byte(`","decision":"`)); ok && id >= 0 {
			if end := bytes.IndexByte(d, '"'); end > 0 && bytes.IndexByte(d[:end], '\\') < 0 {
				return string(d[:end])
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return ""
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return ""
		}
		if key == "decision" {
			v, _ := dec.Token()
			s, _ := v.(string)
			return s
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return ""
		}
	}
	return ""
}

// errorClass names a transport failure for the errors-by-status table.
// fasthttp's ErrTimeout has Timeout but is no net.Error.
func errorClass(err error) string {
	var t interface{ Timeout() bool }
	if errors.As(err, &t) && t.Timeout() || errors.Is(err, fasthttp.ErrDialTimeout) {
		return "timeout"
	}
	return "transport"
}
