package boltstore_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service/storage/auditstoretest"
	"github.com/crosscheck/crosscheck/service/storage/boltstore"
)

// BenchmarkAuditAppend appends sample check records (two hits with
// explanations) through an audit.Log with the default SyncAlways, waits
// until the store holds them, and reports the file growth per record.
// For stable sizes run it with a fixed count:
//
//	go test -run '^$' -bench AuditAppend -benchtime 20000x ./service/storage/boltstore/
func BenchmarkAuditAppend(b *testing.B) {
	dir := b.TempDir()
	s, err := boltstore.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	l := auditstoretest.OpenLog(b, s, "bench", dir)
	before := fileSize(b, dir)
	b.SetParallelism(8) // concurrent checks, as under load: appends share fsyncs
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for i := 0; pb.Next(); i++ {
			if err := l.Append(b.Context(), auditstoretest.SampleCheck(i, time.Now())); err != nil {
				b.Error(err)
				return
			}
		}
	})
	auditstoretest.WaitForwarded(b, l)
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "appends/s")
	b.ReportMetric(float64(fileSize(b, dir)-before)/float64(b.N), "bytes/record")
}

func fileSize(b *testing.B, dir string) int64 {
	fi, err := os.Stat(filepath.Join(dir, "crosscheck.db"))
	if err != nil {
		b.Fatal(err)
	}
	return fi.Size()
}
