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

func BenchmarkCheckDocumentNotListed(b *testing.B) {
	idx := testIndex(b)
	q := Query{Documents: []QueryDocument{{Number: "QB1850743", Type: DocPassport}}}
	b.ReportAllocs()
	for b.Loop() {
		idx.Check(q)
	}
}
