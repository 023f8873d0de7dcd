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

// The audit buckets, created by the first write so that Open stays as it
// was:
//
//	audit_chains / CHAIN / recs   seq (8 bytes) → Record JSON
//	audit_chains / CHAIN  anchor  → Anchor JSON
//	audit_time    time (8) CHAIN 0x00 seq (8) → empty: query order
//	audit_ids     check id → CHAIN 0x00 seq (8)
var (
	bucketAuditChains = []byte("audit_chains")
	bucketAuditTime   = []byte("audit_time")
	bucketAuditIDs    = []byte("audit_ids")
	keyAnchor         = []byte("anchor")
	bucketRecs        = []byte("recs")
)

var _ audit.Store = (*Store)(nil)

func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

// timeKey sorts by time, chain, seq. The sign bit is flipped so that
// times before 1970 still sort first.
func timeKey(k audit.Key) []byte {
	b := binary.BigEndian.AppendUint64(nil, uint64(k.Nanos)^(1<<63))
	b = append(append(b, k.Chain...), 0)
	return binary.BigEndian.AppendUint64(b, k.Seq)
}

func parseTimeKey(b []byte) audit.Key {
	return audit.Key{
		Nanos: int64(binary.BigEndian.Uint64(b[:8]) ^ (1 << 63)),
		Chain: string(b[8 : len(b)-9]),
		Seq:   binary.BigEndian.Uint64(b[len(b)-8:]),
	}
}

func idValue(chain string, seq uint64) []byte {
	return binary.BigEndian.AppendUint64(append([]byte(chain), 0), seq)
}

// PutAudit stores the records in one transaction: the batch is there
// whole or not at all.
func (s *Store) PutAudit(ctx context.Context, recs []audit.Record) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		for i := range recs {
			if err := putRecord(tx, &recs[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store audit records: %w", err)
	}
	return nil
}

func putRecord(tx *bolt.Tx, r *audit.Record) error {
	cb, err := auditChainBucket(tx, r.Chain)
	if err != nil {
		return err
	}
	if a := anchorOf(cb); a != nil && r.Seq < a.Seq {
		return nil // purged already: a late resend must not bring it back
	}
	data, err := r.JSON()
	if err != nil {
		return err
	}
	recs := cb.Bucket(bucketRecs)
	switch old := recs.Get(seqKey(r.Seq)); {
	case old != nil && !bytes.Equal(old, data):
		return fmt.Errorf("chain %s seq %d: %w", r.Chain, r.Seq, audit.ErrConflict)
	case old != nil:
		return nil
	}
	return putIndexed(tx, recs, r, data)
}

func putIndexed(tx *bolt.Tx, recs *bolt.Bucket, r *audit.Record, data []byte) error {
	if err := recs.Put(seqKey(r.Seq), data); err != nil {
		return err
	}
	tb, err := tx.CreateBucketIfNotExists(bucketAuditTime)
	if err != nil {
		return err
	}
	if err := tb.Put(timeKey(r.Key()), nil); err != nil {
		return err
	}
	ib, err := tx.CreateBucketIfNotExists(bucketAuditIDs)
	if err != nil {
		return err
	}
	return ib.Put([]byte(r.CheckID), idValue(r.Chain, r.Seq))
}

// auditChainBucket returns the bucket of chain, creating it and its recs.
func auditChainBucket(tx *bolt.Tx, chain string) (*bolt.Bucket, error) {
	root, err := tx.CreateBucketIfNotExists(bucketAuditChains)
	if err != nil {
		return nil, err
	}
	cb, err := root.CreateBucketIfNotExists([]byte(chain))
	if err != nil {
		return nil, err
	}
	_, err = cb.CreateBucketIfNotExists(bucketRecs)
	return cb, err
}

// viewChain returns the bucket of chain in a read transaction, nil if
// the chain has never been written.
func viewChain(tx *bolt.Tx, chain string) *bolt.Bucket {
	if root := tx.Bucket(bucketAuditChains); root != nil {
		return root.Bucket([]byte(chain))
	}
	return nil
}

func anchorOf(cb *bolt.Bucket) *audit.Anchor {
	data := cb.Get(keyAnchor)
	if data == nil {
		return nil
	}
	var a audit.Anchor
	if json.Unmarshal(data, &a) != nil {
		// A damaged anchor reads as one with an empty MAC, which Verify
		// reports, rather than as no anchor, which would hide the cut.
		return &audit.Anchor{Seq: 1}
	}
	return &a
}

// PurgeAudit stores the anchor and deletes the records below it, with
// their index entries, in one transaction.
func (s *Store) PurgeAudit(ctx context.Context, a audit.Anchor) (int, error) {
	n := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		cb, err := auditChainBucket(tx, a.Chain)
		if err != nil {
			return err
		}
		if old := anchorOf(cb); old != nil && old.Seq >= a.Seq {
			return nil
		}
		data, _ := json.Marshal(a)
		if err := cb.Put(keyAnchor, data); err != nil {
			return err
		}
		n, err = deleteBelow(tx, cb.Bucket(bucketRecs), a.Seq)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("purge audit chain %s: %w", a.Chain, err)
	}
	return n, nil
}

func deleteBelow(tx *bolt.Tx, recs *bolt.Bucket, seq uint64) (int, error) {
	n := 0
	c := recs.Cursor()
	// First again after each delete: a bolt cursor skips an item after
	// Delete.
	for k, v := c.First(); k != nil && binary.BigEndian.Uint64(k) < seq; k, v = c.First() {
		if err := deleteRecord(tx, recs, k, v); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// deleteRecord removes a record and its index entries.
func deleteRecord(tx *bolt.Tx, recs *bolt.Bucket, k, v []byte) error {
	var r audit.Record
	if err := json.Unmarshal(v, &r); err == nil {
		if tb := tx.Bucket(bucketAuditTime); tb != nil {
			if err := tb.Delete(timeKey(r.Key())); err != nil {
				return fmt.Errorf("delete time index of record %x: %w", k, err)
			}
		}
		if ib := tx.Bucket(bucketAuditIDs); ib != nil {
			if err := ib.Delete([]byte(r.CheckID)); err != nil {
				return fmt.Errorf("delete check id index of record %x: %w", k, err)
			}
		}
	}
	return recs.Delete(k)
}
