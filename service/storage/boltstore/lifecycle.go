package boltstore

import (
	"bytes"
	"context"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/crosscheck/crosscheck/service"
)

// Deactivate removes the list's active pointer; its versions stay.
func (s *Store) Deactivate(ctx context.Context, listID string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		active := tx.Bucket(bucketActive)
		if active.Get([]byte(listID)) == nil {
			return fmt.Errorf("deactivate %s: %w", listID, service.ErrNoVersion)
		}
		return active.Delete([]byte(listID))
	})
}

// DeleteVersion removes a version that is not active: its metadata, its
// place in the save order and its entries, in one transaction.
func (s *Store) DeleteVersion(ctx context.Context, listID, version string) error {
	id, ver := []byte(listID), []byte(version)
	err := s.db.Update(func(tx *bolt.Tx) error {
		vb := tx.Bucket(bucketVersions).Bucket(id)
		if vb == nil || vb.Get(ver) == nil {
			return service.ErrNoVersion
		}
		if bytes.Equal(tx.Bucket(bucketActive).Get(id), ver) {
			return service.ErrVersionActive
		}
		if err := vb.Delete(ver); err != nil {
			return err
		}
		if err := deleteOrder(tx.Bucket(bucketOrder).Bucket(id), ver); err != nil {
			return err
		}
		if eb := tx.Bucket(bucketEntries).Bucket(id); eb != nil && eb.Bucket(ver) != nil {
			return eb.DeleteBucket(ver)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete %s version %s: %w", listID, version, err)
	}
	return nil
}

// deleteOrder removes version from a list's save order. The order holds
// one key per saved version, so a scan is cheap.
func deleteOrder(ob *bolt.Bucket, version []byte) error {
	if ob == nil {
		return nil
	}
	c := ob.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if bytes.Equal(v, version) {
			return c.Delete()
		}
	}
	return nil
}

// ListIDs returns the lists that still have a saved version, sorted (bolt
// keeps keys in byte order).
func (s *Store) ListIDs(ctx context.Context) ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		versions := tx.Bucket(bucketVersions)
		return versions.ForEachBucket(func(id []byte) error {
			if k, _ := versions.Bucket(id).Cursor().First(); k != nil {
				out = append(out, string(id))
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read list ids: %w", err)
	}
	return out, nil
}
