package storetest

import (
	"errors"
	"slices"

	"github.com/crosscheck/crosscheck/service"
)

// Deactivating takes a list out of Active but keeps every version, so
// that it can be activated again and old checks replayed.
func deactivateKeeps(h *harness) {
	v1, other := version("un", "v1", 0, 3), version("ofac", "v1", 1, 3)
	h.save(v1, richEntries())
	h.save(other, richEntries())
	h.activate("un", "v1")
	h.activate("ofac", "v1")
	if err := h.store.Deactivate(h.ctx, "un"); err != nil {
		h.t.Fatalf("Deactivate(un): %v", err)
	}
	h.wantActive(other)
	h.wantVersions("un", v1)
	h.wantEntries("un", "v1", richEntries())
	h.wantNoVersion("Deactivate of an inactive list", h.store.Deactivate(h.ctx, "un"))
	h.wantNoVersion("Deactivate of an unknown list", h.store.Deactivate(h.ctx, "eu"))
	h.reopen()
	h.wantActive(other)
	h.activate("un", "v1")
	h.wantActive(other, v1)
}

// Retention deletes old versions: metadata, order and entries go, the
// others stay exactly as they were.
func deleteVersion(h *harness) {
	v1, v2, v3 := version("un", "v1", 0, 3), version("un", "v2", 1, 0), version("un", "v3", 2, 3)
	h.save(v1, richEntries())
	h.save(v2, nil)
	h.save(v3, richEntries())
	h.activate("un", "v3")
	for _, id := range []string{"v1", "v2"} {
		if err := h.store.DeleteVersion(h.ctx, "un", id); err != nil {
			h.t.Fatalf("DeleteVersion(un %s): %v", id, err)
		}
	}
	h.wantVersions("un", v3)
	_, err := h.store.Entries(h.ctx, "un", "v1")
	h.wantNoVersion("Entries of a deleted version", err)
	h.wantNoVersion("DeleteVersion of a deleted version", h.store.DeleteVersion(h.ctx, "un", "v1"))
	h.wantNoVersion("Activate of a deleted version", h.store.Activate(h.ctx, "un", "v1"))
	h.wantEntries("un", "v3", richEntries())
	h.wantActive(v3)
}

func deleteActive(h *harness) {
	v1 := version("un", "v1", 0, 3)
	h.save(v1, richEntries())
	h.activate("un", "v1")
	if err := h.store.DeleteVersion(h.ctx, "un", "v1"); !errors.Is(err, service.ErrVersionActive) {
		h.t.Fatalf("DeleteVersion of the active version: got %v, want an error wrapping service.ErrVersionActive", err)
	}
	h.wantActive(v1)
	h.wantEntries("un", "v1", richEntries())
}

// ListIDs knows lists with a saved version whether active or not, and
// forgets a list once its last version is deleted.
func listIDs(h *harness) {
	h.wantListIDs()
	h.save(version("zeta", "v1", 0, 0), nil)
	h.save(version("alpha", "v1", 1, 0), nil)
	h.activate("alpha", "v1")
	h.wantListIDs("alpha", "zeta")
	if err := h.store.DeleteVersion(h.ctx, "zeta", "v1"); err != nil {
		h.t.Fatalf("DeleteVersion(zeta v1): %v", err)
	}
	h.wantListIDs("alpha")
}

func (h *harness) wantListIDs(want ...string) {
	h.t.Helper()
	got, err := h.store.ListIDs(h.ctx)
	if err != nil {
		h.t.Fatalf("ListIDs: %v", err)
	}
	if !slices.Equal(got, want) {
		h.t.Errorf("ListIDs: got %q, want %q", got, want)
	}
}
