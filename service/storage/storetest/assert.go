package storetest

import (
	"encoding/json"
	"errors"
	"reflect"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

func (h *harness) save(v service.ListVersion, entries []matcher.Entry) {
	h.t.Helper()
	if err := h.store.SaveVersion(h.ctx, v, entries); err != nil {
		h.t.Fatalf("SaveVersion(%s %s): %v", v.ListID, v.Version, err)
	}
}

func (h *harness) activate(listID, version string) {
	h.t.Helper()
	if err := h.store.Activate(h.ctx, listID, version); err != nil {
		h.t.Fatalf("Activate(%s %s): %v", listID, version, err)
	}
}

// wantActive checks Active against want, which is ordered by list id.
func (h *harness) wantActive(want ...service.ListVersion) {
	h.t.Helper()
	got, err := h.store.Active(h.ctx)
	if err != nil {
		h.t.Fatalf("Active: %v", err)
	}
	if !sameVersions(got, want) {
		h.t.Errorf("Active:\n got %s\nwant %s", show(got), show(want))
	}
}

func (h *harness) wantVersions(listID string, want ...service.ListVersion) {
	h.t.Helper()
	got, err := h.store.Versions(h.ctx, listID)
	if err != nil {
		h.t.Fatalf("Versions(%s): %v", listID, err)
	}
	if !sameVersions(got, want) {
		h.t.Errorf("Versions(%s):\n got %s\nwant %s", listID, show(got), show(want))
	}
}

func (h *harness) wantEntries(listID, version string, want []matcher.Entry) {
	h.t.Helper()
	got, err := h.store.Entries(h.ctx, listID, version)
	if err != nil {
		h.t.Fatalf("Entries(%s %s): %v", listID, version, err)
	}
	if len(got) != len(want) {
		h.t.Fatalf("Entries(%s %s): got %d entries, want %d", listID, version, len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			h.t.Fatalf("Entries(%s %s)[%d]:\n got %s\nwant %s", listID, version, i, show(got[i]), show(want[i]))
		}
	}
}

// wantNoVersion checks that err reports a missing version in the way the
// service recognises: wrapping service.ErrNoVersion.
func (h *harness) wantNoVersion(what string, err error) {
	h.t.Helper()
	if !errors.Is(err, service.ErrNoVersion) {
		h.t.Errorf("%s: got error %v, want one wrapping service.ErrNoVersion", what, err)
	}
}

// sameVersions compares metadata with LoadedAt compared as an instant: a
// store may hand the time back in another location or without the
// monotonic reading, which is the same time.
func sameVersions(got, want []service.ListVersion) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range want {
		g, w := got[i], want[i]
		if !g.LoadedAt.Equal(w.LoadedAt) {
			return false
		}
		g.LoadedAt = w.LoadedAt
		if !reflect.DeepEqual(g, w) {
			return false
		}
	}
	return true
}

// show renders a value as JSON so that failures print pointed-to fields
// (ListVersion.Policy) instead of addresses.
func show(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(data)
}
