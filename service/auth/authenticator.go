package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/service"
)

// DefaultCacheTTL bounds how long a replica trusts what it read from the
// store: a token revoked on another replica stops working there within
// this time. The replica that revokes drops the token at once.
const DefaultCacheTTL = 5 * time.Second

// DefaultOutageGrace is how long after its last confirmation a token read
// from the store keeps working while the store cannot be reached: a border
// post must go on checking through a Redis outage, and a revocation made
// during one could not reach this replica anyway.
const DefaultOutageGrace = time.Hour

// Options configure an Authenticator.
type Options struct {
	// Tokens are the configured tokens (ParseTokens, LoadTokensFile),
	// held in memory. Names and secrets must be unique across them.
	Tokens []Record
	// Store holds the tokens created through the API and by bootstrap.
	Store Store
	// CacheTTL is how long a store lookup is reused; DefaultCacheTTL when
	// zero, at most one minute.
	CacheTTL time.Duration
	// OutageGrace is how long a token last confirmed by the store keeps
	// working while the store is unreachable; DefaultOutageGrace when
	// zero, at most a day.
	OutageGrace time.Duration
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Authenticator turns bearer tokens into principals and manages the
// tokens of the store. It is safe for concurrent use.
type Authenticator struct {
	static map[Hash]Record
	names  map[string]bool // names of configured tokens
	store  Store
	ttl    time.Duration
	grace  time.Duration
	now    func() time.Time
	cache  cache
}

// Principal is an authenticated caller.
type Principal struct {
	TokenID string
	Name    string
	Role    Role
}

// New checks the options and returns an Authenticator.
func New(opts Options) (*Authenticator, error) {
	if opts.Store == nil {
		return nil, errors.New("auth: no token store")
	}
	if opts.CacheTTL < 0 || opts.CacheTTL > time.Minute {
		return nil, fmt.Errorf("auth: cache TTL %s outside 0..1m", opts.CacheTTL)
	}
	if opts.OutageGrace < 0 || opts.OutageGrace > 24*time.Hour {
		return nil, fmt.Errorf("auth: outage grace %s outside 0..24h", opts.OutageGrace)
	}
	a := &Authenticator{static: map[Hash]Record{}, names: map[string]bool{},
		store: opts.Store, ttl: opts.CacheTTL, grace: opts.OutageGrace, now: opts.Now}
	if a.ttl == 0 {
		a.ttl = DefaultCacheTTL
	}
	if a.grace == 0 {
		a.grace = DefaultOutageGrace
	}
	if a.now == nil {
		a.now = time.Now
	}
	var c collector // configuration and file together: names stay unique
	for _, rec := range opts.Tokens {
		if err := c.addRecord(rec, "token "+rec.ID); err != nil {
			return nil, fmt.Errorf("auth: %w", err)
		}
		a.static[rec.Hash], a.names[rec.Name] = rec, true
	}
	return a, nil
}

// Authenticate checks the value of an Authorization header. Every failure
// is a service error with CodeUnauthorized whose message says what was
// wrong (missing, malformed, unknown, revoked) without repeating the
// token; a store failure is CodeUnavailable.
func (a *Authenticator) Authenticate(ctx context.Context, header string) (Principal, error) {
	secret, err := bearer(header)
	if err != nil {
		return Principal{}, err
	}
	h := HashSecret(secret)
	rec, found, err := a.lookup(ctx, h)
	if err != nil {
		return Principal{}, err
	}
	// The lookup matched on the hash already; this comparison keeps the
	// decision independent of how an adapter found the record (a store
	// bug returning a wrong record must not let anyone in), and it takes
	// the same time whatever the bytes. Comparing hashes rather than
	// secrets is what makes the map lookup safe: its timing can reveal
	// at most something about a hash, and no one can choose a secret for
	// a wanted hash.
	if !found || subtle.ConstantTimeCompare(rec.Hash[:], h[:]) != 1 {
		return Principal{}, service.Errorf(service.CodeUnauthorized, "unknown bearer token")
	}
	if rec.Revoked() {
		return Principal{}, service.Errorf(service.CodeUnauthorized, "bearer token %s was revoked", rec.ID)
	}
	return Principal{TokenID: rec.ID, Name: rec.Name, Role: rec.Role}, nil
}

// Authorize allows p only where its own role is needed: roles do not
// include one another.
func Authorize(p Principal, need Role) error {
	if p.Role == need {
		return nil
	}
	return service.Errorf(service.CodeForbidden, "token %s has role %s; this endpoint needs %s", p.Name, p.Role, need)
}

// bearer extracts the token of an "Authorization: Bearer <token>" header.
func bearer(header string) (string, error) {
	header = strings.TrimSpace(header)
	if header == "" {
		return "", service.Errorf(service.CodeUnauthorized, "missing bearer token: send Authorization: Bearer <token>")
	}
	scheme, token, _ := strings.Cut(header, " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", service.Errorf(service.CodeUnauthorized, "malformed Authorization header: want the Bearer scheme")
	}
	token = strings.TrimSpace(token)
	if len(token) < MinSecretLen || len(token) > MaxSecretLen || !isTokenText(token) {
		return "", service.Errorf(service.CodeUnauthorized,
			"malformed bearer token: want %d to %d characters of letters, digits, - . _ ~ + / =", MinSecretLen, MaxSecretLen)
	}
	return token, nil
}

// lookup finds the record of a hash: configured tokens first, then the
// cache, then the store. Unknown hashes are not cached, so a token created
// on another replica works at once. When the store cannot be reached, a
// record it confirmed within the outage grace is used as it was.
func (a *Authenticator) lookup(ctx context.Context, h Hash) (Record, bool, error) {
	if rec, ok := a.static[h]; ok {
		return rec, true, nil
	}
	now := a.now()
	cachedRec, fresh, known := a.cache.get(h, now)
	if fresh {
		return cachedRec, true, nil
	}
	rec, err := a.store.TokenByHash(ctx, h)
	if errors.Is(err, ErrTokenNotFound) {
		a.cache.drop(h)
		return Record{}, false, nil
	}
	if err != nil {
		if known {
			return cachedRec, true, nil
		}
		return Record{}, false, service.Wrap(service.CodeUnavailable, err, "token store unavailable")
	}
	a.cache.put(h, rec, now, a.ttl, a.grace)
	return rec, true, nil
}

// maxCached bounds the cache. Only tokens found in the store are cached,
// so the bound is reached only with that many live tokens in use.
const maxCached = 10_000

// cache keeps store records for a short time so that the hot path does not
// ask the store on every request. The zero value is ready.
type cache struct {
	mu      sync.Mutex
	entries map[Hash]cached
}

// cached is a store record: fresh until expires, then usable only while
// the store cannot be reached, until stale.
type cached struct {
	rec     Record
	expires time.Time
	stale   time.Time
}

// get returns the record of h: fresh when it may be used as is, known
// when it may be used because the store is unreachable.
func (c *cache) get(h Hash, now time.Time) (rec Record, fresh, known bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[h]
	if !ok || !now.Before(e.stale) {
		return Record{}, false, false
	}
	return e.rec, now.Before(e.expires), true
}

func (c *cache) drop(h Hash) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, h)
}

func (c *cache) put(h Hash, rec Record, now time.Time, ttl, grace time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[Hash]cached{}
	}
	if len(c.entries) >= maxCached {
		c.prune(now)
	}
	c.entries[h] = cached{rec: rec, expires: now.Add(ttl), stale: now.Add(grace)}
}

// prune drops what has expired, or everything if that frees nothing: a
// full cache costs store lookups, never wrong answers.
func (c *cache) prune(now time.Time) {
	for h, e := range c.entries {
		if !now.Before(e.expires) {
			delete(c.entries, h)
		}
	}
	if len(c.entries) >= maxCached {
		clear(c.entries)
	}
}

// dropID forgets the token with this id, so that a revocation takes effect
// at once on the replica that made it.
func (c *cache) dropID(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for h, e := range c.entries {
		if e.rec.ID == id {
			delete(c.entries, h)
		}
	}
}
