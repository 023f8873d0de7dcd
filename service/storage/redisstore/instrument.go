package redisstore

import "github.com/redis/go-redis/v9"

// WithClient hands the go-redis client to f before the store sends its
// first command, so that the composition root can add hooks (tracing,
// error counts) while this package stays free of telemetry.
func WithClient(f func(*redis.Client)) Option {
	return func(s *Store) { f(s.rdb) }
}
