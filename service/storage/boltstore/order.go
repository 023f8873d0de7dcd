package boltstore

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// appendOrder records that version was saved after every version the list
// already has.
func appendOrder(tx *bolt.Tx, listID string, version []byte) error {
	ob, err := nested(tx.Bucket(bucketOrder), listID)
	if err != nil {
		return err
	}
	seq, err := ob.NextSequence()
	if err != nil {
		return err
	}
	var key [8]byte
	binary.BigEndian.PutUint64(key[:], seq)
	return ob.Put(key[:], version)
}

// backfillOrder gives lists saved before the order bucket existed their
// save order, taken from the version ids as the store used to sort them.
// Lists that have an order already are left alone, so this runs once.
func backfillOrder(tx *bolt.Tx) error {
	return tx.Bucket(bucketVersions).ForEachBucket(func(listID []byte) error {
		if tx.Bucket(bucketOrder).Bucket(listID) != nil {
			return nil
		}
		return tx.Bucket(bucketVersions).Bucket(listID).ForEach(func(ver, _ []byte) error {
			return appendOrder(tx, string(listID), ver)
		})
	})
}
