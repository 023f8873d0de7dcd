package redisstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/service/audit"
)

// anchorScript moves the anchor forward and returns the lowest seq not
// yet deleted, or -1 if the stored anchor is as new already. The anchor
// goes first: a purge cut short leaves records below the anchor, which
// Verify ignores and the next purge deletes (from lo), never a gap.
var anchorScript = redis.NewScript(`
if tonumber(redis.call('HGET', KEYS[1], 'seq') or '0') >= tonumber(ARGV[2]) then
  return -1
end
redis.call('HSET', KEYS[1], 'json', ARGV[1], 'seq', ARGV[2])
return tonumber(redis.call('HGET', KEYS[1], 'lo') or '1')
`)

// PurgeAudit stores the anchor, then deletes the records below it chunk
// by chunk, so that no single command blocks Redis for long.
func (s *Store) PurgeAudit(ctx context.Context, a audit.Anchor) (int, error) {
	data, _ := json.Marshal(a)
	if err := s.rdb.SAdd(ctx, s.keys.auditChains(), a.Chain).Err(); err != nil {
		return 0, fmt.Errorf("purge audit chain %s: %w", a.Chain, err)
	}
	lo, err := anchorScript.Run(ctx, s.rdb, []string{s.keys.audit(a.Chain, "anchor")}, data, a.Seq).Int64()
	if err != nil {
		return 0, fmt.Errorf("purge audit chain %s: %w", a.Chain, err)
	}
	n := 0
	for seq := uint64(max(lo, 1)); lo >= 0 && seq < a.Seq; seq += scanChunk {
		hi := min(seq+scanChunk, a.Seq)
		deleted, err := s.deleteRange(ctx, a.Chain, seq, hi)
		n += deleted
		if err != nil {
			return n, fmt.Errorf("purge audit chain %s: %w", a.Chain, err)
		}
	}
	return n, nil
}

// deleteRange deletes the records with seq in [lo, hi) and their index
// entries, and records that the purge got to hi.
func (s *Store) deleteRange(ctx context.Context, chain string, lo, hi uint64) (int, error) {
	seqs := seqRange(lo, hi)
	recs, err := s.records(ctx, chain, seqs)
	if err != nil {
		return 0, err
	}
	pipe := s.rdb.TxPipeline()
	for _, r := range recs {
		pipe.ZRem(ctx, s.keys.audit(chain, "time"), member(r.Time.UnixNano(), r.Seq))
		if r.CheckID != "" {
			pipe.HDel(ctx, s.keys.audit(chain, "ids"), r.CheckID)
		}
	}
	pipe.HDel(ctx, s.keys.audit(chain, "recs"), seqs...)
	pipe.HSet(ctx, s.keys.audit(chain, "anchor"), "lo", strconv.FormatUint(hi, 10))
	_, err = pipe.Exec(ctx)
	return len(recs), err
}
