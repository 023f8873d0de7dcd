package auditstoretest

import (
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/service/audit"
)

// storeCases hold the port to its documented behaviour.
var storeCases = []testCase{
	{"EmptyStore", emptyStore},
	{"RoundTripKeepsBytes", roundTrip},
	{"PutIsIdempotent", putIdempotent},
	{"PutConflict", putConflict},
	{"ChainWalkInSeqOrder", chainWalk},
	{"Head", headOfChain},
	{"QueryFilters", queryFilters},
	{"QueryAfterKeyAndLimit", queryAfter},
	{"PurgeLeavesAnchor", purgeAnchor},
	{"ReopenKeepsEverything", reopenKeeps},
	{"ConcurrentChains", concurrentChains},
}

func emptyStore(h *harness) {
	if chains, err := h.store.AuditChains(h.ctx); err != nil || len(chains) != 0 {
		h.t.Errorf("AuditChains = %v, %v; want none", chains, err)
	}
	if _, err := h.store.AuditRecord(h.ctx, "nope"); !errors.Is(err, audit.ErrNotFound) {
		h.t.Errorf("AuditRecord of an unknown id: %v, want ErrNotFound", err)
	}
	if seq, mac, err := h.store.AuditHead(h.ctx, "a"); seq != 0 || mac != "" || err != nil {
		h.t.Errorf("AuditHead = %d, %q, %v; want 0", seq, mac, err)
	}
	if a, err := h.store.AuditAnchor(h.ctx, "a"); a != nil || err != nil {
		h.t.Errorf("AuditAnchor = %v, %v; want nil", a, err)
	}
	if got := h.records(audit.Filter{}, nil, 10); len(got) != 0 {
		h.t.Errorf("AuditRecords = %v, want none", got)
	}
}

func roundTrip(h *harness) {
	recs := variety()
	h.put(recs...)
	for _, want := range recs {
		got, err := h.store.AuditRecord(h.ctx, want.CheckID)
		if err != nil {
			h.t.Fatalf("AuditRecord %s: %v", want.CheckID, err)
		}
		h.sameRecord("record "+want.CheckID, got, want)
	}
}

func putIdempotent(h *harness) {
	recs := variety()
	h.put(recs...)
	h.put(recs...) // a batch sent again after a lost reply
	h.put(recs[0], recs[2])
	if got := h.records(audit.Filter{}, nil, 100); len(got) != len(recs) {
		h.t.Errorf("after puts twice: %d records %v, want %d", len(got), got, len(recs))
	}
	if got := h.chain("a", 1); !slices.Equal(got, []uint64{1, 2, 3}) {
		h.t.Errorf("chain a = %v, want [1 2 3]", got)
	}
}

func putConflict(h *harness) {
	r := stored("a", 1, SampleCheck(1, T0))
	h.put(r)
	other := r
	other.Decision = "clear"
	if err := h.store.PutAudit(h.ctx, []audit.Record{other}); !errors.Is(err, audit.ErrConflict) {
		h.t.Errorf("PutAudit of seq 1 with other content: %v, want ErrConflict", err)
	}
	got, _ := h.store.AuditRecord(h.ctx, r.CheckID)
	h.sameRecord("record after a conflict", got, r)
}

func chainWalk(h *harness) {
	var recs []audit.Record
	for i := 1; i <= 7; i++ {
		// Times out of seq order: a walk follows seq, not time.
		recs = append(recs, stored("w", uint64(i), SampleCheck(i, T0.Add(time.Duration(10-i)*time.Second))))
	}
	h.put(recs...)
	h.put(variety()...)
	if got := h.chain("w", 3); !slices.Equal(got, []uint64{3, 4, 5, 6, 7}) {
		h.t.Errorf("walk from 3 = %v", got)
	}
	stop := errors.New("stop")
	n := 0
	err := h.store.AuditChain(h.ctx, "w", 1, func(audit.Record) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		h.t.Errorf("walk stopped by fn: %d calls, %v", n, err)
	}
	chains, err := h.store.AuditChains(h.ctx)
	slices.Sort(chains)
	if err != nil || !slices.Equal(chains, []string{"a", "b", "w"}) {
		h.t.Errorf("AuditChains = %v, %v", chains, err)
	}
}

func headOfChain(h *harness) {
	recs := variety()
	h.put(recs...)
	wantHead(h, "a", 3, "mac-a-3")
	wantHead(h, "b", 2, "mac-b-2")
	if _, err := h.store.PurgeAudit(h.ctx, audit.Anchor{Chain: "b", Seq: 3, Prev: "mac-b-2"}); err != nil {
		h.t.Fatal(err)
	}
	wantHead(h, "b", 2, "mac-b-2") // every record purged: the anchor tells
}

func wantHead(h *harness, chain string, seq uint64, mac string) {
	h.t.Helper()
	if s, m, err := h.store.AuditHead(h.ctx, chain); s != seq || m != mac || err != nil {
		h.t.Errorf("AuditHead %s = %d, %q, %v; want %d, %q", chain, s, m, err, seq, mac)
	}
}

func reopenKeeps(h *harness) {
	recs := variety()
	h.put(recs...)
	if _, err := h.store.PurgeAudit(h.ctx, audit.Anchor{Chain: "a", Seq: 2, Prev: "mac-a-1"}); err != nil {
		h.t.Fatal(err)
	}
	h.reopen()
	if got := h.records(audit.Filter{}, nil, 100); len(got) != len(recs)-1 {
		h.t.Errorf("after reopen: %v", got)
	}
	if a, err := h.store.AuditAnchor(h.ctx, "a"); err != nil || a == nil || a.Seq != 2 {
		h.t.Errorf("anchor after reopen: %+v, %v", a, err)
	}
}

func concurrentChains(h *harness) {
	var wg sync.WaitGroup
	for c := range 4 {
		wg.Go(func() {
			chain := string(rune('p' + c))
			for i := 1; i <= 10; i++ {
				r := stored(chain, uint64(i), SampleCheck(i, T0.Add(time.Duration(i)*time.Second)))
				if err := h.store.PutAudit(h.ctx, []audit.Record{r}); err != nil {
					h.t.Errorf("PutAudit %s %d: %v", chain, i, err)
					return
				}
			}
		})
	}
	wg.Wait()
	for c := range 4 {
		if got := h.chain(string(rune('p'+c)), 1); len(got) != 10 {
			h.t.Errorf("chain %c: %d records, want 10", 'p'+c, len(got))
		}
	}
}
