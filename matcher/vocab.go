package matcher

import "math"

// vocabulary holds every distinct listed word once, with the keys that
// find similar words and the name forms that contain each word. A check
// compares a query word with the few listed words that share keys with
// it, once each, instead of with every name: this is what keeps a check
// fast on a million names that share words like MOHAMMED, AL or KIM.
type vocabulary struct {
	ids       map[string]uint32   // word → id (ids start at 1)
	words     []token             // id-1 → word
	trigrams  []uint8             // id-1 → number of trigram keys
	forms     [][]uint32          // id-1 → forms containing the word, ascending
	byTrigram map[uint64][]uint32 // trigram key → word ids
	bySound   map[uint64][]uint32 // skeleton, metaphone and cluster keys → word ids
}

func newVocabulary() *vocabulary {
	return &vocabulary{ids: map[string]uint32{}, byTrigram: map[uint64][]uint32{}, bySound: map[uint64][]uint32{}}
}

// add records that form contains the words of f, numbering new words.
func (v *vocabulary) add(form uint32, f nameForm) {
	for i := range f.tokens {
		t := &f.tokens[i]
		id, ok := v.ids[t.text]
		if !ok {
			id = v.newWord(*t)
		}
		t.id = id
		p := v.forms[id-1]
		if len(p) == 0 || p[len(p)-1] != form {
			v.forms[id-1] = append(p, form)
		}
	}
}

func (v *vocabulary) newWord(t token) uint32 {
	id := uint32(len(v.words) + 1)
	v.ids[t.text] = id
	v.words = append(v.words, t)
	v.forms = append(v.forms, nil)
	keys := appendTrigrams(nil, t.text)
	v.trigrams = append(v.trigrams, uint8(min(len(keys), math.MaxUint8)))
	for _, k := range dedupe(keys) {
		v.byTrigram[k] = append(v.byTrigram[k], id)
	}
	for _, k := range soundKeyHashes(t.sound) {
		v.bySound[k] = append(v.bySound[k], id)
	}
	return id
}

func dedupe(keys []uint64) []uint64 {
	out := keys[:0]
	for i, k := range keys {
		seen := false
		for _, p := range keys[:i] {
			seen = seen || p == k
		}
		if !seen {
			out = append(out, k)
		}
	}
	return out
}

// wordSim is a listed word similar to a query word.
type wordSim struct {
	word uint32
	sim  float64
	rule string
}

// minTrigramShare is the share of trigrams two words must have in common
// before they are compared at all. One substituted letter in a six-letter
// word keeps five of eight; vowel-only differences that break more are
// caught by the skeleton key.
const minTrigramShare = 0.3

// similar returns the listed words that resemble q, with their score.
func (v *vocabulary) similar(sc *scratch, q token, prefix bool) []wordSim {
	var out []wordSim
	if id, ok := v.ids[q.text]; ok {
		out = append(out, wordSim{id, 1, "exact"})
	}
	for _, k := range soundKeyHashes(q.sound) {
		for _, id := range v.bySound[k] {
			sc.countWord(id, 1<<15) // a shared sound alone earns a comparison
		}
	}
	keys := dedupe(appendTrigrams(sc.keys[:0], q.text))
	for _, k := range keys {
		for _, id := range v.byTrigram[k] {
			sc.countWord(id, 1)
		}
	}
	for _, id := range sc.wordTouched {
		if v.words[id-1].text == q.text || !v.worthComparing(sc.wordHits[id-1], len(keys), id) {
			continue
		}
		if s, rule := tokenSim(q, v.words[id-1], prefix); s > 0 {
			out = append(out, wordSim{id, s, rule})
		}
	}
	sc.resetWords()
	return out
}

// soundKeyHashes are the candidate keys of a word's sound keys, at most
// four and each at most once.
func soundKeyHashes(k soundKeys) []uint64 {
	out := make([]uint64, 0, 4)
	if len(k.skeleton) >= 2 {
		out = append(out, keyHash(keySkeleton, k.skeleton, "", ""))
	}
	for i, m := range k.metaphone {
		if len(m) >= 2 && (i == 0 || m != k.metaphone[0]) {
			out = append(out, keyHash(keyMetaphone, m, "", ""))
		}
	}
	return append(out, keyHash(keyCluster, k.cluster, "", ""))
}

func (v *vocabulary) worthComparing(hits uint32, qTrigrams int, id uint32) bool {
	if hits >= 1<<15 {
		return true
	}
	shorter := min(qTrigrams, int(v.trigrams[id-1]))
	return float64(hits) >= minTrigramShare*float64(shorter)
}
