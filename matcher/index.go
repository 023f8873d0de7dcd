package matcher

import (
	"errors"
	"fmt"
)

// formRef is one analysed name form of an entry: its words are
// x.words[start : start+n], ids into the vocabulary. Forms hold no
// strings of their own, which keeps a million names in little memory.
type formRef struct {
	entry uint32
	start uint32
	// orig numbers the forms in list order (entry, name, romanisation):
	// equal candidates are taken in that order, whatever order the forms
	// are stored in (see reorderForms).
	orig uint32
	name uint16
	n    uint8
	// initials counts the form's initials, which any query word of their
	// letter may match (outside the candidate stage's view).
	initials uint8
	weight   float32 // sum of the word weights
	free     float32 // weight of particles and initials, which find no candidates
}

// Index is an immutable, searchable generation of one list. Build it with
// NewIndex; after that it is only read, so any number of checks may use it
// at once.
type Index struct {
	opts    Options
	entries []Entry
	forms   []formRef
	words   []uint32   // the word ids of every form, form after form
	heads   []formHead // by form: what ranking reads, see index_heads.go
	vocab   *vocabulary
	docs    *docIndex
	dates   dateForms // forms by exact date of birth, see samedate.go
	pool    scratchPool
}

// maxFormWords bounds the words kept per name form (a name has far fewer).
const maxFormWords = 32

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
	newID := idx.vocab.renumber()
	for i, id := range idx.words {
		idx.words[i] = newID[id-1]
	}
	idx.reorderForms()
	idx.heads = idx.newFormHeads()
	idx.dates = idx.newDateForms()
	idx.vocab.finish()
	idx.vocab.forms = buildPostings(len(idx.vocab.words), idx.forms, idx.words)
	idx.vocab.common = idx.findCommon()
	idx.docs = newDocIndex(entries, opts)
	return idx, nil
}

func (x *Index) addNames(entry uint32, e *Entry) {
	for n, name := range e.Names {
		for _, part := range nameParts(name.Full) {
			for _, r := range romanize(part) {
				x.addForm(entry, uint16(n), nameWords(r))
			}
		}
	}
}

func (x *Index) addForm(entry uint32, name uint16, words []string) {
	if len(words) == 0 {
		return
	}
	ref := formRef{entry: entry, name: name, start: uint32(len(x.words)), orig: uint32(len(x.forms))}
	for _, w := range words[:min(len(words), maxFormWords)] {
		id := x.vocab.intern(w)
		t := x.vocab.word(id)
		x.words = append(x.words, id)
		ref.n++
		ref.weight += float32(tokenWeight(*t))
		if !t.meaningful() {
			ref.free += float32(tokenWeight(*t))
		}
		if len(t.text) == 1 {
			ref.initials++
		}
	}
	x.forms = append(x.forms, ref)
}

// formWords are the word ids of form f.
func (x *Index) formWords(f formRef) []uint32 { return x.words[f.start : f.start+uint32(f.n)] }

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
