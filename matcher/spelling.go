package matcher

import "strings"

// A name word alone says little: among tens of thousands of listed words,
// almost any word has a neighbour one letter away (HOLLSTEIN and
// HOLSTEIN, TOLAND and TOLAN are other people's names). What does say a
// lone word is the same name is a spelling that orthographies write for
// one sound: PH and F, CK and K, French EAU and O, TH and T, W and V, final IE and Y, a
// silent final E (BROWNE, BROWN), a doubled final letter, which a transcription into Cyrillic or
// Arabic renders alike. spellingKey folds those spellings, and only those:
// a dropped letter, another vowel or an extra syllable still changes the
// key.

// spellingSteps rewrite a word in order; each step sees the previous
// one's result. Digraphs go first, so that the single letters they hold
// are not rewritten on their own.
var spellingSteps = []func(string) string{
	strings.NewReplacer("EAU", "O", "SCH", "SH", "TCH", "CH", "DZH", "J", "DJ", "J", "CHR", "KR", "KH", "H", "PH", "F", "CK", "K", "X", "KS").Replace,
	hardAndSoftC,
	dropSilentH,
	strings.NewReplacer("W", "V", "Z", "S", "EE", "I", "OO", "U", "OU", "U").Replace,
	consonantJ,
	strings.NewReplacer("Y", "I").Replace,
	finalEY,
	strings.NewReplacer("EI", "AI").Replace,
	dropFinalE,
	finalDouble,
	initialYE,
}

// spellingKey is the word with the spellings of one sound folded (see
// spellingSteps); w is an upper-case romanised word. A step can make
// what an earlier one folds (XCH gives KSCH, whose SCH is SH), so the
// steps run again until nothing changes: the key is its own key.
func spellingKey(w string) string { return foldToFixedPoint(w, spellingSteps) }

// foldToFixedPoint runs the steps over w in rounds until a round changes
// nothing, so that the result is its own fold.
func foldToFixedPoint(w string, steps []func(string) string) string {
	for range maxSpellingRounds {
		k := w
		for _, step := range steps {
			k = step(k)
		}
		if k == w {
			break
		}
		w = k
	}
	return w
}

// maxSpellingRounds bounds the rounds of foldToFixedPoint; every round but
// the last shortens the word or rewrites a letter for good, and real names
// settle in two.
const maxSpellingRounds = 8

// hardAndSoftC reads C and Q as they sound: S before E, I or Y (CELINE,
// SELINE), K elsewhere (CARL, KARL; QU before E or I is K: MIQUEL,
// MIKEL); CH is left to be its own sound.
func hardAndSoftC(w string) string {
	if !strings.ContainsAny(w, "CQ") {
		return w
	}
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case w[i] == 'Q' && next == 'U' && i+2 < len(w) && strings.IndexByte("EI", w[i+2]) >= 0:
			b = append(b, 'K')
			i++
		case w[i] == 'Q', w[i] == 'C' && next != 'H' && strings.IndexByte("EIY", next) < 0:
			b = append(b, 'K')
		case w[i] == 'C' && next != 'H':
			b = append(b, 'S')
		default:
			b = append(b, w[i])
		}
	}
	return string(b)
}

// dropSilentH drops the H that only marks the letter before it (TH, DH,
// GH, an initial RH: THOMAS, TOMAS; RHEA, REA) and a final H after a
// vowel (SARAH, SARA). KH is a sound of its own (KHALIL, HALIL: see the
// first step); a medial RH is two (SARHAN is not SARAN).
func dropSilentH(w string) string {
	if !strings.Contains(w, "H") {
		return w
	}
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		if w[i] == 'H' && i > 0 && (strings.IndexByte("TDG", w[i-1]) >= 0 || i == 1 && w[0] == 'R' || i == len(w)-1 && isVowelLetter(w[i-1])) {
			continue
		}
		b = append(b, w[i])
	}
	return string(b)
}

// consonantJ reads a J before a vowel as Y, as German, Scandinavian and
// Slavic spellings write it (TANJA, TANYA; JARI, YARI), except after D,
// where DJ is one sound (DJIBRIL).
func consonantJ(w string) string {
	if !strings.Contains(w, "J") {
		return w
	}
	b := []byte(w)
	for i := range b {
		if b[i] == 'J' && i+1 < len(b) && isVowelLetter(b[i+1]) && (i == 0 || b[i-1] != 'D') {
			b[i] = 'Y'
		}
	}
	return string(b)
}

// finalEY reads the English final EY, Y once folded, as I (RICKEY,
// RICKY; KIMBERLEY, KIMBERLY).
func finalEY(w string) string {
	if n := len(w); n > 3 && strings.HasSuffix(w, "EI") {
		return w[:n-2] + "I"
	}
	return w
}

// dropFinalE drops a silent final E after a consonant (VERNE, VERN;
// CLARKE, CLARK) and reads a final IE as I (BERTIE, BERTI), in words of
// more than three letters: in ABE or ENE the E is a syllable.
func dropFinalE(w string) string {
	n := len(w)
	if n <= 3 || w[n-1] != 'E' {
		return w
	}
	if !isVowelLetter(w[n-2]) || w[n-2] == 'I' {
		return w[:n-1]
	}
	return w
}

// finalDouble writes a doubled final letter once (WOLFF, WOLF; ULLMANN,
// ULLMAN): it is not pronounced long. A doubled letter inside a word
// stays: transcriptions into Cyrillic keep it (ROSSELLA is not ROSELLA).
func finalDouble(w string) string {
	n := len(w)
	for n > 3 && w[n-1] == w[n-2] {
		n--
	}
	return w[:n]
}

// initialYE reads an initial YE, Y once folded, as E: Russian Е at the
// start of a word is YE in BGN/PCGN and English usage, E in ICAO
// (YEVGENY, EVGENY; YELENA, ELENA).
func initialYE(w string) string {
	if len(w) > 3 && strings.HasPrefix(w, "IE") {
		return w[1:]
	}
	return w
}

func isVowelLetter(c byte) bool { return strings.IndexByte("AEIOUY", c) >= 0 }
