package service

import (
	"context"
	"sort"
	"sync/atomic"

	"github.com/crosscheck/crosscheck/matcher"
)

// loadedList is one active list version with its built index, or, for a
// documents list kept in the store, its filter and the store.
type loadedList struct {
	version ListVersion
	index   *matcher.Index
	docs    *documentList
}

// check runs a query against the list. A non-empty warning says the list
// could not be fully checked (its store did not answer).
func (l *loadedList) check(ctx context.Context, q matcher.Query) ([]matcher.Hit, string) {
	if l.docs != nil {
		return l.docs.check(ctx, l.version, q)
	}
	return l.index.Check(q), ""
}

// indexes are the name indexes of lists, whose listed words a query's
// analysis takes ready (see matcher.Prepare).
func indexes(lists []*loadedList) []*matcher.Index {
	out := make([]*matcher.Index, 0, len(lists))
	for _, l := range lists {
		if l.index != nil {
			out = append(out, l.index)
		}
	}
	return out
}

// stats are the list's sizes for metrics.
func (l *loadedList) stats() ListStats {
	if l.docs != nil {
		return ListStats{Version: l.version, Entries: l.version.Entries, Documents: l.version.Entries}
	}
	return ListStats{Version: l.version, Entries: l.index.Len(), NameForms: l.index.NameForms(), Documents: l.index.Documents()}
}

// generation is an immutable set of active lists. Checks read the current
// generation through an atomic pointer, with no lock; an update builds the
// next generation off the hot path and swaps it in whole, so a check never
// sees a mix of two versions.
type generation struct {
	lists map[string]*loadedList
	ids   []string // sorted, for a stable response order
}

// Catalog holds the current generation.
type Catalog struct {
	current atomic.Pointer[generation]
}

// Ready reports whether lists are loaded and indexed.
func (c *Catalog) Ready() bool {
	g := c.current.Load()
	return g != nil && len(g.lists) > 0
}

func (c *Catalog) load() *generation { return c.current.Load() }

// update publishes a generation that adds (or replaces) the given lists
// and leaves out the dropped ones. Callers serialise updates (Lists holds
// a mutex), so read-modify-write here is safe.
func (c *Catalog) update(add []*loadedList, drop []string) {
	next := &generation{lists: map[string]*loadedList{}}
	if old := c.current.Load(); old != nil {
		for id, l := range old.lists {
			next.lists[id] = l
		}
	}
	for _, id := range drop {
		delete(next.lists, id)
	}
	for _, l := range add {
		next.lists[l.version.ListID] = l
	}
	for id := range next.lists {
		next.ids = append(next.ids, id)
	}
	sort.Strings(next.ids)
	c.current.Store(next)
}

// serving returns the version this replica serves for a list, if any.
func (c *Catalog) serving(listID string) (ListVersion, bool) {
	g := c.current.Load()
	if g == nil || g.lists[listID] == nil {
		return ListVersion{}, false
	}
	return g.lists[listID].version, true
}

// Active returns the active versions, sorted by list id.
func (c *Catalog) Active() []ListVersion {
	g := c.current.Load()
	if g == nil {
		return nil
	}
	out := make([]ListVersion, 0, len(g.ids))
	for _, id := range g.ids {
		out = append(out, g.lists[id].version)
	}
	return out
}
