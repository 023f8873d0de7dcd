package main

import (
	"context"
	"errors"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/redisstore"
)

// syncInterval is how often a replica compares what it serves with the
// store's active versions. Notifications make updates fast; this catches
// the ones pub/sub lost (it delivers at most once, and nothing while the
// connection is down).
const syncInterval = 2 * time.Second

// syncTimeout bounds one Sync, which may read and index whole lists.
const syncTimeout = 2 * time.Minute

// subscriber is a store that announces list changes (redisstore).
type subscriber interface {
	Subscribe(ctx context.Context) (<-chan redisstore.Change, error)
}

// follower keeps this replica's catalog in step with a shared store and
// says whether the store is reachable (api.Health).
type follower struct {
	lists    *service.Lists
	sub      subscriber // nil: the embedded store, nobody else changes it
	log      *slog.Logger
	degraded atomic.Bool
}

func newFollower(st store, lists *service.Lists, log *slog.Logger) *follower {
	f := &follower{lists: lists, log: log}
	if sub, ok := st.(subscriber); ok {
		f.sub = sub
	}
	return f
}

// Degraded reports whether the last round trip to the store failed.
func (f *follower) Degraded() bool { return f.degraded.Load() }

// start runs the follower in a goroutine until ctx ends or the returned
// stop is called; stop waits for it.
func (f *follower) start(ctx context.Context) (stop func()) {
	if f.sub == nil {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); f.run(ctx) }()
	return func() { cancel(); <-done }
}

func (f *follower) run(ctx context.Context) {
	changes := f.subscribe(ctx)
	tick := time.NewTicker(syncInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case _, ok := <-changes:
			if !ok {
				changes = nil // resubscribed on the next tick
				continue
			}
			f.sync(ctx)
		case <-tick.C:
			if changes == nil {
				changes = f.subscribe(ctx)
			}
			f.sync(ctx)
		}
	}
}

// subscribe returns the change channel, or nil while the store is out of
// reach (a nil channel never delivers; the next tick tries again).
func (f *follower) subscribe(ctx context.Context) <-chan redisstore.Change {
	changes, err := f.sub.Subscribe(ctx)
	if err != nil {
		f.setDegraded(err)
		return nil
	}
	return changes
}

func (f *follower) sync(ctx context.Context) {
	sctx, cancel := context.WithTimeout(ctx, syncTimeout)
	defer cancel()
	err := f.lists.Sync(sctx)
	if ctx.Err() == nil {
		f.setDegraded(err)
	}
}

// setDegraded records the outcome of a store round trip and logs only
// the changes of state, not every failed attempt.
func (f *follower) setDegraded(err error) {
	was := f.degraded.Swap(err != nil)
	switch {
	case err != nil && !was:
		level := slog.LevelError
		if errors.Is(err, service.ErrStoreLostList) {
			level = slog.LevelWarn
		}
		f.log.Log(context.Background(), level, "list store degraded: serving the lists in memory", "err", err)
	case err == nil && was:
		f.log.Info("list store reachable again: following its active versions")
	}
}
