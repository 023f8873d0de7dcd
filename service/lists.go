package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
)

// DefaultKeepVersions is how many versions of each list are kept when no
// KeepVersions option says otherwise: enough to roll back a week and a
// half of daily updates and to replay the checks made against them.
const DefaultKeepVersions = 10

// Lists is the list-management use case: it parses uploads and deltas,
// stores versions, activates and deactivates them, and publishes new
// index generations to the Catalog.
type Lists struct {
	store   ListStore
	docs    DocumentStore // nil: documents lists are held in memory like any list
	catalog *Catalog
	opts    matcher.Options
	log     *slog.Logger
	now     func() time.Time
	keep    int
	mu      sync.Mutex // serialises store activations with catalog swaps

	busyMu sync.Mutex
	busy   map[string]bool // lists with an update in progress on this replica
}

// A ListsOption changes a Lists made by NewLists.
type ListsOption func(*Lists)

// KeepVersions sets how many versions of each list retention keeps (at
// least 1; the active version is never removed).
func KeepVersions(n int) ListsOption {
	return func(l *Lists) { l.keep = max(n, 1) }
}

// NewLists wires the use case to its store and catalog.
func NewLists(store ListStore, catalog *Catalog, opts matcher.Options, log *slog.Logger, options ...ListsOption) *Lists {
	l := &Lists{store: store, catalog: catalog, opts: opts, log: log, now: time.Now, keep: DefaultKeepVersions, busy: map[string]bool{}}
	// A store that keeps document records gets the documents lists: a
	// list of SLTD size does not fit in each replica's memory.
	l.docs, _ = store.(DocumentStore)
	for _, o := range options {
		o(l)
	}
	return l
}

// Upload is one list file to load, or the files of a multi-file format.
type Upload struct {
	ListID string
	Format string
	Name   string
	Kind   string          // persons (default) or documents
	Policy *matcher.Policy // the list's own thresholds; nil: the default
	Body   io.Reader       // the file of a single-file format
	// Parts are the files of a multi-file format (ofac-csv: sdn, alt,
	// add, comments), by part name; used when Body is nil.
	Parts map[string]io.Reader

	seed bool // a bundled seed: its version id is its content hash
}

// Loaded is the outcome of an upload or a delta: the new active version
// and what an administrator should look at.
type Loaded struct {
	ListVersion
	Warnings []string `json:"warnings"`
}

var listIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

func checkListID(id string) error {
	if !listIDPattern.MatchString(id) {
		return Errorf(CodeInvalid, "list id %q: want 1-64 characters of a-z, 0-9, '.', '_' or '-'", id)
	}
	return nil
}

// Load parses, validates, stores and activates a new version of a list.
// Nothing is stored unless the whole file parses and indexes, so a failed
// upload leaves the active version serving.
func (l *Lists) Load(ctx context.Context, u Upload) (Loaded, error) {
	if err := checkUpload(u); err != nil {
		return Loaded{}, err
	}
	release, err := l.claim(u.ListID)
	if err != nil {
		return Loaded{}, err
	}
	defer release()
	base, err := l.activeVersion(ctx, u.ListID)
	if err != nil {
		return Loaded{}, err
	}
	if l.storesDocuments(u) {
		return l.loadDocuments(ctx, u, base)
	}
	p, err := parseUpload(u)
	if err != nil {
		return Loaded{}, err
	}
	v := l.newVersion(u, p.sum, len(p.entries))
	if err := l.publish(ctx, v, p.entries, base.Version); err != nil {
		return Loaded{}, err
	}
	return Loaded{ListVersion: v, Warnings: warnings(base, v, p.entries)}, nil
}

// publish indexes a new version, then saves, activates and swaps it in,
// and applies retention. The index is built first: a version that cannot
// be indexed is never stored. expected is the active version the update
// was based on.
func (l *Lists) publish(ctx context.Context, v ListVersion, entries []matcher.Entry, expected string) error {
	idx, err := matcher.NewIndex(entries, l.optionsFor(v))
	if err != nil {
		return Wrap(CodeInvalid, err, err.Error())
	}
	_, err = l.activateNew(ctx, v, entries, expected, &loadedList{version: v, index: idx})
	return err
}

// activateNew saves a new version's metadata (and entries, if it keeps
// them in the store's entries), activates it, swaps it in and applies
// retention. saved says whether the version's metadata was stored. The
// activation is a compare-and-swap against expected, the active version
// the update was based on: another replica's update that got there first
// makes this one a conflict instead of silently replacing it.
func (l *Lists) activateNew(ctx context.Context, v ListVersion, entries []matcher.Entry, expected string, built *loadedList) (saved bool, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.store.SaveVersion(ctx, v, entries); errors.Is(err, ErrVersionExists) {
		return false, Wrap(CodeConflict, err, "list "+v.ListID+" version "+v.Version+" exists already")
	} else if err != nil {
		return false, Wrap(CodeUnavailable, err, "the list store could not save the version; the active version keeps serving")
	}
	if err := l.store.ActivateIf(ctx, v.ListID, v.Version, expected); errors.Is(err, ErrActiveChanged) {
		return true, Wrap(CodeConflict, err, fmt.Sprintf("list %s was changed by another update while this one was processed; version %s is saved but not active: retry, or activate it if it should win", v.ListID, v.Version))
	} else if err != nil {
		return true, Wrap(CodeUnavailable, err, "the list store could not activate the version; the active version keeps serving")
	}
	l.catalog.update([]*loadedList{built}, nil)
	l.log.Info("list version activated", "list_id", v.ListID, "version", v.Version, "entries", v.Entries)
	l.prune(ctx, v.ListID)
	return true, nil
}

func (l *Lists) newVersion(u Upload, sum string, n int) ListVersion {
	now := l.now().UTC()
	kind := u.Kind
	if kind == "" {
		kind = "persons"
	}
	id := now.Format("20060102T150405.000000Z") + "-" + sum[:8]
	if u.seed {
		// Replicas starting together on an empty store all seed the
		// same file: one id lets exactly one of them save it.
		id = "seed-" + sum[:16]
	}
	return ListVersion{
		ListID: u.ListID, Name: u.Name, Format: u.Format, Kind: kind, Policy: u.Policy,
		Version: id, SHA256: sum, Entries: n, LoadedAt: now,
	}
}

// claim marks a list busy on this replica, or answers conflict: a second
// upload while one is being parsed would otherwise race it for the
// activation and waste the parse.
func (l *Lists) claim(listID string) (release func(), err error) {
	l.busyMu.Lock()
	defer l.busyMu.Unlock()
	if l.busy[listID] {
		return nil, Errorf(CodeConflict, "list %s: another update is in progress; retry when it has finished", listID)
	}
	l.busy[listID] = true
	return func() {
		l.busyMu.Lock()
		defer l.busyMu.Unlock()
		delete(l.busy, listID)
	}, nil
}

// activeVersion returns the stored active version of a list; a zero
// ListVersion when it has none.
func (l *Lists) activeVersion(ctx context.Context, listID string) (ListVersion, error) {
	active, err := l.store.Active(ctx)
	if err != nil {
		return ListVersion{}, Wrap(CodeUnavailable, err, "the list store is unavailable; the active versions keep serving, retry later")
	}
	for _, v := range active {
		if v.ListID == listID {
			return v, nil
		}
	}
	return ListVersion{}, nil
}
