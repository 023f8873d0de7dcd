package matcher

import (
	"math/bits"
	"slices"
)

// Sound key kinds: a 64-bit hash of a kind byte and a string, so no
// string is built per key; a rare collision only adds a comparison.
const (
	keySkeleton  = 's'
	keyMetaphone = 'm'
	keyCluster   = 'c'
	keyFold      = 'f'
)

// maxQueryTokens bounds the words of one query form that take part in
// candidate search (a passport name has far fewer).
const maxQueryTokens = 32

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

// commonMatch is a common listed word similar to word tok of query form
// qform, which has real real words.
type commonMatch struct {
	qform, tok, real int
	word             uint32
}

// candidates returns the name forms worth scoring, best first: those
// whose words could still reach an alert (see rankForms), at most
// MaxCandidates. The similarities found on the way go into the memo, so
// scoring never compares the same pair twice.
// boost is the most the query's date of birth and nationality could add.
func (x *Index) candidates(sc *scratch, qforms []nameForm, qw queryWeights, truncated bool, boost float64) []uint32 {
	if x.opts.Exhaustive {
		return x.allForms()
	}
	x.matchWords(sc, qforms, qw, truncated)
	x.openCommon(sc)
	return x.rankForms(sc, qw, boost)
}

// matchWords finds, for every real query word, the similar listed words,
// notes them for ranking and opens the forms of the rarer ones. Particles
// and initials find no candidates of their own: they match during
// scoring, inside names found through real words.
func (x *Index) matchWords(sc *scratch, qforms []nameForm, qw queryWeights, truncated bool) {
	for fi, f := range qforms {
		sims := sc.sims[:0]
		for ti, t := range f.tokens[:min(len(f.tokens), maxQueryTokens)] {
			if !t.meaningful() {
				continue
			}
			prefix := truncated && ti == len(f.tokens)-1
			ws := x.vocab.similar(sc, t, prefix)
			for _, w := range ws {
				sc.memo.put(fi*maxQueryTokens+ti, w, prefix)
				sc.noteWord(w.word, float32(w.sim), ti, fi)
			}
			sims = append(sims, tokenSims{ti, ws})
		}
		x.openWords(sc, fi, sims, len(sims)-int(qw[fi].initials))
		sc.sims = sims
	}
}

// tokenSims are the listed words similar to query word tok.
type tokenSims struct {
	tok  int
	sims []wordSim
}

// openWords touches the forms of one query form's similar words. With
// two or more real query words, an alert needs two of them matched (see
// commonWords), so common words go through their pair postings, and when
// no query word has common words, the word with the most postings is
// skipped (solo forms aside): a name matching it and another word is
// found through the other. An initial of the traveller's may stand for
// one of those words (A SALAH UDDIN for SALAH ABDESLAM), so real counts
// the query's real words less its initials.
func (x *Index) openWords(sc *scratch, fi int, sims []tokenSims, real int) {
	hasCommon := false
	for _, ts := range sims {
		for _, w := range ts.sims {
			if real > 1 && x.isCommon(w.word) {
				hasCommon = true
				sc.common = append(sc.common, commonMatch{fi, ts.tok, real, w.word})
			}
		}
	}
	skip := -1
	if real > 1 && !hasCommon {
		skip = x.largestGroup(sims)
	}
	for i, ts := range sims {
		for _, w := range ts.sims {
			switch {
			case real > 1 && x.isCommon(w.word):
			case i == skip:
				sc.touchAll(x.vocab.common.short[pairKey(w.word, w.word)])
			default:
				sc.touchAll(x.vocab.forms.of(w.word))
			}
		}
	}
}

func (x *Index) isCommon(id uint32) bool { return x.vocab.forms.count(id) > x.opts.CommonKey }

// largestGroup is the query word whose similar words have the most
// postings.
func (x *Index) largestGroup(sims []tokenSims) int {
	best, most := -1, -1
	for i, ts := range sims {
		n := 0
		for _, w := range ts.sims {
			n += x.vocab.forms.count(w.word)
		}
		if n > most {
			best, most = i, n
		}
	}
	return best
}

// openCommon opens the pair postings of common words matched by two
// different words of one query form, and the solo postings of each.
// Names of three or more real words need a third query word matched when
// the query has three or more: they are counted over the pairs and
// touched on the third (a name whose third match is a rarer word is found
// through that word).
func (x *Index) openCommon(sc *scratch) {
	c := &x.vocab.common
	for i, a := range sc.common {
		if sc.firstLookup(pairKey(a.word, a.word)) {
			sc.touchAll(c.short[pairKey(a.word, a.word)])
		}
		for _, b := range sc.common[i+1:] {
			if b.qform != a.qform {
				break // matchWords notes one query form after the other
			}
			k := pairKey(a.word, b.word)
			if b.tok == a.tok || b.word == a.word || !sc.firstLookup(k) {
				continue
			}
			sc.touchAll(c.short[k])
			if a.real > 2 {
				sc.countAll(c.long[k], 3)
			} else {
				sc.touchAll(c.long[k])
			}
		}
	}
	sc.resetCounts()
}

// rankForms keeps the touched forms whose name score could still reach an
// alert, best bound first. The bound takes every query word similar to a
// word of the form as matched in full, and every particle and initial of
// either side as matched: scoring can only find less.
func (x *Index) rankForms(sc *scratch, qw queryWeights, boost float64) []uint32 {
	floor := float32(candidateFloor(x.opts, boost))
	qInitials := qw.mostInitials() // listed words they may match, at most a real word's weight each
	x.gatherHeads(sc)
	var covers coverMemo
	sc.ranked = sc.ranked[:0]
	rest := sc.formWords
	for i := range sc.heads {
		h := &sc.heads[i]
		eSum, mask := sc.notedSum(0, 0, h.headIDs())
		if h.n > headWords {
			eSum, mask = sc.notedSum(eSum, mask, rest[:h.n-headWords])
			rest = rest[h.n-headWords:]
		}
		if ub := coverageBound(covers.cover(qw, mask, h.initials), (eSum+h.free+qInitials)/h.weight); ub >= floor {
			sc.ranked = append(sc.ranked, rankedForm{form: sc.touched[i], orig: h.orig, bound: ub})
		}
	}
	ranked := topRanked(sc.ranked, x.opts.MaxCandidates)
	out := sc.ids[:0]
	for _, r := range ranked {
		out = append(out, r.form)
	}
	sc.ids = out
	return out
}

// notedSum adds to eSum the best similarity of each word of ids similar
// to a query word, and to mask the query words they resemble, in word
// order (the float32 sums, hence the bounds, depend on it).
func (sc *scratch) notedSum(eSum float32, mask uint32, ids []uint32) (float32, uint32) {
	for _, w := range ids {
		if sc.noted.has(w - 1) { // similar to a query word
			n := &sc.notes[w-1]
			eSum += n.best
			mask |= n.toks
		}
	}
	return eSum, mask
}

// topRanked returns the k best forms, best first. A common name can leave
// tens of thousands of forms above the floor; only the k best are
// sorted, after a selection.
func topRanked(r []rankedForm, k int) []rankedForm {
	if len(r) > k {
		selectTop(r, k)
		r = r[:k]
	}
	slices.SortFunc(r, compareRanked)
	return r
}

func compareRanked(a, b rankedForm) int {
	switch {
	case a.bound > b.bound:
		return -1
	case a.bound < b.bound:
		return 1
	case a.orig != b.orig:
		return int(a.orig) - int(b.orig)
	}
	return int(a.form) - int(b.form)
}

// selectTop moves the k best of r to its front (quickselect).
func selectTop(r []rankedForm, k int) {
	lo, hi := 0, len(r)-1
	for lo < hi {
		p := r[(lo+hi)/2]
		i, j := lo, hi
		for i <= j {
			for compareRanked(r[i], p) < 0 {
				i++
			}
			for compareRanked(r[j], p) > 0 {
				j--
			}
			if i <= j {
				r[i], r[j] = r[j], r[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return
		}
	}
}

type rankedForm struct {
	form, orig uint32
	bound      float32
}

// candidateFloor is the name score under which no date of birth or
// nationality (boost at most) lifts a name to review; CandidateMinShare
// lowers it for measurements.
func candidateFloor(o Options, boost float64) float64 {
	return min(o.CandidateMinShare, o.Policy.Review-boost)
}

// coverageBound is combineCoverage of two upper bounds of the
// coverages, for an upper bound of the score. combineCoverage grows with
// each coverage (its slope is at least 0.2 in either, and its two
// branches meet where the coverages are equal), so it is at most its
// value at the bounds, with the gap cost of whichever bound is larger. A
// single-word name's higher gap cost only lowers the score.
func coverageBound(q, e float32) float32 {
	q, e = min(1, q), min(1, e)
	if e >= q {
		return e * (1 - entryGapCost*(e-q))
	}
	return q * (1 - queryGapCost*(q-e))
}

// queryWeights are the word weights of each query form, for bounding how
// much of the query a form's words can cover. initials counts the form's
// initials: each may match a listed word of its letter, which no key
// finds, so a bound of the listed side counts that many words matched.
type queryWeights []struct {
	word                  [maxQueryTokens]float32
	free, total, initials float32
}

// newQueryWeights fills buf (reused from check to check) with the query
// forms' weights.
func newQueryWeights(buf queryWeights, qforms []nameForm) queryWeights {
	out := slices.Grow(buf[:0], len(qforms))[:len(qforms)]
	clear(out)
	for i, f := range qforms {
		for j, t := range f.tokens[:min(len(f.tokens), maxQueryTokens)] {
			w := float32(tokenWeight(t))
			switch {
			case t.meaningful():
				out[i].word[j] = w
			case len(t.text) == 1:
				out[i].initials++
				out[i].free += w
			default:
				out[i].free += w
			}
			out[i].total += w
		}
	}
	return out
}

// mostInitials is the most initials of any query form.
func (q queryWeights) mostInitials() float32 {
	var n float32
	for i := range q {
		n = max(n, q[i].initials)
	}
	return n
}

// cover is the largest share of any query form that the words in mask,
// with every particle and initial of the query, and as many more words
// as the listed form has initials (a word matches an initial of its
// letter), could explain.
func (q queryWeights) cover(mask uint32, initials uint8) float32 {
	best := float32(0)
	for i := range q {
		best = max(best, q.coverOf(i, mask, initials))
	}
	return best
}

// coverOf is cover for query form i alone.
func (q queryWeights) coverOf(i int, mask uint32, initials uint8) float32 {
	s := q[i].free + float32(initials) // a real word weighs 1
	for m := mask; m != 0; m &= m - 1 {
		s += q[i].word[bits.TrailingZeros32(m)]
	}
	return min(1, s/q[i].total)
}

// coverMemo keeps queryWeights.cover's recent answers within one
// ranking: the touched forms resemble the same few query words, so the
// same mask and initials come back thousands of times, and each answer
// loops over every query form (an Arabic-script name has up to eight).
type coverMemo struct {
	keys [coverSlots]uint64 // mask<<8 | initials, with the top bit: in use
	vals [coverSlots]float32
}

const (
	coverBits  = 6
	coverSlots = 1 << coverBits
)

func (m *coverMemo) cover(q queryWeights, mask uint32, initials uint8) float32 {
	key := uint64(mask)<<8 | uint64(initials) | 1<<63
	slot := (mask*0x9e3779b1 + uint32(initials)*0x85ebca6b) >> (32 - coverBits) // the product's top bits mix every bit of mask
	if m.keys[slot] != key {
		m.keys[slot], m.vals[slot] = key, q.cover(mask, initials)
	}
	return m.vals[slot]
}

// allForms are every form, in list order.
func (x *Index) allForms() []uint32 {
	ids := make([]uint32, len(x.forms))
	for i, f := range x.forms {
		ids[f.orig] = uint32(i)
	}
	return ids
}
