// Package redisstore is the list store shared by replicas: every replica
// reads list versions from one Redis and follows activations through
// Redis pub/sub, so an upload to any replica reaches all of them.
//
// Layout, for list id ID under the key prefix P (default "cc:"):
//
//	P lists                           set of list ids
//	P list:{ID}:versions              hash version → ListVersion JSON
//	P list:{ID}:order                 list of version ids in save order
//	P list:{ID}:active                the active version id
//	P list:{ID}:v:VERSION:entries     list of Entry JSON in saved order
//	P lists:changed                   pub/sub channel of activations and deactivations
//	P docs:ID:VERSION:...             records and filter of a documents list (docs.go)
//
// The braces are a Redis Cluster hash tag: all keys of one list live in one
// slot, so the scripts that touch several of them stay valid on a cluster.
// Every script and MULTI takes the keys of one list, one token set or one
// audit chain only; keys of several (P lists, P audit:chains, documents
// buckets) are only ever used in pipelines, which a cluster client splits
// by node. The prefix must hold no braces, or every key would share its
// slot.
// Saved versions are immutable, which is why reads need no transaction.
package redisstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/service"
)

// Store is a service.ListStore in Redis.
type Store struct {
	rdb     redis.UniversalClient // *redis.Client, or *redis.ClusterClient
	keys    keys
	layouts docLayouts // documents lists' bucket counts
}

var _ service.ListStore = (*Store)(nil)

// An Option changes how Open sets up the store.
type Option func(*Store)

// WithPrefix puts every key and the notification channel under prefix
// instead of "cc:", so that several deployments (or tests) can share one
// Redis without seeing each other.
func WithPrefix(prefix string) Option {
	return func(s *Store) { s.keys.prefix = prefix }
}

// Open connects to the Redis at url and checks that it answers. The url
// names one of three deployments (see newClient in url.go):
//
//	redis://[user:password@]host:port/db              one Redis (rediss:// for TLS)
//	redis://s1:26379/0?master_name=M&addr=s2:26379    Sentinels, following failovers
//	redis://n1:7000?cluster=true&addr=n2:7000          a Redis Cluster (database 0 only)
func Open(ctx context.Context, url string, opts ...Option) (*Store, error) {
	rdb, where, err := newClient(url)
	if err != nil {
		return nil, fmt.Errorf("redis store: invalid url: %w", withoutURL(err))
	}
	s := &Store{rdb: rdb, keys: keys{prefix: "cc:"}}
	for _, opt := range opts {
		opt(s)
	}
	if strings.ContainsAny(s.keys.prefix, "{}") {
		s.rdb.Close()
		return nil, fmt.Errorf("redis store: key prefix %q holds a brace: Redis Cluster would take it for a hash tag and put every key in one slot", s.keys.prefix)
	}
	if err := s.rdb.Ping(ctx).Err(); err != nil {
		s.rdb.Close()
		return nil, fmt.Errorf("redis store: ping %s: %w", where, err)
	}
	return s, nil
}

// Close closes the connections. Cancel the contexts of subscriptions
// first: they stop with their context.
func (s *Store) Close() error { return s.rdb.Close() }

// keys names every Redis key and channel of the store.
type keys struct{ prefix string }

func (k keys) lists() string   { return k.prefix + "lists" }
func (k keys) changed() string { return k.prefix + "lists:changed" }

func (k keys) list(id string) string     { return k.prefix + "list:{" + id + "}:" }
func (k keys) versions(id string) string { return k.list(id) + "versions" }
func (k keys) order(id string) string    { return k.list(id) + "order" }
func (k keys) active(id string) string   { return k.list(id) + "active" }

func (k keys) entries(id, version string) string {
	return k.list(id) + "v:" + version + ":entries"
}

// pending holds entries while a save is in progress; token keeps two
// concurrent saves of the same version apart.
func (k keys) pending(id, version, token string) string {
	return k.list(id) + "v:" + version + ":pending:" + token
}
