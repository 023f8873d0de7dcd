package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/crosscheck/crosscheck/service/audit"
)

// walkBatch is how many records one read transaction of a chain walk
// holds: a long-lived read transaction would stop the forwarder's writes
// from growing the file.
const walkBatch = 1000

// AuditRecord returns the record with the check id.
func (s *Store) AuditRecord(ctx context.Context, checkID string) (audit.Record, error) {
	var r audit.Record
	err := s.db.View(func(tx *bolt.Tx) error {
		ib := tx.Bucket(bucketAuditIDs)
		if ib == nil {
			return audit.ErrNotFound
		}
		ref := ib.Get([]byte(checkID))
		if len(ref) < 9 {
			return audit.ErrNotFound
		}
		chain, seq := string(ref[:len(ref)-9]), binary.BigEndian.Uint64(ref[len(ref)-8:])
		return getRecord(tx, chain, seq, &r)
	})
	return r, err
}

func getRecord(tx *bolt.Tx, chain string, seq uint64, r *audit.Record) error {
	cb := viewChain(tx, chain)
	if cb == nil {
		return audit.ErrNotFound
	}
	data := cb.Bucket(bucketRecs).Get(seqKey(seq))
	if data == nil {
		return audit.ErrNotFound
	}
	if err := json.Unmarshal(data, r); err != nil {
		return fmt.Errorf("decode audit record %s %d: %w", chain, seq, err)
	}
	return nil
}

// AuditRecords scans the time index from the later of after and f.From
// and filters in Go: cost grows with the records in the time window, not
// with the matches.
func (s *Store) AuditRecords(ctx context.Context, f audit.Filter, after *audit.Key, limit int) ([]audit.Record, error) {
	var out []audit.Record
	err := s.db.View(func(tx *bolt.Tx) error {
		tb := tx.Bucket(bucketAuditTime)
		if tb == nil {
			return nil
		}
		c := tb.Cursor()
		start, skip := scanStart(f, after)
		for k, _ := c.Seek(start); k != nil && len(out) < limit; k, _ = c.Next() {
			key := parseTimeKey(k)
			if !f.To.IsZero() && key.Nanos >= f.To.UnixNano() {
				break
			}
			if skip != nil && bytes.Equal(k, skip) {
				continue
			}
			var r audit.Record
			if err := getRecord(tx, key.Chain, key.Seq, &r); err != nil {
				continue // an index entry without its record: skipped, Verify reports the gap
			}
			if f.Match(&r) {
				out = append(out, r)
			}
		}
		return ctx.Err()
	})
	return out, err
}

// scanStart is the first time key to look at, and a key to skip (the
// cursor's own record).
func scanStart(f audit.Filter, after *audit.Key) (start, skip []byte) {
	if after != nil && (f.From.IsZero() || after.Nanos >= f.From.UnixNano()) {
		k := timeKey(*after)
		return k, k
	}
	if !f.From.IsZero() {
		return timeKey(audit.Key{Nanos: f.From.UnixNano()})[:8], nil
	}
	return nil, nil
}

// AuditChains returns the chains in name order.
func (s *Store) AuditChains(ctx context.Context) ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		root := tx.Bucket(bucketAuditChains)
		if root == nil {
			return nil
		}
		return root.ForEachBucket(func(k []byte) error {
			out = append(out, string(k))
			return nil
		})
	})
	return out, err
}

// AuditChain walks the chain in batches, each in its own read
// transaction, and calls fn outside of them.
func (s *Store) AuditChain(ctx context.Context, chain string, from uint64, fn func(audit.Record) error) error {
	for {
		batch, err := s.chainBatch(chain, from)
		if err != nil || len(batch) == 0 {
			return err
		}
		for _, r := range batch {
			if err := fn(r); err != nil {
				return err
			}
		}
		from = batch[len(batch)-1].Seq + 1
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

func (s *Store) chainBatch(chain string, from uint64) ([]audit.Record, error) {
	var out []audit.Record
	err := s.db.View(func(tx *bolt.Tx) error {
		cb := viewChain(tx, chain)
		if cb == nil {
			return nil
		}
		c := cb.Bucket(bucketRecs).Cursor()
		for k, v := c.Seek(seqKey(from)); k != nil && len(out) < walkBatch; k, v = c.Next() {
			var r audit.Record
			if err := json.Unmarshal(v, &r); err != nil {
				// Unreadable: passed on with its seq only, so that Verify
				// reports this record rather than a gap.
				r = audit.Record{Chain: chain, Seq: binary.BigEndian.Uint64(k)}
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// AuditAnchor returns the chain's purge anchor.
func (s *Store) AuditAnchor(ctx context.Context, chain string) (*audit.Anchor, error) {
	var a *audit.Anchor
	err := s.db.View(func(tx *bolt.Tx) error {
		if cb := viewChain(tx, chain); cb != nil {
			a = anchorOf(cb)
		}
		return nil
	})
	return a, err
}

// AuditHead returns the chain's last record's seq and Mac.
func (s *Store) AuditHead(ctx context.Context, chain string) (seq uint64, mac string, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		cb := viewChain(tx, chain)
		if cb == nil {
			return nil
		}
		if k, v := cb.Bucket(bucketRecs).Cursor().Last(); k != nil {
			var r audit.Record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode audit record %s %d: %w", chain, binary.BigEndian.Uint64(k), err)
			}
			seq, mac = r.Seq, r.Mac
		} else if a := anchorOf(cb); a != nil {
			seq, mac = a.Seq-1, a.Prev
		}
		return nil
	})
	return seq, mac, err
}
