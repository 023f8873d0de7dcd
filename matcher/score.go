package matcher

// nameScore is the result of aligning a query form with an entry form.
type nameScore struct {
	score  float64
	tokens []TokenMatch
}

// scoreForms aligns the words of two names in any order and scores how
// well the entry's name is covered. The traveller's full passport name
// often meets a short list alias, so words the entry lacks cost little;
// words of the entry the traveller lacks cost a lot.
// base is the query form's index × maxQueryTokens: with the word index it
// names each query word in the memo.
func (m *simMemo) scoreForms(q nameForm, base int, e nameForm, truncated bool) nameScore {
	if len(q.tokens) == 0 || len(e.tokens) == 0 {
		return nameScore{}
	}
	pairs := m.alignTokens(q, base, e, truncated)
	var qCov, eCov float64
	matches := make([]TokenMatch, 0, len(pairs))
	for _, p := range pairs {
		qt, et := q.tokens[p.q], e.tokens[p.e]
		qCov += tokenWeight(qt) * p.sim
		eCov += tokenWeight(et) * p.sim
		matches = append(matches, TokenMatch{Query: qt.text, Entry: et.text, Score: round3(p.sim), Rule: p.rule})
	}
	qCov /= q.weight
	eCov /= e.weight
	return nameScore{score: combineCoverage(qCov, eCov, min(meaningfulTokens(q), meaningfulTokens(e))), tokens: matches}
}

// combineCoverage scores two names from how much of each the aligned
// words explain. The better-covered side counts in full, the other side's
// unexplained words (the gap between the two coverages) cost a fifth: a traveller's full passport name meets
// a short list alias, and a list's full name with patronymic meets a
// passport without it, and both must still alert. When the shorter name
// has a single real word, that word says little, so the other side's
// unexplained words cost half.
func combineCoverage(qCov, eCov float64, shorterWords int) float64 {
	cost := 0.2
	if shorterWords < 2 {
		cost = 0.5
	}
	return max(qCov, eCov) * (1 - cost*(max(qCov, eCov)-min(qCov, eCov)))
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

// alignTokens pairs words greedily, best pair first. Names have a handful
// of words, so the quadratic matrix is cheaper than anything clever.
func (m *simMemo) alignTokens(q nameForm, base int, e nameForm, truncated bool) []tokenPair {
	all := make([]tokenPair, 0, len(q.tokens)*len(e.tokens))
	last := len(q.tokens) - 1
	for i, qt := range q.tokens {
		for j, et := range e.tokens {
			s, rule := m.sim(base+i, qt, et, truncated && i == last)
			if s > 0 {
				all = append(all, tokenPair{q: i, e: j, sim: s, rule: rule})
			}
		}
	}
	sortPairs(all)
	var usedQ, usedE uint64
	out := make([]tokenPair, 0, min(len(q.tokens), len(e.tokens)))
	for _, p := range all {
		if p.q >= 64 || p.e >= 64 || usedQ&(1<<p.q) != 0 || usedE&(1<<p.e) != 0 {
			continue
		}
		usedQ |= 1 << p.q
		usedE |= 1 << p.e
		out = append(out, p)
	}
	return out
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
// are compared directly.
type simMemo struct {
	known    map[uint64]memoSim
	complete bool
}

type memoSim struct {
	sim  float64
	rule string
}

func memoKey(serial int, word uint32, prefix bool) uint64 {
	k := uint64(serial)<<33 | uint64(word)<<1
	if prefix {
		k |= 1
	}
	return k
}

func (m *simMemo) put(serial int, ws wordSim, prefix bool) {
	m.known[memoKey(serial, ws.word, prefix)] = memoSim{ws.sim, ws.rule}
}

func (m *simMemo) sim(serial int, q, e token, prefix bool) (float64, string) {
	if q.text == e.text {
		return 1, "exact"
	}
	if v, ok := m.known[memoKey(serial, e.id, prefix)]; ok {
		return v.sim, v.rule
	}
	if m.complete && !q.particle && len(q.text) > 1 && len(e.text) > 1 {
		return 0, "different"
	}
	s, rule := tokenSim(q, e, prefix)
	m.known[memoKey(serial, e.id, prefix)] = memoSim{s, rule}
	return s, rule
}
