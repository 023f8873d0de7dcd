package service

import (
	"context"
	"fmt"

	"github.com/crosscheck/crosscheck/matcher"
)

// Start makes the catalog ready: it builds the indexes of every active
// version the store holds, or, when the store is empty, loads the seeds.
// A restart therefore serves what the store holds without re-loading.
func (l *Lists) Start(ctx context.Context, seeds []Upload) error {
	active, err := l.store.Active(ctx)
	if err != nil {
		return fmt.Errorf("read active list versions: %w", err)
	}
	if len(active) == 0 {
		return l.seed(ctx, seeds)
	}
	return l.rebuild(ctx, active)
}

func (l *Lists) seed(ctx context.Context, seeds []Upload) error {
	for _, s := range seeds {
		v, err := l.Load(ctx, s)
		if err != nil {
			return fmt.Errorf("seed list %s: %w", s.ListID, err)
		}
		l.log.Info("seeded empty store", "list_id", v.ListID, "version", v.Version)
	}
	return nil
}

// rebuild indexes the given stored versions and publishes them as one
// generation.
func (l *Lists) rebuild(ctx context.Context, versions []ListVersion) error {
	built := make([]*loadedList, 0, len(versions))
	for _, v := range versions {
		entries, err := l.store.Entries(ctx, v.ListID, v.Version)
		if err != nil {
			return fmt.Errorf("read list %s version %s: %w", v.ListID, v.Version, err)
		}
		idx, err := matcher.NewIndex(entries, l.optionsFor(v))
		if err != nil {
			return fmt.Errorf("index list %s version %s: %w", v.ListID, v.Version, err)
		}
		built = append(built, &loadedList{version: v, index: idx})
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.catalog.with(built...)
	return nil
}

// optionsFor applies a version's own policy, when it has one.
func (l *Lists) optionsFor(v ListVersion) matcher.Options {
	o := l.opts
	if v.Policy != nil {
		o.Policy = *v.Policy
	}
	return o
}
