package matcher

import (
	"testing"

	"github.com/antzucaro/matchr"
)

func TestEditDistanceAgreesWithMatchr(t *testing.T) {
	words := []string{"", "A", "AB", "BA", "MOHAMMED", "MUHAMMAD", "MOHAMED", "NASRALLAH", "NASRULLAH",
		"HASSAN", "HASAN", "KATANGA", "KATNAGA", "MUELLER", "MULLER", "ABDELNASSER", "CA", "ABC", "ACB", "МУХАММЕД"}
	for _, a := range words {
		for _, b := range words {
			want := matchr.DamerauLevenshtein(a, b)
			if got := editDistance(a, b); got != want {
				t.Errorf("editDistance(%q, %q) = %d, matchr says %d", a, b, got, want)
			}
		}
	}
}

func FuzzEditDistance(f *testing.F) {
	f.Add("MOHAMMED", "MUHAMMAD")
	f.Add("AB", "BA")
	f.Fuzz(func(t *testing.T, a, b string) {
		want := matchr.DamerauLevenshtein(a, b)
		if got := editDistance(a, b); got != want {
			t.Fatalf("editDistance(%q, %q) = %d, matchr says %d", a, b, got, want)
		}
	})
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
		if lb, d := editsAtLeast(a, b), editDistance(a, b); isASCII(a) && isASCII(b) && lb > d {
			t.Fatalf("editsAtLeast(%q, %q) = %d > distance %d", a, b, lb, d)
		}
	})
}
