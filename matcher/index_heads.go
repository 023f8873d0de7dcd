package matcher

// headWords is how many word ids a formHead holds; the words of longer
// forms are read from Index.words.
const headWords = 4

// formHead is what ranking reads of a name form, in 32 bytes: half a
// cache line, where formRef and the form's words in Index.words are two
// reads from two arrays of tens of megabytes. Ranking a check's touched
// forms on a big list is a cache miss per read, and most forms have four
// words or fewer, so this is one miss per form instead of two. The
// fields repeat formRef's (same float32 values, so the bounds, their
// order and the candidates do not change).
type formHead struct {
	orig         uint32
	weight, free float32
	n, initials  uint8
	words        [headWords]uint32
}

// newFormHeads copies every form's ranking fields and first words.
func (x *Index) newFormHeads() []formHead {
	heads := make([]formHead, len(x.forms))
	for i, f := range x.forms {
		h := &heads[i]
		h.orig, h.weight, h.free, h.n, h.initials = f.orig, f.weight, f.free, f.n, f.initials
		copy(h.words[:], x.formWords(f))
	}
	return heads
}

// gatherHeads copies the heads of the touched forms into sc.heads, then
// the words beyond the head of the long ones into sc.formWords, in the
// same order. In loops of independent reads the processor overlaps the
// cache misses, where following one form at a time waits for each.
func (x *Index) gatherHeads(sc *scratch) {
	heads := sc.heads[:0]
	for _, id := range sc.touched {
		heads = append(heads, x.heads[id])
	}
	rest := sc.formWords[:0]
	for i, h := range heads {
		if h.n > headWords {
			rest = append(rest, x.formWords(x.forms[sc.touched[i]])[headWords:]...)
		}
	}
	sc.heads, sc.formWords = heads, rest
}

// headIDs are the words of a head (the first headWords of a long form).
func (h *formHead) headIDs() []uint32 { return h.words[:min(int(h.n), headWords)] }
