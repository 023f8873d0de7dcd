package matcher

import "testing"

func BenchmarkCheckSmallIndex(b *testing.B) {
	idx := testIndex(b)
	q := Query{Names: []string{"Germain Mbuyi Katanga"}, Documents: []QueryDocument{{Number: "X1234567"}}}
	b.ReportAllocs()
	for b.Loop() {
		idx.Check(q)
	}
}
