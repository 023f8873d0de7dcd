package matcher

import (
	"strings"
	"unicode"

	"github.com/antzucaro/matchr"
	"golang.org/x/text/unicode/norm"

	"github.com/crosscheck/crosscheck/matcher/translit"
)

// token is one analysed name word with the keys the candidate stage and
// the scorer share: one analyser for both stages (design.md §4).
type token struct {
	text     string
	sound    soundKeys
	particle bool
}

// soundKeys are the ways two differently spelled words can be known to be
// the same name: a shared consonant skeleton (vowels are not written in
// Arabic or Hebrew), a shared Double Metaphone code (matchr), or the
// same variant cluster (MOHAMMED and MUHAMMAD, BILL and WILLIAM).
type soundKeys struct {
	skeleton  string // translit.LooseSkeleton: the candidate key
	fine      string // translit.Skeleton
	metaphone [2]string
	cluster   string
	fold      string // see romanFold
	shape     uint32 // vowel and consonant runs, see wordShape
	vowels    uint8  // see vowelClasses
}

// Vowel classes of a word: the letters an abjad's matres lectionis stand
// for (vav: O, U, or W and V; yod: I, E or Y).
const (
	backVowels  = 1 << iota // O U W V
	frontVowels             // I E Y
)

// An initial W, V or Y is left out: an initial vav or yod is a consonant.
func vowelClasses(w string) uint8 {
	var c uint8
	start := 0
	if w != "" && strings.IndexByte("WVY", w[0]) >= 0 {
		start = 1
	}
	for i := start; i < len(w); i++ {
		switch w[i] {
		case 'O', 'U', 'W', 'V':
			c |= backVowels
		case 'I', 'E', 'Y':
			c |= frontVowels
		}
	}
	return c
}

func newSoundKeys(w string) soundKeys {
	p, s := matchr.DoubleMetaphone(w)
	return soundKeys{skeleton: translit.LooseSkeleton(w), fine: translit.Skeleton(w), metaphone: [2]string{p, s},
		cluster: translit.Cluster(w), fold: romanFold(w), shape: wordShape(w), vowels: vowelClasses(w)}
}

// romanFolds are spellings that romanisation schemes use for one sound
// (French OU and English U, Russian KH and English H for the Arabic ح,
// GH and Q for the Persian غ and ق, which Persian pronounces alike:
// GHOLAMREZA, QOLAMREZA; Y and I as a vowel; ZH, the Russian and pinyin
// spelling of the sound French and English write J, as in ZHUKOV and
// JOUKOV, pinyin ZHANG and Wade-Giles CHANG), folded to one.
var romanFolds = strings.NewReplacer("OU", "U", "OO", "U", "KH", "H", "GH", "Q", "Y", "I", "EE", "I", "ZH", "J")

// romanFold is the word with its romanisation variants folded: ALY and
// ALI, KHASAN and HASAN, QOUBAYSI and QUBAYSI, KYM and KIM fold alike. A
// leading Y stays (YUSUF is not IUSUF), and a fold of fewer than four
// letters keeps KH (KHAN is not HAN). A leading CH of a syllable-sized
// word is J: McCune-Reischauer and Wade-Giles write CH (CHANG, CHO, CHE)
// where Revised Romanisation and pinyin write J (JANG, JO, JE).
func romanFold(w string) string {
	head := ""
	switch {
	case strings.HasPrefix(w, "Y"):
		head, w = "Y", w[1:]
	case strings.HasPrefix(w, "CH") && len(w) <= maxSyllable+1:
		head, w = "J", w[2:]
	}
	body := silentH(romanFolds.Replace(w))
	if len(head)+len(body) < 4 && strings.Contains(w, "KH") {
		body = silentH(romanFoldsKeepKH.Replace(w))
	}
	return slavicEnding(head + semivowelJ(body))
}

// romanFoldsKeepKH are romanFolds but KH, for short words.
var romanFoldsKeepKH = strings.NewReplacer("OU", "U", "OO", "U", "GH", "Q", "Y", "I", "EE", "I", "ZH", "J")

// semivowelJ and silentH see a word after romanFolds, where Y is I.

// semivowelJ writes I for a J between a vowel and another consonant: there
// it is the Slavic and German й (MIHAJLO, MAJKL), which English writes Y
// and ICAO I (MIKHAILO). A J before a vowel, doubled or ending the word
// is a consonant in Arabic and Persian too (JAMAL, HAJJ, FARAJ) and stays.
func semivowelJ(f string) string {
	var b []byte // allocated at the first change: most words have none
	for i := 1; i+1 < len(f); i++ {
		if f[i] == 'J' && isVowelLetter(f[i-1]) && !isVowelLetter(f[i+1]) && f[i+1] != 'J' {
			if b == nil {
				b = []byte(f)
			}
			b[i] = 'I'
		}
	}
	if b == nil {
		return f
	}
	return string(b)
}

// silentH drops an H that closes a syllable after a vowel (before a
// consonant or at the end of the word): schemes write it or not for a
// long vowel or a final breath (ABDULLAH and ABDULLA, MAHN and MAN,
// MEHMET and MEMET). An H after a consonant belongs to a digraph (SH)
// and an H before a vowel is a consonant (MOHAMMED): both stay. It runs
// after KH is folded to H, so AKHMED and AHMED still fold alike.
func silentH(w string) string {
	var b []byte // allocated at the first H dropped: most words have none
	for i := 0; i < len(w); i++ {
		if w[i] == 'H' && i > 0 && isVowelLetter(w[i-1]) && (i+1 == len(w) || !isVowelLetter(w[i+1]) && w[i+1] != 'H') {
			if b == nil {
				b = append(make([]byte, 0, len(w)), w[:i]...)
			}
			continue
		}
		if b != nil {
			b = append(b, w[i])
		}
	}
	if b == nil {
		return w
	}
	return string(b)
}

// slavicEnding folds the endings schemes write for Russian -ий and -ый,
// once Y is I: BGN -IY, ICAO -II, German and Slovene -IJ, English -I or
// -Y (YURIY, YURII, YURIJ, YURI; DMITRIY, DMITRIJ, DMITRY).
func slavicEnding(f string) string {
	if len(f) > 3 && (strings.HasSuffix(f, "II") || strings.HasSuffix(f, "IJ")) {
		return f[:len(f)-1]
	}
	return f
}

// maxSyllable is the longest romanised Korean or Chinese syllable (JEONG,
// HSUEH, ZHUANG: one letter more with CH).
const maxSyllable = 5

// sameSkeleton: skeletons of one letter say nothing. A shared skeleton
// vouches for two spellings of one name when the vowels could be the same
// ones written differently: one side writes almost none (an abjad
// romanised letter for letter: MHMD), or both have their vowels in the
// same places (MOHAMMED, MUHAMMAD). MOHAMMED and MAHMOUD, or ROGRIA and
// ROGER, share a skeleton but not their vowels' places: other names. A
// word with no vowel at all (the consonants of a Hebrew or Arabic
// spelling: KLYY VWRD) says nothing of its vowels nor of which of B/V/P/F
// or S/Z it meant, so the loose skeleton decides (KELLY WARD), provided both
// words begin alike with a vowel or not (an abjad writes a carrier letter
// for an initial vowel: ANDR is ANDRE, RN is not AVARAN) and the other
// word has the vowels its W and Y stand for (JWN is JOHN, not JANE).
func (k soundKeys) sameSkeleton(o soundKeys) bool {
	if (k.shape|o.shape)&consonantShape != 0 {
		return len(k.skeleton) >= 2 && k.skeleton == o.skeleton && k.shape&initialVowel == o.shape&initialVowel &&
			k.matres(o) && o.matres(k)
	}
	if len(k.fine) < 2 || k.fine != o.fine {
		return false
	}
	if k.shape == o.shape {
		return true
	}
	return k.shape&abjadShape != 0 || o.shape&abjadShape != 0
}

// matres: a word without vowels asks the other for the vowels its W and Y
// stand for.
func (k soundKeys) matres(o soundKeys) bool {
	return k.shape&consonantShape == 0 || k.vowels&^o.vowels == 0
}

// abjadShape marks a word of at least three letters with at most one
// vowel letter, consonantShape a word of at least two letters with no A,
// E, I, O or U but an initial one (W and Y may be consonants) and no V
// but an initial one (a medial V is a bet read soft, HRV for הרב, not a
// vav: LooseSkeleton would drop it), initialVowel a word that begins with A, E, I, O or
// U (an initial Y is a consonant).
const (
	abjadShape     = 1 << 31
	consonantShape = 1 << 30
	initialVowel   = 1 << 29
)

// wordShape encodes the runs of vowels (1) and consonants (0) of an
// upper-case word, first run in the lowest bit, with a leading 1 bit
// closing the pattern: MOHAMMED and MUHAMMAD are both CVCVCVC. Y counts
// as a vowel, W as a consonant.
func wordShape(w string) uint32 {
	var bits, n uint32
	vowels, prev := 0, -1
	for i := 0; i < len(w) && n < 28; i++ {
		v := 0
		if strings.IndexByte("AEIOUY", w[i]) >= 0 {
			v, vowels = 1, vowels+1
		}
		if v != prev {
			bits |= uint32(v) << n
			n++
			prev = v
		}
	}
	shape := bits | 1<<n
	if len(w) >= 3 && vowels <= 1 || len(w) == 2 && vowels == 0 {
		shape |= abjadShape
	}
	if len(w) > 0 && strings.IndexByte("AEIOU", w[0]) >= 0 {
		shape |= initialVowel
	}
	if len(w) >= 2 && !strings.ContainsAny(w[1:], "AEIOUV") {
		shape |= consonantShape
	}
	return shape
}

// sameMetaphone: the words share a Double Metaphone code of three sounds
// or more. matchr cuts codes at four sounds, so a full-length code may
// only say how two words begin (ABDULMAJID and ABDUL, MOHAMMADREZA and
// MUHAMMAD are all APTL or MHMT): it vouches for them only when their
// consonants are about as many (see codeCovers).
func (k soundKeys) sameMetaphone(o soundKeys) bool {
	for _, a := range k.metaphone {
		for _, b := range o.metaphone {
			if len(a) >= 3 && a == b {
				return len(a) < metaphoneLength || k.codeCovers(o)
			}
		}
	}
	return false
}

// metaphoneLength is the length at which matchr cuts a code.
const metaphoneLength = 4

// codeCovers: the two words' consonant skeletons differ in length by one
// at most, so a shared cut code stands for both words, not for a prefix.
func (k soundKeys) codeCovers(o soundKeys) bool {
	return abs(len(k.fine)-len(o.fine)) <= 1
}

// nameForm is one romanised form of a name, ready to score.
type nameForm struct {
	tokens []token
	weight float64 // sum of token weights, precomputed
	script string  // ISO 15924 script of the name as written (translit.Script)
}

// isParticle reports name words that carry little identity on their own.
// They still match, but weigh little (al, bin, van, de...).
func isParticle(w string) bool {
	switch w {
	case "AL", "EL", "UL", "BIN", "BEN", "IBN", "ABU", "ABOU", "BINT", "BNT", "VAN", "VON",
		"DER", "DEN", "DE", "DA", "DI", "DEL", "LA", "LE", "DOS", "DAS", "Y", "OULD":
		return true
	}
	return false
}

// isTitle reports words that are dropped: they are not part of anyone's
// identity.
func isTitle(w string) bool {
	switch w {
	case "MR", "MRS", "MS", "DR", "PROF", "SHEIKH", "SHAYKH", "HAJJI", "HAJI",
		"MAULANA", "MULLAH", "GENERAL", "GEN", "COLONEL", "COL", "CAPTAIN", "MAJOR", "SIR":
		return true
	}
	return false
}

// foldLatin turns a name into upper-case ASCII words: diacritics dropped,
// punctuation to spaces. Non-Latin letters pass through for the
// transliterator to handle.
func foldLatin(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == 'ʿ' || r == 'ʾ' || r == '`':
			continue // AL-QA'IDA = ALQAIDA: apostrophes join
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToUpper(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// nameWords splits a romanised form into words, dropping titles. The
// index interns the words it keeps; a query analyses them into tokens.
func nameWords(form string) []string {
	words := strings.Fields(form)
	if len(words) < 2 {
		return words
	}
	out := words[:0]
	for _, w := range words {
		if !isTitle(w) {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return words[:1]
	}
	return out
}

func newToken(w string) token {
	return token{text: w, sound: newSoundKeys(w), particle: isParticle(w)}
}

// tokenWeight says how much identity a word carries: particles and
// initials little, long words more.
func tokenWeight(t token) float64 {
	switch {
	case t.particle:
		return 0.2
	case len(t.text) == 1:
		return 0.3
	}
	return 1
}

// meaningful words find candidates of their own; particles and initials
// only match inside names found through them.
func (t token) meaningful() bool { return !t.particle && len(t.text) > 1 }

func newNameForm(form string, known knownWords) nameForm {
	words := nameWords(form)
	toks := make([]token, len(words))
	w := 0.0
	for i, word := range words {
		toks[i] = known.token(word)
		w += tokenWeight(toks[i])
	}
	return nameForm{tokens: toks, weight: w}
}

// nameForms returns the analysed forms of one query name: every
// romanisation the transliterator knows, each tokenised.
func nameForms(name string, known knownWords) []nameForm {
	romans := romanize(name)
	out := make([]nameForm, 0, len(romans))
	script := translit.Script(name)
	for _, r := range romans {
		if f := newNameForm(r, known); len(f.tokens) > 0 {
			f.script = script
			out = append(out, f)
		}
	}
	return out
}

// romanize gives the Latin forms of a name in any script: ICAO 9303 with
// its options, BGN/PCGN, ISO 9, common usage, MRZ forms (see translit).
func romanize(name string) []string {
	return translit.Romanize(name)
}
