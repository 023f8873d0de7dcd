package matcher

import (
	"slices"
	"sync"
)

// Key kinds: a 64-bit hash of a kind byte and a string, so no string is
// built per key; a rare collision only adds a comparison.
const (
	keySkeleton  = 's'
	keyTrigram   = 't'
	keyMetaphone = 'm'
	keyCluster   = 'c'
)

// maxQueryTokens bounds the words of one query form that take part in
// candidate search (a passport name has far fewer).
const maxQueryTokens = 32

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

// queryMatch is a listed word similar to one query word.
type queryMatch struct {
	serial int // query form index × maxQueryTokens + word index
	wordSim
	postings int
}

// candidates returns the name forms worth scoring, best first: those
// whose words resemble the query's words enough to cover at least
// CandidateMinShare of the listed name. The similarities found on the
// way go into the memo, so scoring never compares the same pair twice.
func (x *Index) candidates(sc *scratch, qforms []nameForm, truncated bool) []uint32 {
	if x.opts.Exhaustive {
		return x.allForms()
	}
	matches := x.queryMatches(sc, qforms, truncated)
	slices.SortFunc(matches, func(a, b queryMatch) int { return a.postings - b.postings })
	for i, m := range matches {
		common := i > 0 && m.postings > x.opts.CommonKey
		w := float32(tokenWeight(x.vocab.words[m.word-1]) * m.sim)
		for _, form := range x.vocab.forms[m.word-1] {
			if sc.scores[form] == 0 {
				if common {
					continue // common words only add to names found through rarer ones
				}
				sc.touched = append(sc.touched, form)
			}
			sc.scores[form] += w
		}
	}
	return x.topForms(sc)
}

// queryMatches finds, for every query word, the similar listed words.
// Particles and initials find no candidates of their own: they match
// during scoring, inside names found through real words.
func (x *Index) queryMatches(sc *scratch, qforms []nameForm, truncated bool) []queryMatch {
	var out []queryMatch
	for fi, f := range qforms {
		last := len(f.tokens) - 1
		for ti, t := range f.tokens[:min(len(f.tokens), maxQueryTokens)] {
			if t.particle || len(t.text) < 2 {
				continue
			}
			prefix := truncated && ti == last
			serial := fi*maxQueryTokens + ti
			for _, ws := range x.vocab.similar(sc, t, prefix) {
				sc.memo.put(serial, ws, prefix)
				out = append(out, queryMatch{serial, ws, len(x.vocab.forms[ws.word-1])})
			}
		}
	}
	return out
}

// topForms keeps the touched forms whose matched words may cover
// CandidateMinShare of the name, and the MaxCandidates best of those.
func (x *Index) topForms(sc *scratch) []uint32 {
	ids := make([]uint32, 0, len(sc.touched))
	for _, id := range sc.touched {
		est := sc.scores[id] / float32(x.forms[id].form.weight)
		if est >= float32(x.opts.CandidateMinShare) {
			sc.scores[id] = est
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
	return ids[:min(x.opts.MaxCandidates, len(ids))]
}

func (x *Index) allForms() []uint32 {
	ids := make([]uint32, len(x.forms))
	for i := range ids {
		ids[i] = uint32(i)
	}
	return ids
}

// scratch is the per-check working memory, reused through a pool so that
// a check allocates little.
type scratch struct {
	scores      []float32 // by form id
	touched     []uint32
	wordHits    []uint32 // by word id-1
	wordTouched []uint32
	keys        []uint64
	memo        simMemo
}

func (sc *scratch) countWord(id uint32, n uint32) {
	if sc.wordHits[id-1] == 0 {
		sc.wordTouched = append(sc.wordTouched, id)
	}
	sc.wordHits[id-1] += n
}

func (sc *scratch) resetWords() {
	for _, id := range sc.wordTouched {
		sc.wordHits[id-1] = 0
	}
	sc.wordTouched = sc.wordTouched[:0]
}

type scratchPool struct{ p sync.Pool }

func (s *scratchPool) get(forms, words int, complete bool) *scratch {
	if v, ok := s.p.Get().(*scratch); ok {
		return v
	}
	return &scratch{
		scores:   make([]float32, forms),
		wordHits: make([]uint32, words),
		memo:     simMemo{known: map[uint64]memoSim{}, complete: complete},
	}
}

func (s *scratchPool) put(sc *scratch) {
	for _, id := range sc.touched {
		sc.scores[id] = 0
	}
	sc.touched, sc.keys = sc.touched[:0], sc.keys[:0]
	clear(sc.memo.known)
	s.p.Put(sc)
}
