package audit_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/audit"
	"github.com/crosscheck/crosscheck/service/storage/auditstoretest"
)

func openLog(t *testing.T, s audit.Store, dir string, edit func(*audit.Options)) (*audit.Log, error) {
	o := audit.Options{Store: s, Key: auditstoretest.Key, Chain: "r1", Dir: dir, DrainTimeout: 200 * time.Millisecond}
	if edit != nil {
		edit(&o)
	}
	return audit.Open(context.Background(), o)
}

func appendN(t *testing.T, l *audit.Log, n int) {
	t.Helper()
	for i := range n {
		if err := l.Append(t.Context(), auditstoretest.SampleCheck(i, time.Now())); err != nil {
			t.Fatalf("append %d: %v", i, err)
		}
	}
}

func verifyOK(t *testing.T, l *audit.Log, records int) {
	t.Helper()
	rep, err := l.Verify(t.Context())
	if err != nil || !rep.OK || rep.Records != records {
		t.Errorf("Verify = %+v (first bad %+v), %v; want %d records intact", rep, rep.FirstBad, err, records)
	}
}

// A first start with the store down must not begin a chain at seq 1: the
// store may hold the chain already.
func TestOpenWithoutStateNeedsStore(t *testing.T) {
	m := auditstoretest.NewMemStore()
	m.SetDown(true)
	if _, err := openLog(t, m, t.TempDir(), nil); service.ErrorCode(err) != service.CodeUnavailable {
		t.Errorf("Open with the store down and no local state: %v, want unavailable", err)
	}
}

// Records the store never took survive Close and a restart with the
// store still down, and arrive once it is back.
func TestSpoolSurvivesRestart(t *testing.T) {
	m, dir := auditstoretest.NewMemStore(), t.TempDir()
	l, err := openLog(t, m, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	m.SetDown(true)
	l.Start(t.Context())
	appendN(t, l, 5)
	if err := l.Close(); err == nil || !strings.Contains(err.Error(), "5 records") {
		t.Errorf("Close with the store down: %v, want 5 records left", err)
	}
	if err := l.Append(t.Context(), audit.Record{}); service.ErrorCode(err) != service.CodeUnavailable {
		t.Errorf("Append after Close: %v, want unavailable", err)
	}
	l, err = openLog(t, m, dir, nil) // still down: local state is enough
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, l, 2)
	m.SetDown(false)
	l.Start(t.Context())
	auditstoretest.WaitForwarded(t, l)
	verifyOK(t, l, 7)
	if err := l.Close(); err != nil {
		t.Error(err)
	}
}

// A crash in the middle of a write leaves a torn line; the next start
// cuts it off and continues the chain from the last whole record.
func TestTornSpoolLine(t *testing.T) {
	m, dir := auditstoretest.NewMemStore(), t.TempDir()
	l, _ := openLog(t, m, dir, nil)
	m.SetDown(true)
	appendN(t, l, 3)
	l.Close()
	segs, _ := filepath.Glob(filepath.Join(dir, "audit-spool", "r1", "*.jsonl"))
	if len(segs) != 1 {
		t.Fatalf("segments %v", segs)
	}
	f, _ := os.OpenFile(segs[0], os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(`{"chain":"r1","seq":4,"ti`)
	f.Close()
	l, err := openLog(t, m, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, l, 1)
	m.SetDown(false)
	l.Start(t.Context())
	auditstoretest.WaitForwarded(t, l)
	verifyOK(t, l, 4)
	l.Close()
}

// Every policy keeps order and count; small segments rotate and are
// removed once forwarded, all but the newest.
func TestSyncPoliciesAndSegments(t *testing.T) {
	for _, p := range []audit.SyncPolicy{audit.SyncAlways, audit.SyncInterval, audit.SyncNever} {
		t.Run(string(p), func(t *testing.T) {
			m, dir := auditstoretest.NewMemStore(), t.TempDir()
			l, err := openLog(t, m, dir, func(o *audit.Options) {
				o.Sync, o.SegmentSize, o.SyncInterval = p, 4096, 10*time.Millisecond
			})
			if err != nil {
				t.Fatal(err)
			}
			m.SetDown(true)
			l.Start(t.Context())
			appendN(t, l, 30)
			spool := filepath.Join(dir, "audit-spool", "r1", "*.jsonl")
			if segs, _ := filepath.Glob(spool); len(segs) < 5 {
				t.Errorf("%d segments for 30 records of ~2 KB in 4 KiB segments", len(segs))
			}
			m.SetDown(false)
			auditstoretest.WaitForwarded(t, l)
			verifyOK(t, l, 30)
			if err := l.Close(); err != nil {
				t.Error(err)
			}
			if segs, _ := filepath.Glob(spool); len(segs) != 1 {
				t.Errorf("%d segments after forwarding, want 1", len(segs))
			}
		})
	}
}

// The head file is the only evidence of a cut tail: editing it to match
// a cut store is itself reported.
func TestEditedHeadIsReported(t *testing.T) {
	m, dir := auditstoretest.NewMemStore(), t.TempDir()
	l := auditstoretest.OpenLog(t, m, "r1", dir)
	auditstoretest.AppendN(t, l, 3)
	path := filepath.Join(dir, "audit-head-r1.json")
	data, _ := os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(data), `"seq":3`, `"seq":2`, 1)), 0o600)
	rep, err := l.Verify(t.Context())
	if err != nil || rep.OK || !strings.Contains(rep.FirstBad.Reason, "head file") {
		t.Errorf("Verify with an edited head: %+v %+v, %v", rep, rep.FirstBad, err)
	}
}

// An action that took longer than its request's deadline still happened:
// its record is written, whatever became of the caller's context.
func TestAppendOutlivesTheCallersDeadline(t *testing.T) {
	m, dir := auditstoretest.NewMemStore(), t.TempDir()
	l := auditstoretest.OpenLog(t, m, "r1", dir)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := l.Append(ctx, audit.Record{Kind: audit.KindAdmin, Action: "list.activate", Outcome: "ok"}); err != nil {
		t.Fatalf("Append after the caller's context ended: %v", err)
	}
	auditstoretest.WaitForwarded(t, l)
	verifyOK(t, l, 1)
}
