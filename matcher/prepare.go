package matcher

import "slices"

// Prepare analyses the query's names once (romanisations, words, sound
// keys) and keeps the analysis in the returned query, so that checking
// one traveller against several indexes, as the service does with every
// active list, does not repeat it: the analysis of an Arabic-script name
// with its six romanisations costs more than scanning a small list. A
// prepared query gives exactly the hits of the unprepared one; if its
// Names are changed afterwards, the analysis is not used. The words of
// the names that known indexes list are taken from their vocabularies,
// already analysed, instead of being analysed again: pass the indexes the
// query will be checked against.
func Prepare(q Query, known ...*Index) Query {
	q.prepared = &preparedNames{names: slices.Clone(q.Names), parts: analyseNames(q.Names, known)}
	return q
}

// preparedNames is the index-independent analysis of a query's names.
type preparedNames struct {
	names []string // as analysed
	parts []analysedPart
}

// analysedPart is one name part (a name can hold several, "A or B") with
// the name it came from and its forms, primary form first.
type analysedPart struct {
	name  string
	forms []nameForm
}

func analyseNames(names []string, known knownWords) []analysedPart {
	var out []analysedPart
	for _, n := range names {
		for _, part := range nameParts(n) {
			out = append(out, analysedPart{name: n, forms: nameForms(part, known)})
		}
	}
	return out
}

// analysis returns the prepared analysis of q's names, or makes it with
// the words x lists taken ready.
func (q *Query) analysis(x *Index) []analysedPart {
	if p := q.prepared; p != nil && slices.Equal(p.names, q.Names) {
		return p.parts
	}
	return analyseNames(q.Names, knownWords{x})
}

// knownWords are indexes whose listed words a query's analysis reuses. A
// word's analysis (sound keys, skeletons, variant cluster) depends on its
// text alone, so a listed word's is the one the query would compute, and
// the common words of travellers' names are mostly listed somewhere: the
// analysis was about a tenth of a check's CPU in the service.
type knownWords []*Index

func (k knownWords) token(w string) token {
	for _, x := range k {
		if x == nil {
			continue
		}
		if id, ok := x.vocab.ids[w]; ok {
			return *x.vocab.word(id)
		}
	}
	return newToken(w)
}
