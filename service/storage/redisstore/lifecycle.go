package redisstore

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/service"
)

// deactivateScript removes the active pointer and announces it (a Change
// with an empty version) in one step, like activateScript.
var deactivateScript = redis.NewScript(`
if redis.call('DEL', KEYS[1]) == 0 then
  return 0
end
redis.call('PUBLISH', ARGV[1], ARGV[2])
return 1
`)

// Deactivate stops checks from using the list; its versions stay.
func (s *Store) Deactivate(ctx context.Context, listID string) error {
	payload, err := json.Marshal(Change{ListID: listID})
	if err != nil {
		return fmt.Errorf("deactivate %s: %w", listID, err)
	}
	res, err := deactivateScript.Run(ctx, s.rdb, []string{s.keys.active(listID)}, s.keys.changed(), payload).Int()
	if err != nil {
		return fmt.Errorf("deactivate %s: %w", listID, err)
	}
	if res == 0 {
		return fmt.Errorf("deactivate %s: %w", listID, service.ErrNoVersion)
	}
	return nil
}

// deleteScript removes a version unless it is active: 1 done, 0 unknown,
// -1 active. UNLINK frees a large entry list in the background instead of
// blocking Redis while it does.
var deleteScript = redis.NewScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  return 0
end
if redis.call('GET', KEYS[3]) == ARGV[1] then
  return -1
end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('LREM', KEYS[2], 0, ARGV[1])
redis.call('UNLINK', KEYS[4])
return 1
`)

// DeleteVersion removes a saved version that is not active.
func (s *Store) DeleteVersion(ctx context.Context, listID, version string) error {
	keys := []string{s.keys.versions(listID), s.keys.order(listID), s.keys.active(listID), s.keys.entries(listID, version)}
	res, err := deleteScript.Run(ctx, s.rdb, keys, version).Int()
	switch {
	case err != nil:
		return fmt.Errorf("delete %s version %s: %w", listID, version, err)
	case res == 0:
		return fmt.Errorf("delete %s version %s: %w", listID, version, service.ErrNoVersion)
	case res < 0:
		return fmt.Errorf("delete %s version %s: %w", listID, version, service.ErrVersionActive)
	}
	return nil
}

// ListIDs returns the lists that still have a saved version, sorted. The
// lists set also holds lists whose save is in progress or whose versions
// were all deleted; their empty versions hash leaves them out.
func (s *Store) ListIDs(ctx context.Context) ([]string, error) {
	ids, err := s.rdb.SMembers(ctx, s.keys.lists()).Result()
	if err != nil {
		return nil, fmt.Errorf("read list ids: %w", err)
	}
	pipe := s.rdb.Pipeline()
	lens := make([]*redis.IntCmd, len(ids))
	for i, id := range ids {
		lens[i] = pipe.HLen(ctx, s.keys.versions(id))
	}
	if len(ids) > 0 {
		if _, err := pipe.Exec(ctx); err != nil {
			return nil, fmt.Errorf("count versions: %w", err)
		}
	}
	out := ids[:0]
	for i, id := range ids {
		if lens[i].Val() > 0 {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out, nil
}
