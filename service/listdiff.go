package service

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/crosscheck/crosscheck/matcher"
)

// Diff is what an upload would change against the active version, by
// entry id. An entry is changed when its canonical JSON (the stored form)
// differs, so any field the loaders keep counts, a date of birth as much
// as a name.
type Diff struct {
	ListID   string   `json:"list_id"`
	Base     string   `json:"base,omitempty"` // the active version compared against
	Entries  int      `json:"entries"`
	Added    []string `json:"added"`
	Changed  []string `json:"changed"`
	Removed  []string `json:"removed"`
	Warnings []string `json:"warnings"`
}

// DryRun parses an upload as Load would and answers the diff against the
// active version. It stores and activates nothing.
func (l *Lists) DryRun(ctx context.Context, u Upload) (Diff, error) {
	if err := checkUpload(u); err != nil {
		return Diff{}, err
	}
	base, err := l.activeVersion(ctx, u.ListID)
	if err != nil {
		return Diff{}, err
	}
	if l.storesDocuments(u) {
		return l.dryRunDocuments(ctx, u, base)
	}
	p, err := parseUpload(u)
	if err != nil {
		return Diff{}, err
	}
	var old []matcher.Entry
	if base.Version != "" {
		if old, err = l.entries(ctx, base); err != nil {
			return Diff{}, err
		}
	}
	d, err := diff(old, p.entries)
	if err != nil {
		return Diff{}, err
	}
	d.ListID, d.Base, d.Entries = u.ListID, base.Version, len(p.entries)
	d.Warnings = warnings(base, l.newVersion(u, p.sum, len(p.entries)), p.entries)
	return d, nil
}

// entries reads a stored version's entries.
func (l *Lists) entries(ctx context.Context, v ListVersion) ([]matcher.Entry, error) {
	entries, err := l.store.Entries(ctx, v.ListID, v.Version)
	if err != nil {
		return nil, Wrap(CodeUnavailable, err, "the list store could not read the active version; retry later")
	}
	return entries, nil
}

// diff compares two entry sets by id; the id lists come out sorted.
func diff(old, new []matcher.Entry) (Diff, error) {
	before := make(map[string][]byte, len(old))
	for i := range old {
		data, err := json.Marshal(&old[i])
		if err != nil {
			return Diff{}, fmt.Errorf("encode entry %s: %w", old[i].ID, err)
		}
		before[old[i].ID] = data
	}
	d := Diff{Added: []string{}, Changed: []string{}, Removed: []string{}}
	for i := range new {
		data, err := json.Marshal(&new[i])
		if err != nil {
			return Diff{}, Wrap(CodeInvalid, err, "entry "+new[i].ID+" cannot be encoded")
		}
		prev, ok := before[new[i].ID]
		switch {
		case !ok:
			d.Added = append(d.Added, new[i].ID)
		case !bytes.Equal(prev, data):
			d.Changed = append(d.Changed, new[i].ID)
		}
		delete(before, new[i].ID)
	}
	for id := range before {
		d.Removed = append(d.Removed, id)
	}
	slices.Sort(d.Added)
	slices.Sort(d.Changed)
	slices.Sort(d.Removed)
	return d, nil
}
