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
}

// ErrNoVersion is returned by a store that holds no version of a list.
var ErrNoVersion = errors.New("no such list version")

// ListStore keeps list versions and which one is active. Saving a version
// and activating it are separate so that a version is fully written before
// any check can see it.
type ListStore interface {
	// SaveVersion writes a version with all its entries; it is not active yet.
	SaveVersion(ctx context.Context, v ListVersion, entries []matcher.Entry) error
	// Activate makes a saved version the one checks use.
	Activate(ctx context.Context, listID, version string) error
	// Active returns the active version of every list.
	Active(ctx context.Context) ([]ListVersion, error)
	// Entries returns the entries of one saved version, in the saved order.
	Entries(ctx context.Context, listID, version string) ([]matcher.Entry, error)
	// Versions returns the saved versions of one list, oldest first.
	Versions(ctx context.Context, listID string) ([]ListVersion, error)
	Close() error
}
