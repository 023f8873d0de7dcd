package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// target sends checks to one service.
type target struct {
	client *http.Client
	url    string
	token  string
	bodies [][]byte
	next   atomic.Uint64
}

func newClient(concurrency int, timeout time.Duration) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	// One idle connection per worker, so no request waits for a dial or
	// closes a connection another worker could have reused.
	tr.MaxIdleConns = concurrency
	tr.MaxIdleConnsPerHost = concurrency
	tr.IdleConnTimeout = 90 * time.Second
	tr.DisableCompression = true
	return &http.Client{Transport: tr, Timeout: timeout}
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

func (tg *target) post(ctx context.Context, body []byte) (string, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tg.url, bytes.NewReader(body))
	if err != nil {
		return "", "", err
	}
	req.Header.Set("Content-Type", "application/json")
	if tg.token != "" {
		req.Header.Set("Authorization", "Bearer "+tg.token)
	}
	resp, err := tg.client.Do(req)
	if err != nil {
		return errorClass(err), "", err
	}
	defer resp.Body.Close()
	// Read to the end so the connection goes back to the pool.
	b, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return errorClass(err), "", err
	}
	var r struct {
		Decision string `json:"decision"`
	}
	if resp.StatusCode == http.StatusOK {
		_ = json.Unmarshal(b, &r)
	}
	return strconv.Itoa(resp.StatusCode), r.Decision, nil
}

// errorClass names a transport failure for the errors-by-status table.
func errorClass(err error) string {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timeout"
	}
	return "transport"
}
