package matcher_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

// BenchmarkCheckUN checks a listed name with an extra word and a made-up
// name against the real UN list.
func BenchmarkCheckUN(b *testing.B) {
	idx := unIndex(b)
	for _, name := range []string{"Germain Mbuyi Katanga", "Kalomira Senbertov Harimo"} {
		b.Run(name, func(b *testing.B) {
			q := matcher.Query{Names: []string{name}}
			b.ReportAllocs()
			for b.Loop() {
				idx.Check(q)
			}
		})
	}
}
