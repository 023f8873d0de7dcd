package matcher

import "fmt"

// SigMisses lists the word pairs the candidate stage's signature filter
// would have skipped although tokenSim scores them: for each query word,
// every listed word of x sharing a key with it (what scan sees). It must
// be empty.
func SigMisses(x *Index, queryWords []string) []string {
	v := x.vocab
	sc := newScratch(len(x.forms), len(v.words), true)
	var out []string
	for _, w := range queryWords {
		q := newToken(w)
		qs := newWordSig(q)
		v.gather(sc, q, false)
		for _, id := range sc.wordTouched {
			e := v.word(id)
			if e.text == q.text || qs.mayResemble(&v.sigs[id-1]) {
				continue
			}
			if s, rule := tokenSim(q, *e, false); s > 0 {
				out = append(out, fmt.Sprintf("%s~%s %.3f %s", q.text, e.text, s, rule))
			}
		}
		sc.resetWords()
	}
	return out
}

// ListedWords are the words of x's vocabulary.
func ListedWords(x *Index) []string {
	out := make([]string, len(x.vocab.words))
	for i, t := range x.vocab.words {
		out[i] = t.text
	}
	return out
}
