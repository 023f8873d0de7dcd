package matcher

import (
	"slices"
	"strings"
)

// maxEditKeys bounds the deletions of one word: two-letter deletions of a
// long word grow quadratically and long words rarely differ in so few
// letters that one deletion would not find them.
const maxEditKeys = 24

// editKeys finds the listed words within a query word's edit budget
// without comparing it with every listed word (symmetric deletion): a
// word and its variants with up to d letters left out are its keys, and
// two words at most d edits apart (substitutions, insertions, deletions,
// adjacent transpositions) share a key when both list their variants with
// up to d deletions. The keys are 32-bit hashes, sorted and bucketed by
// their top bits (16 or more, about sixteen keys a bucket), so only their
// low 16 bits are kept beside each word id: a million names make some
// forty million keys. A rare collision only costs one more comparison.
type editKeys struct {
	start []uint32 // bucket → first index in low and ids; one more at the end
	low   []uint16 // the low 16 bits of each hash, ascending within a bucket
	ids   []uint32 // the word id of each key
	shift uint     // hash >> shift is the bucket
}

// editDepth is the number of deletions that covers a word's own edit
// budget; pairs are judged on the shorter word's budget, so the shorter
// side always has the depth the pair needs. Two at most: three deletions
// of a long word make too many keys.
func editDepth(n int) int { return min(2, editBudget(n)) }

// appendEditHashes adds the hashes of w and its deletion variants,
// sorted and each once.
func appendEditHashes(dst []uint32, w string) []uint32 {
	start := len(dst)
	d := editDepth(len(w))
	if len(w) > maxEditKeys {
		d = min(d, 1)
	}
	dst = append(dst, skipHash(w, -1, -1))
	for i := 0; d >= 1 && i < len(w); i++ {
		dst = append(dst, skipHash(w, i, -1))
		for j := i + 1; d >= 2 && j < len(w); j++ {
			dst = append(dst, skipHash(w, i, j))
		}
	}
	keys := dst[start:]
	slices.Sort(keys)
	return dst[:start+len(slices.Compact(keys))]
}

// skipHash is FNV-1a over w without the bytes at i and j.
func skipHash(w string, i, j int) uint32 {
	h := uint32(2166136261)
	for k := 0; k < len(w); k++ {
		if k != i && k != j {
			h = (h ^ uint32(w[k])) * 16777619
		}
	}
	return h
}

// newEditKeys sorts the collected hash<<32|id keys and buckets them.
func newEditKeys(keys []uint64) editKeys {
	slices.Sort(keys)
	bits := uint(16) // the bucket and the low 16 bits together are the whole hash
	for bits < 28 && 1<<bits < len(keys)/16 {
		bits++
	}
	e := editKeys{start: make([]uint32, 1<<bits+1), low: make([]uint16, len(keys)), ids: make([]uint32, len(keys)), shift: 32 - bits}
	for i, k := range keys {
		e.start[uint32(k>>32)>>e.shift+1]++
		e.low[i], e.ids[i] = uint16(k>>32), uint32(k)
	}
	for b := 1; b < len(e.start); b++ {
		e.start[b] += e.start[b-1]
	}
	return e
}

// each calls fn with every word id listed under hash h.
func (e *editKeys) each(h uint32, fn func(id uint32)) {
	from, to := e.start[h>>e.shift], e.start[h>>e.shift+1]
	low := e.low[from:to]
	i, _ := slices.BinarySearch(low, uint16(h))
	for ; i < len(low) && low[i] == uint16(h); i++ {
		fn(e.ids[int(from)+i])
	}
}

// prefixed calls fn with every listed word that starts with p; sorted
// holds the word ids in text order.
func (v *vocabulary) prefixed(p string, fn func(id uint32)) {
	i, _ := slices.BinarySearchFunc(v.sorted, p, func(id uint32, p string) int { return strings.Compare(v.word(id).text, p) })
	for ; i < len(v.sorted) && strings.HasPrefix(v.word(v.sorted[i]).text, p); i++ {
		fn(v.sorted[i])
	}
}
