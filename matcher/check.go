package matcher

import (
	"cmp"
	"slices"
	"strings"
)

// Check runs one traveller against the index and returns the entries that
// alert (review or hit), best first. Persons are matched by name and by
// document; document-only entries by document. A document hit never
// depends on the name.
func (x *Index) Check(q Query) []Hit {
	hits := map[uint32]*Hit{}
	x.checkNames(q, hits)
	x.checkDocuments(q, hits)
	return sortedHits(hits)
}

// sortedHits are the hits best first, then by entry id. The pointers are
// sorted, not the hits: a hit is a few hundred bytes, and a name of
// common words on a big list has hundreds of them.
func sortedHits(hits map[uint32]*Hit) []Hit {
	order := make([]*Hit, 0, len(hits))
	for _, h := range hits {
		order = append(order, h)
	}
	slices.SortFunc(order, func(a, b *Hit) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		return strings.Compare(a.EntryID, b.EntryID)
	})
	out := make([]Hit, len(order))
	for i, h := range order {
		out[i] = *h
	}
	return out
}

func (x *Index) checkNames(q Query, hits map[uint32]*Hit) {
	qforms, qnames := x.queryForms(&q)
	if len(qforms) == 0 {
		return
	}
	sc := x.pool.get(len(x.forms), len(x.vocab.words), !x.opts.Exhaustive)
	defer x.pool.put(sc)
	boost := featureBoost(q)
	sc.weights = newQueryWeights(sc.weights, qforms)
	qw, floor := sc.weights, scoreFloor(q, x.opts, boost)
	for _, id := range x.withSameDate(sc, x.candidates(sc, qforms, qw, q.TruncatedName, boost), q.BirthDate) {
		ref := x.forms[id]
		e := x.entry(ref.entry) // read only for the forms that score: a cache miss each on a big list
		ef := entryForm{ids: x.formWords(ref), weight: float64(ref.weight), v: x.vocab}
		for i, qf := range qforms {
			if !x.opts.Exhaustive && formBound(sc, qw, i, ref, ef.ids) < floor {
				continue // no word of this form resembles enough of the listed name's
			}
			score := sc.memo.scoreForms(qf, i*maxQueryTokens, ef, q.TruncatedName)
			if score+boost < x.opts.Policy.Review && !sameDateCandidate(q.BirthDate, e, score) {
				continue // no date or nationality could lift it to an alert
			}
			if e.Delisted() {
				break
			}
			h := x.nameHit(q, e, ref, score, sc.memo.heldLoneWord())
			if h.Decision == DecisionClear {
				continue
			}
			if old, ok := hits[ref.entry]; !ok || h.Score > old.Score {
				h.Explanation.QueryName = qnames[i]
				h.Explanation.Tokens = sc.memo.explain(qf, ef)
				kept := new(Hit) // only kept hits reach the heap, not every one weighed
				*kept = h
				hits[ref.entry] = kept
			}
		}
	}
}

// scoreFloor is the name score under which no feature can lift a name
// to an alert: candidateFloor, or, with a full date of birth, the part of
// a name a same date lifts (see sameDateCandidate). It is lowered a
// little more for the float32 arithmetic of formBound.
func scoreFloor(q Query, o Options, boost float64) float32 {
	floor := candidateFloor(o, boost)
	if q.BirthDate != nil && q.BirthDate.Precision == PrecisionDay {
		floor = min(floor, partName)
	}
	return float32(floor) - 1e-4
}

// formBound bounds the score of query form i against a listed form as
// rankForms bounds it against all query forms at once, from only the
// listed words that resemble a word of form i: an Arabic-script name has
// up to eight forms, and most of them resemble only a word or two of a
// candidate found through another, so they need not be aligned. Initials
// on either side count as matched, since no key finds what they match.
func formBound(sc *scratch, qw queryWeights, i int, ref formRef, ids []uint32) float32 {
	bit := uint32(1) << (i & 31)
	var mask uint32
	var eSum float32
	for _, id := range ids {
		if n := &sc.notes[id-1]; n.forms&bit != 0 {
			mask |= n.toks
			eSum += n.best
		}
	}
	return coverageBound(qw.coverOf(i, mask, ref.initials), (eSum+ref.free+qw[i].initials)/ref.weight)
}

// queryForms are the forms of every name of the query (analysed now, or
// once by Prepare), with the split and joined variants of each part's
// primary form that this index's vocabulary knows; qnames gives the name
// each form came from, for the explanation.
func (x *Index) queryForms(q *Query) ([]nameForm, []string) {
	var forms []nameForm
	var from []string
	for _, p := range q.analysis(x) {
		// Clipped so that the compound forms never write into a prepared
		// analysis other indexes share.
		fs := slices.Clip(p.forms)
		if len(fs) > 0 {
			fs = append(fs, x.compoundForms(fs[0], len(fs))...)
		}
		for _, f := range fs {
			forms = append(forms, f)
			from = append(from, p.name)
		}
	}
	return forms, from
}

// nameHit applies the features beyond the name and the policy.
func (x *Index) nameHit(q Query, e *Entry, ref formRef, nameScore float64, loneLookAlike bool) Hit {
	name := e.Names[ref.name]
	score := nameScore
	var feats []Feature
	if name.Quality == QualityWeak {
		feats = append(feats, Feature{Name: "weak_alias", Contribution: round3(score*weakAliasFactor - score), Detail: "the list marks this alias as weak"})
		score *= weakAliasFactor
	}
	for _, f := range entryFeatures(q, e) {
		feats = append(feats, f)
		score += f.Contribution
	}
	if f, ok := sameDateLift(score, nameScore, q.BirthDate, feats, x.opts.Policy); ok {
		feats = append(feats, f)
		score = x.opts.Policy.Review // not score + f.Contribution, which is rounded
	}
	if f, ok := loneLookAlikeCap(score, x.opts.Policy); ok && loneLookAlike {
		feats = append(feats, f)
		score = round3(x.opts.Policy.Hit - 0.001)
	}
	score = clamp01(score)
	h := x.newHit(e, "name", score)
	h.MatchedName = name.Full
	h.Explanation = Explanation{EntryName: name.Full, NameScore: round3(nameScore), Features: feats}
	return h
}

func entryFeatures(q Query, e *Entry) []Feature {
	var out []Feature
	if f, ok := dobFeature(q.BirthDate, e.BirthDates); ok {
		out = append(out, f)
	}
	if f, ok := nationalityFeature(q.Nationality, e.Nationalities); ok {
		out = append(out, f)
	}
	if f, ok := genderFeature(q.Gender, e.Gender); ok {
		out = append(out, f)
	}
	return out
}

func (x *Index) newHit(e *Entry, kind string, score float64) Hit {
	return hitFor(e, kind, score, x.opts.Policy)
}

func (x *Index) decide(score float64) Decision { return x.opts.Policy.decide(score) }

// hitFor is the hit of entry e with the decision policy p gives its score.
func hitFor(e *Entry, kind string, score float64, p Policy) Hit {
	score = round3(score)
	return Hit{
		EntryID:  e.ID,
		Kind:     kind,
		Score:    score,
		Decision: p.decide(score),
		Subject:  e.Subject,
		Programs: e.Programs,
		Measures: e.Measures,
	}
}

func (p Policy) decide(score float64) Decision {
	switch {
	case score >= p.Hit:
		return DecisionHit
	case score >= p.Review:
		return DecisionReview
	}
	return DecisionClear
}

func clamp01(f float64) float64 { return max(0, min(1, f)) }
