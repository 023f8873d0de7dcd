package matcher

import "math/bits"

// wordSig is what the candidate stage needs of a word to rule out, without
// the full comparison, that it resembles another: the hashes of its sound
// keys, its shape, length and first letters, and how often each letter
// occurs. A query word meets a thousand listed words through shared keys
// on a big list, and all but a few share a key by chance (a two-letter
// skeleton, a Double Metaphone code that only says how a long word
// begins): reading one dense record per listed word instead of its
// strings, and comparing integers instead of computing Jaro-Winkler, is
// what makes that scan cheap.
//
// The record only ever answers "maybe": mayResemble is false only when
// tokenSim is certainly 0 (see TestWordSigNeverRejectsAMatch and
// FuzzWordSig), so the words found, their scores and the candidates stay
// exactly as with the full comparison of every word.
type wordSig struct {
	cluster, fold, fine, loose uint32    // hashes of the sound keys
	meta                       [2]uint32 // Double Metaphone codes of three or more sounds; 0 for none
	shape                      uint32
	head                       uint32    // the first four bytes, for the Jaro-Winkler prefix bound
	letters                    [2]uint64 // 4-bit counts: A..Z, then digits, then anything else
	n                          uint8     // length in bytes
	counted                    bool      // letters holds the counts (ASCII, no count above 15)
	metaCut                    [2]bool   // the code is cut at metaphoneLength (see sameMetaphone)
	fineLen                    uint8     // length of the fine skeleton, for codeCovers
}

func newWordSig(t token) wordSig {
	k := t.sound
	s := wordSig{
		cluster: hash32(k.cluster), fold: hash32(k.fold), fine: hash32(k.fine), loose: hash32(k.skeleton),
		shape: k.shape, n: uint8(min(len(t.text), 255)),
	}
	for i, m := range k.metaphone {
		if len(m) >= 3 {
			s.meta[i], s.metaCut[i] = hash32(m)|1, len(m) >= metaphoneLength
		}
	}
	s.fineLen = uint8(min(len(k.fine), 255))
	for i := 0; i < min(4, len(t.text)); i++ {
		s.head |= uint32(t.text[i]) << (8 * i)
	}
	s.letters, s.counted = letterCounts(t.text)
	return s
}

// hash32 is FNV-1a: equal strings have equal hashes, and a rare
// collision only lets a word through to the full comparison.
func hash32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// letterCounts packs the count of each letter into 4-bit lanes (lanes
// 0-25 A to Z, 26 digits, 27 any other byte). Lumping bytes together only
// loosens the bounds. ok is false for non-ASCII words, which Jaro-Winkler
// compares by rune, for counts that do not fit a lane and for words too
// long for the byte Jaro-Winkler.
func letterCounts(w string) (lanes [2]uint64, ok bool) {
	var n [28]uint8
	if len(w) > maxFastWord {
		return lanes, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 0x80:
			return lanes, false
		case c >= 'A' && c <= 'Z':
			n[c-'A']++
		case c >= '0' && c <= '9':
			n[26]++
		default:
			n[27]++
		}
	}
	for lane, c := range n {
		if c > 15 {
			return lanes, false
		}
		lanes[lane/16] |= uint64(c) << (4 * (lane % 16))
	}
	return lanes, true
}

// sharedLetters bounds from above how many letters two words can match:
// the sum over the lanes of the smaller count.
func sharedLetters(a, b *wordSig) int {
	n := 0
	for i := range a.letters {
		x, y := a.letters[i], b.letters[i]
		n += minLanes(x&lowNibbles, y&lowNibbles) + minLanes(x>>4&lowNibbles, y>>4&lowNibbles)
	}
	return n
}

const (
	lowNibbles = 0x0f0f0f0f0f0f0f0f
	byteHigh   = 0x8080808080808080
	byteOnes   = 0x0101010101010101
)

// minLanes sums the byte-wise minimum of two words of bytes 0..15.
func minLanes(x, y uint64) int {
	geq := ((x | byteHigh) - y) & byteHigh // high bit set where x >= y
	mask := (geq >> 7) * 0xff
	m := y&mask | x&^mask
	return int((m * byteOnes) >> 56)
}

// mayResemble is false when tokenSim(q, e) is certainly 0: no sound key in
// common, no room for the edit rule, and a Jaro-Winkler similarity that
// cannot reach what the skeleton or phonetic rules ask for. Initials and
// uncounted words are always let through.
func (q *wordSig) mayResemble(e *wordSig) bool {
	if q.cluster == e.cluster || q.fold == e.fold {
		return true
	}
	if !q.counted || !e.counted || q.n <= 1 || e.n <= 1 {
		return true
	}
	shared := sharedLetters(q, e)
	if q.editsPossible(e, shared) || q.maySameSkeleton(e) {
		return true
	}
	need := 2.0 // the Jaro-Winkler similarity a rule asks for; above 1: none
	if q.fine == e.fine {
		need = 0.85 // skeleton
	}
	if q.sharesMetaphone(e) {
		need = min(need, 0.8) // phonetic
	}
	return need <= 1 && jaroWinklerBound(q, e, shared) >= need-1e-9
}

// editsPossible mirrors the edit rule's own length and letter-count
// bounds: the shorter word's budget must cover both. Without letter
// counts, it may.
func (q *wordSig) editsPossible(e *wordSig, shared int) bool {
	if !q.counted || !e.counted {
		return true
	}
	budget := min(editDepth(int(q.n)), editDepth(int(e.n)))
	atLeast := (int(q.n) + int(e.n) - 2*shared + 1) / 2
	return abs(int(q.n)-int(e.n)) <= budget && atLeast <= budget
}

// maySameSkeleton is a loose sameSkeleton on hashes: a word with no vowel
// compares by the loose skeleton, the others need the same fine skeleton
// and vowels in the same places, or an abjad spelling.
func (q *wordSig) maySameSkeleton(e *wordSig) bool {
	if (q.shape|e.shape)&consonantShape != 0 {
		return q.loose == e.loose
	}
	return q.fine == e.fine && (q.shape == e.shape || (q.shape|e.shape)&abjadShape != 0)
}

// sharesMetaphone is a loose sameMetaphone: a shared code that is short,
// or cut with skeletons of about the same length (codeCovers).
func (q *wordSig) sharesMetaphone(e *wordSig) bool {
	covers := abs(int(q.fineLen)-int(e.fineLen)) <= 1
	for i, a := range q.meta {
		if a != 0 && (a == e.meta[0] || a == e.meta[1]) && (covers || !q.metaCut[i]) {
			return true
		}
	}
	return false
}

// jaroWinklerBound is the Jaro-Winkler similarity with every shared letter
// matched and no transposition, plus the bonus of the common prefix: at
// least jaroWinkler's value, which only grows with the matches.
func jaroWinklerBound(q, e *wordSig, shared int) float64 {
	if shared == 0 {
		return 0
	}
	m := float64(shared)
	j := (m/float64(q.n) + m/float64(e.n) + 1) / 3
	prefix := min(bits.TrailingZeros32(q.head^e.head)/8, int(min(q.n, e.n)), 4)
	return j + float64(prefix)*0.1*(1-j)
}
