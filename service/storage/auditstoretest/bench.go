package auditstoretest

import (
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service/audit"
)

// BenchAppend appends sample check records through l from eight
// goroutines per CPU (concurrent checks, as under load: appends share
// fsyncs) until the store holds them all, and reports appends per second
// and the growth of size per record: each adapter passes what it grows
// (a file's size, Redis used_memory).
func BenchAppend(b *testing.B, l *audit.Log, size func() int64) {
	before := size()
	b.SetParallelism(8)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for i := 0; pb.Next(); i++ {
			if err := l.Append(b.Context(), SampleCheck(i, time.Now())); err != nil {
				b.Error(err)
				return
			}
		}
	})
	WaitForwarded(b, l)
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "appends/s")
	b.ReportMetric(float64(size()-before)/float64(b.N), "bytes/record")
}
