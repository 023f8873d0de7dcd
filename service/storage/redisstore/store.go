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
// Saved versions are immutable, which is why reads need no transaction.
package redisstore

import (
	"context"
	"errors"
	"fmt"
	neturl "net/url"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/service"
)

// Store is a service.ListStore in Redis.
type Store struct {
	rdb     *redis.Client
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

// Open connects to the Redis at url (redis://[user:password@]host:port/db
// or rediss:// for TLS) and checks that it answers. A url with a
// master_name parameter names Redis Sentinels instead
// (redis://sentinel1:26379/0?master_name=M&addr=sentinel2:26379): the
// client asks them for the master and follows a failover.
func Open(ctx context.Context, url string, opts ...Option) (*Store, error) {
	rdb, where, err := newClient(url)
	if err != nil {
		// A url.Error quotes the URL, and the URL may hold a password.
		var ue *neturl.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("redis store: invalid url: %w", err)
	}
	s := &Store{rdb: rdb, keys: keys{prefix: "cc:"}}
	for _, opt := range opts {
		opt(s)
	}
	if err := s.rdb.Ping(ctx).Err(); err != nil {
		s.rdb.Close()
		return nil, fmt.Errorf("redis store: ping %s: %w", where, err)
	}
	return s, nil
}

// newClient makes a client for a single Redis or, when the url names a
// Sentinel master, a failover client; where says what it talks to, for
// errors (never the password).
func newClient(url string) (rdb *redis.Client, where string, err error) {
	u, err := neturl.Parse(url)
	if err != nil {
		return nil, "", err
	}
	if master := u.Query().Get("master_name"); master != "" {
		fo, err := redis.ParseFailoverURL(url)
		if err != nil {
			return nil, "", err
		}
		return redis.NewFailoverClient(fo), fmt.Sprintf("master %q via sentinels %v", master, fo.SentinelAddrs), nil
	}
	o, err := redis.ParseURL(url)
	if err != nil {
		return nil, "", err
	}
	return redis.NewClient(o), o.Addr, nil
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
