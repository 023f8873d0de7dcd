package storetest

import (
	"errors"
	"sync"

	"github.com/crosscheck/crosscheck/service"
)

// ActivateIf moves the pointer only from the version the caller read: a
// stale expectation changes nothing and says so.
func activateIf(h *harness) {
	v1, v2, v3 := version("un", "v1", 0, 3), version("un", "v2", 1, 3), version("un", "v3", 2, 3)
	for _, v := range []service.ListVersion{v1, v2, v3} {
		h.save(v, richEntries())
	}
	h.wantActiveChanged("ActivateIf expecting a version on a list with none", h.store.ActivateIf(h.ctx, "un", "v1", "v0"))
	if err := h.store.ActivateIf(h.ctx, "un", "v1", ""); err != nil {
		h.t.Fatalf("ActivateIf(v1, expecting none): %v", err)
	}
	h.wantActiveChanged("ActivateIf expecting none on a list with one", h.store.ActivateIf(h.ctx, "un", "v2", ""))
	h.wantActiveChanged("ActivateIf expecting another version", h.store.ActivateIf(h.ctx, "un", "v2", "v3"))
	h.wantActive(v1)
	h.wantNoVersion("ActivateIf of an unknown version", h.store.ActivateIf(h.ctx, "un", "v9", "v1"))
	if err := h.store.ActivateIf(h.ctx, "un", "v2", "v1"); err != nil {
		h.t.Fatalf("ActivateIf(v2, expecting v1): %v", err)
	}
	h.wantActive(v2)
	if err := h.store.Deactivate(h.ctx, "un"); err != nil {
		h.t.Fatal(err)
	}
	if err := h.store.ActivateIf(h.ctx, "un", "v3", ""); err != nil {
		h.t.Fatalf("ActivateIf(v3) after Deactivate, expecting none: %v", err)
	}
	h.wantActive(v3)
}

// Two replicas updating one list from the same base: exactly one
// activation wins, the other is told the list changed.
func concurrentActivateIf(h *harness) {
	base, a, b := version("un", "v1", 0, 3), version("un", "a", 1, 3), version("un", "b", 2, 3)
	for _, v := range []service.ListVersion{base, a, b} {
		h.save(v, richEntries())
	}
	h.activate("un", "v1")
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i, id := range []string{"a", "b"} {
		wg.Go(func() { errs[i] = h.store.ActivateIf(h.ctx, "un", id, "v1") })
	}
	wg.Wait()
	if (errs[0] == nil) == (errs[1] == nil) {
		h.t.Fatalf("concurrent ActivateIf from one base: got %v and %v, want exactly one success", errs[0], errs[1])
	}
	winner, loser := a, errs[1]
	if errs[0] != nil {
		winner, loser = b, errs[0]
	}
	h.wantActiveChanged("the losing ActivateIf", loser)
	h.wantActive(winner)
}

func (h *harness) wantActiveChanged(what string, err error) {
	h.t.Helper()
	if !errors.Is(err, service.ErrActiveChanged) {
		h.t.Fatalf("%s: got %v, want an error wrapping service.ErrActiveChanged", what, err)
	}
}
