package matcher

import (
	"math"
	"sort"
)

// formKeys are the candidate keys of a name form: each word, its consonant
// skeleton and its letter trigrams. Trigrams mean no exact shared word is
// needed (HASSAN NASRULLAH reaches HASAN NASRALLAH); skeletons carry
// vowel-less romanisations of abjad names.
func formKeys(f nameForm) []string {
	keys := make([]string, 0, len(f.tokens)*8)
	for _, t := range f.tokens {
		keys = append(keys, "w"+t.text)
		if len(t.skeleton) >= 2 {
			keys = append(keys, "s"+t.skeleton)
		}
		if t.particle {
			continue
		}
		keys = appendTrigrams(keys, t.text)
	}
	return keys
}

func appendTrigrams(keys []string, w string) []string {
	padded := "_" + w + "_"
	r := []rune(padded)
	for i := 0; i+3 <= len(r); i++ {
		keys = append(keys, "t"+string(r[i:i+3]))
	}
	return keys
}

// candidates ranks the forms that share keys with the query forms and
// returns the best MaxCandidates of them. Each key weighs by its rarity;
// keys more common than CommonKey only add to forms already found through
// rarer keys, so common words never cause a full scan.
func (x *Index) candidates(qforms []nameForm) []uint32 {
	type keyRef struct {
		posting []uint32
		weight  float32
	}
	var keys []keyRef
	seen := map[string]bool{}
	for _, f := range qforms {
		for _, k := range formKeys(f) {
			p := x.postings[k]
			if seen[k] || len(p) == 0 {
				continue
			}
			seen[k] = true
			keys = append(keys, keyRef{p, float32(1 / math.Log2(2+float64(len(p))))})
		}
	}
	sort.Slice(keys, func(i, j int) bool { return len(keys[i].posting) < len(keys[j].posting) })
	scores := map[uint32]float32{}
	for i, k := range keys {
		common := len(k.posting) > x.opts.CommonKey && (i > 0 || len(scores) > 0)
		for _, id := range k.posting {
			if _, ok := scores[id]; ok || !common {
				scores[id] += k.weight
			}
		}
	}
	return topForms(scores, x.opts.MaxCandidates)
}

func topForms(scores map[uint32]float32, n int) []uint32 {
	ids := make([]uint32, 0, len(scores))
	for id := range scores {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if scores[ids[i]] != scores[ids[j]] {
			return scores[ids[i]] > scores[ids[j]]
		}
		return ids[i] < ids[j]
	})
	if len(ids) > n {
		ids = ids[:n]
	}
	return ids
}
