package matcher

import "sync"

// scratch is the per-check working memory, reused through a pool so that
// a check allocates little. Arrays indexed by form or word are as long as
// the index has forms or words; the lists say which entries to reset.
type scratch struct {
	seen    bitset // by form: touched in this check
	touched []uint32
	ranked  []rankedForm
	ids     []uint32
	common  []commonMatch
	counts  []uint8 // by form: pair postings seen, for countAll
	counted []uint32
	lookups map[uint64]struct{}
	scanned map[scanKey][]wordSim // query word → similar listed words
	sims    []tokenSims

	wordSeen    []bool     // by word id-1: shares a key with the word scanned
	notes       []wordNote // by word id-1: how the word resembles the query
	wordTouched []uint32   // words seen, for scan
	wordNoted   []uint32   // words with a note
	noted       bitset     // by word id-1: has a note (a cache-sized test before the read)
	hashes      []uint32
	memo        simMemo

	// rankForms' working lists: the touched forms' heads, and the words
	// of the long ones beyond their heads
	heads     []formHead
	formWords []uint32
	// queryWeights of the check's query forms, reused
	weights queryWeights
}

// wordNote is what the candidate stage knows of a listed word that
// resembles a query word; the three fields are read together, so they sit
// together (a million names make hundreds of thousands of words, and each
// read of this array is a cache miss).
type wordNote struct {
	best  float32 // best similarity to a query word
	toks  uint32  // the query word positions it resembles
	forms uint32  // the query forms (up to 32) with a word it resembles
}

func newScratch(forms, words int, complete bool) *scratch {
	sc := &scratch{
		seen:     newBitset(forms),
		counts:   make([]uint8, forms),
		lookups:  map[uint64]struct{}{},
		scanned:  map[scanKey][]wordSim{},
		wordSeen: make([]bool, words),
		notes:    make([]wordNote, words),
		noted:    newBitset(words),
		memo:     newSimMemo(words, complete),
	}
	sc.memo.notes = sc.notes
	return sc
}

// touch notes that a form is a candidate, once per check.
func (sc *scratch) touchAll(forms []uint32) {
	for _, f := range forms {
		if !sc.seen.has(f) {
			sc.seen.set(f)
			sc.touched = append(sc.touched, f)
		}
	}
}

// countAll counts forms and touches those seen need times.
func (sc *scratch) countAll(forms []uint32, need uint8) {
	for _, f := range forms {
		if sc.seen.has(f) {
			continue
		}
		n := sc.counts[f] + 1
		if n == 1 {
			sc.counted = append(sc.counted, f)
		}
		sc.counts[f] = n
		if n >= need {
			sc.seen.set(f)
			sc.touched = append(sc.touched, f)
		}
	}
}

func (sc *scratch) resetCounts() {
	for _, f := range sc.counted {
		sc.counts[f] = 0
	}
	sc.counted = sc.counted[:0]
}

// firstLookup reports whether key k is looked up for the first time in
// this check (query forms of one name share most of their pairs).
func (sc *scratch) firstLookup(k uint64) bool {
	if _, ok := sc.lookups[k]; ok {
		return false
	}
	sc.lookups[k] = struct{}{}
	return true
}

// noteWord records that listed word id resembles word tok of query form
// form.
func (sc *scratch) noteWord(id uint32, sim float32, tok, form int) {
	n := &sc.notes[id-1]
	if n.toks == 0 {
		sc.wordNoted = append(sc.wordNoted, id)
		sc.noted.set(id - 1)
	}
	n.toks |= 1 << tok
	n.forms |= 1 << (form & 31)
	n.best = max(n.best, sim)
}

func (sc *scratch) markWord(id uint32) {
	if !sc.wordSeen[id-1] {
		sc.wordSeen[id-1] = true
		sc.wordTouched = append(sc.wordTouched, id)
	}
}

func (sc *scratch) resetWords() {
	for _, id := range sc.wordTouched {
		sc.wordSeen[id-1] = false
	}
	sc.wordTouched = sc.wordTouched[:0]
}

// reset readies the scratch for the next check.
func (sc *scratch) reset() {
	for _, id := range sc.wordNoted {
		sc.notes[id-1] = wordNote{}
		sc.noted.unset(id - 1)
	}
	sc.wordNoted = sc.wordNoted[:0]
	for _, f := range sc.touched {
		sc.seen.unset(f)
	}
	sc.touched, sc.common = sc.touched[:0], sc.common[:0]
	sc.memo.reset()
	clear(sc.lookups)
	clear(sc.scanned)
}

type scratchPool struct{ p sync.Pool }

func (s *scratchPool) get(forms, words int, complete bool) *scratch {
	if v, ok := s.p.Get().(*scratch); ok {
		return v
	}
	sc := newScratch(forms, words, complete)
	sc.reset()
	return sc
}

func (s *scratchPool) put(sc *scratch) {
	sc.reset()
	s.p.Put(sc)
}

// bitset marks the forms a check touched: one bit per form keeps the
// whole set in the processor's cache on a list of millions of names,
// where a word per form would not be. The touched list says which bits to
// clear after the check.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) has(i uint32) bool { return b[i/64]&(1<<(i%64)) != 0 }
func (b bitset) set(i uint32)      { b[i/64] |= 1 << (i % 64) }
func (b bitset) unset(i uint32)    { b[i/64] &^= 1 << (i % 64) }
