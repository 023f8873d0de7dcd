package audit

import (
	"context"
	"time"

	"github.com/crosscheck/crosscheck/service"
)

// storeHeadTimeout bounds the store look-up at Open: a store that is down
// must not hold up the start when local state is enough.
const storeHeadTimeout = 3 * time.Second

// recover sets the chain position (seq, prev) and what the store holds
// (stored). The spool's last record is the newest truth about the chain;
// the head file tells what the store acknowledged; the store itself wins
// when it is ahead (a spool lost with SyncNever) and is believed about
// what it holds, so that records it lost are sent again from the spool.
func (l *Log) recover(ctx context.Context, last *Record) error {
	h, found := l.localHead()
	if found {
		l.seq, l.prev = h.Seq, h.Mac
		l.stored.Store(h.Seq)
		l.headSeq = h.Seq
	}
	if last != nil && last.Seq >= l.seq {
		l.seq, l.prev = last.Seq, last.Mac
	}
	ctx, cancel := context.WithTimeout(ctx, storeHeadTimeout)
	defer cancel()
	sSeq, sMac, err := l.o.Store.AuditHead(ctx, l.o.Chain)
	switch {
	case err != nil && last == nil && !found:
		// Starting at seq 1 could fork a chain the store already holds.
		return service.Wrap(service.CodeUnavailable, err, "audit store unreachable and no local chain state")
	case err != nil:
		l.o.Logger.Warn("audit: store unreachable at open; continuing from local state", "chain", l.o.Chain, "seq", l.seq, "err", err)
	case sSeq > l.seq:
		l.o.Logger.Warn("audit: store is ahead of local state; continuing from the store", "chain", l.o.Chain, "local_seq", l.seq, "store_seq", sSeq)
		l.seq, l.prev = sSeq, sMac
		l.stored.Store(sSeq)
	default:
		l.stored.Store(sSeq)
	}
	l.last.Store(l.seq)
	return nil
}

// localHead reads this chain's head file; a file that is unreadable or
// fails its MAC is ignored here (Verify reports it).
func (l *Log) localHead() (head, bool) {
	h, found, err := readHead(l.o.Dir, l.o.Chain)
	switch {
	case err != nil:
		l.o.Logger.Error("audit: head file unreadable; ignored", "chain", l.o.Chain, "err", err)
		return head{}, false
	case found && !h.valid(l.o.Key):
		l.o.Logger.Error("audit: head file fails its MAC; ignored", "chain", l.o.Chain)
		return head{}, false
	}
	return h, found
}
