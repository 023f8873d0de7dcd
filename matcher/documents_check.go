package matcher

// ocrScore is the score of a document that matches only after undoing an
// OCR confusion: worth a second look, never an automatic hit.
const ocrScore = 0.85

// checkDocuments looks up every document of the traveller, exactly and
// through bounded OCR variants, and merges document evidence into hits.
func (x *Index) checkDocuments(q Query, hits map[uint32]*Hit) {
	for _, qd := range q.Documents {
		n := NormalizeDocumentNumber(qd.Number)
		if n == "" {
			continue
		}
		x.matchDocument(qd, n, n, "exact", 1, hits)
		x.docs.eachOCRVariant(n, x.opts.MaxOCRVariants, func(v string) {
			x.matchDocument(qd, n, v, "ocr_confusable", ocrScore, hits)
		})
	}
}

func (x *Index) matchDocument(qd QueryDocument, qnum, lookup, rule string, score float64, hits map[uint32]*Hit) {
	for _, ref := range x.docs.lookup(lookup) {
		e := x.entry(ref.entry)
		doc := e.Documents[ref.doc]
		if e.Delisted() || !countryCompatible(qd.Country, doc.Country) || !typeCompatible(qd.Type, doc.Type) {
			continue
		}
		ev := &DocumentEvidence{QueryNumber: qnum, EntryNumber: doc.Number, Country: doc.Country, Type: doc.Type, Status: doc.Status, Rule: rule}
		s := score
		if rule == "ocr_confusable" {
			s = min(score, x.opts.Policy.Hit-0.01)
		}
		mergeDocumentHit(hits, ref.entry, x.newHit(e, "document", s), ev)
	}
}

// mergeDocumentHit makes one hit of an entry matched by name and by
// document: the stronger score wins and both explanations stay.
func mergeDocumentHit(hits map[uint32]*Hit, entry uint32, h Hit, ev *DocumentEvidence) {
	h.Explanation.Document = ev
	h.Status = ev.Status
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
