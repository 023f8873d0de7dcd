package matcher_test

import (
	"os"
	"testing"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

// BenchmarkCheckUN checks a listed name with an extra word and a made-up
// name against the real UN list.
func BenchmarkCheckUN(b *testing.B) {
	f, err := os.Open("../testdata/lists/un/consolidated-2026-02-27.xml")
	if err != nil {
		b.Skip("UN testdata missing:", err)
	}
	defer f.Close()
	var entries []matcher.Entry
	if err := loaders.Read("un-xml", f, func(e matcher.Entry) error { entries = append(entries, e); return nil }); err != nil {
		b.Fatal(err)
	}
	idx, err := matcher.NewIndex(entries, matcher.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
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
