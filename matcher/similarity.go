package matcher

import "strings"

// editBudget is how many edits a word of n letters may take and still be
// the same name: none on short words, where one edit makes another name.
func editBudget(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 5:
		return 1
	case n <= 8:
		return 2
	}
	return 3
}

// tokenSim scores two name words in 0..1 and names the rule that decided.
func tokenSim(q, e token, prefix bool) (float64, string) { return wordSimilarity(&q, &e, prefix) }

// wordSimilarity is tokenSim on pointers: a token with its sound keys is
// over a hundred bytes, and the candidate stage compares a query word
// with thousands of listed words. Two words with no skeleton and no sound
// code in common can only be related by the edit rule, which rejects
// most of them from their letter counts alone, before Jaro-Winkler; the
// edit distance only runs when the lengths leave room for it, and only as
// far as the budget.
func wordSimilarity(q, e *token, prefix bool) (float64, string) {
	switch {
	case q.text == e.text:
		return 1, "exact"
	case len(q.text) == 1 || len(e.text) == 1:
		return initialSim(q.text, e.text)
	case prefix && len(q.text) >= 3 && strings.HasPrefix(e.text, q.text):
		return 0.95, "truncated_prefix"
	case q.particle != e.particle:
		// AL is not ALI, nor BIN BINYAMIN: a particle only ever stands
		// for another particle.
		return 0, "different"
	}
	if q.sound.cluster == e.sound.cluster {
		return 0.96, "variant"
	}
	if q.sound.fold == e.sound.fold {
		return 0.95, "romanisation"
	}
	sameSkel, sameFine := q.sound.sameSkeleton(e.sound), q.sound.fine == e.sound.fine
	phon := q.sound.sameMetaphone(e.sound)
	if !sameSkel && !sameFine && !phon {
		return editSimilarity(q.text, e.text)
	}
	jw := jaroWinkler(q.text, e.text)
	skel := sameSkel || jw >= 0.85 && sameFine
	if jw < minUsefulJW && !skel && !phon {
		return 0, "different"
	}
	best, rule := 0.0, "different"
	if d, ok := withinEditBudget(q.text, e.text); ok {
		best, rule = max(jw, 1-float64(d)/float64(max(len(q.text), len(e.text)))), "edit"
	}
	// Double Metaphone codes are short and collide often (JOHNNIE and GIN
	// are both JN), so a shared code only vouches for close spellings.
	if phon && jw >= 0.8 && max(0.9, jw) > best {
		best, rule = max(0.9, jw), "phonetic"
	}
	if skel && max(0.9, jw*0.95) > best {
		best, rule = max(0.9, jw*0.95), "skeleton"
	}
	return best, rule
}

// editSimilarity is wordSimilarity for two words only the edit rule can
// relate: within the budget, the better of Jaro-Winkler and the share of
// letters kept, unless Jaro-Winkler calls the words unrelated.
func editSimilarity(a, b string) (float64, string) {
	d, ok := withinEditBudget(a, b)
	if !ok {
		return 0, "different"
	}
	jw := jaroWinkler(a, b)
	if jw < minUsefulJW {
		return 0, "different"
	}
	return max(jw, 1-float64(d)/float64(max(len(a), len(b)))), "edit"
}

// withinEditBudget is the edit distance of two words when it is within
// their budget. The shorter word sets the budget: one edit on ALI makes
// another name, whatever the other word's length.
func withinEditBudget(a, b string) (int, bool) {
	budget := min(editDepth(len(a)), editDepth(len(b)))
	if abs(len(a)-len(b)) > budget || editsAtLeast(a, b) > budget {
		return 0, false
	}
	d := editsWithin(a, b, budget)
	return d, d <= budget
}

// minUsefulJW is the Jaro-Winkler similarity below which two words are
// unrelated; scoring them further changes no decision.
const minUsefulJW = 0.7

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// initialSim lets an initial stand for a name that starts with it.
func initialSim(a, b string) (float64, string) {
	if a[0] == b[0] {
		return 0.85, "initial"
	}
	return 0, "different"
}
