package auth_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/auth"
)

func newLimiter(t *testing.T, c *clock, rates map[auth.Role]auth.Rate, maxKeys int) *auth.Limiter {
	t.Helper()
	l, err := auth.NewLimiter(auth.LimiterOptions{Rates: rates, MaxKeys: maxKeys, Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

var (
	gate1 = auth.Principal{TokenID: "tok_1", Name: "gate-1", Role: auth.RoleChecker}
	gate2 = auth.Principal{TokenID: "tok_2", Name: "gate-2", Role: auth.RoleChecker}
	ops   = auth.Principal{TokenID: "tok_3", Name: "ops", Role: auth.RoleAdmin}
)

// A token gets its burst at once, then a rate_limited error that says
// when to come back, and exactly then one more request.
func TestLimiterBurstThenRetryAfter(t *testing.T) {
	c := newClock()
	l := newLimiter(t, c, map[auth.Role]auth.Rate{auth.RoleChecker: {PerSecond: 2, Burst: 3}}, 0)
	for i := range 3 {
		if err := l.Allow(gate1); err != nil {
			t.Fatalf("request %d of the burst: %v", i+1, err)
		}
	}
	err := l.Allow(gate1)
	wantCode(t, err, service.CodeRateLimited, "rate limit of token gate-1 exceeded; retry in 1 s")
	if d, ok := auth.RetryAfter(err); !ok || d != 500*time.Millisecond {
		t.Errorf("RetryAfter: got %v, %v; want 500ms", d, ok)
	}
	c.Advance(499 * time.Millisecond)
	if err := l.Allow(gate1); err == nil {
		t.Error("allowed before the retry time")
	} else if d, _ := auth.RetryAfter(err); d != time.Millisecond {
		t.Errorf("RetryAfter 1 ms before: got %v", d)
	}
	c.Advance(time.Millisecond)
	if err := l.Allow(gate1); err != nil {
		t.Errorf("at the retry time: %v", err)
	}
	if err := l.Allow(gate1); err == nil {
		t.Error("second request at the retry time allowed")
	}
}

// Buckets are per token and rates per role.
func TestLimiterIndependentPerToken(t *testing.T) {
	c := newClock()
	l := newLimiter(t, c, map[auth.Role]auth.Rate{
		auth.RoleChecker: {PerSecond: 1, Burst: 1},
		auth.RoleAdmin:   {PerSecond: 1, Burst: 2},
	}, 0)
	for _, p := range []auth.Principal{gate1, gate2, ops, ops} {
		if err := l.Allow(p); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
	}
	for _, p := range []auth.Principal{gate1, gate2, ops} {
		if err := l.Allow(p); service.ErrorCode(err) != service.CodeRateLimited {
			t.Errorf("%s over its rate: got %v", p.Name, err)
		}
	}
	auditor := auth.Principal{TokenID: "tok_4", Role: auth.RoleAuditor}
	if err := l.Allow(auditor); err != nil {
		t.Errorf("auditor at the default rate: %v", err)
	}
}

func TestLimiterUnlimited(t *testing.T) {
	l := newLimiter(t, newClock(), map[auth.Role]auth.Rate{auth.RoleChecker: {}}, 0)
	for range 1000 {
		if err := l.Allow(gate1); err != nil {
			t.Fatal(err)
		}
	}
	if l.Len() != 0 {
		t.Errorf("unlimited role holds %d buckets", l.Len())
	}
}

// Full buckets are dropped, and the number held never passes MaxKeys.
func TestLimiterMemoryBounded(t *testing.T) {
	c := newClock()
	l := newLimiter(t, c, map[auth.Role]auth.Rate{auth.RoleChecker: {PerSecond: 10, Burst: 5}}, 50)
	for i := range 200 {
		if err := l.Allow(auth.Principal{TokenID: fmt.Sprint(i), Role: auth.RoleChecker}); err != nil {
			t.Fatal(err)
		}
		if l.Len() > 50 {
			t.Fatalf("%d buckets held, bound 50", l.Len())
		}
	}
	c.Advance(time.Minute) // every bucket is full again
	if err := l.Allow(gate1); err != nil {
		t.Fatal(err)
	}
	if l.Len() != 1 {
		t.Errorf("after a minute idle: %d buckets, want 1", l.Len())
	}
}

func TestLimiterOptions(t *testing.T) {
	if _, err := auth.NewLimiter(auth.LimiterOptions{Rates: map[auth.Role]auth.Rate{auth.RoleAdmin: {PerSecond: 1}}}); err == nil {
		t.Error("burst 0: got nil error")
	}
	for d, want := range map[time.Duration]int{0: 1, time.Millisecond: 1, time.Second: 1, 1001 * time.Millisecond: 2} {
		if got := auth.RetryAfterSeconds(d); got != want {
			t.Errorf("RetryAfterSeconds(%v) = %d, want %d", d, got, want)
		}
	}
}

// Under concurrent use exactly the burst gets through.
func TestLimiterConcurrent(t *testing.T) {
	l := newLimiter(t, newClock(), map[auth.Role]auth.Rate{auth.RoleChecker: {PerSecond: 1, Burst: 40}}, 0)
	var mu sync.Mutex
	allowed := 0
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			if l.Allow(gate1) == nil {
				mu.Lock()
				allowed++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if allowed != 40 {
		t.Errorf("%d requests allowed, want the burst of 40", allowed)
	}
}

func TestLimits(t *testing.T) {
	l := auth.Limits{CheckBody: 1024}.WithDefaults()
	d := auth.DefaultLimits()
	if l.CheckBody != 1024 || l.UploadBody != d.UploadBody || l.Max() != d.UploadBody {
		t.Errorf("got %+v", l)
	}
	if err := (auth.Limits{BatchBody: -1}).Validate(); err == nil {
		t.Error("negative limit: got nil error")
	}
	if err := d.Validate(); err != nil {
		t.Errorf("defaults: %v", err)
	}
}
