package matcher_test

import (
	"math/rand/v2"
	"os"
	"testing"

	"github.com/crosscheck/crosscheck/bench/synth"
	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

// TestWordSigNeverRejectsAMatch: the signature filter of the candidate
// stage skips no listed word that tokenSim scores, for every word of a
// generated list and the UN list, and a misspelling of each, met as a
// query word (each pair scan would compare).
func TestWordSigNeverRejectsAMatch(t *testing.T) {
	if testing.Short() {
		t.Skip("compares some ten million word pairs")
	}
	entries := synth.New(5).Entries(20000)
	if f, err := os.Open("../testdata/lists/un/consolidated-2026-02-27.xml"); err == nil {
		err = loaders.Read("un-xml", f, func(e matcher.Entry) error { entries = append(entries, e); return nil })
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	idx, err := matcher.NewIndex(entries, matcher.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	words := matcher.ListedWords(idx)
	rng := rand.New(rand.NewPCG(7, 8))
	queries := append([]string{}, words...)
	for _, w := range words {
		queries = append(queries, misspell(w, rng))
	}
	if misses := matcher.SigMisses(idx, queries); len(misses) > 0 {
		t.Errorf("tokenSim scores %d pairs that wordSig.mayResemble rules out, e.g. %q: a word rule changed; "+
			"loosen mayResemble (vocab_sig.go) to match it", len(misses), misses[:min(10, len(misses))])
	}
}

// misspell changes, drops, doubles or swaps one letter of w.
func misspell(w string, rng *rand.Rand) string {
	if len(w) < 2 {
		return w
	}
	b := []byte(w)
	i := rng.IntN(len(b) - 1)
	switch rng.IntN(4) {
	case 0:
		b[i] = "AEIOUYHKSZ"[rng.IntN(10)]
	case 1:
		b = append(b[:i], b[i+1:]...)
	case 2:
		b = append(b[:i+1], b[i:]...)
	default:
		b[i], b[i+1] = b[i+1], b[i]
	}
	return string(b)
}
