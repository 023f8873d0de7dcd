package audit

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck/service"
)

// Get returns the record with the check id.
func (l *Log) Get(ctx context.Context, checkID string) (Record, error) {
	r, err := l.o.Store.AuditRecord(ctx, checkID)
	switch {
	case errors.Is(err, ErrNotFound):
		return Record{}, service.Errorf(service.CodeNotFound, "no audit record with check id %s", checkID)
	case err != nil:
		return Record{}, unavailable(err)
	}
	return r, nil
}

// Query returns one page of the records that match f, oldest first, and
// the cursor of the next page ("" on the last page). limit 0 means
// DefaultLimit; more than MaxLimit is invalid.
func (l *Log) Query(ctx context.Context, f Filter, cursor string, limit int) ([]Record, string, error) {
	limit, err := pageSize(limit)
	if err != nil {
		return nil, "", err
	}
	after, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return nil, "", service.Errorf(service.CodeInvalid, "from: must be before to")
	}
	// One more than asked says whether there is a next page.
	recs, err := l.o.Store.AuditRecords(ctx, f, after, limit+1)
	if err != nil {
		return nil, "", unavailable(err)
	}
	if len(recs) <= limit {
		return recs, "", nil
	}
	recs = recs[:limit]
	return recs, encodeCursor(recs[limit-1].Key()), nil
}

// Purge deletes the records older than before from the start of every
// chain and leaves a MACed anchor in their place, so that Verify still
// holds. A chain is cut at its first record not older than before: a
// record with an earlier time after it (a clock step) stays. The caller
// audits the purge itself as an admin action.
func (l *Log) Purge(ctx context.Context, before time.Time) (int, error) {
	chains, err := l.o.Store.AuditChains(ctx)
	if err != nil {
		return 0, unavailable(err)
	}
	total := 0
	for _, c := range chains {
		n, err := l.purgeChain(ctx, c, before)
		total += n
		if err != nil {
			return total, unavailable(fmt.Errorf("purge chain %s: %w", c, err))
		}
	}
	return total, nil
}

func (l *Log) purgeChain(ctx context.Context, chain string, before time.Time) (int, error) {
	from := uint64(1)
	if a, err := l.o.Store.AuditAnchor(ctx, chain); err != nil {
		return 0, err
	} else if a != nil {
		from = a.Seq
	}
	var last *Record
	err := l.o.Store.AuditChain(ctx, chain, from, func(r Record) error {
		if !r.Time.Before(before) {
			return errStop
		}
		last = &r
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return 0, err
	}
	if last == nil {
		return 0, nil
	}
	a := Anchor{Chain: chain, Seq: last.Seq + 1, Prev: last.Mac, Before: before.UTC(), Time: l.o.Now().UTC()}
	a.seal(l.o.Key)
	return l.o.Store.PurgeAudit(ctx, a)
}
