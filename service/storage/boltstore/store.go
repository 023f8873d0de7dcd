// Package boltstore is the embedded list store: one bbolt file in the data
// directory, no server needed. It is the default for a single node.
package boltstore

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

var (
	bucketVersions = []byte("versions") // list id → version → ListVersion JSON
	bucketActive   = []byte("active")   // list id → version
	bucketEntries  = []byte("entries")  // list id → version → seq → Entry JSON
	// bucketOrder keeps save order: version ids sort by load time only to
	// the millisecond, and not at all if the clock steps back.
	bucketOrder = []byte("order") // list id → seq → version
)

// Store is a service.ListStore in a bbolt file.
type Store struct {
	db *bolt.DB
}

var _ service.ListStore = (*Store)(nil)

// Open opens (or creates) the store file crosscheck.db in dir.
func Open(dir string) (*Store, error) {
	db, err := bolt.Open(filepath.Join(dir, "crosscheck.db"), 0o600, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("open embedded store in %s: %w", dir, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketVersions, bucketActive, bucketEntries, bucketOrder} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return backfillOrder(tx)
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("prepare embedded store: %w", err)
	}
	return &Store{db: db}, nil
}

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

// SaveVersion writes the version and its entries in one transaction: a
// crash leaves either the whole version or nothing.
func (s *Store) SaveVersion(ctx context.Context, v service.ListVersion, entries []matcher.Entry) error {
	meta, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		vb, err := nested(tx.Bucket(bucketVersions), v.ListID)
		if err != nil {
			return err
		}
		if vb.Get([]byte(v.Version)) != nil {
			return fmt.Errorf("save list %s version %s: %w", v.ListID, v.Version, service.ErrVersionExists)
		}
		if err := vb.Put([]byte(v.Version), meta); err != nil {
			return err
		}
		if err := appendOrder(tx, v.ListID, []byte(v.Version)); err != nil {
			return err
		}
		return putEntries(tx, v, entries)
	})
}

func putEntries(tx *bolt.Tx, v service.ListVersion, entries []matcher.Entry) error {
	lb, err := nested(tx.Bucket(bucketEntries), v.ListID)
	if err != nil {
		return err
	}
	eb, err := nested(lb, v.Version)
	if err != nil {
		return err
	}
	var key [8]byte
	for i := range entries {
		data, err := json.Marshal(&entries[i])
		if err != nil {
			return fmt.Errorf("encode entry %s: %w", entries[i].ID, err)
		}
		binary.BigEndian.PutUint64(key[:], uint64(i))
		if err := eb.Put(key[:], data); err != nil {
			return err
		}
	}
	return nil
}

func nested(b *bolt.Bucket, name string) (*bolt.Bucket, error) {
	return b.CreateBucketIfNotExists([]byte(name))
}

// Activate points the list at a saved version.
func (s *Store) Activate(ctx context.Context, listID, version string) error {
	return s.activate(listID, version, nil)
}

// ActivateIf activates a version while the list's active version is still
// expected; the check and the move are one transaction.
func (s *Store) ActivateIf(ctx context.Context, listID, version, expected string) error {
	return s.activate(listID, version, &expected)
}

func (s *Store) activate(listID, version string, expected *string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		vb := tx.Bucket(bucketVersions).Bucket([]byte(listID))
		if vb == nil || vb.Get([]byte(version)) == nil {
			return fmt.Errorf("activate %s %s: %w", listID, version, service.ErrNoVersion)
		}
		active := tx.Bucket(bucketActive)
		if expected != nil && string(active.Get([]byte(listID))) != *expected {
			return fmt.Errorf("activate %s %s: %w", listID, version, service.ErrActiveChanged)
		}
		return active.Put([]byte(listID), []byte(version))
	})
}

// Active returns the active version of every list, by list id.
func (s *Store) Active(ctx context.Context) ([]service.ListVersion, error) {
	var out []service.ListVersion
	err := s.db.View(func(tx *bolt.Tx) error {
		versions := tx.Bucket(bucketVersions)
		return tx.Bucket(bucketActive).ForEach(func(id, ver []byte) error {
			var v service.ListVersion
			if err := json.Unmarshal(versions.Bucket(id).Get(ver), &v); err != nil {
				return fmt.Errorf("read version %s %s: %w", id, ver, err)
			}
			out = append(out, v)
			return nil
		})
	})
	return out, err
}

// Versions returns the saved versions of a list, oldest (first saved)
// first.
func (s *Store) Versions(ctx context.Context, listID string) ([]service.ListVersion, error) {
	var out []service.ListVersion
	err := s.db.View(func(tx *bolt.Tx) error {
		ob := tx.Bucket(bucketOrder).Bucket([]byte(listID))
		if ob == nil {
			return nil
		}
		vb := tx.Bucket(bucketVersions).Bucket([]byte(listID))
		return ob.ForEach(func(_, ver []byte) error {
			var v service.ListVersion
			if err := json.Unmarshal(vb.Get(ver), &v); err != nil {
				return fmt.Errorf("read version %s %s: %w", listID, ver, err)
			}
			out = append(out, v)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read versions of %s: %w", listID, err)
	}
	return out, nil
}

// Entries returns a saved version's entries in their saved order.
func (s *Store) Entries(ctx context.Context, listID, version string) ([]matcher.Entry, error) {
	var out []matcher.Entry
	err := s.db.View(func(tx *bolt.Tx) error {
		lb := tx.Bucket(bucketEntries).Bucket([]byte(listID))
		if lb == nil || lb.Bucket([]byte(version)) == nil {
			return fmt.Errorf("entries of %s %s: %w", listID, version, service.ErrNoVersion)
		}
		return lb.Bucket([]byte(version)).ForEach(func(_, data []byte) error {
			var e matcher.Entry
			if err := json.Unmarshal(data, &e); err != nil {
				return err
			}
			out = append(out, e)
			return nil
		})
	})
	if err != nil && !errors.Is(err, service.ErrNoVersion) {
		return nil, fmt.Errorf("read entries of %s %s: %w", listID, version, err)
	}
	return out, err
}
