package boltstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/crosscheck/crosscheck/service/auth"
)

// The tokens bucket is created by the first CreateToken, not by Open:
// a store file that never held a token stays as it was, and reads treat a
// missing bucket as no tokens.
var (
	bucketTokens = []byte("tokens")
	tokensByID   = []byte("by_id")   // token id → auth.Record JSON
	tokensByHash = []byte("by_hash") // secret hash (32 bytes) → token id
	tokensByName = []byte("by_name") // name → id, live tokens only
)

var _ auth.Store = (*Store)(nil)

// tokenBuckets are the three sub-buckets of bucketTokens.
type tokenBuckets struct{ byID, byHash, byName *bolt.Bucket }

// CreateToken implements auth.Store; bbolt's single writer makes the
// checks and the writes one step.
func (s *Store) CreateToken(ctx context.Context, rec auth.Record) error {
	data, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("create token %s: %w", rec.ID, err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b, err := createTokenBuckets(tx)
		if err != nil {
			return err
		}
		if b.byID.Get([]byte(rec.ID)) != nil || b.byHash.Get(rec.Hash[:]) != nil ||
			!rec.Revoked() && b.byName.Get([]byte(rec.Name)) != nil {
			return auth.ErrTokenExists
		}
		return putToken(b, rec, data)
	})
	if err != nil {
		return fmt.Errorf("create token %s: %w", rec.ID, err)
	}
	return nil
}

func putToken(b tokenBuckets, rec auth.Record, data []byte) error {
	if err := b.byID.Put([]byte(rec.ID), data); err != nil {
		return err
	}
	if err := b.byHash.Put(rec.Hash[:], []byte(rec.ID)); err != nil {
		return err
	}
	if rec.Revoked() {
		return nil
	}
	return b.byName.Put([]byte(rec.Name), []byte(rec.ID))
}

func createTokenBuckets(tx *bolt.Tx) (tokenBuckets, error) {
	root, err := tx.CreateBucketIfNotExists(bucketTokens)
	if err != nil {
		return tokenBuckets{}, err
	}
	var b tokenBuckets
	for _, nb := range []struct {
		dst  **bolt.Bucket
		name []byte
	}{{&b.byID, tokensByID}, {&b.byHash, tokensByHash}, {&b.byName, tokensByName}} {
		if *nb.dst, err = root.CreateBucketIfNotExists(nb.name); err != nil {
			return tokenBuckets{}, err
		}
	}
	return b, nil
}

// tokenBucketsOf returns the buckets in a read or write transaction, ok
// false when no token was ever created.
func tokenBucketsOf(tx *bolt.Tx) (tokenBuckets, bool) {
	root := tx.Bucket(bucketTokens)
	if root == nil {
		return tokenBuckets{}, false
	}
	return tokenBuckets{root.Bucket(tokensByID), root.Bucket(tokensByHash), root.Bucket(tokensByName)}, true
}

// RevokeToken implements auth.Store.
func (s *Store) RevokeToken(ctx context.Context, id string, at time.Time) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, ok := tokenBucketsOf(tx)
		if !ok || b.byID.Get([]byte(id)) == nil {
			return auth.ErrTokenNotFound
		}
		rec, err := decodeToken(b.byID.Get([]byte(id)))
		if err != nil || rec.Revoked() {
			return err
		}
		rec.RevokedAt = at
		data, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		if err := b.byID.Put([]byte(id), data); err != nil {
			return err
		}
		return b.byName.Delete([]byte(rec.Name))
	})
	if err != nil {
		return fmt.Errorf("revoke token %s: %w", id, err)
	}
	return nil
}

// Tokens implements auth.Store; records come in id order.
func (s *Store) Tokens(ctx context.Context) ([]auth.Record, error) {
	var out []auth.Record
	err := s.db.View(func(tx *bolt.Tx) error {
		b, ok := tokenBucketsOf(tx)
		if !ok {
			return nil
		}
		return b.byID.ForEach(func(_, data []byte) error {
			rec, err := decodeToken(data)
			out = append(out, rec)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read tokens: %w", err)
	}
	return out, nil
}

// TokenByHash implements auth.Store.
func (s *Store) TokenByHash(ctx context.Context, h auth.Hash) (auth.Record, error) {
	var rec auth.Record
	err := s.db.View(func(tx *bolt.Tx) error {
		b, ok := tokenBucketsOf(tx)
		if !ok {
			return auth.ErrTokenNotFound
		}
		id := b.byHash.Get(h[:])
		if id == nil {
			return auth.ErrTokenNotFound
		}
		var err error
		rec, err = decodeToken(b.byID.Get(id))
		return err
	})
	return rec, err
}

func decodeToken(data []byte) (auth.Record, error) {
	var rec auth.Record
	if err := json.Unmarshal(data, &rec); err != nil {
		return auth.Record{}, fmt.Errorf("decode token: %w", err)
	}
	return rec, nil
}
