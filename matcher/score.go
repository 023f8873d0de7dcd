package matcher

// entryForm is a listed name form as the scorer sees it: its words are
// ids into the vocabulary.
type entryForm struct {
	ids    []uint32
	weight float64
	v      *vocabulary
}

func (e entryForm) token(i int) *token { return e.v.word(e.ids[i]) }

// scoreForms aligns the words of two names in any order and scores how
// well the entry's name is covered. The traveller's full passport name
// often meets a short list alias, so words the entry lacks cost little;
// words of the entry the traveller lacks cost a lot.
// base is the query form's index × maxQueryTokens: with the word index it
// names each query word in the memo. The aligned pairs stay in the memo
// for explain.
func (m *simMemo) scoreForms(q nameForm, base int, e entryForm, truncated bool) float64 {
	m.aligned = m.aligned[:0]
	if len(q.tokens) == 0 || len(e.ids) == 0 {
		return 0
	}
	m.alignTokens(q, base, e, truncated)
	if !m.alignedRealWords(q, e) {
		return 0
	}
	var qCov, eCov float64
	qReal, eReal := meaningfulTokens(q), e.meaningful()
	if qReal <= 1 && eReal <= 1 {
		m.weighLoneWords(q, e)
	}
	for _, p := range m.aligned {
		qCov += tokenWeight(q.tokens[p.q]) * p.sim
		eCov += tokenWeight(*e.token(p.e)) * p.sim
	}
	qCov /= q.weight
	eCov /= e.weight
	return combineCoverage(qCov, eCov, min(qReal, eReal))
}

// alignedRealWords reports whether some aligned pair is two real words
// (not initials, not particles). A name met only through initials and
// particles, "T ABU" for ABU TARIF or "A MUTINHIRI" for M. ASHRAF, shares
// no name with the listed one and is no evidence at all.
func (m *simMemo) alignedRealWords(q nameForm, e entryForm) bool {
	for _, p := range m.aligned {
		if q.tokens[p.q].meaningful() && e.token(p.e).meaningful() {
			return true
		}
	}
	return false
}

// explain lists the word pairs of the last scoreForms.
func (m *simMemo) explain(q nameForm, e entryForm) []TokenMatch {
	out := make([]TokenMatch, 0, len(m.aligned))
	for _, p := range m.aligned {
		out = append(out, TokenMatch{Query: q.tokens[p.q].text, Entry: e.token(p.e).text, Score: round3(p.sim), Rule: p.rule})
	}
	return out
}

// combineCoverage scores two names from how much of each the aligned
// words explain. The better-covered side counts in full; the other side's
// unexplained words (the gap between the two coverages) cost a part. A
// traveller's full passport name meets a short list alias, and a list's
// full name with patronymic meets a passport without it: both still
// alert, one word left over of three taking a hit down to review
// (0.90 and 0.87). A short query inside a long listed name is the weaker
// evidence (on a big list, MOHAMMAD HUSSAIN sits inside thousands of
// longer names), so that gap costs more. When the shorter name has a
// single real word, that word says little, and the gap costs half.
func combineCoverage(qCov, eCov float64, shorterWords int) float64 {
	cost := queryGapCost
	if eCov >= qCov {
		cost = entryGapCost
	}
	if shorterWords < 2 {
		cost = 0.5
	}
	return max(qCov, eCov) * (1 - cost*(max(qCov, eCov)-min(qCov, eCov)))
}

// Gap costs of combineCoverage: the listed name better covered than the
// query (entryGapCost), or the other way round.
const (
	entryGapCost = 0.3
	queryGapCost = 0.4
)

func (e entryForm) meaningful() int {
	n := 0
	for i := range e.ids {
		if e.token(i).meaningful() {
			n++
		}
	}
	return n
}

func meaningfulTokens(f nameForm) int {
	n := 0
	for _, t := range f.tokens {
		if !t.particle && len(t.text) > 1 {
			n++
		}
	}
	return n
}

type tokenPair struct {
	q, e int
	sim  float64
	rule string
}

// alignTokens pairs words greedily, best pair first, into m.aligned.
// Names have a handful of words, so the quadratic matrix is cheaper than
// anything clever.
func (m *simMemo) alignTokens(q nameForm, base int, e entryForm, truncated bool) {
	all := m.pairs[:0]
	last := len(q.tokens) - 1
	for i, qt := range q.tokens {
		for j, id := range e.ids {
			s, rule := m.sim(base+i, qt, e.v.word(id), id, truncated && i == last)
			if s > 0 {
				all = append(all, tokenPair{q: i, e: j, sim: s, rule: rule})
			}
		}
	}
	sortPairs(all)
	var usedQ, usedE uint64
	for _, p := range all {
		if p.q >= 64 || p.e >= 64 || usedQ&(1<<p.q) != 0 || usedE&(1<<p.e) != 0 {
			continue
		}
		usedQ |= 1 << p.q
		usedE |= 1 << p.e
		m.aligned = append(m.aligned, p)
	}
	m.pairs = all
}

// sortPairs orders by similarity, best first; ties keep query order so
// the result is deterministic.
func sortPairs(p []tokenPair) {
	for i := 1; i < len(p); i++ {
		for j := i; j > 0 && p[j].sim > p[j-1].sim; j-- {
			p[j], p[j-1] = p[j-1], p[j]
		}
	}
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// simMemo remembers word similarities within one check. The candidate
// stage compares each query word with the few listed words that resemble
// it and records the result here; when the memo is complete, a pair it
// does not know is a pair of different words, so scoring a name is only
// lookups. Initials and particles, which find no candidates of their own,
// are compared directly. Entries hang off the listed word in a short
// chain (one per query word it resembles): array lookups, no hashing.
type simMemo struct {
	head     []int32 // by word id-1: 1 + index in list of its newest entry
	list     []memoEntry
	words    []uint32 // words with a chain, to reset
	complete bool
	// notes are the scratch's word notes: a listed word no query word of
	// the form resembles needs no walk of its chain.
	notes   []wordNote
	pairs   []tokenPair // alignTokens' working list
	aligned []tokenPair // the pairs of the last scoreForms
}

type memoEntry struct {
	serial int32
	prefix bool
	next   int32
	sim    float64
	rule   string
}

func newSimMemo(words int, complete bool) simMemo {
	return simMemo{head: make([]int32, words), complete: complete}
}

func (m *simMemo) put(serial int, ws wordSim, prefix bool) {
	m.add(serial, ws.word, prefix, ws.sim, ws.rule)
}

func (m *simMemo) add(serial int, word uint32, prefix bool, sim float64, rule string) {
	h := &m.head[word-1]
	if *h == 0 {
		m.words = append(m.words, word)
	}
	m.list = append(m.list, memoEntry{serial: int32(serial), prefix: prefix, next: *h, sim: sim, rule: rule})
	*h = int32(len(m.list))
}

func (m *simMemo) get(serial int, word uint32, prefix bool) (*memoEntry, bool) {
	for i := m.head[word-1]; i != 0; {
		e := &m.list[i-1]
		if e.serial == int32(serial) && e.prefix == prefix {
			return e, true
		}
		i = e.next
	}
	return nil, false
}

func (m *simMemo) reset() {
	for _, w := range m.words {
		m.head[w-1] = 0
	}
	m.words, m.list = m.words[:0], m.list[:0]
}

func (m *simMemo) sim(serial int, q token, e *token, id uint32, prefix bool) (float64, string) {
	if q.text == e.text {
		return 1, "exact"
	}
	candidate := m.complete && !q.particle && len(q.text) > 1 && len(e.text) > 1
	if n := &m.notes[id-1]; candidate && (n.toks>>(serial%maxQueryTokens)&1 == 0 || n.forms>>(serial/maxQueryTokens&31)&1 == 0) {
		return 0, "different"
	}
	if v, ok := m.get(serial, id, prefix); ok {
		return v.sim, v.rule
	}
	if candidate {
		return 0, "different"
	}
	s, rule := tokenSim(q, *e, prefix)
	m.add(serial, id, prefix, s, rule)
	return s, rule
}
