package redisstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/service/audit"
)

// Audit layout, for chain C under the key prefix P:
//
//	P audit:chains         set of chain ids
//	P audit:{C}:recs       hash seq → Record JSON
//	P audit:{C}:time       sorted set, all scores 0, member TTTTTTTTTTTTTTTTSSSSSSSSSSSSSSSS
//	                       (hex time and seq): lexical order is query order
//	P audit:{C}:ids        hash check id → seq
//	P audit:{C}:anchor     hash json (Anchor), seq (its Seq), lo (lowest seq not yet deleted)
//	P audit:{C}:last       highest seq stored
//
// A chain's keys share the hash tag {C}, so its scripts stay valid on a
// cluster; queries merge the chains' time sets in Go. Scaling: a query
// reads every record of its time window (filters run in Go), Get asks
// every chain, and Verify reads every record; all grow with the data, as
// does memory (no expiry: Purge deletes).

var _ audit.Store = (*Store)(nil)

func (k keys) auditChains() string          { return k.prefix + "audit:chains" }
func (k keys) audit(chain, s string) string { return k.prefix + "audit:{" + chain + "}:" + s }

// chainKeys are the keys of one chain, in the order the scripts take them.
func (k keys) chainKeys(chain string) []string {
	return []string{k.audit(chain, "recs"), k.audit(chain, "time"), k.audit(chain, "ids"), k.audit(chain, "anchor"), k.audit(chain, "last")}
}

// member is a record's entry in its chain's time set.
func member(nanos int64, seq uint64) string {
	return fmt.Sprintf("%016x%016x", uint64(nanos)^(1<<63), seq)
}

func memberTime(nanos int64) string { return member(nanos, 0)[:16] }

// putScript stores a batch of one chain. It checks every record before
// writing any, so a conflict leaves the batch unwritten. ARGV holds four
// values per record: seq, time member, check id, JSON.
var putScript = redis.NewScript(`
local floor = tonumber(redis.call('HGET', KEYS[4], 'seq') or '0')
for i = 1, #ARGV, 4 do
  local old = redis.call('HGET', KEYS[1], ARGV[i])
  if old and old ~= ARGV[i+3] then
    return redis.error_reply('CONFLICT seq ' .. ARGV[i])
  end
end
local last = tonumber(redis.call('GET', KEYS[5]) or '0')
for i = 1, #ARGV, 4 do
  local seq = tonumber(ARGV[i])
  if seq >= floor and redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i+3]) == 1 then
    redis.call('ZADD', KEYS[2], 0, ARGV[i+1])
    redis.call('HSET', KEYS[3], ARGV[i+2], ARGV[i])
    if seq > last then last = seq end
  end
end
if last > 0 then redis.call('SET', KEYS[5], string.format('%d', last)) end
return 0
`)

// PutAudit stores a batch atomically: one script run.
func (s *Store) PutAudit(ctx context.Context, recs []audit.Record) error {
	if len(recs) == 0 {
		return nil
	}
	chain := recs[0].Chain
	args := make([]any, 0, 4*len(recs))
	for i := range recs {
		r := &recs[i]
		data, err := r.JSON()
		if err != nil {
			return fmt.Errorf("encode audit record %s %d: %w", r.Chain, r.Seq, err)
		}
		args = append(args, r.Seq, member(r.Time.UnixNano(), r.Seq), r.CheckID, data)
	}
	if err := s.rdb.SAdd(ctx, s.keys.auditChains(), chain).Err(); err != nil {
		return fmt.Errorf("store audit records: %w", err)
	}
	err := putScript.Run(ctx, s.rdb, s.keys.chainKeys(chain), args...).Err()
	if err != nil && strings.HasPrefix(err.Error(), "CONFLICT") {
		return fmt.Errorf("chain %s: %s: %w", chain, err, audit.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("store audit records of chain %s: %w", chain, err)
	}
	return nil
}

// AuditChains returns the chains in name order.
func (s *Store) AuditChains(ctx context.Context) ([]string, error) {
	chains, err := s.rdb.SMembers(ctx, s.keys.auditChains()).Result()
	if err != nil {
		return nil, fmt.Errorf("read audit chains: %w", err)
	}
	slices.Sort(chains)
	return chains, nil
}

// AuditRecord asks every chain's id hash in one round trip.
func (s *Store) AuditRecord(ctx context.Context, checkID string) (audit.Record, error) {
	chains, err := s.AuditChains(ctx)
	if err != nil {
		return audit.Record{}, err
	}
	pipe := s.rdb.Pipeline()
	gets := make([]*redis.StringCmd, len(chains))
	for i, c := range chains {
		gets[i] = pipe.HGet(ctx, s.keys.audit(c, "ids"), checkID)
	}
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return audit.Record{}, fmt.Errorf("look up audit record: %w", err)
	}
	for i, g := range gets {
		if seq, err := g.Result(); err == nil {
			return s.record(ctx, chains[i], seq)
		}
	}
	return audit.Record{}, audit.ErrNotFound
}

func (s *Store) record(ctx context.Context, chain, seq string) (audit.Record, error) {
	data, err := s.rdb.HGet(ctx, s.keys.audit(chain, "recs"), seq).Result()
	if errors.Is(err, redis.Nil) {
		return audit.Record{}, audit.ErrNotFound
	}
	var r audit.Record
	if err == nil {
		err = json.Unmarshal([]byte(data), &r)
	}
	if err != nil {
		return audit.Record{}, fmt.Errorf("read audit record %s %s: %w", chain, seq, err)
	}
	return r, nil
}

// AuditAnchor returns the chain's purge anchor.
func (s *Store) AuditAnchor(ctx context.Context, chain string) (*audit.Anchor, error) {
	data, err := s.rdb.HGet(ctx, s.keys.audit(chain, "anchor"), "json").Result()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read audit anchor of %s: %w", chain, err)
	}
	var a audit.Anchor
	if err := json.Unmarshal([]byte(data), &a); err != nil {
		return &audit.Anchor{Seq: 1}, nil // fails its MAC in Verify, as it should
	}
	return &a, nil
}

// AuditHead returns the last stored record's seq and Mac, or the anchor's
// link if the chain was purged whole.
func (s *Store) AuditHead(ctx context.Context, chain string) (uint64, string, error) {
	last, err := s.rdb.Get(ctx, s.keys.audit(chain, "last")).Uint64()
	if err != nil && !errors.Is(err, redis.Nil) {
		return 0, "", fmt.Errorf("read audit head of %s: %w", chain, err)
	}
	a, err := s.AuditAnchor(ctx, chain)
	if err != nil {
		return 0, "", err
	}
	if a != nil && a.Seq > last {
		return a.Seq - 1, a.Prev, nil
	}
	if last == 0 {
		return 0, "", nil
	}
	r, err := s.record(ctx, chain, strconv.FormatUint(last, 10))
	if err != nil {
		return 0, "", fmt.Errorf("read audit head of %s: %w", chain, err)
	}
	return r.Seq, r.Mac, nil
}
