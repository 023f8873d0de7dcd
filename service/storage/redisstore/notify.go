package redisstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/service"
)

// Change is the notification of an activation: the list and the version
// that is now active. Replicas receiving it rebuild that list from the
// store.
type Change struct {
	ListID  string `json:"list_id"`
	Version string `json:"version"`
}

// activateScript moves the pointer and announces it in one step, so a
// replica is never told about a pointer that did not move, and the pointer
// never moves without the announcement. It returns 0 for an unknown version
// and -1 when ARGV[4] is "if" and the active version is not ARGV[5] (a
// compare-and-swap: "" stands for no active version).
var activateScript = redis.NewScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  return 0
end
if ARGV[4] == 'if' and (redis.call('GET', KEYS[2]) or '') ~= ARGV[5] then
  return -1
end
redis.call('SET', KEYS[2], ARGV[1])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1
`)

// Activate points the list at a saved version and publishes a Change on
// the channel Subscribe listens to.
func (s *Store) Activate(ctx context.Context, listID, version string) error {
	return s.activate(ctx, listID, version, "always", "")
}

// ActivateIf activates a version while the list's active version is still
// expected; the script checks and moves in one step.
func (s *Store) ActivateIf(ctx context.Context, listID, version, expected string) error {
	return s.activate(ctx, listID, version, "if", expected)
}

func (s *Store) activate(ctx context.Context, listID, version, mode, expected string) error {
	payload, err := json.Marshal(Change{ListID: listID, Version: version})
	if err != nil {
		return fmt.Errorf("activate %s %s: %w", listID, version, err)
	}
	keys := []string{s.keys.versions(listID), s.keys.active(listID)}
	res, err := activateScript.Run(ctx, s.rdb, keys, version, s.keys.changed(), payload, mode, expected).Int()
	switch {
	case err != nil:
		return fmt.Errorf("activate %s %s: %w", listID, version, err)
	case res == 0:
		return fmt.Errorf("activate %s %s: %w", listID, version, service.ErrNoVersion)
	case res < 0:
		return fmt.Errorf("activate %s %s: %w", listID, version, service.ErrActiveChanged)
	}
	return nil
}

// Subscribe follows activations made through any Store on the same Redis
// and prefix, this one included. The channel closes when ctx ends.
//
// Pub/sub delivers at most once: a change published while the connection
// was down is lost (go-redis reconnects quietly). A follower should
// therefore also compare Active with what it serves now and then; the
// notification only makes the common case fast.
func (s *Store) Subscribe(ctx context.Context) (<-chan Change, error) {
	ps := s.rdb.Subscribe(ctx, s.keys.changed())
	// Wait for the confirmation so that no activation made after
	// Subscribe returns can be missed.
	if _, err := ps.Receive(ctx); err != nil {
		ps.Close()
		return nil, fmt.Errorf("subscribe to %s: %w", s.keys.changed(), err)
	}
	out := make(chan Change)
	go forward(ctx, ps, out)
	return out, nil
}

// forward owns ps: it passes changes on until ctx ends, then closes both.
func forward(ctx context.Context, ps *redis.PubSub, out chan<- Change) {
	defer close(out)
	defer ps.Close()
	msgs := ps.Channel()
	for {
		select {
		case <-ctx.Done():
			return
		case m, ok := <-msgs:
			if !ok {
				return
			}
			var c Change
			if json.Unmarshal([]byte(m.Payload), &c) != nil {
				continue // not ours: someone else published on the channel
			}
			select {
			case out <- c:
			case <-ctx.Done():
				return
			}
		}
	}
}
