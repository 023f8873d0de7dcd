package service

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// ErrStoreLostList is wrapped by Sync when the store no longer knows a
// list this replica serves (Redis came back empty): the replica keeps
// serving it from memory, but a restart would lose it until re-uploaded.
var ErrStoreLostList = errors.New("the list store lost lists this replica serves")

// Start makes the catalog ready: it builds the indexes of every active
// version the store holds, or, when the store holds no list at all, loads
// the seeds. A restart therefore serves what the store holds without
// re-loading, and lists an administrator deactivated stay deactivated.
func (l *Lists) Start(ctx context.Context, seeds []Upload) error {
	ids, err := l.store.ListIDs(ctx)
	if err != nil {
		return fmt.Errorf("read list ids: %w", err)
	}
	if len(ids) == 0 {
		if err := l.seed(ctx, seeds); err != nil {
			return err
		}
	}
	return l.Sync(ctx)
}

// seed loads the bundled lists into an empty store. Replicas starting
// together on one empty Redis all try; the seed's version id is its
// content hash, so exactly one save wins and the others only sync.
func (l *Lists) seed(ctx context.Context, seeds []Upload) error {
	for _, s := range seeds {
		s.seed = true
		v, err := l.Load(ctx, s)
		if ErrorCode(err) == CodeConflict {
			l.log.Info("another replica seeded the list", "list_id", s.ListID)
			continue
		}
		if err != nil {
			return fmt.Errorf("seed list %s: %w", s.ListID, err)
		}
		l.log.Info("seeded empty store", "list_id", v.ListID, "version", v.Version)
	}
	return nil
}

// Sync makes the catalog serve what the store has active: it rebuilds
// the lists whose active version changed and drops the ones that were
// deactivated. Replicas call it on every change notification and now and
// then, since notifications can be lost. A list the store no longer knows
// at all keeps serving (see ErrStoreLostList).
func (l *Lists) Sync(ctx context.Context) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	active, err := l.store.Active(ctx)
	if err != nil {
		return fmt.Errorf("read active list versions: %w", err)
	}
	known, err := l.store.ListIDs(ctx)
	if err != nil {
		return fmt.Errorf("read list ids: %w", err)
	}
	add, err := l.changed(ctx, active)
	if err != nil {
		return err
	}
	drop, lost := l.gone(active, known)
	if len(add) > 0 || len(drop) > 0 {
		l.catalog.update(add, drop)
	}
	for _, b := range add {
		l.log.Info("list version followed", "list_id", b.version.ListID, "version", b.version.Version, "entries", b.version.Entries)
	}
	if len(lost) > 0 {
		return fmt.Errorf("%w: %s", ErrStoreLostList, strings.Join(lost, ", "))
	}
	return nil
}

// changed builds the active versions this replica does not serve yet.
func (l *Lists) changed(ctx context.Context, active []ListVersion) ([]*loadedList, error) {
	var out []*loadedList
	for _, v := range active {
		if s, ok := l.catalog.serving(v.ListID); ok && s.Version == v.Version {
			continue
		}
		b, err := l.build(ctx, v)
		if err != nil {
			return nil, fmt.Errorf("build list %s version %s: %w", v.ListID, v.Version, err)
		}
		out = append(out, b)
	}
	return out, nil
}

// gone splits the served lists that have no active version into those
// deactivated (the store still knows them) and those the store lost.
func (l *Lists) gone(active []ListVersion, known []string) (drop, lost []string) {
	isActive := map[string]bool{}
	for _, v := range active {
		isActive[v.ListID] = true
	}
	isKnown := map[string]bool{}
	for _, id := range known {
		isKnown[id] = true
	}
	for _, v := range l.catalog.Active() {
		switch {
		case isActive[v.ListID]:
		case isKnown[v.ListID]:
			drop = append(drop, v.ListID)
		default:
			lost = append(lost, v.ListID)
		}
	}
	return drop, lost
}

// optionsFor applies a version's own policy, when it has one.
func (l *Lists) optionsFor(v ListVersion) matcher.Options {
	o := l.opts
	if v.Policy != nil {
		o.Policy = *v.Policy
	}
	return o
}
