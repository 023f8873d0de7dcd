package redisstore

import "github.com/redis/go-redis/v9"

// WithClient hands the go-redis client to f before the store sends its
// first command, so that the composition root can add hooks (tracing,
// error counts) while this package stays free of telemetry.
//
// The client is a *redis.Client for one Redis or a Sentinel master and a
// *redis.ClusterClient for a cluster; hooks added to either see every
// command the store sends (a cluster client's hooks run once per command,
// above its redirections).
func WithClient(f func(redis.UniversalClient)) Option {
	return func(s *Store) { f(s.rdb) }
}
