package auth

import (
	"errors"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/service"
)

// Rate is a token bucket: PerSecond requests on average and up to Burst
// at once. A PerSecond of zero or less means no limit.
type Rate struct {
	PerSecond float64
	Burst     int
}

// DefaultRates are per token, by role. A checker token may front a whole
// border post, so it gets the most; admin and auditor calls are rare and
// heavy.
var DefaultRates = map[Role]Rate{
	RoleChecker: {PerSecond: 200, Burst: 400},
	RoleAdmin:   {PerSecond: 5, Burst: 20},
	RoleAuditor: {PerSecond: 20, Burst: 40},
}

// LimiterOptions configure a Limiter.
type LimiterOptions struct {
	// Rates by role; a role missing here gets DefaultRates.
	Rates map[Role]Rate
	// MaxKeys bounds the number of tokens tracked at once; default 100000.
	MaxKeys int
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Limiter rate-limits principals, one bucket per token id at the rate of
// the token's role. It is safe for concurrent use.
//
// Each bucket is a single time, the moment it will be full again (the
// generic cell rate algorithm), so a bucket costs one map entry and an
// idle bucket can be dropped without changing any answer: a full bucket
// and a missing one behave the same.
type Limiter struct {
	rates   map[Role]Rate
	max     int
	now     func() time.Time
	mu      sync.Mutex
	fullAt  map[string]time.Time
	sweptAt time.Time
}

// sweepEvery is how often full buckets are dropped.
const sweepEvery = 10 * time.Second

// NewLimiter checks the options and returns a Limiter.
func NewLimiter(opts LimiterOptions) (*Limiter, error) {
	l := &Limiter{rates: map[Role]Rate{}, max: opts.MaxKeys, now: opts.Now, fullAt: map[string]time.Time{}}
	for _, role := range Roles {
		r, ok := opts.Rates[role]
		if !ok {
			r = DefaultRates[role]
		}
		if r.PerSecond > 0 && r.Burst < 1 {
			return nil, fmt.Errorf("rate limit of %s: burst %d, want at least 1", role, r.Burst)
		}
		l.rates[role] = r
	}
	if l.max <= 0 {
		l.max = 100_000
	}
	if l.now == nil {
		l.now = time.Now
	}
	return l, nil
}

// Allow takes one request from p's bucket, or fails with a service error
// of CodeRateLimited whose RetryAfter (see RetryAfter) says when the next
// request will be allowed.
func (l *Limiter) Allow(p Principal) error {
	r := l.rates[p.Role]
	if r.PerSecond <= 0 {
		return nil
	}
	now := l.now()
	interval := time.Duration(float64(time.Second) / r.PerSecond)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	full := l.fullAt[p.TokenID]
	if full.Before(now) {
		full = now
	}
	next := full.Add(interval)
	// The bucket holds Burst requests: a request is allowed while the
	// bucket would be full again no later than Burst intervals from now.
	if wait := next.Sub(now) - time.Duration(r.Burst)*interval; wait > 0 {
		return limited(p, wait)
	}
	l.fullAt[p.TokenID] = next
	return nil
}

// sweep drops full buckets every sweepEvery, or at once when the map is
// at its bound; if that frees nothing, one arbitrary bucket goes, which
// only resets that token's limit. Keys are authenticated token ids, so
// the bound is only reached with that many live tokens.
func (l *Limiter) sweep(now time.Time) {
	if now.Sub(l.sweptAt) < sweepEvery && len(l.fullAt) < l.max {
		return
	}
	l.sweptAt = now
	for id, full := range l.fullAt {
		if !full.After(now) {
			delete(l.fullAt, id)
		}
	}
	for id := range l.fullAt {
		if len(l.fullAt) < l.max {
			break
		}
		delete(l.fullAt, id)
	}
}

// Len returns the number of buckets held, for tests and metrics.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.fullAt)
}

// RateLimitError is the cause inside a rate_limited service error.
type RateLimitError struct {
	RetryAfter time.Duration
}

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("rate limited; retry after %s", e.RetryAfter)
}

// RetryAfter returns the wait carried by a rate-limit error from Allow.
// HTTP's Retry-After header wants whole seconds: RetryAfterSeconds.
func RetryAfter(err error) (time.Duration, bool) {
	var e *RateLimitError
	if errors.As(err, &e) {
		return e.RetryAfter, true
	}
	return 0, false
}

// RetryAfterSeconds rounds a wait up to whole seconds, at least 1, for
// the Retry-After header.
func RetryAfterSeconds(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}

func limited(p Principal, wait time.Duration) error {
	return service.Wrap(service.CodeRateLimited, &RateLimitError{RetryAfter: wait},
		fmt.Sprintf("rate limit of token %s exceeded; retry in %d s", p.Name, RetryAfterSeconds(wait)))
}

// Limits bound request bodies by endpoint, and so by role: a checker sends
// one traveller (or a batch), only an admin uploads a whole list. The API
// enforces them per route; the server's own body limit must be at least
// Max, since Fiber applies one limit to every route before routing.
type Limits struct {
	CheckBody  int64 // POST /v1/check (checker)
	BatchBody  int64 // POST /v1/check/batch (checker)
	UploadBody int64 // list upload (admin)
	AdminBody  int64 // other admin bodies, such as token creation (admin)
}

// DefaultLimits: a traveller is a few hundred bytes, a batch of 1000 a
// few hundred KiB, and list files run to hundreds of MiB (OFAC's full XML
// is over 100 MiB).
func DefaultLimits() Limits {
	return Limits{
		CheckBody:  64 << 10,
		BatchBody:  8 << 20,
		UploadBody: 1 << 30,
		AdminBody:  64 << 10,
	}
}

// WithDefaults fills zero fields from DefaultLimits.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits()
	for _, f := range []struct{ v, def *int64 }{
		{&l.CheckBody, &d.CheckBody}, {&l.BatchBody, &d.BatchBody},
		{&l.UploadBody, &d.UploadBody}, {&l.AdminBody, &d.AdminBody},
	} {
		if *f.v == 0 {
			*f.v = *f.def
		}
	}
	return l
}

// Validate rejects negative and absurd limits.
func (l Limits) Validate() error {
	for _, f := range []struct {
		name string
		v    int64
	}{
		{"check body", l.CheckBody}, {"batch body", l.BatchBody},
		{"upload body", l.UploadBody}, {"admin body", l.AdminBody},
	} {
		if f.v < 0 || f.v > math.MaxInt32 {
			return fmt.Errorf("%s limit %d outside 0..%d bytes", f.name, f.v, math.MaxInt32)
		}
	}
	return nil
}

// Max is the largest limit: the server-wide body limit.
func (l Limits) Max() int64 {
	return max(l.CheckBody, l.BatchBody, l.UploadBody, l.AdminBody)
}
