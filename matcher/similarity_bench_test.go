package matcher

import "testing"

// similarPairs are word pairs the candidate stage meets: spelling
// variants, Arabic AL- words that share a sound code, and words that only
// share a key by chance.
var similarPairs = [][2]string{
	{"MOHAMMED", "MUHAMMAD"}, {"HASSAN", "HASAN"}, {"NASRALLAH", "NASRULLAH"}, {"ALKASJI", "ALKASIMI"},
	{"ALKAXSSJY", "ALKHASAWNEH"}, {"ABDULLAH", "ABDALLAH"}, {"KATANGA", "KATNAGA"}, {"FAISAL", "FAYSAL"},
	{"SMIRNOV", "SMIRNOFF"}, {"LEILING", "LILING"}, {"WANG", "WONG"}, {"HUSSEIN", "HUSAYN"},
}

// BenchmarkTokenSim scores each pair once per iteration.
func BenchmarkTokenSim(b *testing.B) {
	toks := make([][2]token, len(similarPairs))
	for i, p := range similarPairs {
		toks[i] = [2]token{newToken(p[0]), newToken(p[1])}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range toks {
			tokenSim(p[0], p[1], false)
		}
	}
}

// BenchmarkJaroWinkler computes each pair's Jaro-Winkler similarity once
// per iteration.
func BenchmarkJaroWinkler(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range similarPairs {
			jaroWinkler(p[0], p[1])
		}
	}
}
