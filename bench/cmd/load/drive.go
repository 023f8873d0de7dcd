package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/valyala/fasthttp"
)

// target sends checks to one service.
type target struct {
	client   *fasthttp.Client // when raw is nil
	raw      *net.TCPAddr     // plain http on Linux: each worker has a rawConn
	timeout  time.Duration
	url      string
	token    string
	bodies   [][]byte
	requests [][]byte // for rawConn: each body as a whole HTTP request
	next     atomic.Uint64
}

// newTargetFor sends bodies to the check URL u from up to concurrency
// connections: rawConns if raw is asked for, the URL is plain http and
// this build has them (see rawConn), fasthttp otherwise.
func newTargetFor(u, token string, bodies [][]byte, concurrency int, timeout time.Duration, raw bool) (*target, error) {
	tg := &target{url: u, token: token, bodies: bodies, timeout: timeout}
	parsed, err := url.Parse(u)
	if err != nil {
		return nil, err
	}
	if !raw || !rawTransport || parsed.Scheme != "http" {
		tg.client = newClient(concurrency, timeout)
		return tg, nil
	}
	if tg.raw, err = net.ResolveTCPAddr("tcp", parsed.Host); err != nil {
		return nil, fmt.Errorf("-url %s: %w", u, err)
	}
	head := "POST " + parsed.RequestURI() + " HTTP/1.1\r\nHost: " + parsed.Host + "\r\nContent-Type: application/json\r\n"
	if token != "" {
		head += "Authorization: Bearer " + token + "\r\n"
	}
	for _, b := range bodies {
		tg.requests = append(tg.requests, append([]byte(head+"Content-Length: "+strconv.Itoa(len(b))+"\r\n\r\n"), b...))
	}
	return tg, nil
}

// reserveProcs makes room for concurrency rawConn workers: each keeps
// its P while it waits for the service, so the process needs one P each
// and two more (the progress line, and a spare).
// restore puts the previous setting back.
func (tg *target) reserveProcs(concurrency int) (restore func()) {
	before := runtime.GOMAXPROCS(0)
	if tg.raw != nil {
		runtime.GOMAXPROCS(max(before, concurrency+2))
	}
	return func() { runtime.GOMAXPROCS(before) }
}

// worker is one worker's way to the service.
type worker struct {
	tg   *target
	conn *rawConn // nil: through the shared fasthttp client
}

func (tg *target) worker() *worker {
	w := &worker{tg: tg}
	if tg.raw != nil {
		w.conn = newRawConn(tg.raw, tg.timeout)
	}
	return w
}

func (w *worker) close() {
	if w.conn != nil {
		w.conn.close()
	}
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

// openLoop sends at a fixed rate whatever the service does. Send times are
// fixed in advance (start + i/rate) and latency runs from the intended
// time, so a stalled service is charged for the requests it held back:
// no coordinated omission. concurrency bounds requests in flight; when all
// workers are busy, the next send time waits for one and that wait counts
// as latency. Each free worker takes the next send time itself and sleeps
// until it: a scheduler goroutine handing times to workers over a channel
// cost a cross-thread wake-up per request on top of the timer's.
func openLoop(ctx context.Context, tg *target, st *stats, rate float64, d time.Duration, concurrency int) {
	times := &sendTimes{start: time.Now(), rate: rate, d: d}
	var wg sync.WaitGroup
	for range concurrency {
		wg.Go(func() {
			w := tg.worker()
			defer w.close()
			timer := time.NewTimer(time.Hour)
			defer timer.Stop()
			for {
				at, ok := times.next()
				if !ok || !sleepUntil(ctx, timer, at) {
					return
				}
				w.do(ctx, st, at)
			}
		})
	}
	wg.Wait()
}

// sendTimes hands out the open loop's send times in order, one each.
type sendTimes struct {
	start time.Time
	rate  float64
	d     time.Duration
	taken atomic.Int64
}

// next is the next send time; false once the run's duration is over.
func (t *sendTimes) next() (time.Time, bool) {
	i := t.taken.Add(1) - 1
	offset := time.Duration(float64(i) * float64(time.Second) / t.rate)
	return t.start.Add(offset), offset < t.d
}

// sleepUntil waits for at, if it is still ahead, and reports whether to
// go on. A late wake-up is not made up for by waiting less later: every
// request keeps its own send time, and the late ones go at once.
func sleepUntil(ctx context.Context, timer *time.Timer, at time.Time) bool {
	if wait := time.Until(at); wait > 0 {
		timer.Reset(wait)
		select {
		case <-timer.C:
		case <-ctx.Done():
		}
	}
	return ctx.Err() == nil
}

// closedLoop runs concurrency workers that each send the next request as
// soon as the last one is answered: throughput at saturation.
func closedLoop(ctx context.Context, tg *target, st *stats, d time.Duration, concurrency int) {
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for range concurrency {
		wg.Go(func() {
			w := tg.worker()
			defer w.close()
			for ctx.Err() == nil && time.Now().Before(deadline) {
				w.do(ctx, st, time.Now())
			}
		})
	}
	wg.Wait()
}

// do sends one check and records it. A request cut short by the user's
// interrupt is not recorded: it says nothing about the service.
func (w *worker) do(ctx context.Context, st *stats, intended time.Time) {
	i := int(w.tg.next.Add(1) % uint64(len(w.tg.bodies)))
	sent := time.Now()
	status, decision, err := w.send(i)
	if ctx.Err() != nil {
		return
	}
	done := time.Now()
	st.record(outcome{latency: done.Sub(intended), service: done.Sub(sent), status: status, decision: decision, err: err})
}

// send sends body i and returns the status (or the kind of failure) and
// the decision of a 200 answer. Neither transport has a context: an
// interrupt lets the requests in flight finish (do drops their outcomes),
// within -timeout.
func (w *worker) send(i int) (string, string, error) {
	if w.conn == nil {
		return w.tg.post(w.tg.bodies[i])
	}
	status, body, err := w.conn.roundTrip(w.tg.requests[i])
	if err != nil {
		return errorClass(err), "", err
	}
	var d string
	if status == fasthttp.StatusOK {
		d = decision(body)
	}
	return statusName(status), d, nil
}

// post sends one check through fasthttp.
func (tg *target) post(body []byte) (string, string, error) {
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
	return statusName(resp.StatusCode()), d, nil
}

// statusName is the errors-by-status key of a status code; the usual
// answer's without allocating.
func statusName(code int) string {
	if code == fasthttp.StatusOK {
		return "200"
	}
	return strconv.Itoa(code)
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
				return interned(d[:end])
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

// interned returns the decisions as constants, so that reading one
// allocates nothing; anything else as a new string.
func interned(d []byte) string {
	switch string(d) {
	case "clear":
		return "clear"
	case "review":
		return "review"
	case "hit":
		return "hit"
	}
	return string(d)
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
