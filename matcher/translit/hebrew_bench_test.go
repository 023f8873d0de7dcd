package translit

import "testing"

// BenchmarkRomanizeHebrew measures Hebrew names of each kind Romanize
// reads: common names (the table), a foreign name (the rules and their
// five forms), one with het and tsadi (the foreign reading differs) and
// one with particles and short words.
func BenchmarkRomanizeHebrew(b *testing.B) {
	names := map[string]string{
		"common":    "בנימין נתניהו",
		"foreign":   "ויליאם פרלברג",
		"het_tsadi": "אלחנדרו וינצנץ",
		"particles": "יוליוס פון האסט",
		"short":     "איאן ריי",
	}
	benchmarkRomanize(b, names)
}

// BenchmarkHebrewCluster measures the Hebrew part of Cluster, which runs
// for every word of every list name and query.
func BenchmarkHebrewCluster(b *testing.B) {
	words := []string{"MOHAMMED", "SMITH", "YITZHAK", "GARCIA", "ZEEV", "KATANGA"}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			_, _ = hebrewCluster(w)
		}
	}
}
