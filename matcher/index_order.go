package matcher

import "slices"

// reorderForms stores the forms, and their words, in the order of their
// rarest real word. A check opens the forms of the listed words that
// resemble a query word; those words are neighbours in the vocabulary
// (see renumber), so, stored this way, the forms they open are
// neighbours too, and ranking them reads a few stretches of memory
// instead of a cache line per form from anywhere in a million names.
// Which forms are candidates, and in which order they are scored, does
// not depend on where they are stored (see formRef.orig).
func (x *Index) reorderForms() {
	uses := make([]uint32, len(x.vocab.words)) // by word id-1: forms holding it
	for _, id := range x.words {
		uses[id-1]++
	}
	keys := make([]uint64, len(x.forms)) // rarest real word id<<32 | orig
	for i, f := range x.forms {
		rarest := ^uint32(0)
		for _, id := range x.formWords(f) {
			if x.vocab.word(id).meaningful() && (rarest == ^uint32(0) || uses[id-1] < uses[rarest-1]) {
				rarest = id
			}
		}
		keys[i] = uint64(rarest)<<32 | uint64(f.orig)
	}
	slices.Sort(keys)
	forms := make([]formRef, 0, len(x.forms))
	words := make([]uint32, 0, len(x.words))
	for _, k := range keys {
		f := x.forms[uint32(k)]
		ws := x.formWords(f)
		f.start = uint32(len(words))
		words = append(words, ws...)
		forms = append(forms, f)
	}
	x.forms, x.words = forms, words
}
