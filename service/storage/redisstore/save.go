package redisstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

const (
	// batchSize entries go in one RPUSH; batchesPerTrip RPUSHes in one
	// pipeline. A large list then costs few round trips while no request
	// grows beyond a few megabytes.
	batchSize      = 1000
	batchesPerTrip = 8
	// pendingTTL removes the entries of a save whose writer died; every
	// batch renews it, so only an abandoned save expires.
	pendingTTL = time.Hour
)

// commitScript makes a fully written version visible in one step: the
// entries move under their final key and the metadata appears together,
// or nothing happens. It returns 1 on success, 0 if the version exists,
// -1 if the pending entries are incomplete (expired, or Redis restarted).
var commitScript = redis.NewScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  redis.call('DEL', KEYS[3])
  return 0
end
local n = tonumber(ARGV[3])
if redis.call('LLEN', KEYS[3]) ~= n then
  redis.call('DEL', KEYS[3])
  return -1
end
if n > 0 then
  redis.call('RENAME', KEYS[3], KEYS[4])
  redis.call('PERSIST', KEYS[4])
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('RPUSH', KEYS[2], ARGV[1])
return 1
`)

// SaveVersion writes the entries under a pending key, then commits them
// with the metadata atomically. A failure at any point leaves no trace
// readers can see; the pending key expires on its own.
func (s *Store) SaveVersion(ctx context.Context, v service.ListVersion, entries []matcher.Entry) error {
	if err := s.save(ctx, v, entries); err != nil {
		return fmt.Errorf("save list %s version %s: %w", v.ListID, v.Version, err)
	}
	return nil
}

func (s *Store) save(ctx context.Context, v service.ListVersion, entries []matcher.Entry) error {
	meta, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode metadata: %w", err)
	}
	// Checked before writing so that a duplicate fails at once rather than
	// after millions of entries; the commit checks again for races.
	if err := s.checkNew(ctx, v); err != nil {
		return err
	}
	pending := s.keys.pending(v.ListID, v.Version, newToken())
	if err := s.writeEntries(ctx, pending, entries); err != nil {
		s.rdb.Del(context.WithoutCancel(ctx), pending)
		return err
	}
	// The list joins the set before its first version is visible, so that
	// Active can never miss a list that has an active version.
	if err := s.rdb.SAdd(ctx, s.keys.lists(), v.ListID).Err(); err != nil {
		return fmt.Errorf("register list: %w", err)
	}
	return s.commit(ctx, v, pending, meta, len(entries))
}

func (s *Store) checkNew(ctx context.Context, v service.ListVersion) error {
	exists, err := s.rdb.HExists(ctx, s.keys.versions(v.ListID), v.Version).Result()
	if err != nil {
		return fmt.Errorf("look up version: %w", err)
	}
	if exists {
		return service.ErrVersionExists
	}
	return nil
}

// writeEntries appends the entries, as JSON, to key in saved order.
func (s *Store) writeEntries(ctx context.Context, key string, entries []matcher.Entry) error {
	for start := 0; start < len(entries); start += batchSize * batchesPerTrip {
		end := min(start+batchSize*batchesPerTrip, len(entries))
		pipe := s.rdb.Pipeline()
		for b := start; b < end; b += batchSize {
			batch, err := encode(entries[b:min(b+batchSize, end)], b)
			if err != nil {
				return err
			}
			pipe.RPush(ctx, key, batch...)
		}
		pipe.Expire(ctx, key, pendingTTL)
		if _, err := pipe.Exec(ctx); err != nil {
			return fmt.Errorf("write entries %d-%d: %w", start, end-1, err)
		}
	}
	return nil
}

// encode turns entries into RPUSH arguments; offset is the position of the
// first one in the version, for the error message.
func encode(entries []matcher.Entry, offset int) ([]any, error) {
	out := make([]any, len(entries))
	for i := range entries {
		data, err := json.Marshal(&entries[i])
		if err != nil {
			return nil, fmt.Errorf("encode entry %d (%s): %w", offset+i, entries[i].ID, err)
		}
		out[i] = data
	}
	return out, nil
}

func (s *Store) commit(ctx context.Context, v service.ListVersion, pending string, meta []byte, n int) error {
	keys := []string{s.keys.versions(v.ListID), s.keys.order(v.ListID), pending, s.keys.entries(v.ListID, v.Version)}
	res, err := commitScript.Run(ctx, s.rdb, keys, v.Version, meta, n).Int()
	switch {
	case err != nil:
		return fmt.Errorf("commit: %w", err)
	case res == 0:
		return service.ErrVersionExists
	case res < 0:
		return fmt.Errorf("commit: entries lost while saving (did Redis restart?)")
	}
	return nil
}

func newToken() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}
