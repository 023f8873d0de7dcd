package storetest

import (
	"errors"
	"sync"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

// cases is the contract, one sub-test each. Each runs on fresh storage.
var cases = []testCase{
	{"EmptyStore", emptyStore},
	{"SavedIsNotActiveUntilActivated", savedNotActive},
	{"ActivateUnknownVersion", activateUnknown},
	{"EntriesRoundTripInOrder", entriesRoundTrip},
	{"EntriesOfUnknownVersion", entriesUnknown},
	{"EmptyVersion", emptyVersion},
	{"VersionsOldestFirst", versionsOldestFirst},
	{"Rollback", rollback},
	{"DuplicateVersionFails", duplicateVersion},
	{"ConcurrentSavesOfOneVersion", concurrentSaves},
	{"ListsAreIndependent", listsIndependent},
	{"ReopenKeepsEverything", reopenKeeps},
	{"LargeVersion", largeVersion},
	{"DeactivateKeepsVersions", deactivateKeeps},
	{"DeleteVersion", deleteVersion},
	{"DeleteActiveVersionFails", deleteActive},
	{"ListIDs", listIDs},
	{"ActivateIf", activateIf},
	{"ConcurrentActivateIf", concurrentActivateIf},
}

func emptyStore(h *harness) {
	h.wantActive()
	h.wantVersions("un")
	_, err := h.store.Entries(h.ctx, "un", "v1")
	h.wantNoVersion("Entries on an empty store", err)
}

// A saved version must stay invisible to checks until Activate: that is
// what lets a failed upload leave the serving version untouched.
func savedNotActive(h *harness) {
	v := version("un", "v1", 0, 3)
	h.save(v, richEntries())
	h.wantActive()
	h.wantVersions("un", v)
	h.activate("un", "v1")
	h.wantActive(v)
}

func activateUnknown(h *harness) {
	h.wantNoVersion("Activate on an unknown list", h.store.Activate(h.ctx, "un", "v1"))
	v := version("un", "v1", 0, 3)
	h.save(v, richEntries())
	h.activate("un", "v1")
	h.wantNoVersion("Activate of an unknown version", h.store.Activate(h.ctx, "un", "v2"))
	h.wantActive(v) // the failed Activate changed nothing
}

func entriesRoundTrip(h *harness) {
	want := richEntries()
	h.save(version("un", "v1", 0, len(want)), want)
	h.wantEntries("un", "v1", want)
}

func entriesUnknown(h *harness) {
	_, err := h.store.Entries(h.ctx, "un", "v1")
	h.wantNoVersion("Entries of an unknown list", err)
	h.save(version("un", "v1", 0, 3), richEntries())
	_, err = h.store.Entries(h.ctx, "un", "v2")
	h.wantNoVersion("Entries of an unknown version", err)
}

// A list may legitimately be emptied (every entry delisted); an empty
// version is a version, not a missing one.
func emptyVersion(h *harness) {
	v := version("un", "v1", 0, 0)
	h.save(v, nil)
	h.wantEntries("un", "v1", nil)
	h.activate("un", "v1")
	h.wantActive(v)
}

// Oldest first means save order. The two last ids are what the service
// generates (UTC time, then the content hash) for two uploads within one
// millisecond: sorting by id would put them the wrong way round.
func versionsOldestFirst(h *harness) {
	ids := []string{"20250301T120000.000Z-9f0c1a2b", "20250301T120500.000Z-ffffffff", "20250301T120500.000Z-00000000"}
	var saved []service.ListVersion
	for i, id := range ids {
		v := version("un", id, i, 0)
		h.save(v, nil)
		saved = append(saved, v)
	}
	h.wantVersions("un", saved...)
}

func rollback(h *harness) {
	v1, v2 := version("un", "v1", 0, 3), version("un", "v2", 1, 1)
	h.save(v1, richEntries())
	h.save(v2, []matcher.Entry{richDocument()})
	h.activate("un", "v2")
	h.activate("un", "v1")
	h.wantActive(v1)
	h.wantEntries("un", "v2", []matcher.Entry{richDocument()}) // still there to roll forward
	h.activate("un", "v2")
	h.wantActive(v2)
}

// Version ids are immutable: a second save under the same id must fail and
// leave the first one exactly as it was.
func duplicateVersion(h *harness) {
	v := version("un", "v1", 0, 3)
	h.save(v, richEntries())
	other := version("un", "v1", 5, 1)
	if err := h.store.SaveVersion(h.ctx, other, []matcher.Entry{richDocument()}); !errors.Is(err, service.ErrVersionExists) {
		h.t.Fatalf("SaveVersion of an existing version id: got %v, want an error wrapping service.ErrVersionExists", err)
	}
	h.wantVersions("un", v)
	h.wantEntries("un", "v1", richEntries())
}

// Two replicas saving the same version id at once: exactly one wins, and
// the stored entries are all the winner's, never a mix.
func concurrentSaves(h *harness) {
	sets := [][]matcher.Entry{bulkEntries(1500), richEntries()}
	errs := make([]error, len(sets))
	var wg sync.WaitGroup
	for i, entries := range sets {
		wg.Go(func() { errs[i] = h.store.SaveVersion(h.ctx, version("un", "v1", i, len(entries)), entries) })
	}
	wg.Wait()
	if (errs[0] == nil) == (errs[1] == nil) {
		h.t.Fatalf("concurrent saves of one version: got errors %v and %v, want exactly one", errs[0], errs[1])
	}
	winner := 0
	if errs[0] != nil {
		winner = 1
	}
	h.wantVersions("un", version("un", "v1", winner, len(sets[winner])))
	h.wantEntries("un", "v1", sets[winner])
}

func listsIndependent(h *harness) {
	z, a := version("zeta", "v1", 0, 1), version("alpha", "v1", 1, 3)
	h.save(z, []matcher.Entry{richDocument()})
	h.save(a, richEntries())
	h.activate("zeta", "v1")
	h.wantActive(z)
	h.activate("alpha", "v1")
	h.wantActive(a, z) // ordered by list id
	h.wantVersions("alpha", a)
	h.wantEntries("zeta", "v1", []matcher.Entry{richDocument()})
	h.wantEntries("alpha", "v1", richEntries())
}

func reopenKeeps(h *harness) {
	v1, v2, other := version("un", "v1", 0, 3), version("un", "v2", 1, 0), version("ofac", "v1", 2, 1)
	h.save(v1, richEntries())
	h.save(v2, nil)
	h.save(other, []matcher.Entry{richDocument()})
	h.activate("un", "v1")
	h.reopen()
	h.wantActive(v1)
	h.wantVersions("un", v1, v2)
	h.wantVersions("ofac", other)
	h.wantEntries("un", "v1", richEntries())
	h.wantEntries("ofac", "v1", []matcher.Entry{richDocument()})
}

func largeVersion(h *harness) {
	want := bulkEntries(5000)
	h.save(version("sltd", "v1", 0, len(want)), want)
	h.activate("sltd", "v1")
	h.wantEntries("sltd", "v1", want)
}
