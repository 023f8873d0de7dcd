package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

// Lists is the list-management use case: it parses uploads, stores
// versions, and publishes new index generations to the Catalog.
type Lists struct {
	store   ListStore
	catalog *Catalog
	opts    matcher.Options
	log     *slog.Logger
	now     func() time.Time
	mu      sync.Mutex // serialises updates: one generation is built at a time
}

// NewLists wires the use case to its store and catalog.
func NewLists(store ListStore, catalog *Catalog, opts matcher.Options, log *slog.Logger) *Lists {
	return &Lists{store: store, catalog: catalog, opts: opts, log: log, now: time.Now}
}

// Upload is one list file to load.
type Upload struct {
	ListID string
	Format string
	Name   string
	Kind   string
	Body   io.Reader
}

var listIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// Load parses, validates, stores and activates a new version of a list.
// Nothing is stored unless the whole file parses and indexes, so a failed
// upload leaves the active version serving.
func (l *Lists) Load(ctx context.Context, u Upload) (ListVersion, error) {
	if !listIDPattern.MatchString(u.ListID) {
		return ListVersion{}, Errorf(CodeInvalid, "list id %q: want 1-64 characters of a-z, 0-9, '.', '_' or '-'", u.ListID)
	}
	entries, sum, err := parse(u.Format, u.Body)
	if err != nil {
		return ListVersion{}, err
	}
	idx, err := matcher.NewIndex(entries, l.opts)
	if err != nil {
		return ListVersion{}, Wrap(CodeInvalid, err, err.Error())
	}
	v := l.newVersion(u, sum, len(entries))
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.store.SaveVersion(ctx, v, entries); err != nil {
		return ListVersion{}, Wrap(CodeUnavailable, err, "the list store could not save the version")
	}
	if err := l.store.Activate(ctx, v.ListID, v.Version); err != nil {
		return ListVersion{}, Wrap(CodeUnavailable, err, "the list store could not activate the version")
	}
	l.catalog.with(&loadedList{version: v, index: idx})
	l.log.Info("list version activated", "list_id", v.ListID, "version", v.Version, "entries", v.Entries)
	return v, nil
}

func (l *Lists) newVersion(u Upload, sum string, n int) ListVersion {
	now := l.now().UTC()
	kind := u.Kind
	if kind == "" {
		kind = "persons"
	}
	return ListVersion{
		ListID: u.ListID, Name: u.Name, Format: u.Format, Kind: kind,
		Version:  now.Format("20060102T150405.000Z") + "-" + sum[:8],
		SHA256:   sum,
		Entries:  n,
		LoadedAt: now,
	}
}

// parse reads a whole list file into entries and its sha256.
func parse(format string, body io.Reader) ([]matcher.Entry, string, error) {
	h := sha256.New()
	var entries []matcher.Entry
	err := loaders.Read(format, io.TeeReader(body, h), func(e matcher.Entry) error {
		entries = append(entries, e)
		return nil
	})
	if errors.Is(err, loaders.ErrUnknownFormat) {
		return nil, "", Errorf(CodeInvalid, "format %q is not supported; supported: %v", format, loaders.Formats())
	}
	if err != nil {
		return nil, "", Wrap(CodeInvalid, err, fmt.Sprintf("list file rejected: %v", err))
	}
	return entries, hex.EncodeToString(h.Sum(nil)), nil
}
