package service

import (
	"context"
	"errors"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
)

// VersionInfo is a stored version as an administrator sees it.
type VersionInfo struct {
	ListVersion
	Active     bool  `json:"active"`
	AgeSeconds int64 `json:"age_seconds"` // since it was loaded
}

// ListDetail is one list: every kept version, which one the store has
// active and which one this replica serves (they differ for a moment
// after an update elsewhere, and while the store is unreachable).
type ListDetail struct {
	ListID   string        `json:"list_id"`
	Active   string        `json:"active,omitempty"`
	Serving  string        `json:"serving,omitempty"`
	Versions []VersionInfo `json:"versions"`
}

// ListSummary is one list in the overview.
type ListSummary struct {
	ListID   string       `json:"list_id"`
	Active   *VersionInfo `json:"active"` // null: deactivated
	Serving  string       `json:"serving,omitempty"`
	Versions int          `json:"versions"`
}

// Activate makes a kept version the active one (a rollback, or a roll
// forward again) on every replica.
func (l *Lists) Activate(ctx context.Context, listID, version string) (ListVersion, error) {
	release, err := l.claim(listID)
	if err != nil {
		return ListVersion{}, err
	}
	defer release()
	v, err := l.findVersion(ctx, listID, version)
	if err != nil {
		return ListVersion{}, err
	}
	built, err := l.build(ctx, v)
	if err != nil {
		return ListVersion{}, Wrap(CodeUnavailable, err, "the list store could not read the version; the active version keeps serving")
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.store.Activate(ctx, listID, version); err != nil {
		return ListVersion{}, Wrap(CodeUnavailable, err, "the list store could not activate the version; the active version keeps serving")
	}
	l.catalog.update([]*loadedList{built}, nil)
	l.log.Info("list version activated", "list_id", listID, "version", version, "entries", v.Entries)
	return v, nil
}

// Deactivate stops checks from using a list, on every replica. Its
// versions are kept, for a later Activate and for replaying old checks.
func (l *Lists) Deactivate(ctx context.Context, listID string) error {
	release, err := l.claim(listID)
	if err != nil {
		return err
	}
	defer release()
	l.mu.Lock()
	defer l.mu.Unlock()
	err = l.store.Deactivate(ctx, listID)
	if errors.Is(err, ErrNoVersion) {
		return Errorf(CodeNotFound, "list %s is not active", listID)
	}
	if err != nil {
		return Wrap(CodeUnavailable, err, "the list store could not deactivate the list; retry later")
	}
	l.catalog.update(nil, []string{listID})
	l.log.Info("list deactivated", "list_id", listID)
	return nil
}

func (l *Lists) findVersion(ctx context.Context, listID, version string) (ListVersion, error) {
	versions, err := l.store.Versions(ctx, listID)
	if err != nil {
		return ListVersion{}, Wrap(CodeUnavailable, err, "the list store is unavailable; retry later")
	}
	for _, v := range versions {
		if v.Version == version {
			return v, nil
		}
	}
	return ListVersion{}, Errorf(CodeNotFound, "list %s has no version %q (see GET /v1/lists/%s)", listID, version, listID)
}

// build reads a stored version and indexes it; a documents version kept
// in the document store loads only its filter.
func (l *Lists) build(ctx context.Context, v ListVersion) (*loadedList, error) {
	if built, err := l.buildDocuments(ctx, v); !isNotStoredDocuments(err) {
		return built, err
	}
	entries, err := l.store.Entries(ctx, v.ListID, v.Version)
	if err != nil {
		return nil, err
	}
	idx, err := matcher.NewIndex(entries, l.optionsFor(v))
	if err != nil {
		return nil, err
	}
	return &loadedList{version: v, index: idx}, nil
}

// Detail describes one list.
func (l *Lists) Detail(ctx context.Context, listID string) (ListDetail, error) {
	versions, err := l.store.Versions(ctx, listID)
	if err != nil {
		return ListDetail{}, Wrap(CodeUnavailable, err, "the list store is unavailable; retry later")
	}
	if len(versions) == 0 {
		return ListDetail{}, Errorf(CodeNotFound, "no list %q", listID)
	}
	active, err := l.activeVersion(ctx, listID)
	if err != nil {
		return ListDetail{}, err
	}
	d := ListDetail{ListID: listID, Active: active.Version, Versions: make([]VersionInfo, len(versions))}
	if s, ok := l.catalog.serving(listID); ok {
		d.Serving = s.Version
	}
	for i, v := range versions {
		d.Versions[i] = l.info(v, v.Version == active.Version)
	}
	return d, nil
}

// Overview summarises every list the store knows, active or not.
func (l *Lists) Overview(ctx context.Context) ([]ListSummary, error) {
	ids, err := l.store.ListIDs(ctx)
	if err != nil {
		return nil, Wrap(CodeUnavailable, err, "the list store is unavailable; retry later")
	}
	out := make([]ListSummary, 0, len(ids))
	for _, id := range ids {
		d, err := l.Detail(ctx, id)
		if ErrorCode(err) == CodeNotFound {
			continue // its last version was deleted meanwhile
		}
		if err != nil {
			return nil, err
		}
		out = append(out, summarise(d))
	}
	return out, nil
}

func summarise(d ListDetail) ListSummary {
	s := ListSummary{ListID: d.ListID, Serving: d.Serving, Versions: len(d.Versions)}
	for i := range d.Versions {
		if d.Versions[i].Active {
			s.Active = &d.Versions[i]
		}
	}
	return s
}

func (l *Lists) info(v ListVersion, active bool) VersionInfo {
	return VersionInfo{ListVersion: v, Active: active, AgeSeconds: int64(l.now().Sub(v.LoadedAt) / time.Second)}
}

// prune applies retention after an activation: the oldest versions go
// until keep remain, never the active one. A failure only delays the
// cleanup to the next upload, so it is logged, not returned.
func (l *Lists) prune(ctx context.Context, listID string) {
	versions, err := l.store.Versions(ctx, listID)
	if err != nil {
		l.log.Warn("retention: cannot read versions", "list_id", listID, "err", err)
		return
	}
	l.sweepDocuments(ctx, listID, versions)
	excess := len(versions) - l.keep
	for _, v := range versions {
		if excess <= 0 {
			return
		}
		err := l.store.DeleteVersion(ctx, listID, v.Version)
		if errors.Is(err, ErrVersionActive) {
			continue
		}
		if err != nil {
			l.log.Warn("retention: cannot delete version", "list_id", listID, "version", v.Version, "err", err)
			return
		}
		if err := l.deleteDocuments(ctx, v); err != nil {
			l.log.Warn("retention: cannot delete the version's documents", "list_id", listID, "version", v.Version, "err", err)
		}
		l.log.Info("retention: deleted version", "list_id", listID, "version", v.Version)
		excess--
	}
}
