package matcher

import (
	"slices"
	"strings"
)

// A lone Latin word and a listed one are the same name when a scribe
// writing them in Arabic or Cyrillic writes them alike: that is how name
// variants travel across borders (a passport issued in Arabic or Russian
// script and romanised again). spellingKey folds the spellings of one
// sound; renderingKey goes on to fold the vowel and ending differences
// those renderings lose:
//   - Arabic writes E and I with one letter (ي), or not at all when short
//     (KHALID, KHALED; IRENA, IRINA);
//   - English EA is the vowel a Russian writes И (READ, REED), French AU
//     the one written О (MAURICE, MORIS);
//   - a French final D after R is silent (EDGARD, Эдгар);
//   - the Russian ending -ИЯ is romanised -IYA, -IJA and -IA alike
//     (VIKTORIYA, VICTORIA).
// The first letter keeps its vowel (EMAD is not IMAD to the key), and a
// doubled consonant, another consonant or an extra syllable still change
// the key: both scripts write those (ROSSELLA is Росселла, ROSELLA Розелла;
// HAMMAD is حماد with a shadda a romaniser reads).

// writtenVowelSteps are spellingKey's steps followed by the folds of the
// differences Arabic and Cyrillic renderings do not keep, but for
// Arabic's one letter for E and I.
var writtenVowelSteps = append(slices.Clip(spellingSteps),
	strings.NewReplacer("EA", "I", "AU", "O").Replace,
	silentFinalD,
	russianIYA,
)

// renderingSteps are all the folds: writtenVowelSteps and arabicFrontVowel.
var renderingSteps = append(slices.Clip(writtenVowelSteps), arabicFrontVowel)

// renderingKeyFrom returns the rendering key for a word read from a name
// written in script: a name written in Cyrillic or Greek has told E from
// I already (Е and И, Ε and Ι), so its romanisation keeps them apart; any
// other (Latin, where the spelling may have come through Arabic, or an
// abjad) folds them.
func renderingKeyFrom(script string) func(string) string {
	switch script {
	case "Cyrl", "Grek":
		return writtenVowelKey
	}
	return renderingKey
}

// writtenVowelKey is renderingKey without arabicFrontVowel.
func writtenVowelKey(w string) string { return foldToFixedPoint(w, writtenVowelSteps) }

// renderingKey is the spelling key of the upper-case romanised word w
// with the differences Arabic and Cyrillic renderings do not keep folded
// (see renderingSteps). Like spellingKey, it is its own key.
func renderingKey(w string) string { return foldToFixedPoint(w, renderingSteps) }

// silentFinalD drops the final D of a French -RD (GASPARD, GASPAR;
// EDGARD, EDGAR) in words of more than four letters: in WARD or BERD
// there is too little else to go on.
func silentFinalD(w string) string {
	if len(w) > 4 && strings.HasSuffix(w, "RD") {
		return w[:len(w)-1]
	}
	return w
}

// russianIYA writes the ending -IIA, which is -IYA or -IJA once folded,
// as -IA (YULIYA, YULIA; LIDIJA, LIDIA).
func russianIYA(w string) string {
	if len(w) > 4 && strings.HasSuffix(w, "IIA") {
		return w[:len(w)-3] + "IA"
	}
	return w
}

// arabicFrontVowel reads E as I after the first letter: Arabic writes
// both with ya or leaves them out (ADIL, ADEL; GIORGI, GEORGI). An
// initial E or I stays (EMAD, IMAD are alif with different vowels).
func arabicFrontVowel(w string) string {
	if len(w) < 2 || !strings.Contains(w[1:], "E") {
		return w
	}
	return w[:1] + strings.ReplaceAll(w[1:], "E", "I")
}
