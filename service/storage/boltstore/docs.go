package boltstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

// Documents lists (service.DocumentStore) keep their records in their own
// buckets, made on first use:
//
//	documents   list id → version → normalised number → encoded records
//	docfilters  list id → version → the marshalled Bloom filter
var (
	bucketDocuments  = []byte("documents")
	bucketDocFilters = []byte("docfilters")
)

var _ service.DocumentStore = (*Store)(nil)

// PutDocuments writes a batch in one transaction, in number order: bbolt
// writes sorted keys into its B+tree with fewer page splits.
func (s *Store) PutDocuments(ctx context.Context, set service.DocumentSet, records []matcher.Entry) error {
	type kv struct {
		number string
		value  []byte
	}
	var rows []kv
	err := service.EachDocumentGroup(records, func(n string, group []matcher.Entry) error {
		rows = append(rows, kv{n, service.EncodeDocuments(n, group)})
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(rows, func(a, b kv) int { return strings.Compare(a.number, b.number) })
	err = s.db.Update(func(tx *bolt.Tx) error {
		b, err := versionBucket(tx, bucketDocuments, set.ListID, set.Version)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := b.Put([]byte(r.number), r.value); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("put documents of %s %s: %w", set.ListID, set.Version, err)
	}
	return nil
}

// versionBucket returns (making it if needed) top → list id → version.
func versionBucket(tx *bolt.Tx, top []byte, listID, version string) (*bolt.Bucket, error) {
	b, err := tx.CreateBucketIfNotExists(top)
	if err != nil {
		return nil, err
	}
	if b, err = nested(b, listID); err != nil {
		return nil, err
	}
	return nested(b, version)
}

// existingVersionBucket returns top → list id → version, or nil.
func existingVersionBucket(tx *bolt.Tx, top []byte, listID, version string) *bolt.Bucket {
	b := tx.Bucket(top)
	if b != nil {
		b = b.Bucket([]byte(listID))
	}
	if b != nil {
		b = b.Bucket([]byte(version))
	}
	return b
}

// LookupDocuments reads every number in one read transaction.
func (s *Store) LookupDocuments(ctx context.Context, listID, version string, numbers []string) (map[string][]matcher.Entry, error) {
	out := make(map[string][]matcher.Entry, len(numbers))
	err := s.db.View(func(tx *bolt.Tx) error {
		b := existingVersionBucket(tx, bucketDocuments, listID, version)
		if b == nil {
			return service.ErrNoVersion
		}
		for _, n := range numbers {
			data := b.Get([]byte(n))
			if data == nil {
				continue
			}
			entries, err := service.DecodeDocuments(n, data)
			if err != nil {
				return err
			}
			out[n] = entries
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("look up documents of %s %s: %w", listID, version, err)
	}
	return out, nil
}

// SaveDocumentFilter stores the filter as one value.
func (s *Store) SaveDocumentFilter(ctx context.Context, listID, version string, filter []byte) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketDocFilters)
		if err != nil {
			return err
		}
		if b, err = nested(b, listID); err != nil {
			return err
		}
		return b.Put([]byte(version), filter)
	})
	if err != nil {
		return fmt.Errorf("save document filter of %s %s: %w", listID, version, err)
	}
	return nil
}

// DocumentFilter reads the filter.
func (s *Store) DocumentFilter(ctx context.Context, listID, version string) ([]byte, error) {
	var out []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDocFilters)
		if b != nil {
			b = b.Bucket([]byte(listID))
		}
		if b == nil || b.Get([]byte(version)) == nil {
			return service.ErrNoVersion
		}
		out = slices.Clone(b.Get([]byte(version))) // bolt's bytes live only as long as the transaction
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("document filter of %s %s: %w", listID, version, err)
	}
	return out, nil
}

// DeleteDocuments drops the version's records and filter in one
// transaction.
func (s *Store) DeleteDocuments(ctx context.Context, listID, version string) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketDocuments); b != nil && b.Bucket([]byte(listID)) != nil {
			if err := b.Bucket([]byte(listID)).DeleteBucket([]byte(version)); err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
				return err
			}
		}
		if b := tx.Bucket(bucketDocFilters); b != nil && b.Bucket([]byte(listID)) != nil {
			return b.Bucket([]byte(listID)).Delete([]byte(version))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete documents of %s %s: %w", listID, version, err)
	}
	return nil
}

// DocumentVersions lists the versions with records or a filter.
func (s *Store) DocumentVersions(ctx context.Context, listID string) ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, top := range [][]byte{bucketDocuments, bucketDocFilters} {
			b := tx.Bucket(top)
			if b != nil {
				b = b.Bucket([]byte(listID))
			}
			if b == nil {
				continue
			}
			if err := b.ForEach(func(k, _ []byte) error {
				if !slices.Contains(out, string(k)) {
					out = append(out, string(k))
				}
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("document versions of %s: %w", listID, err)
	}
	slices.Sort(out)
	return out, nil
}
