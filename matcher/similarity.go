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
// with thousands of listed words. Jaro-Winkler runs first because it is
// cheap and rejects most pairs; the edit distance only runs when the
// lengths leave room for it, and only as far as the budget.
func wordSimilarity(q, e *token, prefix bool) (float64, string) {
	switch {
	case q.text == e.text:
		return 1, "exact"
	case len(q.text) == 1 || len(e.text) == 1:
		return initialSim(q.text, e.text)
	case prefix && len(q.text) >= 3 && strings.HasPrefix(e.text, q.text):
		return 0.95, "truncated_prefix"
	}
	if q.sound.cluster == e.sound.cluster {
		return 0.96, "variant"
	}
	if q.sound.fold == e.sound.fold {
		return 0.95, "romanisation"
	}
	jw := jaroWinkler(q.text, e.text)
	skel := q.sound.sameSkeleton(e.sound) || jw >= 0.85 && q.sound.fine == e.sound.fine
	phon := q.sound.sameMetaphone(e.sound)
	if jw < minUsefulJW && !skel && !phon {
		return 0, "different"
	}
	best, rule := 0.0, "different"
	// The shorter word sets the budget: one edit on ALI makes another
	// name, whatever the other word's length.
	n := max(len(q.text), len(e.text))
	budget := min(editDepth(len(q.text)), editDepth(len(e.text)))
	if abs(len(q.text)-len(e.text)) <= budget && editsAtLeast(q.text, e.text) <= budget {
		if d := editsWithin(q.text, e.text, budget); d <= budget {
			best, rule = max(jw, 1-float64(d)/float64(n)), "edit"
		}
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
