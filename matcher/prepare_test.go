package matcher_test

import (
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

func unIndex(tb testing.TB) *matcher.Index {
	tb.Helper()
	idx, err := matcher.NewIndex(unEntries(tb), matcher.DefaultOptions())
	if err != nil {
		tb.Fatal(err)
	}
	return idx
}

// A prepared query answers exactly what the unprepared one does, on every
// index it is used with, and a query whose names changed after Prepare is
// analysed again.
func TestPreparedQueryGivesTheSameHits(t *testing.T) {
	un := unIndex(t)
	small, err := matcher.NewIndex([]matcher.Entry{{ID: "X1", Subject: matcher.SubjectPerson, Names: []matcher.Name{{Full: "Abdel Nasser Katanga"}}}}, matcher.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	names := [][]string{
		{"Germain Mbuyi Katanga"}, {"جمال عبد الناصر"}, {"Доку Умаров"}, {"ABDELNASSER KATANGA"},
		{"Kalomira Senbertov Harimo", "Germain Katanga"}, {"习近平"}, {},
	}
	for _, n := range names {
		q := matcher.Query{Names: n, Nationality: "COD"}
		// Prepared alone, and with the listed words taken from known
		// indexes' vocabularies.
		for k, p := range []matcher.Query{matcher.Prepare(q), matcher.Prepare(q, un, small), matcher.Prepare(q, small, nil)} {
			for i, idx := range []*matcher.Index{un, small, un} {
				if got, want := idx.Check(p), idx.Check(q); !reflect.DeepEqual(got, want) {
					t.Errorf("%q on index %d, preparation %d: prepared %+v, unprepared %+v", n, i, k, got, want)
				}
			}
		}
	}
	p := matcher.Prepare(matcher.Query{Names: []string{"Kalomira Senbertov Harimo"}})
	p.Names = []string{"Germain Mbuyi Katanga"}
	if got, want := un.Check(p), un.Check(matcher.Query{Names: p.Names}); !reflect.DeepEqual(got, want) || len(got) == 0 {
		t.Errorf("names changed after Prepare: %+v, want %+v", got, want)
	}
}

// BenchmarkCheckPrepared is BenchmarkCheckUN's Arabic-script case with the
// analysis done once, as the service does for several lists.
func BenchmarkCheckPrepared(b *testing.B) {
	un := unIndex(b)
	q := matcher.Query{Names: []string{"جمال عبد الناصر"}}
	b.Run("unprepared", func(b *testing.B) {
		for b.Loop() {
			un.Check(q)
		}
	})
	p := matcher.Prepare(q)
	b.Run("prepared", func(b *testing.B) {
		for b.Loop() {
			un.Check(p)
		}
	})
}

// BenchmarkCheckFourLists checks prepared travellers against four indexes
// (the UN list four times), as the service checks one traveller against
// every active list: the work that depends on the traveller alone should
// be done once, not four times.
func BenchmarkCheckFourLists(b *testing.B) {
	un := unIndex(b)
	var qs []matcher.Query
	for _, n := range []string{"جمال عبد الناصر", "Germain Mbuyi Katanga", "Доку Умаров", "Mohammed Ali Hassan"} {
		qs = append(qs, matcher.Query{Names: []string{n}})
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range qs {
			p := matcher.Prepare(q, un)
			for range 4 {
				un.Check(p)
			}
		}
	}
}
