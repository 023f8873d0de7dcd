package matcher

import (
	"slices"
	"strings"
)

// vocabulary holds every distinct listed word once, with the keys that
// find similar words and the name forms that contain each word. A check
// compares a query word with the few listed words that share keys with
// it, once each, instead of with every name: this is what keeps a check
// fast on a million names that share words like MOHAMMED, AL or KIM.
// Name forms refer to their words by id, so a word's text and keys are
// stored once however many names use it.
type vocabulary struct {
	ids      map[string]uint32   // word → id (ids start at 1)
	words    []token             // id-1 → word
	sigs     []wordSig           // id-1 → the word's signature, for scan
	forms    postings            // id-1 → forms containing the word, ascending
	edits    editKeys            // deletion keys → word ids
	bySound  map[uint64][]uint32 // skeleton, metaphone and cluster keys → word ids
	sorted   []uint32            // word ids in text order, for prefixes
	common   commonWords         // see commonWords
	editKeys []uint64            // while building: hash<<32 | id
}

func newVocabulary() *vocabulary {
	return &vocabulary{ids: map[string]uint32{}, bySound: map[uint64][]uint32{}}
}

// finish builds the lookup structures that need every word.
func (v *vocabulary) finish() {
	v.edits = newEditKeys(v.editKeys)
	v.editKeys = nil
	v.sorted = make([]uint32, len(v.words))
	for i := range v.sorted {
		v.sorted[i] = uint32(i + 1)
	}
	slices.SortFunc(v.sorted, func(a, b uint32) int { return strings.Compare(v.word(a).text, v.word(b).text) })
}

// intern returns the id of word w, numbering it when it is new.
func (v *vocabulary) intern(w string) uint32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	t := newToken(w)
	id := uint32(len(v.words) + 1)
	v.ids[w] = id
	v.words = append(v.words, t)
	v.sigs = append(v.sigs, newWordSig(t))
	var buf [64]uint32
	for _, h := range appendEditHashes(buf[:0], w) {
		v.editKeys = append(v.editKeys, uint64(h)<<32|uint64(id))
	}
	for _, k := range soundKeyHashes(t, false) {
		v.bySound[k] = append(v.bySound[k], id)
	}
	return id
}

func (v *vocabulary) word(id uint32) *token { return &v.words[id-1] }

// wordSim is a listed word similar to a query word.
type wordSim struct {
	word uint32
	sim  float64
	rule string
}

// similar returns the listed words that resemble q, with their score. A
// common listed word has its similar words ready from the build.
// The query forms of one name (its romanisations) share most words, so
// a check scans each word once.
func (v *vocabulary) similar(sc *scratch, q token, prefix bool) []wordSim {
	if id, ok := v.ids[q.text]; ok && !prefix {
		if n, ok := v.common.neighbours[id]; ok {
			return n
		}
	}
	k := scanKey{q.text, prefix}
	if sims, ok := sc.scanned[k]; ok {
		return sims
	}
	sims := v.scan(sc, q, prefix, nil)
	sc.scanned[k] = sims
	return sims
}

type scanKey struct {
	text   string
	prefix bool
}

// scan compares q with every listed word that shares a sound key or a
// deletion key with it (or, for a truncated word, starts with it),
// appending the similar ones to out. Most of those words share a key by
// chance; their signatures rule them out before the full comparison.
func (v *vocabulary) scan(sc *scratch, q token, prefix bool, out []wordSim) []wordSim {
	qid, listed := v.ids[q.text]
	if listed {
		out = append(out, wordSim{qid, 1, "exact"})
	}
	v.gather(sc, q, prefix)
	qs := newWordSig(q)
	for _, id := range sc.wordTouched {
		if id == qid || !prefix && !qs.mayResemble(&v.sigs[id-1]) {
			continue
		}
		if s, rule := wordSimilarity(&q, v.word(id), prefix); s > 0 {
			out = append(out, wordSim{id, s, rule})
		}
	}
	sc.resetWords()
	return out
}

// gather marks, in sc, the listed words that share keys with q.
func (v *vocabulary) gather(sc *scratch, q token, prefix bool) {
	for _, k := range soundKeyHashes(q, true) {
		for _, id := range v.bySound[k] {
			sc.markWord(id)
		}
	}
	if id, ok := v.ids[q.sound.fold]; ok {
		sc.markWord(id)
	}
	sc.hashes = appendEditHashes(sc.hashes[:0], q.text)
	for _, h := range sc.hashes {
		v.edits.each(h, sc.markWord)
	}
	if prefix && len(q.text) >= 3 {
		v.prefixed(q.text, sc.markWord)
	}
}

// soundKeyHashes are the candidate keys of a word's sound keys, at most
// five and each at most once; a metaphone key for a code of three sounds
// or more, whatever the word's length: the phonetic rule applies to any
// length, so a long word, whose code only says how it begins (ALKS),
// shares its key with thousands (wordSig rules most out cheaply).
//
// A listed word is filed under its fold only when the fold differs from
// it; a query word looks its fold up always, and the listed word spelled
// like its fold through the exact text (ALY finds ALI, ALI finds ALY).
func soundKeyHashes(t token, query bool) []uint64 {
	k := t.sound
	out := make([]uint64, 0, 4)
	switch {
	case len(k.skeleton) >= 2:
		out = append(out, keyHash(keySkeleton, k.skeleton, "", ""))
	case len(k.fine) >= 2:
		// A loose skeleton of one letter (DAVE, ZEEV: a medial V goes)
		// finds nothing; the fine one finds the spellings the skeleton
		// rule scores (DYV, ZV from Hebrew).
		out = append(out, keyHash(keySkeleton, k.fine, "", ""))
	}
	for i, m := range k.metaphone {
		if len(m) >= 3 && (i == 0 || m != k.metaphone[0]) {
			out = append(out, keyHash(keyMetaphone, m, "", ""))
		}
	}
	out = append(out, keyHash(keyCluster, k.cluster, "", ""))
	if k.fold != t.text || query {
		out = append(out, keyHash(keyFold, k.fold, "", ""))
	}
	return out
}
