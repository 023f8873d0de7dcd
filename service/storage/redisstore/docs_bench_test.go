package redisstore_test

import (
	"fmt"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/redisstore"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// benchDocs is the size of the list the document benchmarks use.
const benchDocs = 200_000

func benchRecord(i int) matcher.Entry {
	n := fmt.Sprintf("C%08d", i)
	return matcher.Entry{ID: "DEU:passport:" + n, Subject: matcher.SubjectDocument, ListedOn: "2024-03-01",
		Documents: []matcher.Document{{Type: matcher.DocPassport, TypeRaw: "passport", Number: n, Country: "DEU", Status: matcher.StatusStolen}}}
}

// BenchmarkPutDocuments writes batches of 8192 records (what the import
// sends) and reports Redis memory per document:
//
//	go test -run '^$' -bench PutDocuments -benchtime 200000x ./service/storage/redisstore/
func BenchmarkPutDocuments(b *testing.B) {
	srv := redistest.StartServer(b)
	s, err := redisstore.Open(b.Context(), srv.URL(), redisstore.WithPrefix(newPrefix()))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	raw := redis.NewClient(&redis.Options{Addr: srv.Addr()})
	defer raw.Close()
	set := service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: b.N}
	before := usedMemory(b, raw)
	batch := make([]matcher.Entry, 0, 8192)
	b.ResetTimer()
	for i := range b.N {
		if batch = append(batch, benchRecord(i)); len(batch) == cap(batch) || i == b.N-1 {
			if err := s.PutDocuments(b.Context(), set, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(usedMemory(b, raw)-before)/float64(b.N), "redis-bytes/doc")
}

// BenchmarkLookupDocuments is the confirmation a check makes when the
// filter says maybe: one pipeline of two numbers (as read, one OCR
// variant), one listed.
func BenchmarkLookupDocuments(b *testing.B) {
	srv := redistest.StartServer(b)
	s, err := redisstore.Open(b.Context(), srv.URL(), redisstore.WithPrefix(newPrefix()))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	set := service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: benchDocs}
	for start := 0; start < benchDocs; start += 8192 {
		batch := make([]matcher.Entry, 0, 8192)
		for i := start; i < min(start+8192, benchDocs); i++ {
			batch = append(batch, benchRecord(i))
		}
		if err := s.PutDocuments(b.Context(), set, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := range b.N {
		n := fmt.Sprintf("C%08d", (i*7919)%benchDocs)
		found, err := s.LookupDocuments(b.Context(), "sltd", "v1", []string{n, "CO" + n[2:]})
		if err != nil || len(found[n]) != 1 {
			b.Fatalf("lookup %s: %v %v", n, found, err)
		}
	}
}
