package matcher_test

import (
	"flag"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck/bench/synth"
	"github.com/crosscheck/crosscheck/matcher"
)

// scaleEntries is the size of the generated list of the scale benchmarks.
// They only run with -bench (the list takes seconds to build) and not
// under -short:
//
//	GOMAXPROCS=1 go test ./matcher -run '^$' -bench 'ScaleCheck' -benchtime 20000x
var scaleEntries = flag.Int("scale", 1_000_000, "entries in the generated list of the scale benchmarks")

var scale struct {
	once    sync.Once
	idx     *matcher.Index
	queries []matcher.Query
}

func scaleIndex(b *testing.B) (*matcher.Index, []matcher.Query) {
	if testing.Short() {
		b.Skip("scale benchmarks build a large list; skipped under -short")
	}
	scale.once.Do(func() {
		entries := synth.New(1).Entries(*scaleEntries)
		idx, err := matcher.NewIndex(entries, matcher.DefaultOptions())
		if err != nil {
			panic(err)
		}
		scale.idx, scale.queries = idx, scaleQueries(entries, 2000)
	})
	return scale.idx, scale.queries
}

// scaleQueries mixes made-up travellers of the same population (who share
// its common words) with listed names, one in five.
func scaleQueries(entries []matcher.Entry, n int) []matcher.Query {
	g := synth.New(99)
	rng := rand.New(rand.NewPCG(3, 4))
	out := make([]matcher.Query, n)
	for i := range out {
		name, _ := g.Name()
		if i%5 == 0 {
			name = entries[rng.IntN(len(entries))].Names[0].Full
		}
		out[i] = matcher.Query{Names: []string{name}}
	}
	return out
}

func BenchmarkScaleCheckName(b *testing.B) {
	idx, qs := scaleIndex(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		idx.Check(qs[i%len(qs)])
		i++
	}
}

func BenchmarkScaleCheckDocumentNotListed(b *testing.B) {
	idx, _ := scaleIndex(b)
	q := matcher.Query{Documents: []matcher.QueryDocument{{Number: "QZ0000001", Type: matcher.DocPassport}}}
	b.ReportAllocs()
	for b.Loop() {
		idx.Check(q)
	}
}

// BenchmarkScaleBuild reports the build time and the heap the index adds
// per entry (the entries themselves excluded). Run it on its own with
// -benchtime 1x: every iteration builds the whole index.
//
//	go test ./matcher -run '^$' -bench ScaleBuild -benchtime 1x
func BenchmarkScaleBuild(b *testing.B) {
	if testing.Short() {
		b.Skip("skipped under -short")
	}
	entries := synth.New(1).Entries(*scaleEntries)
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		idx, err := matcher.NewIndex(entries, matcher.DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-min(before.HeapAlloc, after.HeapAlloc))/float64(len(entries)), "heapB/entry")
		runtime.KeepAlive(idx)
	}
}
