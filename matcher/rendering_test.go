package matcher

import (
	"strings"
	"testing"
)

func TestRenderingKey(t *testing.T) {
	checkKeyPairs(t, "renderingKey", renderingKey, []keyPair{
		{"KHALID", "KHALED", true},      // Arabic writes E and I alike
		{"IRENA", "IRINA", true},        // the same, inside a word
		{"READ", "REED", true},          // English EA is И
		{"MAURICE", "MORIS", true},      // French AU is О
		{"EDGARD", "EDGAR", true},       // French final D after R
		{"VIKTORIYA", "VICTORIA", true}, // -ИЯ as -IYA or -IA
		{"LIDIJA", "LIDIA", true},       // -ИЯ as -IJA
		{"NICKLAS", "NIKLAS", true},     // spellingKey's folds still hold
		{"EMAD", "IMAD", false},         // an initial vowel stays
		{"WARD", "WAR", false},          // a short word keeps its D
		{"ROSSELLA", "ROSELLA", false},  // a doubled consonant is written
		{"HAMMAD", "HAMAD", false},
		{"HOLLSTEIN", "HOLSTEIN", false},
		{"KUSHIMA", "KURUSHIMA", false}, // an extra syllable
		{"MARITA", "MARITTA", false},
		{"OMAR", "UMAR", false}, // O and U stay apart: Russian writes them
		{"SABINA", "SABINE", false},
	})
}

func TestRenderingFolds(t *testing.T) {
	tests := []struct {
		fold func(string) string
		in   string
		want string
	}{
		{silentFinalD, "GASPARD", "GASPAR"},
		{silentFinalD, "BERD", "BERD"},
		{silentFinalD, "RICHARDS", "RICHARDS"},
		{russianIYA, "IULIIA", "IULIA"},
		{russianIYA, "IIA", "IIA"},
		{arabicFrontVowel, "ADEL", "ADIL"},
		{arabicFrontVowel, "EMAD", "EMAD"},
		{arabicFrontVowel, "E", "E"},
		{arabicFrontVowel, "", ""},
	}
	for _, tc := range tests {
		if got := tc.fold(tc.in); got != tc.want {
			t.Errorf("fold(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// FuzzRenderingKey: the key of a word is its own key, never longer than
// the word but for X (KS), and words with the same spelling key have the
// same rendering key (it only folds further).
func FuzzRenderingKey(f *testing.F) {
	for _, w := range []string{"KHALED", "READ", "MAURICE", "EDGARD", "VIKTORIYA", "LIDIJA", "EAEA", "XAVIER", "IEIA", "A", ""} {
		f.Add(w, w+"E")
	}
	f.Fuzz(func(t *testing.T, s, s2 string) {
		w, w2 := foldLatin(s), foldLatin(s2)
		if strings.ContainsAny(w+w2, " ") || !isASCII(w) || !isASCII(w2) {
			return
		}
		k := renderingKey(w)
		if again := renderingKey(k); again != k {
			t.Fatalf("renderingKey(%q) = %q, renderingKey(%q) = %q", w, k, k, again)
		}
		if len(k) > len(w)+strings.Count(w, "X") {
			t.Fatalf("renderingKey(%q) = %q is longer than the word", w, k)
		}
		if spellingKey(w) == spellingKey(w2) && renderingKey(w2) != k {
			t.Fatalf("%q and %q share a spelling key but not a rendering key", w, w2)
		}
	})
}
