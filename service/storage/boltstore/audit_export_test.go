package boltstore

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// AlterAuditRecord rewrites a stored record in place, bypassing the store,
// for the tamper tests.
func AlterAuditRecord(s *Store, chain string, seq uint64, edit func([]byte) []byte) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		cb := viewChain(tx, chain)
		if cb == nil || cb.Bucket(bucketRecs).Get(seqKey(seq)) == nil {
			return fmt.Errorf("no record %s %d", chain, seq)
		}
		recs := cb.Bucket(bucketRecs)
		return recs.Put(seqKey(seq), edit(append([]byte(nil), recs.Get(seqKey(seq))...)))
	})
}

// DeleteAuditRecord removes a record and its index entries, as someone
// with write access to the file could.
func DeleteAuditRecord(s *Store, chain string, seq uint64) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		recs := viewChain(tx, chain).Bucket(bucketRecs)
		k := binary.BigEndian.AppendUint64(nil, seq)
		return deleteRecord(tx, recs, k, recs.Get(k))
	})
}
