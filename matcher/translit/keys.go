package translit

import "strings"

// skeletonDigraphs unify spellings of one sound before vowels are dropped:
// DJ/DZH (Djamel, Dzhamal) are J, PH is F, CK is K, KH is H.
var skeletonDigraphs = strings.NewReplacer("DZH", "J", "DJ", "J", "PH", "F", "CK", "K", "KH", "H")

// Skeleton returns the consonant skeleton of a romanised word, for names of
// abjad origin (Arabic, Hebrew, Persian) where short vowels are not written
// and every romanisation guesses them differently:
//
//   - only A-Z count; input is upper-cased and folded first;
//   - DJ, DZH -> J; PH -> F; CK -> K; KH -> H (Russian and Turkish
//     renderings of ح and خ: MUKHAMMED, MUHAMMAD; KHALID, HALID);
//   - H after S, T, D, G, C, Z, K or P goes (SH, TH, DH, GH, CH, ZH: the
//     digraph variants reduce to their first letter); after another
//     consonant it stays (MHMD, written without vowels, is MOHAMMED);
//   - a word-final H after a vowel goes (ABDULLAH, ABDULLA; FATIMAH, FATIMA);
//   - C and Q become K;
//   - vowels, W and Y go (they stand for long vowels as often as for
//     consonants: YOUSSEF, YUSUF, JUSUF keep only S F plus J);
//   - doubled letters collapse (MOHAMMED, MOHAMED).
//
// MOHAMMED, MUHAMMAD and MOHAMED all give MHMD. A word with no consonant
// keeps its first letter, so only a word without letters has an empty key.
func Skeleton(word string) string {
	if isAZ(word) {
		var buf [maxFast]byte
		return string(skeletonAZ(buf[:0], word))
	}
	w := skeletonDigraphs.Replace(foldLatin(word))
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'A' || c > 'Z' {
			continue
		}
		if dropInSkeleton(w, i) {
			continue
		}
		if c == 'C' || c == 'Q' {
			c = 'K'
		}
		if n := len(b); n == 0 || b[n-1] != c {
			b = append(b, c)
		}
	}
	if len(b) == 0 {
		return firstLetter(w)
	}
	return string(b)
}

func dropInSkeleton[S ~string | ~[]byte](w S, i int) bool {
	c := w[i]
	if isVowel(c) {
		return true
	}
	if c != 'H' || i == 0 {
		return false
	}
	if strings.IndexByte("STDGCZKP", w[i-1]) >= 0 {
		return true // SH TH DH GH CH ZH KH PH
	}
	if !isVowel(w[i-1]) {
		return false // MHMD: an abjad romanised letter for letter keeps its H
	}
	return i == len(w)-1 // ABDULLAH
}

func firstLetter(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return w[i : i+1]
		}
	}
	return ""
}

// isVowel counts W and Y with the vowels: in romanised abjad names they
// write long vowels as often as consonants.
func isVowel(c byte) bool { return strings.IndexByte("AEIOUWY", c) >= 0 }

// Cluster returns the cluster key of a romanised name word: the formal name
// for an English nickname (BILL -> WILLIAM, LIZ -> ELIZABETH), the agreed
// spelling for rigour's cross-script name parts (POETIN -> PUTIN) and for the
// other google-ar2en spellings of one Arabic word, and the usual spelling
// for the second spelling of a common Arabic name word (MOHAMMED -> MUHAMMAD,
// ABDALLAH -> ABDULLAH) and the English spelling for the Israeli one of a
// common Hebrew name (YITZHAK -> ISAAC). A word in no cluster is
// its own key, so keys can always be compared. Nicknames of more than two
// formal names (AL, ANN) belong to no cluster.
func Cluster(word string) string {
	w := foldLatin(word)
	if k, ok := lookup(clusterKeys, w); ok {
		return k
	}
	k, ok := arabicCluster(w)
	if !ok {
		k, ok = hebrewCluster(w)
	}
	if !ok {
		return w
	}
	if k2, ok := lookup(clusterKeys, k); ok {
		return k2 // keys stay terminal: MOSHE -> MOSES -> its own key
	}
	return k
}

// LooseSkeleton is Skeleton with the consonants that scripts and schemes
// write interchangeably merged, for comparing a word written without
// vowels (JK SMT, from Hebrew) with a full spelling (JACK SMITH): coarse
// on purpose, so never evidence on its own.
//
//   - B, P and F are one: Hebrew ב and פ each stand for two of them, and
//     Arabic has no P and writes a foreign P as ب and a foreign V as ف;
//   - S and Z are one: an intervocalic S is a Z, and abjads spell the
//     sound as heard;
//   - G, J and ZH are one: Arabic ج is J or, in Egypt, G; Hebrew ג׳ writes
//     a J or a soft G (GEORGE), ז׳ a French J (JEANNE);
//   - V goes with W and Y, except at the start of the word: Hebrew ו
//     writes V, W, O and U, Arabic و W, U and O, but an initial one is a
//     consonant (VLADIMIR, WARD);
//   - the H of English OHN is silent (JOHN, JOHNSON, JOHNSTON: ג׳ון); an
//     H before a consonant elsewhere is not (AHMAD, MOHMADI);
//   - a C before E, I or Y is an S (MARCEL, VINCENT: מרסל); German SCH
//     is SH (SCHRÖTER: שרטר); X is KS (FOX: פוקס);
//   - an initial Y is a J: Hebrew י and Arabic ي begin YOSEF and JOSEPH,
//     YUSUF and JUSUF, and German J is a Y (JOHANN: יוהן).
func LooseSkeleton(word string) string {
	if isAZ(word) {
		return looseAZ(word)
	}
	w := []byte(looseDigraphs.Replace(foldLatin(word)))
	initialV := len(w) > 0 && (w[0] == 'V' || w[0] == 'W')
	switch {
	case initialV:
		w[0] = 'V'
	case len(w) > 0 && w[0] == 'Y':
		w[0] = 'J'
	}
	return string(loosenSkeleton([]byte(Skeleton(string(w))), initialV))
}

var looseDigraphs = strings.NewReplacer("ZH", "J", "OHN", "ON", "CE", "SE", "CI", "SI", "CY", "SY", "SCH", "SH", "X", "KS")

// loosenSkeleton rewrites a skeleton in place into its loose form.
func loosenSkeleton(skel []byte, initialV bool) []byte {
	b := skel[:0]
	for i := 0; i < len(skel); i++ {
		c := skel[i]
		switch c {
		case 'V':
			if i > 0 || !initialV {
				continue
			}
		case 'B', 'F':
			c = 'P'
		case 'Z':
			c = 'S'
		case 'G':
			c = 'J'
		}
		if n := len(b); n == 0 || b[n-1] != c {
			b = append(b, c)
		}
	}
	if len(b) == 0 && len(skel) > 0 {
		b = append(b, skel[0]) // V alone: the first letter was overwritten by nothing
	}
	return b
}
