package matcher

// postings lists, for every word, the forms that contain it, ascending,
// in one array: a million names make a few hundred thousand words, and one
// slice header per word would cost more than the lists themselves.
type postings struct {
	start []uint32 // word id-1 → offset in ids; one more entry at the end
	ids   []uint32
}

// of returns the forms containing word id.
func (p *postings) of(id uint32) []uint32 { return p.ids[p.start[id-1]:p.start[id]] }

// count is the number of forms containing word id.
func (p *postings) count(id uint32) int { return int(p.start[id] - p.start[id-1]) }

// buildPostings inverts the forms' word lists in two passes (count, then
// fill), so no per-word list grows on the way.
func buildPostings(nwords int, forms []formRef, words []uint32) postings {
	p := postings{start: make([]uint32, nwords+1)}
	eachWordOnce(forms, words, func(_ uint32, id uint32) { p.start[id]++ })
	for i := 1; i <= nwords; i++ {
		p.start[i] += p.start[i-1]
	}
	p.ids = make([]uint32, p.start[nwords])
	fill := make([]uint32, nwords)
	eachWordOnce(forms, words, func(form, id uint32) {
		p.ids[p.start[id-1]+fill[id-1]] = form
		fill[id-1]++
	})
	return p
}

// eachWordOnce calls fn for every form and every distinct word of it, in
// form order.
func eachWordOnce(forms []formRef, words []uint32, fn func(form, id uint32)) {
	for f, ref := range forms {
		ws := words[ref.start : ref.start+uint32(ref.n)]
		for i, id := range ws {
			if !containsID(ws[:i], id) {
				fn(uint32(f), id)
			}
		}
	}
}

func containsID(ids []uint32, id uint32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// commonWords are the words more than Options.CommonKey forms contain
// (MOHAMMED, ALI, KIM, GARCIA on a big list). Opening their postings for
// every query that has them would touch a large part of the list, so a
// check finds names through them only by pairs: a name of two or more
// real words can only alert when it matches at least two of the query's
// words (one word covers at most about half of each name, and both
// coverages stay below an alert), so the forms that hold two given common
// words are listed under the pair. The pairs of names with three or more
// real words are kept apart (long), because against a query of three or
// more real words such a name needs three matched. A form whose only real
// word is w (solo) is listed under w paired with itself, for every word.
// Names that match a rarer query word are found through it and then
// scored with everything they match.
type commonWords struct {
	neighbours map[uint32][]wordSim // frequent word (see hasNeighbours) → similar listed words
	short      map[uint64][]uint32  // pairKey → forms of at most two real words
	long       map[uint64][]uint32  // pairKey → forms of three or more
}

func pairKey(a, b uint32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(b)
}

// findCommon lists the pair and solo postings of the common words and
// their similar words, which a check would otherwise look up every time.
func (x *Index) findCommon() commonWords {
	c := commonWords{neighbours: map[uint32][]wordSim{}, short: map[uint64][]uint32{}, long: map[uint64][]uint32{}}
	v := x.vocab
	var buf []uint32
	for f, ref := range x.forms {
		buf = buf[:0]
		real, solo := 0, uint32(0)
		for _, id := range x.formWords(ref) {
			if !v.word(id).meaningful() {
				continue
			}
			real, solo = real+1, id
			if x.isCommon(id) && !containsID(buf, id) {
				buf = append(buf, id)
			}
		}
		pairs := c.short
		if real > 2 {
			pairs = c.long
		}
		for i, a := range buf {
			for _, b := range buf[i+1:] {
				pairs[pairKey(a, b)] = append(pairs[pairKey(a, b)], uint32(f))
			}
		}
		if real == 1 {
			c.short[pairKey(solo, solo)] = append(c.short[pairKey(solo, solo)], uint32(f))
		}
	}
	sc := newScratch(len(x.forms), len(v.words), true)
	for id := uint32(1); int(id) <= len(v.words); id++ {
		if x.hasNeighbours(id) {
			c.neighbours[id] = v.scan(sc, *v.word(id), false, nil)
		}
	}
	return c
}

// neighbourForms is how many forms must hold a word for its similar words
// to be found at build time: a word that several names share is likely
// to come again in travellers' names (on a million generated names, about
// seven thousand words, against hundreds of thousands held by one form).
// A check takes them as ready, where scanning the word's key-sharers
// would cost tens of microseconds every time. A list of up to
// allNeighboursWords words (the sanctions lists: UN, OFAC SDN and the UK
// lists have 2,000 to 30,000) has every word's similar words found at
// build time: a few megabytes and about a second of build buy a scan-free
// check for every traveller word that is a listed word.
const (
	neighbourForms     = 5
	allNeighboursWords = 100_000
)

func (x *Index) hasNeighbours(id uint32) bool {
	if !x.vocab.word(id).meaningful() {
		return false
	}
	return len(x.vocab.words) <= allNeighboursWords || x.isCommon(id) || x.vocab.forms.count(id) >= neighbourForms
}
