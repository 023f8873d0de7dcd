package redisstore

import "github.com/redis/go-redis/v9"

// WithClient hands the go-redis client to f before the store sends its
// first command, so that the composition root can add hooks (tracing,
// error counts) while this package stays free of telemetry.
//
// The client is a *redis.Client for one Redis or a Sentinel master and a
// *redis.ClusterClient for a cluster. The process and pipeline hooks of
// either see every command the store sends, a cluster client's once per
// command, above its redirections. A cluster client dials through its
// node clients, so its own dial hook never runs: an unreachable node
// shows as the failed command instead (redisotel reaches the nodes
// through ClusterClient.OnNewNode).
func WithClient(f func(redis.UniversalClient)) Option {
	return func(s *Store) { f(s.rdb) }
}
