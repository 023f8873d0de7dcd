package accuracy

import (
	"math"
	"slices"

	"github.com/crosscheck/crosscheck/matcher"
)

// ExhaustiveOptions are the default options with candidate pruning turned
// off as far as Options allow: no bound on scored names, no minimum share
// of key weight, and no key treated as too common to open. An index built
// with them scores every name that shares at least one candidate key
// (word, skeleton or trigram) with the query; a name sharing none is
// still never scored, so this reference is exhaustive over key-sharing
// names, not over the whole list.
func ExhaustiveOptions() matcher.Options {
	o := matcher.DefaultOptions()
	o.MaxCandidates = math.MaxInt32
	o.CandidateMinShare = 0
	o.CommonKey = math.MaxInt32
	return o
}

// FullScanOptions score every name against every query (Options.Exhaustive):
// the reference that also counts pairs no candidate key finds, at the
// cost of a full scan per query (tens of seconds on a benchmark track).
func FullScanOptions() matcher.Options {
	o := matcher.DefaultOptions()
	o.Exhaustive = true
	return o
}

// referenceOptions are the options of the candidate-recall reference.
func referenceOptions(fullScan bool) matcher.Options {
	if fullScan {
		return FullScanOptions()
	}
	return ExhaustiveOptions()
}

// CandidateRecall compares the alerts of the normal index with those of
// the exhaustive one over the same queries.
type CandidateRecall struct {
	Queries    int `json:"queries"`
	Exhaustive int `json:"exhaustive_alerts"` // alerts raised by the exhaustive pass
	Kept       int `json:"kept"`              // of those, also raised by the normal pass
	// Extra counts alerts of the normal pass missing from the exhaustive
	// one. Pruning can only remove candidates, so anything here means the
	// two passes disagree for another reason (a bug worth a look).
	Extra int `json:"extra"`
	// Lost names a few of the queries that lost an alert, for debugging.
	Lost []string `json:"lost,omitempty"`
}

// maxLost bounds the examples kept in CandidateRecall.Lost.
const maxLost = 10

// Add compares one query's alerts; name labels it in Lost.
func (c *CandidateRecall) Add(name string, normal, exhaustive []string) {
	c.Queries++
	c.Exhaustive += len(exhaustive)
	lost := false
	for _, id := range exhaustive {
		if slices.Contains(normal, id) {
			c.Kept++
		} else {
			lost = true
		}
	}
	for _, id := range normal {
		if !slices.Contains(exhaustive, id) {
			c.Extra++
		}
	}
	if lost && len(c.Lost) < maxLost {
		c.Lost = append(c.Lost, name)
	}
}

// Merge adds another comparison's counts.
func (c *CandidateRecall) Merge(o CandidateRecall) {
	c.Queries += o.Queries
	c.Exhaustive += o.Exhaustive
	c.Kept += o.Kept
	c.Extra += o.Extra
	for _, l := range o.Lost {
		if len(c.Lost) < maxLost {
			c.Lost = append(c.Lost, l)
		}
	}
}

// Recall is Kept / Exhaustive; 1 when the exhaustive pass raised nothing,
// since then nothing was lost.
func (c CandidateRecall) Recall() float64 {
	if c.Exhaustive == 0 {
		return 1
	}
	return float64(c.Kept) / float64(c.Exhaustive)
}

// CompareCandidates runs qs on both indexes and compares their alerts.
// normal may be given (the alerts already computed) to save a pass.
func CompareCandidates(exhaustive *matcher.Index, qs []matcher.Query, normal [][]string) CandidateRecall {
	exh := CheckAll(exhaustive, qs)
	var c CandidateRecall
	for i := range qs {
		c.Add(firstName(qs[i]), normal[i], exh[i])
	}
	return c
}

func firstName(q matcher.Query) string {
	if len(q.Names) == 0 {
		return ""
	}
	return q.Names[0]
}
