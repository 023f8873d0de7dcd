package redisstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

// readBatch is how many entries one LRANGE fetches: big enough for few
// round trips, small enough that one reply never blocks Redis for long.
const readBatch = 2000

// Active returns the active version of every list, ordered by list id.
func (s *Store) Active(ctx context.Context) ([]service.ListVersion, error) {
	ids, err := s.rdb.SMembers(ctx, s.keys.lists()).Result()
	if err != nil {
		return nil, fmt.Errorf("read list ids: %w", err)
	}
	slices.Sort(ids)
	pipe := s.rdb.Pipeline()
	gets := make([]*redis.StringCmd, len(ids))
	for i, id := range ids {
		gets[i] = pipe.Get(ctx, s.keys.active(id))
	}
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("read active versions: %w", err)
	}
	var active []pointer
	for i, get := range gets {
		switch ver, err := get.Result(); {
		case err == nil:
			active = append(active, pointer{ids[i], ver})
		case !errors.Is(err, redis.Nil): // redis.Nil: no version active yet
			return nil, fmt.Errorf("read active version of %s: %w", ids[i], err)
		}
	}
	return s.metadata(ctx, active)
}

// pointer is a list id and the version it points at.
type pointer struct{ listID, version string }

// metadata fetches the ListVersion of each pointed-at version.
func (s *Store) metadata(ctx context.Context, ptrs []pointer) ([]service.ListVersion, error) {
	if len(ptrs) == 0 {
		return nil, nil
	}
	pipe := s.rdb.Pipeline()
	metas := make([]*redis.StringCmd, len(ptrs))
	for i, p := range ptrs {
		metas[i] = pipe.HGet(ctx, s.keys.versions(p.listID), p.version)
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, fmt.Errorf("read active metadata: %w", err)
	}
	out := make([]service.ListVersion, len(ptrs))
	for i, m := range metas {
		if err := json.Unmarshal([]byte(m.Val()), &out[i]); err != nil {
			return nil, fmt.Errorf("decode metadata of %s %s: %w", ptrs[i].listID, ptrs[i].version, err)
		}
	}
	return out, nil
}

// Versions returns the saved versions of a list in save order.
func (s *Store) Versions(ctx context.Context, listID string) ([]service.ListVersion, error) {
	ids, err := s.rdb.LRange(ctx, s.keys.order(listID), 0, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("read versions of %s: %w", listID, err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	metas, err := s.rdb.HMGet(ctx, s.keys.versions(listID), ids...).Result()
	if err != nil {
		return nil, fmt.Errorf("read versions of %s: %w", listID, err)
	}
	out := make([]service.ListVersion, len(ids))
	for i, m := range metas {
		data, ok := m.(string)
		if !ok {
			return nil, fmt.Errorf("read versions of %s: no metadata for %s", listID, ids[i])
		}
		if err := json.Unmarshal([]byte(data), &out[i]); err != nil {
			return nil, fmt.Errorf("decode metadata of %s %s: %w", listID, ids[i], err)
		}
	}
	return out, nil
}

// Entries returns a saved version's entries in saved order.
func (s *Store) Entries(ctx context.Context, listID, version string) ([]matcher.Entry, error) {
	out, err := s.entries(ctx, listID, version)
	if err != nil {
		return nil, fmt.Errorf("entries of %s %s: %w", listID, version, err)
	}
	return out, nil
}

func (s *Store) entries(ctx context.Context, listID, version string) ([]matcher.Entry, error) {
	exists, err := s.rdb.HExists(ctx, s.keys.versions(listID), version).Result()
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, service.ErrNoVersion
	}
	key := s.keys.entries(listID, version)
	n, err := s.rdb.LLen(ctx, key).Result()
	if err != nil {
		return nil, err
	}
	out := make([]matcher.Entry, 0, n)
	for start := int64(0); start < n; start += readBatch {
		if out, err = s.readRange(ctx, key, start, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readRange appends the entries from position start on, one batch.
func (s *Store) readRange(ctx context.Context, key string, start int64, out []matcher.Entry) ([]matcher.Entry, error) {
	vals, err := s.rdb.LRange(ctx, key, start, start+readBatch-1).Result()
	if err != nil {
		return nil, err
	}
	for i, v := range vals {
		var e matcher.Entry
		if err := json.Unmarshal([]byte(v), &e); err != nil {
			return nil, fmt.Errorf("decode entry %d: %w", start+int64(i), err)
		}
		out = append(out, e)
	}
	return out, nil
}
