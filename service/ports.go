package service

import (
	"context"
	"errors"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
)

// ListVersion describes one stored version of a list.
type ListVersion struct {
	ListID   string          `json:"list_id"`
	Version  string          `json:"version"`
	Name     string          `json:"name,omitempty"`
	Format   string          `json:"format"`
	Kind     string          `json:"kind"` // persons or documents
	SHA256   string          `json:"sha256"`
	Entries  int             `json:"entries"`
	LoadedAt time.Time       `json:"loaded_at"`
	Policy   *matcher.Policy `json:"policy,omitempty"`
	// Base is the version a delta was applied to; empty for a full upload.
	// SHA256 is then the delta file's hash.
	Base string `json:"base,omitempty"`
}

// ErrNoVersion is returned by a store that holds no version of a list.
var ErrNoVersion = errors.New("no such list version")

// ErrVersionExists is returned by SaveVersion for a version id that is
// saved already: version ids are immutable.
var ErrVersionExists = errors.New("list version exists already")

// ErrVersionActive is returned by DeleteVersion for the active version:
// retention never removes what checks use.
var ErrVersionActive = errors.New("list version is active")

// ErrActiveChanged is returned by ActivateIf when the list's active
// version is no longer the one the caller based its update on.
var ErrActiveChanged = errors.New("the list's active version changed")

// ListStore keeps list versions and which one is active. Saving a version
// and activating it are separate so that a version is fully written before
// any check can see it.
type ListStore interface {
	// SaveVersion writes a version with all its entries; it is not active yet.
	SaveVersion(ctx context.Context, v ListVersion, entries []matcher.Entry) error
	// Activate makes a saved version the one checks use.
	Activate(ctx context.Context, listID, version string) error
	// ActivateIf activates a saved version only while the list's active
	// version is still expected ("": the list has none), and returns
	// ErrActiveChanged otherwise. Replicas updating one list at once
	// compare and swap, so neither silently undoes the other's update.
	ActivateIf(ctx context.Context, listID, version, expected string) error
	// Active returns the active version of every list.
	Active(ctx context.Context) ([]ListVersion, error)
	// Entries returns the entries of one saved version, in the saved order.
	Entries(ctx context.Context, listID, version string) ([]matcher.Entry, error)
	// Versions returns the saved versions of one list, oldest first.
	Versions(ctx context.Context, listID string) ([]ListVersion, error)
	// Deactivate stops checks from using a list; its versions stay saved
	// so that it can be activated again and old checks replayed. It
	// returns ErrNoVersion when the list has no active version.
	Deactivate(ctx context.Context, listID string) error
	// DeleteVersion removes a saved version that is not active (retention).
	DeleteVersion(ctx context.Context, listID, version string) error
	// ListIDs returns, sorted, every list that has a saved version, active
	// or not.
	ListIDs(ctx context.Context) ([]string, error)
	Close() error
}
