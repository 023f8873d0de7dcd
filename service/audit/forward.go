package audit

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

const (
	batchMax   = 256 // records per PutAudit
	minBackoff = 50 * time.Millisecond
	maxBackoff = 2 * time.Second
	idleCheck  = time.Second // forwards even if a wake-up was missed
	// gather is how long the forwarder lets records collect after a
	// batch that was not full. Each batch costs a store round trip and a
	// head file write with fsync; sent as they came, at a few thousand
	// checks a second that was most of the forwarder's CPU (head writes
	// alone a third of it, 12 µs a check in BenchmarkServiceCheck). A
	// record becomes visible to queries at most this much later; a check
	// never waits for the forwarder.
	gather = 10 * time.Millisecond
)

// Start runs the forwarder (and, with SyncInterval, the syncer) until ctx
// ends or Close. Calling it again does nothing.
func (l *Log) Start(ctx context.Context) {
	l.run.Lock()
	defer l.run.Unlock()
	if l.done != nil || l.isClosed() {
		return
	}
	ctx, l.cancel = context.WithCancel(ctx)
	l.done = make(chan struct{})
	go func() {
		defer close(l.done)
		var wg sync.WaitGroup
		if l.o.Sync == SyncInterval {
			wg.Go(func() { l.syncEvery(ctx) })
		}
		l.pump(ctx, false)
		wg.Wait()
	}()
}

// Close stops appends, stops the forwarder, forwards what is left for up
// to DrainTimeout and closes the spool. Records the store did not take
// stay in the spool for the next start; the error says how many.
func (l *Log) Close() error {
	l.mu.Lock()
	already := l.closed
	l.closed = true
	l.mu.Unlock()
	if already {
		return nil
	}
	l.run.Lock()
	if l.cancel != nil {
		l.cancel()
		<-l.done
	}
	l.run.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), l.o.DrainTimeout)
	defer cancel()
	l.pump(ctx, true)
	err := l.sp.close()
	if n := l.SpoolDepth(); n > 0 {
		err = errors.Join(err, fmt.Errorf("audit: %d records of chain %s stay in the spool until the next start", n, l.o.Chain))
	}
	return err
}

func (l *Log) isClosed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.closed
}

// pump forwards batches until ctx ends; with drain it also returns once
// nothing is left. A failing store is retried with backoff, in order: a
// later record never overtakes an earlier one.
func (l *Log) pump(ctx context.Context, drain bool) {
	backoff := minBackoff
	for ctx.Err() == nil {
		read, progressed, err := l.forwardBatch(ctx)
		switch {
		case err != nil:
			if ctx.Err() == nil {
				l.o.Logger.Warn("audit: store unavailable; records stay in the spool", "chain", l.o.Chain, "depth", l.SpoolDepth(), "err", err)
			}
			sleep(ctx, backoff)
			backoff = min(2*backoff, maxBackoff)
		case progressed:
			backoff = minBackoff
			if read < batchMax && !drain {
				sleep(ctx, gather)
			}
		case drain:
			return
		default:
			l.idle(ctx)
		}
	}
}

func (l *Log) idle(ctx context.Context) {
	t := time.NewTimer(idleCheck)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-l.wake:
	case <-t.C:
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// forwardBatch moves the next batch from the spool to the store and
// says how many records it read. Records the store holds already are
// skipped; PutAudit is idempotent anyway, so a batch sent again after a
// lost reply does no harm.
func (l *Log) forwardBatch(ctx context.Context) (read int, progressed bool, err error) {
	recs, next, skipped, err := l.sp.read(l.lines, l.readPos, batchMax)
	if err != nil {
		return 0, false, fmt.Errorf("read spool: %w", err)
	}
	read = len(recs)
	if skipped > 0 {
		l.o.Logger.Error("audit: spool lines do not parse; skipped", "chain", l.o.Chain, "lines", skipped)
	}
	progressed = next != l.readPos
	stored := l.stored.Load()
	for len(recs) > 0 && recs[0].Seq <= stored {
		recs = recs[1:]
	}
	if len(recs) > 0 {
		if err := l.o.Store.PutAudit(ctx, recs); err != nil {
			return 0, false, err
		}
		l.acknowledged(recs[len(recs)-1])
	}
	l.readPos = next
	return read, progressed, nil
}

// acknowledged records that the store holds everything up to r: the head
// file moves forward (never back) and fully stored segments go.
func (l *Log) acknowledged(r Record) {
	if r.Seq > l.headSeq {
		h := head{Chain: l.o.Chain, Seq: r.Seq, Mac: r.Mac, Time: l.o.Now().UTC()}
		if err := writeHead(l.o.Dir, l.o.Key, h, l.o.Sync != SyncNever); err != nil {
			l.o.Logger.Error("audit: head file not written", "chain", l.o.Chain, "seq", r.Seq, "err", err)
		} else {
			l.headSeq = r.Seq
		}
	}
	// Published after the head: an empty spool means the head is written.
	l.stored.Store(r.Seq)
	if err := l.sp.release(r.Seq); err != nil {
		l.o.Logger.Error("audit: spool segment not removed", "chain", l.o.Chain, "err", err)
	}
}

func (l *Log) syncEvery(ctx context.Context) {
	t := time.NewTicker(l.o.SyncInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := l.sp.syncTo(l.sp.writtenBytes()); err != nil {
				l.o.Logger.Error("audit: spool sync failed", "chain", l.o.Chain, "err", err)
			}
		}
	}
}
