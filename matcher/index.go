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
	opts    Options
	entries []Entry
	forms   []formRef
	vocab   *vocabulary
	docs    *docIndex
	pool    scratchPool
}

// NewIndex analyses every entry once (names, keys, documents) so that a
// check does no per-entry preparation. Entries must have unique ids.
func NewIndex(entries []Entry, opts Options) (*Index, error) {
	if opts.MaxCandidates <= 0 || opts.Policy.Hit <= 0 || opts.Policy.Review <= 0 {
		return nil, errors.New("matcher: options need a policy and a candidate bound; start from DefaultOptions")
	}
	idx := &Index{opts: opts, entries: entries, vocab: newVocabulary()}
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
	return idx, nil
}

func (x *Index) addNames(entry uint32, e *Entry) {
	for n, name := range e.Names {
		for _, f := range nameForms(name.Full) {
			id := uint32(len(x.forms))
			x.vocab.add(id, f)
			x.forms = append(x.forms, formRef{entry: entry, name: uint16(n), form: f})
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
