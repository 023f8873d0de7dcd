package redisstore

import (
	"context"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

// Documents lists (service.DocumentStore) keep their records outside the
// list's hash-tagged keys, so that a hundred million of them spread over
// a Redis Cluster's slots:
//
//	P docs:ID:VERSION:meta            hash: buckets (a power of two)
//	P docs:ID:VERSION:b:HEX           hash: normalised number → encoded records
//	P docs:ID:VERSION:filter          the marshalled Bloom filter
//
// A number's bucket is FNV-1a of the number modulo the bucket count, which
// is chosen so that buckets hold about docsPerBucket fields: small enough
// for Redis's compact listpack encoding (128 fields by default), which
// costs far less memory per field than a hash table.
const docsPerBucket = 64

// docsTrip bounds the commands of one pipeline when deleting.
const docsTrip = 1000

var _ service.DocumentStore = (*Store)(nil)

func (k keys) docs(id, version string) string     { return k.prefix + "docs:" + id + ":" + version + ":" }
func (k keys) docsMeta(id, version string) string { return k.docs(id, version) + "meta" }
func (k keys) docsFilter(id, version string) string {
	return k.docs(id, version) + "filter"
}
func (k keys) docsBucket(id, version string, b uint64) string {
	return k.docs(id, version) + "b:" + strconv.FormatUint(b, 16)
}

// bucketsFor is the bucket count for a capacity: a power of two.
func bucketsFor(capacity int) uint64 {
	n := uint64(max(capacity/docsPerBucket, 1))
	return 1 << bits.Len64(n-1)
}

// bucketOf is FNV-1a, inline: hash/fnv would allocate per record.
func bucketOf(number string, buckets uint64) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(number); i++ {
		h ^= uint64(number[i])
		h *= 1099511628211
	}
	return h & (buckets - 1)
}

// docLayouts caches bucket counts by list and version: versions are
// immutable, so a replica asks Redis once.
type docLayouts struct{ m sync.Map }

func layoutKey(listID, version string) string { return listID + "\x00" + version }

// PutDocuments writes a batch of records in one pipeline, with the
// version's bucket count first so that a cleanup always finds them.
func (s *Store) PutDocuments(ctx context.Context, set service.DocumentSet, records []matcher.Entry) error {
	buckets := bucketsFor(set.Capacity)
	pipe := s.rdb.Pipeline()
	pipe.HSet(ctx, s.keys.docsMeta(set.ListID, set.Version), "buckets", buckets)
	prefix := s.keys.docsBucket(set.ListID, set.Version, 0)
	prefix = prefix[:len(prefix)-1] // built once per batch, not per record
	err := service.EachDocumentGroup(records, func(n string, group []matcher.Entry) error {
		pipe.HSet(ctx, prefix+strconv.FormatUint(bucketOf(n, buckets), 16), n, service.EncodeDocuments(n, group))
		return nil
	})
	if err != nil {
		return err
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return fmt.Errorf("put documents of %s %s: %w", set.ListID, set.Version, err)
	}
	s.layouts.m.Store(layoutKey(set.ListID, set.Version), buckets)
	return nil
}

// LookupDocuments fetches every number in one pipeline (two round trips
// the first time a version is asked, for its bucket count).
func (s *Store) LookupDocuments(ctx context.Context, listID, version string, numbers []string) (map[string][]matcher.Entry, error) {
	buckets, err := s.buckets(ctx, listID, version)
	if err != nil {
		return nil, err
	}
	q := s.queueLookup(ctx, listID, version, buckets, numbers)
	if _, err := q.pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("look up documents of %s %s: %w", listID, version, err)
	}
	if err := q.lost(); err != nil {
		return nil, fmt.Errorf("look up documents of %s %s: %w", listID, version, err)
	}
	out := make(map[string][]matcher.Entry, len(numbers))
	for i, get := range q.gets {
		data, err := get.Bytes()
		if errors.Is(err, redis.Nil) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("look up documents of %s %s: %w", listID, version, err)
		}
		if out[numbers[i]], err = service.DecodeDocuments(numbers[i], data); err != nil {
			return nil, fmt.Errorf("look up documents of %s %s: %w", listID, version, err)
		}
	}
	return out, nil
}

// lookup is a lookup's pipeline: the numbers' fields and the existence
// checks that tell "not listed" from "records lost".
type lookup struct {
	pipe    redis.Pipeliner
	meta    *redis.IntCmd
	buckets []*redis.IntCmd // on a cluster only, one per number
	gets    []*redis.StringCmd
}

// queueLookup queues the commands of one lookup. The bucket count is
// cached; whether the version is still there is asked every time, in the
// same round trip. On one Redis the meta key says it for all buckets: a
// Redis that restarted empty lost them all. On a cluster the buckets live
// on other masters than the meta key, and a master that came back empty
// lost only its own, so each number's bucket is asked too (same node as
// its HGET, so no extra round trip). An import's capacity is its line
// count, which leaves 32 to 64 numbers in every bucket, so a missing one
// means lost records; at worst, a filter's false positive in a bucket an
// overestimated capacity left empty is answered "cannot confirm".
func (s *Store) queueLookup(ctx context.Context, listID, version string, buckets uint64, numbers []string) *lookup {
	q := &lookup{pipe: s.rdb.Pipeline(), gets: make([]*redis.StringCmd, len(numbers))}
	q.meta = q.pipe.Exists(ctx, s.keys.docsMeta(listID, version))
	_, cluster := s.rdb.(*redis.ClusterClient)
	for i, n := range numbers {
		key := s.keys.docsBucket(listID, version, bucketOf(n, buckets))
		q.gets[i] = q.pipe.HGet(ctx, key, n)
		if cluster {
			q.buckets = append(q.buckets, q.pipe.Exists(ctx, key))
		}
	}
	return q
}

// lost is ErrNoVersion when the version or one of the asked buckets is
// gone.
func (q *lookup) lost() error {
	if q.meta.Val() == 0 {
		return service.ErrNoVersion
	}
	for _, b := range q.buckets {
		if b.Val() == 0 {
			return fmt.Errorf("a records bucket is missing (did a cluster master restart empty?): %w", service.ErrNoVersion)
		}
	}
	return nil
}

// buckets returns a version's bucket count; ErrNoVersion when it has no
// records.
func (s *Store) buckets(ctx context.Context, listID, version string) (uint64, error) {
	if b, ok := s.layouts.m.Load(layoutKey(listID, version)); ok {
		return b.(uint64), nil
	}
	b, err := s.rdb.HGet(ctx, s.keys.docsMeta(listID, version), "buckets").Uint64()
	if errors.Is(err, redis.Nil) {
		return 0, fmt.Errorf("documents of %s %s: %w", listID, version, service.ErrNoVersion)
	}
	if err != nil || b == 0 || b&(b-1) != 0 {
		return 0, fmt.Errorf("documents of %s %s: read bucket count %d: %w", listID, version, b, err)
	}
	s.layouts.m.Store(layoutKey(listID, version), b)
	return b, nil
}

// SaveDocumentFilter stores the filter as one string.
func (s *Store) SaveDocumentFilter(ctx context.Context, listID, version string, filter []byte) error {
	if err := s.rdb.Set(ctx, s.keys.docsFilter(listID, version), filter, 0).Err(); err != nil {
		return fmt.Errorf("save document filter of %s %s: %w", listID, version, err)
	}
	return nil
}

// DocumentFilter reads the filter, and caches the bucket count so that
// the first check confirming a maybe makes one round trip, not two.
func (s *Store) DocumentFilter(ctx context.Context, listID, version string) ([]byte, error) {
	if _, err := s.buckets(ctx, listID, version); err != nil && !errors.Is(err, service.ErrNoVersion) {
		return nil, err
	}
	data, err := s.rdb.Get(ctx, s.keys.docsFilter(listID, version)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("document filter of %s %s: %w", listID, version, service.ErrNoVersion)
	}
	if err != nil {
		return nil, fmt.Errorf("document filter of %s %s: %w", listID, version, err)
	}
	return data, nil
}

// DeleteDocuments unlinks every bucket, then the filter and the bucket
// count (last, so that a cleanup cut short can be run again). One key per
// UNLINK: the buckets spread over a cluster's slots. UNLINK frees the
// memory in the background.
func (s *Store) DeleteDocuments(ctx context.Context, listID, version string) error {
	s.layouts.m.Delete(layoutKey(listID, version))
	buckets, err := s.buckets(ctx, listID, version)
	if err != nil && !errors.Is(err, service.ErrNoVersion) {
		return err
	}
	for start := uint64(0); start < buckets; start += docsTrip {
		pipe := s.rdb.Pipeline()
		for b := start; b < min(start+docsTrip, buckets); b++ {
			pipe.Unlink(ctx, s.keys.docsBucket(listID, version, b))
		}
		if _, err := pipe.Exec(ctx); err != nil {
			return fmt.Errorf("delete documents of %s %s: %w", listID, version, err)
		}
	}
	for _, key := range []string{s.keys.docsFilter(listID, version), s.keys.docsMeta(listID, version)} {
		if err := s.rdb.Unlink(ctx, key).Err(); err != nil {
			return fmt.Errorf("delete documents of %s %s: %w", listID, version, err)
		}
	}
	s.layouts.m.Delete(layoutKey(listID, version))
	return nil
}

// DocumentVersions scans for the versions' bucket counts, which every
// import writes first and every delete removes last.
func (s *Store) DocumentVersions(ctx context.Context, listID string) ([]string, error) {
	prefix := s.keys.prefix + "docs:" + listID + ":"
	var (
		mu  sync.Mutex
		out []string
	)
	err := s.eachMaster(ctx, func(ctx context.Context, node redis.Cmdable) error {
		iter := node.Scan(ctx, 0, prefix+"*:meta", 1000).Iterator()
		for iter.Next(ctx) {
			v := strings.TrimSuffix(strings.TrimPrefix(iter.Val(), prefix), ":meta")
			if !strings.Contains(v, ":") { // list ids and versions never hold one
				mu.Lock()
				out = append(out, v)
				mu.Unlock()
			}
		}
		return iter.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("document versions of %s: %w", listID, err)
	}
	slices.Sort(out)
	return out, nil
}

// eachMaster runs fn on every node that holds keys: each master of a
// cluster (concurrently; SCAN sees one node's keys only), or the one
// Redis otherwise.
func (s *Store) eachMaster(ctx context.Context, fn func(context.Context, redis.Cmdable) error) error {
	if cluster, ok := s.rdb.(*redis.ClusterClient); ok {
		return cluster.ForEachMaster(ctx, func(ctx context.Context, node *redis.Client) error { return fn(ctx, node) })
	}
	return fn(ctx, s.rdb)
}
