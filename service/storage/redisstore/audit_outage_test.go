package redisstore_test

import (
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service/audit"
	"github.com/crosscheck/crosscheck/service/storage/auditstoretest"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// Records appended while Redis is away wait in the spool and arrive once
// it is back: all of them, once each, in chain order. Redis comes back
// empty, so every record must have come from the spool.
func TestAuditOutage(t *testing.T) {
	const n = 40
	srv := redistest.StartServer(t)
	s := open(t, srv.URL(), newPrefix())
	defer s.Close()
	l := auditstoretest.OpenLog(t, s, "replica-1", t.TempDir())
	srv.Stop()
	for i := range n {
		if i == n/2 {
			if d := l.SpoolDepth(); d != n/2 {
				t.Errorf("spool depth while Redis is down: %d, want %d", d, n/2)
			}
			srv.Restart()
		}
		if err := l.Append(t.Context(), auditstoretest.SampleCheck(i, time.Now())); err != nil {
			t.Fatalf("append %d: %v", i, err)
		}
	}
	auditstoretest.WaitForwarded(t, l)
	recs, next, err := l.Query(t.Context(), audit.Filter{}, "", audit.MaxLimit)
	if err != nil || next != "" || len(recs) != n {
		t.Fatalf("after the outage: %d records (next %q), %v; want %d", len(recs), next, err, n)
	}
	rep, err := l.Verify(t.Context())
	if err != nil || !rep.OK || rep.Records != n {
		t.Errorf("Verify: %+v %+v, %v; want %d records intact", rep, rep.FirstBad, err, n)
	}
}
