package audit_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/audit"
	"github.com/crosscheck/crosscheck/service/storage/auditstoretest"
)

// BenchmarkAuditCheck is the audit trail's share of a check: the record
// built from the event, sealed, spooled and forwarded to the (in-memory)
// store, from 8 checks at a time as under load. The fsync policy is the
// scenario's (interval), so the figure is CPU, not disk:
//
//	go test ./service/audit -run '^$' -bench AuditCheck -benchmem -cpuprofile /tmp/audit.out
func BenchmarkAuditCheck(b *testing.B) {
	l, err := audit.Open(b.Context(), audit.Options{Store: auditstoretest.NewMemStore(), Key: auditstoretest.Key,
		Chain: "bench", Dir: b.TempDir(), Sync: audit.SyncInterval})
	if err != nil {
		b.Fatal(err)
	}
	l.Start(b.Context())
	defer l.Close()
	ev := sampleEvent(b)
	b.SetParallelism(4)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			e := ev
			e.Time = time.Now()
			e.Response.CheckID = service.NewID(e.Time)
			if err := l.AuditCheck(b.Context(), e); err != nil {
				b.Error(err)
				return
			}
		}
	})
	auditstoretest.WaitForwarded(b, l)
}

// sampleEvent is the check of auditstoretest.SampleCheck as the check use
// case hands it over: a traveller with a passport and two hits with
// explanations.
func sampleEvent(b *testing.B) service.CheckEvent {
	rec := auditstoretest.SampleCheck(1, time.Now())
	ev := service.CheckEvent{Caller: service.Caller{Token: rec.Token, Role: rec.Role}, MatcherVersion: rec.MatcherVersion, Latency: rec.Latency}
	if err := json.Unmarshal(rec.Traveller, &ev.Request); err != nil {
		b.Fatal(err)
	}
	if err := json.Unmarshal(rec.Hits, &ev.Response.Hits); err != nil {
		b.Fatal(err)
	}
	ev.Response.Decision = rec.Decision
	for _, l := range rec.Lists {
		ev.Response.Lists = append(ev.Response.Lists, service.ListRef{ID: l.ID, Version: l.Version})
	}
	return ev
}
