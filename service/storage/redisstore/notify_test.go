package redisstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/redisstore"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

const waitChange = 5 * time.Second

func saveVersion(t *testing.T, s *redisstore.Store, listID, version string) {
	t.Helper()
	v := service.ListVersion{ListID: listID, Version: version, LoadedAt: time.Now().UTC()}
	if err := s.SaveVersion(context.Background(), v, nil); err != nil {
		t.Fatal(err)
	}
}

func nextChange(t *testing.T, ch <-chan redisstore.Change) redisstore.Change {
	t.Helper()
	select {
	case c, ok := <-ch:
		if !ok {
			t.Fatal("subscription closed early")
		}
		return c
	case <-time.After(waitChange):
		t.Fatalf("no change within %s", waitChange)
	}
	return redisstore.Change{}
}

// One replica activates; another, with its own client, hears of it. A
// failed activation and another prefix's activation are not announced:
// they are made first, so the first change received must be ours.
func TestSubscribeSeesActivations(t *testing.T) {
	subscribeSeesActivations(t, redistest.Start(t))
}

func subscribeSeesActivations(t *testing.T, url string) {
	prefix := newPrefix()
	follower, leader := open(t, url, prefix), open(t, url, prefix)
	other := open(t, url, newPrefix())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes, err := follower.Subscribe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	saveVersion(t, leader, "un", "v1")
	saveVersion(t, other, "un", "v1")
	if err := leader.Activate(ctx, "un", "v0"); err == nil {
		t.Fatal("Activate of an unknown version: got nil error")
	}
	if err := other.Activate(ctx, "un", "v1"); err != nil {
		t.Fatal(err)
	}
	if err := leader.Activate(ctx, "un", "v1"); err != nil {
		t.Fatal(err)
	}
	if got, want := nextChange(t, changes), (redisstore.Change{ListID: "un", Version: "v1"}); got != want {
		t.Errorf("change: got %+v, want %+v", got, want)
	}
	cancel()
	for range changes { // must close once ctx ends
	}
}

// A deactivation is announced as a change with no version.
func TestSubscribeSeesDeactivations(t *testing.T) {
	subscribeSeesDeactivations(t, redistest.Start(t))
}

func subscribeSeesDeactivations(t *testing.T, url string) {
	s := open(t, url, newPrefix())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes, err := s.Subscribe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	saveVersion(t, s, "un", "v1")
	if err := s.Activate(ctx, "un", "v1"); err != nil {
		t.Fatal(err)
	}
	nextChange(t, changes)
	if err := s.Deactivate(ctx, "un"); err != nil {
		t.Fatal(err)
	}
	if got, want := nextChange(t, changes), (redisstore.Change{ListID: "un"}); got != want {
		t.Errorf("change: got %+v, want %+v", got, want)
	}
}
