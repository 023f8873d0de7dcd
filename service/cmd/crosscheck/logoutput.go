package main

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"time"
)

// The service's log goes out in batches: lines collect in memory and are
// written every logFlushEvery, when logBufferSize fills up, at once for a
// warning or an error (with everything before it, in order), and at
// shutdown. Written line by line, the access log cost one write syscall
// per request, more than the rest of the log line's work (perf of the
// scenario: about 1% of the service's CPU, plus the wake-ups of the
// runtime's monitor that a syscall per request keeps at its fastest).
// What a crash loses is at most logFlushEvery of info and debug lines; a
// panic's own report goes to standard error directly, as before.
const (
	logFlushEvery = 100 * time.Millisecond
	logBufferSize = 64 << 10
)

// logOutput is the buffered writer the log handler writes to. A write
// error is not reported back to slog (it has nowhere to go), as with the
// unbuffered writer whose errors slog dropped.
type logOutput struct {
	mu  sync.Mutex
	w   io.Writer
	buf []byte
}

func newLogOutput(w io.Writer) *logOutput {
	return &logOutput{w: w, buf: make([]byte, 0, logBufferSize)}
}

// Write keeps p (one log line, from slog) for the next flush.
func (o *logOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.buf)+len(p) > logBufferSize {
		o.flushLocked()
	}
	if len(p) > logBufferSize {
		return o.w.Write(p)
	}
	o.buf = append(o.buf, p...)
	return len(p), nil
}

// Flush writes out what has collected.
func (o *logOutput) Flush() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
}

func (o *logOutput) flushLocked() {
	if len(o.buf) > 0 {
		_, _ = o.w.Write(o.buf)
		o.buf = o.buf[:0]
	}
}

// start flushes every logFlushEvery until the returned stop is called;
// stop flushes once more and returns when the flusher has ended.
func (o *logOutput) start() (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(logFlushEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				o.Flush()
			}
		}
	}()
	return func() {
		cancel()
		<-done
		o.Flush()
	}
}

// flushOnWarning writes a warning or an error, and the lines before it,
// out at once: those are read when something goes wrong, possibly just
// before the process ends.
type flushOnWarning struct {
	slog.Handler
	out *logOutput
}

func (h flushOnWarning) Handle(ctx context.Context, r slog.Record) error {
	err := h.Handler.Handle(ctx, r)
	if r.Level >= slog.LevelWarn {
		h.out.Flush()
	}
	return err
}

func (h flushOnWarning) WithAttrs(attrs []slog.Attr) slog.Handler {
	return flushOnWarning{h.Handler.WithAttrs(attrs), h.out}
}

func (h flushOnWarning) WithGroup(name string) slog.Handler {
	return flushOnWarning{h.Handler.WithGroup(name), h.out}
}
