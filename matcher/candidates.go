package matcher

import (
	"math"
	"slices"
	"sync"
)

// Candidate keys are 64-bit hashes of a kind byte and a string: no string
// is built per key, and a rare collision only adds a candidate that the
// scorer then rejects.
const (
	keyWord     = 'w'
	keySkeleton = 's'
	keyTrigram  = 't'
)

// formKeys appends the candidate keys of a name form: each word, its
// consonant skeleton and its letter trigrams. Trigrams mean no exact
// shared word is needed (HASSAN NASRULLAH reaches HASAN NASRALLAH);
// skeletons carry vowel-less romanisations of abjad names. The same
// function serves the index and the query: one analyser for both stages.
func formKeys(dst []uint64, f nameForm) []uint64 {
	for _, t := range f.tokens {
		dst = append(dst, keyHash(keyWord, t.text, "", ""))
		if len(t.skeleton) >= 2 {
			dst = append(dst, keyHash(keySkeleton, t.skeleton, "", ""))
		}
		if !t.particle {
			dst = appendTrigrams(dst, t.text)
		}
	}
	return dst
}

// appendTrigrams adds the rune trigrams of "_" + w + "_". The padding
// is hashed as a separate piece, so no padded string is built.
func appendTrigrams(dst []uint64, w string) []uint64 {
	var buf [48]int
	bounds := buf[:0] // byte offset of every rune start, then len(w)
	for i := range w {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(w))
	n := len(bounds) - 1
	if n < 2 {
		return dst
	}
	dst = append(dst, keyHash(keyTrigram, "_", w[:bounds[2]], ""))
	for i := 0; i+3 <= n; i++ {
		dst = append(dst, keyHash(keyTrigram, w[bounds[i]:bounds[i+3]], "", ""))
	}
	return append(dst, keyHash(keyTrigram, w[bounds[n-2]:], "_", ""))
}

// keyHash is FNV-1a over the kind and the concatenation of a, b and c.
func keyHash(kind byte, a, b, c string) uint64 {
	h := uint64(14695981039346656037)
	h = (h ^ uint64(kind)) * 1099511628211
	for _, s := range [3]string{a, b, c} {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * 1099511628211
		}
	}
	return h
}

// scratch is the per-check working memory of the candidate stage, reused
// through a pool so that a check allocates little.
type scratch struct {
	scores  []float32 // by form id
	touched []uint32
	keys    []uint64
	memo    simMemo
}

type scratchPool struct{ p sync.Pool }

func (s *scratchPool) get(forms int) *scratch {
	if v, ok := s.p.Get().(*scratch); ok {
		return v
	}
	return &scratch{scores: make([]float32, forms), memo: simMemo{known: map[uint64]memoSim{}}}
}

func (s *scratchPool) put(sc *scratch) {
	for _, id := range sc.touched {
		sc.scores[id] = 0
	}
	sc.touched, sc.keys = sc.touched[:0], sc.keys[:0]
	clear(sc.memo.known)
	s.p.Put(sc)
}

type postingRef struct {
	posting []uint32
	weight  float32
}

// candidates ranks the forms that share keys with the query forms and
// returns the best MaxCandidates of them. Each key weighs by its rarity;
// keys more common than CommonKey only add to forms already found through
// rarer keys, so common words (MOHAMMED, AL) never cause a full scan.
func (x *Index) candidates(sc *scratch, qforms []nameForm) []uint32 {
	for _, f := range qforms {
		sc.keys = formKeys(sc.keys, f)
	}
	slices.Sort(sc.keys)
	refs := make([]postingRef, 0, len(sc.keys))
	for _, k := range slices.Compact(sc.keys) {
		if p := x.postings[k]; len(p) > 0 {
			refs = append(refs, postingRef{p, float32(1 / math.Log2(2+float64(len(p))))})
		}
	}
	slices.SortFunc(refs, func(a, b postingRef) int { return len(a.posting) - len(b.posting) })
	var total float32
	for _, r := range refs {
		total += r.weight
	}
	for i, r := range refs {
		common := i > 0 && len(r.posting) > x.opts.CommonKey
		for _, id := range r.posting {
			if sc.scores[id] == 0 {
				if common {
					continue
				}
				sc.touched = append(sc.touched, id)
			}
			sc.scores[id] += r.weight
		}
	}
	return topForms(sc, x.opts.MaxCandidates, total*float32(x.opts.CandidateMinShare))
}

// topForms returns the n best-scoring touched forms, best first, among
// those that share at least floor of the query's key weight.
func topForms(sc *scratch, n int, floor float32) []uint32 {
	ids := make([]uint32, 0, min(len(sc.touched), 4*n))
	for _, id := range sc.touched {
		if sc.scores[id] >= floor {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b uint32) int {
		sa, sb := sc.scores[a], sc.scores[b]
		switch {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return int(a) - int(b)
	})
	return ids[:min(n, len(ids))]
}
