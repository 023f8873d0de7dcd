package redisstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/service/audit"
)

// scanChunk is how many records one chain fetches per round trip during
// a query or walk.
const scanChunk = 250

// AuditRecords merges the chains' time sets in key order, filtering in
// Go, until limit records match.
func (s *Store) AuditRecords(ctx context.Context, f audit.Filter, after *audit.Key, limit int) ([]audit.Record, error) {
	chains, err := s.AuditChains(ctx)
	if err != nil {
		return nil, err
	}
	its := make([]*chainScan, len(chains))
	for i, c := range chains {
		its[i] = newChainScan(c, f, after)
	}
	var out []audit.Record
	for len(out) < limit {
		next, err := s.nextInOrder(ctx, its)
		if err != nil || next == nil {
			return out, err
		}
		if f.Match(next) {
			out = append(out, *next)
		}
	}
	return out, nil
}

// nextInOrder pops the record with the smallest key over all chains; nil
// when every chain is done.
func (s *Store) nextInOrder(ctx context.Context, its []*chainScan) (*audit.Record, error) {
	var best *chainScan
	for _, it := range its {
		if err := s.fill(ctx, it); err != nil {
			return nil, err
		}
		if len(it.buf) > 0 && (best == nil || it.buf[0].Key().Compare(best.buf[0].Key()) < 0) {
			best = it
		}
	}
	if best == nil {
		return nil, nil
	}
	r := best.buf[0]
	best.buf = best.buf[1:]
	return &r, nil
}

// chainScan is one chain's position in a query: a lexical range of its
// time set and the records fetched but not yet merged.
type chainScan struct {
	chain    string
	min, max string
	buf      []audit.Record
	done     bool
}

func newChainScan(chain string, f audit.Filter, after *audit.Key) *chainScan {
	it := &chainScan{chain: chain, min: "-", max: "+"}
	if !f.From.IsZero() {
		it.min = "[" + memberTime(f.From.UnixNano())
	}
	if after != nil {
		var m string
		switch {
		case chain < after.Chain: // at after's time, this chain came before
			m = "[" + memberTime(after.Nanos+1)
		case chain == after.Chain:
			m = "(" + member(after.Nanos, after.Seq)
		default:
			m = "[" + memberTime(after.Nanos)
		}
		if it.min == "-" || m[1:] > it.min[1:] {
			it.min = m
		}
	}
	if !f.To.IsZero() {
		it.max = "(" + memberTime(f.To.UnixNano()) // members at To sort after it
	}
	return it
}

// fill fetches the next chunk of a chain whose buffer is empty.
func (s *Store) fill(ctx context.Context, it *chainScan) error {
	for len(it.buf) == 0 && !it.done {
		members, err := s.rdb.ZRangeArgs(ctx, redis.ZRangeArgs{
			Key: s.keys.audit(it.chain, "time"), Start: it.min, Stop: it.max, ByLex: true, Count: scanChunk,
		}).Result()
		if err != nil {
			return fmt.Errorf("scan audit chain %s: %w", it.chain, err)
		}
		it.done = len(members) < scanChunk
		if len(members) == 0 {
			return nil
		}
		it.min = "(" + members[len(members)-1]
		seqs := make([]string, len(members))
		for i, m := range members {
			seq, _ := strconv.ParseUint(m[16:], 16, 64)
			seqs[i] = strconv.FormatUint(seq, 10)
		}
		if it.buf, err = s.records(ctx, it.chain, seqs); err != nil {
			return err
		}
	}
	return nil
}

// records fetches records by seq; missing ones are left out, and ones
// that do not parse come back with their seq only (Verify reports them).
func (s *Store) records(ctx context.Context, chain string, seqs []string) ([]audit.Record, error) {
	vals, err := s.rdb.HMGet(ctx, s.keys.audit(chain, "recs"), seqs...).Result()
	if err != nil {
		return nil, fmt.Errorf("read audit records of %s: %w", chain, err)
	}
	out := make([]audit.Record, 0, len(vals))
	for i, v := range vals {
		data, ok := v.(string)
		if !ok {
			continue
		}
		var r audit.Record
		if json.Unmarshal([]byte(data), &r) != nil {
			seq, _ := strconv.ParseUint(seqs[i], 10, 64)
			r = audit.Record{Chain: chain, Seq: seq}
		}
		out = append(out, r)
	}
	return out, nil
}

// AuditChain walks seqs from from up to the chain's last seq in chunks.
func (s *Store) AuditChain(ctx context.Context, chain string, from uint64, fn func(audit.Record) error) error {
	last, err := s.rdb.Get(ctx, s.keys.audit(chain, "last")).Uint64()
	if err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("read audit chain %s: %w", chain, err)
	}
	for lo := max(from, 1); lo <= last; lo += scanChunk {
		recs, err := s.records(ctx, chain, seqRange(lo, min(lo+scanChunk, last+1)))
		if err != nil {
			return err
		}
		for _, r := range recs {
			if err := fn(r); err != nil {
				return err
			}
		}
	}
	return nil
}

func seqRange(lo, hi uint64) []string {
	out := make([]string, 0, hi-lo)
	for seq := lo; seq < hi; seq++ {
		out = append(out, strconv.FormatUint(seq, 10))
	}
	return out
}
