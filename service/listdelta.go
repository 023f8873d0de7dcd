package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

// Delta is a change file for the active version of a list.
type Delta struct {
	ListID string
	Format string // a delta format of loaders.DeltaFormats: "ftm" or "crosscheck-delta"
	Body   io.Reader
}

// ApplyDelta applies a delta (ADD, MOD, DEL lines) to the active version
// and activates the result as a new version whose Base is the version it
// was applied to.
//
// FtM lines are applied in order and idempotently, so that a delta
// applied twice gives the same list: an ADD of a listed id replaces the
// entry, a MOD of an unlisted id adds it, a DEL of an unlisted id does
// nothing. Each of these counts in a warning, since it usually means the
// delta was made for another version.
//
// crosscheck-delta lines are applied strictly: an add of a listed id, a
// mod or del of an unlisted one refuses the whole delta with an error
// that names the line, and nothing is stored.
func (l *Lists) ApplyDelta(ctx context.Context, d Delta) (Loaded, error) {
	if err := checkListID(d.ListID); err != nil {
		return Loaded{}, err
	}
	release, err := l.claim(d.ListID)
	if err != nil {
		return Loaded{}, err
	}
	defer release()
	base, err := l.activeVersion(ctx, d.ListID)
	if err != nil {
		return Loaded{}, err
	}
	if base.Version == "" {
		return Loaded{}, Errorf(CodeNotFound, "list %s has no active version to apply a delta to; upload the full list first", d.ListID)
	}
	if err := l.refuseDocumentsDelta(base); err != nil {
		return Loaded{}, err
	}
	old, err := l.entries(ctx, base)
	if err != nil {
		return Loaded{}, err
	}
	w, sum, err := readDelta(d, old)
	if err != nil {
		return Loaded{}, err
	}
	entries := w.result()
	if len(entries) == 0 {
		return Loaded{}, Errorf(CodeInvalid, "the delta would leave list %s empty; deactivate the list instead", d.ListID)
	}
	v := l.newVersion(Upload{ListID: base.ListID, Format: base.Format, Name: base.Name, Kind: base.Kind, Policy: base.Policy}, sum, len(entries))
	v.Base = base.Version
	if err := l.publish(ctx, v, entries, base.Version); err != nil {
		return Loaded{}, err
	}
	return Loaded{ListVersion: v, Warnings: append(w.warnings(), warnings(base, v, entries)...)}, nil
}

func readDelta(d Delta, old []matcher.Entry) (*working, string, error) {
	w := newWorking(old)
	w.strict = d.Format == loaders.CrosscheckDeltaFormat
	h := sha256.New()
	err := loaders.ReadDelta(d.Format, io.TeeReader(d.Body, h), w.apply)
	if errors.Is(err, loaders.ErrUnknownFormat) {
		return nil, "", Wrap(CodeInvalid, err, fmt.Sprintf("format %q has no delta format; deltas exist for %s", d.Format, strings.Join(loaders.DeltaFormats(), ", ")))
	}
	if err != nil {
		return nil, "", parseError(d.Format, err)
	}
	return w, hex.EncodeToString(h.Sum(nil)), nil
}

// working is a list being changed by a delta; entries keep their order,
// new ones come last.
type working struct {
	order  []string
	placed map[string]bool // ids in order, deleted ones included
	byID   map[string]matcher.Entry

	addedListed, modUnlisted, delUnlisted int
	// strict refuses what the counters above only count.
	strict bool
}

func newWorking(entries []matcher.Entry) *working {
	w := &working{
		order:  make([]string, 0, len(entries)),
		placed: make(map[string]bool, len(entries)),
		byID:   make(map[string]matcher.Entry, len(entries)),
	}
	for _, e := range entries {
		w.order = append(w.order, e.ID)
		w.placed[e.ID] = true
		w.byID[e.ID] = e
	}
	return w
}

// apply makes one change; in strict mode a change that does not fit the
// list is an error the loader places on its line.
func (w *working) apply(c loaders.Change) error {
	_, listed := w.byID[c.Entry.ID]
	if w.strict {
		if err := strictError(c, listed); err != nil {
			return err
		}
	}
	switch {
	case c.Op == loaders.DeltaDel && !listed:
		w.delUnlisted++
	case c.Op == loaders.DeltaDel:
		delete(w.byID, c.Entry.ID) // its place in order is skipped in result
	case c.Op == loaders.DeltaAdd && listed:
		w.addedListed++
	case c.Op == loaders.DeltaMod && !listed:
		w.modUnlisted++
	}
	if c.Op != loaders.DeltaDel {
		if !w.placed[c.Entry.ID] { // a deleted id that comes back keeps its place
			w.order = append(w.order, c.Entry.ID)
			w.placed[c.Entry.ID] = true
		}
		w.byID[c.Entry.ID] = c.Entry
	}
	return nil
}

// strictError says why a change does not fit the list, or nil.
func strictError(c loaders.Change, listed bool) error {
	var reason string
	switch {
	case c.Op == loaders.DeltaAdd && listed:
		reason = "add of an id the list has already; use mod to change it"
	case c.Op == loaders.DeltaMod && !listed:
		reason = "mod of an id the list does not have; use add"
	case c.Op == loaders.DeltaDel && !listed:
		reason = "del of an id the list does not have"
	default:
		return nil
	}
	return &loaders.Error{Format: loaders.CrosscheckDeltaFormat, Record: c.Entry.ID, Field: "op", Reason: reason}
}

func (w *working) result() []matcher.Entry {
	out := make([]matcher.Entry, 0, len(w.byID))
	for _, id := range w.order {
		if e, ok := w.byID[id]; ok {
			out = append(out, e)
		}
	}
	return out
}

func (w *working) warnings() []string {
	var out []string
	if w.addedListed > 0 {
		out = append(out, fmt.Sprintf("%d ADD lines named ids already listed; they replaced those entries", w.addedListed))
	}
	if w.modUnlisted > 0 {
		out = append(out, fmt.Sprintf("%d MOD lines named ids not listed; they were added", w.modUnlisted))
	}
	if w.delUnlisted > 0 {
		out = append(out, fmt.Sprintf("%d DEL lines named ids not listed; nothing to remove", w.delUnlisted))
	}
	return out
}
