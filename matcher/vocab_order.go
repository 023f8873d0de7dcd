package matcher

import (
	"slices"
	"strings"
)

// renumber gives the words new ids in the order of their loose skeletons
// (then text), and returns the new id of each old one (by old id-1).
//
// A query word meets the listed words of its sound-key and deletion-key
// buckets; those words share their leading consonants, as a Double
// Metaphone code does, so in skeleton order they sit together, and their
// signatures and texts are read from a few neighbouring cache lines
// instead of from anywhere in a vocabulary of hundreds of thousands. The
// texts and sound keys are copied in the same order for the same reason.
// Ids say nothing else: the words found and the names scored are the same
// in any order.
func (v *vocabulary) renumber() []uint32 {
	order := make([]uint32, len(v.words)) // new id-1 → old id
	for i := range order {
		order[i] = uint32(i + 1)
	}
	slices.SortFunc(order, func(a, b uint32) int {
		wa, wb := v.word(a), v.word(b)
		if c := strings.Compare(wa.sound.skeleton, wb.sound.skeleton); c != 0 {
			return c
		}
		return strings.Compare(wa.text, wb.text)
	})
	newID := make([]uint32, len(v.words))
	words := make([]token, len(v.words))
	sigs := make([]wordSig, len(v.words))
	for i, old := range order {
		newID[old-1] = uint32(i + 1)
		words[i], sigs[i] = v.words[old-1], v.sigs[old-1]
	}
	packTexts(words)
	v.ids = make(map[string]uint32, len(words))
	for i := range words {
		v.ids[words[i].text] = uint32(i + 1)
	}
	v.words, v.sigs = words, sigs
	v.renumberKeys(newID)
	return newID
}

// renumberKeys moves the key lists to the new ids.
func (v *vocabulary) renumberKeys(newID []uint32) {
	for i, k := range v.editKeys {
		v.editKeys[i] = k&^0xffffffff | uint64(newID[uint32(k)-1])
	}
	for _, ids := range v.bySound {
		for i, id := range ids {
			ids[i] = newID[id-1]
		}
		slices.Sort(ids)
	}
}

// packTexts copies the text and the sound keys of every word, word after
// word, into one string, so that comparing a word with its neighbours in
// the vocabulary reads neighbouring bytes. A key spelled like the word
// shares its bytes.
func packTexts(words []token) {
	var all strings.Builder
	for i := range words {
		for _, f := range textFields(&words[i]) {
			if f == &words[i].text || *f != words[i].text {
				all.WriteString(*f)
			}
		}
	}
	arena := all.String()
	for i := range words {
		t := &words[i]
		for _, f := range textFields(t) {
			if f == &t.text || *f != t.text {
				*f, arena = arena[:len(*f)], arena[len(*f):]
			} else {
				*f = t.text
			}
		}
	}
}

// textFields are the strings of a token, the text first.
func textFields(t *token) [7]*string {
	k := &t.sound
	return [7]*string{&t.text, &k.skeleton, &k.fine, &k.metaphone[0], &k.metaphone[1], &k.cluster, &k.fold}
}
