package redisstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/service/auth"
)

// Tokens live under the prefix P beside the lists:
//
//	P tokens:{t}:records   hash token id → auth.Record JSON as created
//	P tokens:{t}:hashes    hash secret hash (hex) → token id
//	P tokens:{t}:names     hash name → token id, live tokens only
//	P tokens:{t}:revoked   hash token id → revocation time (RFC 3339)
//
// The {t} hash tag keeps the four in one cluster slot for the scripts.
// Revocation goes to its own hash so that the scripts never rewrite JSON.

var _ auth.Store = (*Store)(nil)

func (k keys) tokens(what string) string { return k.prefix + "tokens:{t}:" + what }

// createTokenScript checks id, hash and (for a live token) name and writes
// all indexes in one step; it returns 0 when something is taken.
var createTokenScript = redis.NewScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 or redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then
  return 0
end
if ARGV[5] == '' then
  if redis.call('HSETNX', KEYS[3], ARGV[3], ARGV[1]) == 0 then return 0 end
else
  redis.call('HSET', KEYS[4], ARGV[1], ARGV[5])
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
return 1
`)

// CreateToken implements auth.Store.
func (s *Store) CreateToken(ctx context.Context, rec auth.Record) error {
	data, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("create token %s: %w", rec.ID, err)
	}
	hash, _ := rec.Hash.MarshalText()
	revoked := ""
	if rec.Revoked() {
		revoked = rec.RevokedAt.Format(time.RFC3339Nano)
	}
	keys := []string{s.keys.tokens("records"), s.keys.tokens("hashes"), s.keys.tokens("names"), s.keys.tokens("revoked")}
	ok, err := createTokenScript.Run(ctx, s.rdb, keys, rec.ID, hash, rec.Name, data, revoked).Int()
	if err != nil {
		return fmt.Errorf("create token %s: %w", rec.ID, err)
	}
	if ok == 0 {
		return fmt.Errorf("create token %s: %w", rec.ID, auth.ErrTokenExists)
	}
	return nil
}

// revokeTokenScript records the first revocation time and frees the name;
// it returns 0 for an unknown id.
var revokeTokenScript = redis.NewScript(`
local rec = redis.call('HGET', KEYS[1], ARGV[1])
if not rec then return 0 end
if redis.call('HSETNX', KEYS[3], ARGV[1], ARGV[2]) == 1 then
  local name = cjson.decode(rec).name
  if redis.call('HGET', KEYS[2], name) == ARGV[1] then
    redis.call('HDEL', KEYS[2], name)
  end
end
return 1
`)

// RevokeToken implements auth.Store.
func (s *Store) RevokeToken(ctx context.Context, id string, at time.Time) error {
	keys := []string{s.keys.tokens("records"), s.keys.tokens("names"), s.keys.tokens("revoked")}
	ok, err := revokeTokenScript.Run(ctx, s.rdb, keys, id, at.Format(time.RFC3339Nano)).Int()
	if err != nil {
		return fmt.Errorf("revoke token %s: %w", id, err)
	}
	if ok == 0 {
		return fmt.Errorf("revoke token %s: %w", id, auth.ErrTokenNotFound)
	}
	return nil
}

// Tokens implements auth.Store. Records and revocations are read in one
// MULTI so that they agree.
func (s *Store) Tokens(ctx context.Context) ([]auth.Record, error) {
	var recs, revoked *redis.MapStringStringCmd
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		recs = p.HGetAll(ctx, s.keys.tokens("records"))
		revoked = p.HGetAll(ctx, s.keys.tokens("revoked"))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read tokens: %w", err)
	}
	out := make([]auth.Record, 0, len(recs.Val()))
	for id, data := range recs.Val() {
		rec, err := decodeToken(data, revoked.Val()[id])
		if err != nil {
			return nil, fmt.Errorf("read token %s: %w", id, err)
		}
		out = append(out, rec)
	}
	return out, nil
}

// lookupTokenScript resolves a hash to the record and its revocation
// time, empty when the token is live; false (redis.Nil) when unknown.
var lookupTokenScript = redis.NewScript(`
local id = redis.call('HGET', KEYS[1], ARGV[1])
if not id then return false end
return {redis.call('HGET', KEYS[2], id), redis.call('HGET', KEYS[3], id) or ''}
`)

// TokenByHash implements auth.Store.
func (s *Store) TokenByHash(ctx context.Context, h auth.Hash) (auth.Record, error) {
	hash, _ := h.MarshalText()
	keys := []string{s.keys.tokens("hashes"), s.keys.tokens("records"), s.keys.tokens("revoked")}
	res, err := lookupTokenScript.Run(ctx, s.rdb, keys, hash).StringSlice()
	if errors.Is(err, redis.Nil) {
		return auth.Record{}, auth.ErrTokenNotFound
	}
	if err != nil {
		return auth.Record{}, fmt.Errorf("look up token: %w", err)
	}
	if len(res) != 2 {
		return auth.Record{}, fmt.Errorf("look up token: %d values from script, want 2", len(res))
	}
	return decodeToken(res[0], res[1])
}

// decodeToken reads a record and applies its revocation time, if any.
func decodeToken(data, revoked string) (auth.Record, error) {
	var rec auth.Record
	if err := json.Unmarshal([]byte(data), &rec); err != nil {
		return auth.Record{}, fmt.Errorf("decode token: %w", err)
	}
	if revoked == "" {
		return rec, nil
	}
	at, err := time.Parse(time.RFC3339Nano, revoked)
	if err != nil {
		return auth.Record{}, fmt.Errorf("decode revocation of %s: %w", rec.ID, err)
	}
	rec.RevokedAt = at
	return rec, nil
}
