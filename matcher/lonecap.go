package matcher

// A lone look-alike (see weighLoneWords) is reviewed at most: the officer
// checks a mononym spelled one letter apart even when the date of birth
// fits exactly, but the screen never calls it a hit, since its name
// evidence is only a resemblance that many other listed words share.

// heldLoneWord reports whether the last scored form pair rests on a lone
// word capped for being only alike in spelling.
func (m *simMemo) heldLoneWord() bool {
	for _, p := range m.aligned {
		if p.rule == "lone_word" {
			return true
		}
	}
	return false
}

// loneLookAlikeCap is the feature that keeps a lone look-alike's score
// just under the policy's hit threshold, so its features still add up to
// its score.
func loneLookAlikeCap(score float64, p Policy) (Feature, bool) {
	capped := round3(p.Hit - 0.001)
	if score < p.Hit || capped < p.Review {
		return Feature{}, false
	}
	return Feature{Name: "lone_look_alike", Contribution: round3(capped - score),
		Detail: "a one-word name only alike in spelling to a one-word listed name is reviewed, never a hit"}, true
}
