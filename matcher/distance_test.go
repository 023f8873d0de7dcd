package matcher

import (
	"testing"

	"github.com/antzucaro/matchr"
)

// editBounds are the budgets editsWithin is asked about: the edit rule's
// (0 to 2), and one large enough for the full distance.
var editBounds = []int{0, 1, 2, 3, 2 * maxEditWord}

func TestEditsWithinAgreesWithMatchr(t *testing.T) {
	words := []string{"", "A", "AB", "BA", "MOHAMMED", "MUHAMMAD", "MOHAMED", "NASRALLAH", "NASRULLAH",
		"HASSAN", "HASAN", "KATANGA", "KATNAGA", "MUELLER", "MULLER", "ABDELNASSER", "CA", "ABC", "ACB", "МУХАММЕД",
		"ABCD", "BADC", "XABY", "XBAY", "ABXCD", "BAXDC", "ALFAKHOURI", "ALFAKHURY", "AAAAAAAAAAAAAAAAAAAAAAAA"}
	for _, a := range words {
		for _, b := range words {
			checkEditsWithin(t, a, b)
		}
	}
}

func FuzzEditsWithin(f *testing.F) {
	f.Add("MOHAMMED", "MUHAMMAD")
	f.Add("AB", "BA")
	f.Add("CA", "ABC")
	f.Add("XABCY", "XCBAY")
	f.Fuzz(checkEditsWithin)
}

// checkEditsWithin: editsWithin is matchr's distance when that is within
// the bound, and one more than the bound when it is not.
func checkEditsWithin(t *testing.T, a, b string) {
	want := matchr.DamerauLevenshtein(a, b)
	for _, k := range editBounds {
		if got := editsWithin(a, b, k); got != min(want, k+1) {
			t.Fatalf("editsWithin(%q, %q, %d) = %d, matchr's distance is %d", a, b, k, got, want)
		}
	}
}

func FuzzJaroWinkler(f *testing.F) {
	f.Add("MOHAMMED", "MUHAMMAD")
	f.Add("AB", "BA")
	f.Add("1234", "1243")
	f.Fuzz(func(t *testing.T, a, b string) {
		want := matchr.JaroWinkler(a, b, false)
		if got := jaroWinkler(a, b); got != want {
			t.Fatalf("jaroWinkler(%q, %q) = %v, matchr says %v", a, b, got, want)
		}
		if lb, d := editsAtLeast(a, b), matchr.DamerauLevenshtein(a, b); isASCII(a) && isASCII(b) && lb > d {
			t.Fatalf("editsAtLeast(%q, %q) = %d > distance %d", a, b, lb, d)
		}
	})
}

// TestEditsWithinSmallAlphabet compares every pair of words of up to five
// letters from three, where transpositions and repeated letters (what
// the band and the early stop must get right) are everywhere.
func TestEditsWithinSmallAlphabet(t *testing.T) {
	for _, a := range smallAlphabetWords() {
		for _, b := range smallAlphabetWords() {
			checkEditsWithin(t, a, b)
		}
	}
}

// TestJaroWinklerSmallAlphabet: the bit-set matching finds the same
// letters, in the same order, as matchr's walk through the window.
func TestJaroWinklerSmallAlphabet(t *testing.T) {
	words := append(smallAlphabetWords(), "MOHAMMED", "MUHAMMAD", "ALKASIMI", "ALKAXSSJY", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN")
	for _, a := range words {
		for _, b := range words {
			if got, want := jaroWinkler(a, b), matchr.JaroWinkler(a, b, false); got != want {
				t.Fatalf("jaroWinkler(%q, %q) = %v, matchr says %v", a, b, got, want)
			}
		}
	}
}

// smallAlphabetWords are every word of up to five letters from A, B, C.
func smallAlphabetWords() []string {
	words := []string{""}
	for n := 0; n < len(words) && len(words[n]) < 5; n++ {
		for _, c := range "ABC" {
			words = append(words, words[n]+string(c))
		}
	}
	return words
}
