package auditstoretest

import (
	"errors"
	"slices"
	"time"

	"github.com/crosscheck/crosscheck/service/audit"
)

func queryFilters(h *harness) {
	h.put(variety()...)
	at := func(min int) time.Time { return T0.Add(time.Duration(min) * time.Minute) }
	for _, tc := range []struct {
		name string
		f    audit.Filter
		want []string
	}{
		{"all in time order", audit.Filter{}, []string{"check-1", "check-2", "admin-1", "clear-1", "auth-1"}},
		{"from inclusive", audit.Filter{From: at(2)}, []string{"check-2", "admin-1", "clear-1", "auth-1"}},
		{"to exclusive", audit.Filter{To: at(2)}, []string{"check-1"}},
		{"window", audit.Filter{From: at(2), To: at(4)}, []string{"check-2", "admin-1"}},
		{"kind", audit.Filter{Kind: audit.KindAdmin}, []string{"admin-1"}},
		{"decision", audit.Filter{Decision: "hit"}, []string{"check-2"}},
		{"checkpoint", audit.Filter{Checkpoint: "MUC-2"}, []string{"check-2", "clear-1"}},
		{"operator", audit.Filter{Operator: "officer-2"}, []string{"clear-1"}},
		{"token", audit.Filter{Token: "ops"}, []string{"admin-1"}},
		{"list: hits and admin target", audit.Filter{ListID: "un"}, []string{"check-1", "admin-1"}},
		{"entry", audit.Filter{EntryID: "EU.77"}, []string{"check-2"}},
		{"list and entry together", audit.Filter{ListID: "un", EntryID: "12345"}, []string{}},
		{"entry of its list", audit.Filter{ListID: "ofac-sdn", EntryID: "12345"}, []string{"check-1"}},
		{"q surname any case", audit.Filter{Q: "hassan1"}, []string{"check-1"}},
		{"q given names", audit.Filter{Q: "abdel"}, []string{"check-1", "check-2"}},
		{"q document number", audit.Filter{Q: "x1234"}, []string{"clear-1"}},
		{"q bare traveller name", audit.Filter{Q: "CURIE"}, []string{"clear-1"}},
		{"q matches no other field", audit.Filter{Q: "FRA-T1"}, []string{}},
		{"combined", audit.Filter{Checkpoint: "MUC-2", Decision: "clear"}, []string{"clear-1"}},
	} {
		if got := h.records(tc.f, nil, 100); !slices.Equal(got, tc.want) {
			h.t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func queryAfter(h *harness) {
	recs := variety()
	h.put(recs...)
	all := []string{"check-1", "check-2", "admin-1", "clear-1", "auth-1"}
	if got := h.records(audit.Filter{}, nil, 2); !slices.Equal(got, all[:2]) {
		h.t.Errorf("limit 2: %v", got)
	}
	after := recs[1].Key() // check-2
	if got := h.records(audit.Filter{}, &after, 100); !slices.Equal(got, all[2:]) {
		h.t.Errorf("after check-2: %v", got)
	}
	if got := h.records(audit.Filter{Checkpoint: "MUC-2"}, &after, 100); !slices.Equal(got, []string{"clear-1"}) {
		h.t.Errorf("after check-2 with a filter: %v", got)
	}
	// Two records at the same instant: chain, then seq, decides.
	same := []audit.Record{stored("y", 1, SampleCheck(7, T0)), stored("x", 1, SampleCheck(8, T0))}
	h.put(same...)
	k := same[1].Key()
	got := h.records(audit.Filter{To: T0.Add(time.Second)}, &k, 100)
	if !slices.Equal(got, []string{same[0].CheckID}) {
		h.t.Errorf("after x at T0: %v, want only y's record", got)
	}
}

func purgeAnchor(h *harness) {
	recs := variety()
	h.put(recs...)
	a := audit.Anchor{Chain: "a", Seq: 3, Prev: "mac-a-2", Before: T0.Add(4 * time.Minute), Time: T0}
	if n, err := h.store.PurgeAudit(h.ctx, a); n != 2 || err != nil {
		h.t.Fatalf("PurgeAudit = %d, %v; want 2", n, err)
	}
	if got := h.chain("a", 1); !slices.Equal(got, []uint64{3}) {
		h.t.Errorf("chain a after purge = %v", got)
	}
	if _, err := h.store.AuditRecord(h.ctx, "check-1"); !errors.Is(err, audit.ErrNotFound) {
		h.t.Errorf("purged record: %v, want ErrNotFound", err)
	}
	if got := h.records(audit.Filter{}, nil, 100); !slices.Equal(got, []string{"check-2", "clear-1", "auth-1"}) {
		h.t.Errorf("records after purge: %v", got)
	}
	if got, err := h.store.AuditAnchor(h.ctx, "a"); err != nil || got == nil || *got != a {
		h.t.Errorf("anchor = %+v, %v; want %+v", got, err, a)
	}
	older := audit.Anchor{Chain: "a", Seq: 2, Prev: "mac-a-1"}
	if n, err := h.store.PurgeAudit(h.ctx, older); n != 0 || err != nil {
		h.t.Errorf("older anchor: %d, %v; want a no-op", n, err)
	}
	h.put(recs[0]) // a late resend of a purged record must not come back
	if got := h.chain("a", 1); !slices.Equal(got, []uint64{3}) {
		h.t.Errorf("chain a after resending a purged record = %v", got)
	}
}
