package matcher

import "errors"

// DocumentList checks travellers' documents against a documents list whose
// records live outside the process, in a store (a list of INTERPOL SLTD
// size does not fit in memory). A check is two steps around one store
// round trip that the caller makes:
//
//	numbers := list.Lookups(q)            // the filter's "maybe" answers
//	found := <records stored under numbers>
//	hits := list.Check(q, found)
//
// The rules, scores and explanations are those of Index.Check: both go
// through the same document matching.
type DocumentList struct {
	filter *DocFilter
	opts   Options
}

// NewDocumentList wraps a built (or unmarshalled) filter. The filter must
// not change afterwards.
func NewDocumentList(f *DocFilter, opts Options) (*DocumentList, error) {
	if f == nil || f.bf == nil {
		return nil, errors.New("matcher: a document list needs a filter")
	}
	if opts.Policy.Hit <= 0 || opts.Policy.Review <= 0 {
		return nil, errors.New("matcher: options need a policy; start from DefaultOptions")
	}
	return &DocumentList{filter: f, opts: opts}, nil
}

// Lookups returns, without repeats, the normalised numbers the query's
// documents may be listed under: the filter's "maybe" answers for each
// number as read and its OCR variants. None means surely not listed, and
// no store needs to be asked.
func (d *DocumentList) Lookups(q Query) []string {
	var out []string
	eachDocLookup(q, d.filter, d.opts.MaxOCRVariants, func(l docLookup) {
		for _, n := range out {
			if n == l.number {
				return
			}
		}
		out = append(out, l.number)
	})
	return out
}

// Check turns the records found under the looked-up numbers (found maps a
// normalised number to the entries listed under it, each with its
// documents) into hits, best first. A number missing from found is not
// listed: the filter's "maybe" was a false positive.
func (d *DocumentList) Check(q Query, found map[string][]Entry) []Hit {
	hits := map[uint32]*Hit{}
	keys := map[string]uint32{} // entry id → hit key: one hit per entry
	eachDocLookup(q, d.filter, d.opts.MaxOCRVariants, func(l docLookup) {
		entries := found[l.number]
		for i := range entries {
			e := &entries[i]
			for j := range e.Documents {
				if NormalizeDocumentNumber(e.Documents[j].Number) != l.number {
					continue
				}
				if h, ok := documentHit(e, &e.Documents[j], l, d.opts.Policy); ok {
					mergeDocumentHit(hits, hitKey(keys, e.ID), h)
				}
			}
		}
	})
	return sortedHits(hits)
}

func hitKey(keys map[string]uint32, id string) uint32 {
	k, ok := keys[id]
	if !ok {
		k = uint32(len(keys))
		keys[id] = k
	}
	return k
}

// Documents is the number of documents the filter was built from.
func (d *DocumentList) Documents() int { return d.filter.Len() }

// Policy is the decision policy of this list.
func (d *DocumentList) Policy() Policy { return d.opts.Policy }

// Unconfirmed is what a check answers when the store cannot confirm the
// filter's "maybe": a review hit per traveller's document the filter may
// hold, with no entry and the rule "unconfirmed". A check that could not
// check never answers clear; an officer verifies the document by hand.
func (d *DocumentList) Unconfirmed(q Query) []Hit {
	var out []Hit
	eachDocLookup(q, d.filter, d.opts.MaxOCRVariants, func(l docLookup) {
		for _, h := range out {
			if h.Explanation.Document.QueryNumber == l.qnum {
				return
			}
		}
		score := round3(d.opts.Policy.Review)
		out = append(out, Hit{Kind: "document", Score: score, Decision: DecisionReview, Subject: SubjectDocument,
			Explanation: Explanation{Document: &DocumentEvidence{QueryNumber: l.qnum, Country: l.query.Country, Type: l.query.Type, Rule: "unconfirmed"}}})
	})
	return out
}
