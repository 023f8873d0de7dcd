package matcher

// A name of one real word against a listed name of one real word (a
// mononym, a lone surname, an alias that is a single word) has only that
// word as evidence, and a spelling resemblance is not enough of it: on a
// list of thousands of words, nearly every word has a neighbour one letter
// away that is another person's name (HOLLSTEIN and HOLSTEIN, TOLAND and
// TOLAN). Such a pair alerts only when the words are the same name by
// knowledge, not by resemblance: the same word, a known variant
// (nicknames, cross-script name parts, Arabic spellings), the same
// romanisation, the same rendering key (spellings an Arabic or Cyrillic
// rendering writes alike: see spellingKey and renderingKey) or a
// truncated MRZ field. Any other resemblance counts at most loneWordCap: below
// review alone, at review with other evidence (a date of birth that fits,
// even a listed year). Names of two words or more, the common case at a
// border, are not affected.

// loneWordCap is the most a lone word pair that is only alike in spelling
// counts: under the default review threshold (0.82) alone, at it with a
// fitting date of birth (dobMatch). A mononym typed with one wrong letter
// (FAJZ for the listed FAIZ, born 1969) is then still reviewed when the
// traveller's date fits.
const loneWordCap = 0.78

// weighLoneWords caps the aligned pairs of two one-word names that are
// not the same name by knowledge. A particle that stands alone (VON, a
// listed surname) is held to the same rule; initials keep their own.
func (m *simMemo) weighLoneWords(q nameForm, e entryForm) {
	for i, p := range m.aligned {
		qt, et := q.tokens[p.q], e.token(p.e)
		if len(qt.text) < 2 || len(et.text) < 2 || p.sim <= loneWordCap || sameNameByKnowledge(qt, *et, p.rule, q.script) {
			continue
		}
		m.aligned[i].sim, m.aligned[i].rule = loneWordCap, "lone_word"
	}
}

// sameNameByKnowledge reports whether two words are one name by a rule
// that knows names rather than one that measures resemblance. script is
// the script the query word was written in (see renderingKeyFrom).
func sameNameByKnowledge(q, e token, rule, script string) bool {
	switch rule {
	case "exact", "variant", "romanisation", "truncated_prefix":
		return true
	}
	key := renderingKeyFrom(script)
	return key(q.text) == key(e.text)
}
