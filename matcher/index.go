package matcher

import (
	"errors"
	"fmt"
)

// formRef ties one analysed name form to its entry and name.
type formRef struct {
	entry uint32
	name  uint16
	form  nameForm
}

// Index is an immutable, searchable generation of one list. Build it with
// NewIndex; after that it is only read, so any number of checks may use it
// at once.
type Index struct {
	opts     Options
	entries  []Entry
	forms    []formRef
	postings map[uint64][]uint32 // candidate key → form ids, ascending
	docs     *docIndex
	pool     scratchPool
	vocab    map[string]uint32 // word → id while building; nil afterwards
}

// NewIndex analyses every entry once (names, keys, documents) so that a
// check does no per-entry preparation. Entries must have unique ids.
func NewIndex(entries []Entry, opts Options) (*Index, error) {
	if opts.MaxCandidates <= 0 || opts.Policy.Hit <= 0 || opts.Policy.Review <= 0 {
		return nil, errors.New("matcher: options need a policy and a candidate bound; start from DefaultOptions")
	}
	idx := &Index{opts: opts, entries: entries, postings: map[uint64][]uint32{}, vocab: map[string]uint32{}}
	seen := make(map[string]struct{}, len(entries))
	for i := range entries {
		e := &entries[i]
		if _, dup := seen[e.ID]; dup {
			return nil, fmt.Errorf("matcher: duplicate entry id %q", e.ID)
		}
		seen[e.ID] = struct{}{}
		if e.Subject == SubjectPerson {
			idx.addNames(uint32(i), e)
		}
	}
	idx.docs = newDocIndex(entries, opts)
	idx.vocab = nil
	return idx, nil
}

func (x *Index) addNames(entry uint32, e *Entry) {
	for n, name := range e.Names {
		for _, f := range nameForms(name.Full) {
			x.intern(f)
			id := uint32(len(x.forms))
			x.forms = append(x.forms, formRef{entry: entry, name: uint16(n), form: f})
			for _, k := range formKeys(nil, f) {
				p := x.postings[k]
				if len(p) == 0 || p[len(p)-1] != id {
					x.postings[k] = append(p, id)
				}
			}
		}
	}
}

// Len is the number of entries in the index.
func (x *Index) Len() int { return len(x.entries) }

// NameForms is the number of analysed name forms (a measure of index size).
func (x *Index) NameForms() int { return len(x.forms) }

// Documents is the number of indexed documents.
func (x *Index) Documents() int { return x.docs.count }

// Entry returns the entry with the given position.
func (x *Index) entry(i uint32) *Entry { return &x.entries[i] }

// Policy is the decision policy of this index.
func (x *Index) Policy() Policy { return x.opts.Policy }

// intern numbers the words of a listed name form, so that a check can
// remember how a query word compares with each distinct listed word.
func (x *Index) intern(f nameForm) {
	for i := range f.tokens {
		t := &f.tokens[i]
		id, ok := x.vocab[t.text]
		if !ok {
			id = uint32(len(x.vocab) + 1)
			x.vocab[t.text] = id
		}
		t.id = id
	}
}
