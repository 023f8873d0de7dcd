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
// sends) to one Redis and to a three-master cluster, and reports Redis
// memory per document (all masters together on the cluster):
//
//	go test -run '^$' -bench PutDocuments -benchtime 200000x ./service/storage/redisstore/
func BenchmarkPutDocuments(b *testing.B) {
	for _, d := range startDeployments(b) {
		b.Run(d.name, func(b *testing.B) {
			s, err := redisstore.Open(b.Context(), d.url, redisstore.WithPrefix(newPrefix()))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			set := service.DocumentSet{ListID: "sltd", Version: "v1", Capacity: b.N}
			before := d.usedMemory(b)
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
			b.ReportMetric(float64(d.usedMemory(b)-before)/float64(b.N), "redis-bytes/doc")
		})
	}
}

// BenchmarkLookupDocuments is the confirmation a check makes when the
// filter says maybe: one pipeline of two numbers (as read, one OCR
// variant), one listed; on a cluster the pipeline reaches up to three
// masters.
func BenchmarkLookupDocuments(b *testing.B) {
	for _, d := range startDeployments(b) {
		s, err := redisstore.Open(b.Context(), d.url, redisstore.WithPrefix(newPrefix()))
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
		b.Run(d.name, func(b *testing.B) {
			for i := range b.N {
				n := fmt.Sprintf("C%08d", (i*7919)%benchDocs)
				found, err := s.LookupDocuments(b.Context(), "sltd", "v1", []string{n, "CO" + n[2:]})
				if err != nil || len(found[n]) != 1 {
					b.Fatalf("lookup %s: %v %v", n, found, err)
				}
			}
		})
	}
}

// deployment is a Redis the benchmarks run on: one server, or a cluster.
type deployment struct {
	name, url string
	addrs     []string // every node, for INFO
}

// startDeployments starts one redis-server and one three-master cluster,
// both stopped when b ends.
func startDeployments(b *testing.B) []deployment {
	srv, c := redistest.StartServer(b), redistest.StartCluster(b)
	return []deployment{
		{name: "single", url: srv.URL(), addrs: []string{srv.Addr()}},
		{name: "cluster", url: c.URL(), addrs: c.Addrs()},
	}
}

// usedMemory is INFO used_memory summed over the deployment's nodes.
func (d deployment) usedMemory(b *testing.B) int64 {
	var sum int64
	for _, addr := range d.addrs {
		raw := redis.NewClient(&redis.Options{Addr: addr})
		sum += usedMemory(b, raw)
		raw.Close()
	}
	return sum
}
