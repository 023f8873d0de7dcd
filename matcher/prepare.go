package matcher

import "slices"

// Prepare analyses the query's names once (romanisations, words, sound
// keys) and keeps the analysis in the returned query, so that checking
// one traveller against several indexes, as the service does with every
// active list, does not repeat it: the analysis of an Arabic-script name
// with its six romanisations costs more than scanning a small list. A
// prepared query gives exactly the hits of the unprepared one; if its
// Names are changed afterwards, the analysis is not used.
func Prepare(q Query) Query {
	q.prepared = &preparedNames{names: slices.Clone(q.Names), parts: analyseNames(q.Names)}
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

func analyseNames(names []string) []analysedPart {
	var out []analysedPart
	for _, n := range names {
		for _, part := range nameParts(n) {
			out = append(out, analysedPart{name: n, forms: nameForms(part)})
		}
	}
	return out
}

// analysis returns the prepared analysis of q's names, or makes it.
func (q *Query) analysis() []analysedPart {
	if p := q.prepared; p != nil && slices.Equal(p.names, q.Names) {
		return p.parts
	}
	return analyseNames(q.Names)
}
