package auditstoretest

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/audit"
)

// logCases run an audit.Log on the store: what an auditor relies on.
var logCases = []testCase{
	{"VerifyIntactChain", verifyIntact},
	{"TamperedRecordIsReported", tampered},
	{"CutTailIsReported", cutTail},
	{"MissingRecordIsReported", missingRecord},
	{"PurgeKeepsChainVerifiable", purgeVerifiable},
	{"ForgedAnchorIsReported", forgedAnchor},
	{"QueryPages", queryPages},
	{"ConcurrentAppends", concurrentAppends},
	{"ReopenContinuesChain", reopenContinues},
	{"Export", export},
}

// OpenLog opens an audit.Log of chain on s with its spool and head in
// dir, starts it, and closes it when t ends.
func OpenLog(t testing.TB, s audit.Store, chain, dir string) *audit.Log {
	t.Helper()
	l, err := audit.Open(t.Context(), audit.Options{Store: s, Key: Key, Chain: chain, Dir: dir})
	if err != nil {
		t.Fatalf("open audit log: %v", err)
	}
	l.Start(t.Context())
	t.Cleanup(func() { _ = l.Close() })
	return l
}

// AppendN appends n sample records one minute apart from T0 and waits
// until the store has them all.
func AppendN(t testing.TB, l *audit.Log, n int) []audit.Record {
	t.Helper()
	recs := make([]audit.Record, n)
	for i := range recs {
		recs[i] = SampleCheck(i, T0.Add(time.Duration(i)*time.Minute))
		if err := l.Append(t.Context(), recs[i]); err != nil {
			t.Fatalf("append %d: %v", i, err)
		}
	}
	WaitForwarded(t, l)
	return recs
}

// WaitForwarded waits until the spool is empty.
func WaitForwarded(t testing.TB, l *audit.Log) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for l.SpoolDepth() > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("spool still holds %d records", l.SpoolDepth())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (h *harness) logged(n int) (*audit.Log, []audit.Record) {
	l := OpenLog(h.t, h.store, "r1", h.t.TempDir())
	return l, AppendN(h.t, l, n)
}

// wantReport fails unless Verify finds the first bad link at seq with a
// reason containing reason; seq 0 and reason "" mean an intact chain.
func wantReport(h *harness, l *audit.Log, records int, seq uint64, reason string) {
	h.t.Helper()
	rep, err := l.Verify(h.ctx)
	if err != nil {
		h.t.Fatalf("Verify: %v", err)
	}
	switch {
	case reason == "" && !rep.OK:
		h.t.Errorf("Verify: %+v, want OK", rep.FirstBad)
	case reason != "" && (rep.OK || rep.FirstBad.Seq != seq || !strings.Contains(rep.FirstBad.Reason, reason)):
		h.t.Errorf("Verify: %+v, want seq %d with %q", rep.FirstBad, seq, reason)
	case rep.Records != records:
		h.t.Errorf("Verify checked %d records, want %d", rep.Records, records)
	}
}

func verifyIntact(h *harness) {
	l, _ := h.logged(5)
	wantReport(h, l, 5, 0, "")
}

// An edit to any field of a stored record breaks its MAC.
func tampered(h *harness) {
	l, recs := h.logged(5)
	h.b.Alter(h.t, h.store, "r1", 3, func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"decision":"review"`), []byte(`"decision":"clear"`), 1)
	})
	wantReport(h, l, 2, 3, "mac mismatch")
	rep, _ := l.Verify(h.ctx)
	if rep.FirstBad != nil && rep.FirstBad.CheckID != recs[2].CheckID {
		h.t.Errorf("bad link check id %s, want %s", rep.FirstBad.CheckID, recs[2].CheckID)
	}
}

// Deleting the newest record leaves a valid chain: only the local head
// shows that it was longer.
func cutTail(h *harness) {
	l, _ := h.logged(5)
	h.b.Delete(h.t, h.store, "r1", 5)
	wantReport(h, l, 4, 5, "cut tail")
}

func missingRecord(h *harness) {
	l, _ := h.logged(5)
	h.b.Delete(h.t, h.store, "r1", 2)
	wantReport(h, l, 1, 2, "record missing")
}

func purgeVerifiable(h *harness) {
	l, _ := h.logged(6)
	n, err := l.Purge(h.ctx, T0.Add(3*time.Minute))
	if n != 3 || err != nil {
		h.t.Fatalf("Purge = %d, %v; want 3", n, err)
	}
	wantReport(h, l, 3, 0, "")
	if n, err := l.Purge(h.ctx, T0.Add(time.Hour)); n != 3 || err != nil {
		h.t.Fatalf("Purge of the rest = %d, %v; want 3", n, err)
	}
	wantReport(h, l, 0, 0, "") // anchor and local head agree
	AppendN(h.t, l, 1)
	wantReport(h, l, 1, 0, "")
}

// An anchor without the key cannot hide deleted records.
func forgedAnchor(h *harness) {
	l, recs := h.logged(4)
	forged := audit.Anchor{Chain: "r1", Seq: 3, Prev: recs[1].Mac}
	if _, err := h.store.PurgeAudit(h.ctx, forged); err != nil {
		h.t.Fatal(err)
	}
	wantReport(h, l, 0, 3, "anchor fails its MAC")
}

func queryPages(h *harness) {
	l, recs := h.logged(25)
	var got []string
	cursor := ""
	for page := 0; ; page++ {
		p, next, err := l.Query(h.ctx, audit.Filter{}, cursor, 10)
		if err != nil {
			h.t.Fatalf("page %d: %v", page, err)
		}
		got = append(got, ids(p)...)
		if next == "" {
			break
		}
		cursor = next
	}
	if want := ids(recs); strings.Join(got, ",") != strings.Join(want, ",") {
		h.t.Errorf("pages: %d records out of order or missing, want %d", len(got), len(want))
	}
	for _, tc := range []struct {
		cursor string
		limit  int
	}{{"garbage!", 10}, {"", audit.MaxLimit + 1}, {"", -1}} {
		if _, _, err := l.Query(h.ctx, audit.Filter{}, tc.cursor, tc.limit); service.ErrorCode(err) != service.CodeInvalid {
			h.t.Errorf("Query cursor %q limit %d: %v, want invalid", tc.cursor, tc.limit, err)
		}
	}
}

func concurrentAppends(h *harness) {
	l := OpenLog(h.t, h.store, "r1", h.t.TempDir())
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 25 {
				if err := l.Append(h.ctx, SampleCheck(g*100+i, time.Now())); err != nil {
					h.t.Errorf("append: %v", err)
				}
			}
		})
	}
	wg.Wait()
	WaitForwarded(h.t, l)
	wantReport(h, l, 200, 0, "")
}

func reopenContinues(h *harness) {
	dir := h.t.TempDir()
	l := OpenLog(h.t, h.store, "r1", dir)
	AppendN(h.t, l, 3)
	if err := l.Close(); err != nil {
		h.t.Fatal(err)
	}
	h.reopen()
	l = OpenLog(h.t, h.store, "r1", dir)
	AppendN(h.t, l, 2)
	wantReport(h, l, 5, 0, "")
}

func export(h *harness) {
	l, _ := h.logged(3)
	var csv, jsonl bytes.Buffer
	if n, err := l.Export(h.ctx, &csv, audit.FormatCSV, audit.Filter{}); n != 3 || err != nil {
		h.t.Fatalf("Export csv = %d, %v", n, err)
	}
	if n, err := l.Export(h.ctx, &jsonl, audit.FormatJSONLines, audit.Filter{}); n != 3 || err != nil {
		h.t.Fatalf("Export jsonl = %d, %v", n, err)
	}
	if lines := strings.Count(csv.String(), "\n"); lines != 4 {
		h.t.Errorf("csv: %d lines, want header and 3", lines)
	}
	if lines := strings.Count(jsonl.String(), "\n"); lines != 3 {
		h.t.Errorf("jsonl: %d lines, want 3", lines)
	}
}
