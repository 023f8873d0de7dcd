package redisstore

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/crosscheck/crosscheck/service/audit"
)

// AlterAuditRecord rewrites a stored record in place, bypassing the
// store, for the tamper tests.
func AlterAuditRecord(s *Store, chain string, seq uint64, edit func([]byte) []byte) error {
	ctx := context.Background()
	key, field := s.keys.audit(chain, "recs"), strconv.FormatUint(seq, 10)
	data, err := s.rdb.HGet(ctx, key, field).Bytes()
	if err != nil {
		return err
	}
	return s.rdb.HSet(ctx, key, field, edit(data)).Err()
}

// DeleteAuditRecord removes a record and its index entries, as someone
// with write access to Redis could (the chain's last counter stays).
func DeleteAuditRecord(s *Store, chain string, seq uint64) error {
	ctx := context.Background()
	field := strconv.FormatUint(seq, 10)
	data, err := s.rdb.HGet(ctx, s.keys.audit(chain, "recs"), field).Bytes()
	if err != nil {
		return err
	}
	var r audit.Record
	if err := json.Unmarshal(data, &r); err != nil {
		return err
	}
	pipe := s.rdb.TxPipeline()
	pipe.HDel(ctx, s.keys.audit(chain, "recs"), field)
	pipe.ZRem(ctx, s.keys.audit(chain, "time"), member(r.Time.UnixNano(), r.Seq))
	pipe.HDel(ctx, s.keys.audit(chain, "ids"), r.CheckID)
	_, err = pipe.Exec(ctx)
	return err
}
