package matcher

// ocrScore is the score of a document that matches only after undoing an
// OCR confusion: worth a second look, never an automatic hit.
const ocrScore = 0.85

// docLookup is one number a traveller's document may be listed under:
// the number as read, or an OCR variant of it.
type docLookup struct {
	query  QueryDocument
	qnum   string // the traveller's number, normalised
	number string // the number to look up
	rule   string // exact or ocr_confusable
	score  float64
}

// eachDocLookup calls fn for every number the traveller's documents may
// be listed under that the filter admits: each number as read, then its
// OCR variants, at most limit of them per document. Both the in-memory
// index and a list confirmed through a store match documents through it,
// so they agree on every rule.
func eachDocLookup(q Query, f *DocFilter, limit int, fn func(docLookup)) {
	for _, qd := range q.Documents {
		n := NormalizeDocumentNumber(qd.Number)
		if n == "" {
			continue
		}
		if f.MayContain(n) {
			fn(docLookup{query: qd, qnum: n, number: n, rule: "exact", score: 1})
		}
		eachOCRVariant(f, n, limit, func(v string) {
			fn(docLookup{query: qd, qnum: n, number: v, rule: "ocr_confusable", score: ocrScore})
		})
	}
}

// checkDocuments looks up every document of the traveller, exactly and
// through bounded OCR variants, and merges document evidence into hits.
func (x *Index) checkDocuments(q Query, hits map[uint32]*Hit) {
	eachDocLookup(q, x.docs.filter, x.opts.MaxOCRVariants, func(l docLookup) {
		for _, ref := range x.docs.byNum[l.number] {
			e := x.entry(ref.entry)
			if h, ok := documentHit(e, &e.Documents[ref.doc], l, x.opts.Policy); ok {
				mergeDocumentHit(hits, ref.entry, h)
			}
		}
	})
}

// documentHit is the hit of listed document doc of e found through l;
// false when it cannot be the traveller's document (another issuing
// state, another type) or the entry is delisted.
func documentHit(e *Entry, doc *Document, l docLookup, p Policy) (Hit, bool) {
	if e.Delisted() || !countryCompatible(l.query.Country, doc.Country) || !typeCompatible(l.query.Type, doc.Type) {
		return Hit{}, false
	}
	s := l.score
	if l.rule == "ocr_confusable" {
		s = min(s, p.Hit-0.01)
	}
	h := hitFor(e, "document", s, p)
	h.Explanation.Document = &DocumentEvidence{QueryNumber: l.qnum, EntryNumber: doc.Number, Country: doc.Country, Type: doc.Type, Status: doc.Status, Rule: l.rule}
	h.Status = doc.Status
	return h, true
}

// mergeDocumentHit makes one hit of an entry matched by name and by
// document: the stronger score wins and both explanations stay.
func mergeDocumentHit(hits map[uint32]*Hit, entry uint32, h Hit) {
	ev := h.Explanation.Document
	old, ok := hits[entry]
	if !ok {
		hits[entry] = &h
		return
	}
	if old.Explanation.Document != nil && old.Explanation.Document.Rule == "exact" {
		return
	}
	old.Explanation.Document = ev
	old.Status = ev.Status
	if old.Kind == "name" {
		old.Kind = "name+document"
	}
	if h.Score > old.Score {
		old.Score, old.Decision = h.Score, h.Decision
	}
}

// typeCompatible: a passport number and an identity card number are
// different documents even when the digits agree; unknown types match.
func typeCompatible(q, e DocumentType) bool {
	if q == "" || e == "" || e == DocOther || q == DocOther {
		return true
	}
	if q == DocDiplomaticPassport || e == DocDiplomaticPassport {
		q, e = passportKind(q), passportKind(e)
	}
	return q == e
}

func passportKind(t DocumentType) DocumentType {
	if t == DocDiplomaticPassport {
		return DocPassport
	}
	return t
}
