package translit

// Compound names of the form X الله (نور الله, هدايت الله, نجيب الله) and
// X الدين (سعد الدين, نور الدين) are written as two words in Arabic script
// but, in the English usage of Afghanistan, Pakistan, South and Central
// Asia and the Gulf, as one: NURULLAH, HIDAYATULLAH, NASRALLAH,
// SADUDDIN, NURUDDIN, SALAHEDDINE. The English forms join the two words
// (the usual -ULLAH/-UDDIN, and -ALLAH/-EDDINE as the second spelling),
// the letter-for-letter schemes keep them apart as written.

// compoundSuffixes are the second words that join, with their two English
// endings.
var compoundSuffixes = map[string][2]string{"الله": {"ULLAH", "ALLAH"}, "الدين": {"UDDIN", "EDDINE"}}

func compoundSuffix(w []rune) ([2]string, bool) {
	e, ok := compoundSuffixes[string(stripHarakat(w))]
	return e, ok
}

// theophoric reports whether words[i] and words[i+1] make an X الله or X
// الدين name.
func theophoric(words [][]rune, i int) bool {
	if i+1 >= len(words) || dominant(words[i]) != "Arab" {
		return false
	}
	_, first := compoundSuffix(words[i])
	_, second := compoundSuffix(words[i+1])
	return second && !first
}

// theophoricForms returns the scheme forms of the compound x suffix, by
// arabicForms' scheme order. A compound the word tables know joined
// (عبدالله) takes their English spellings (ABDULLAH, ABDALLAH).
func theophoricForms(x, suffix []rune, persian bool) []string {
	xs, ss := arabicForms(x, persian), arabicForms(suffix, persian)
	out := make([]string, len(xs))
	for k := range xs {
		out[k] = xs[k] + " " + ss[min(k, len(ss)-1)]
	}
	end, _ := compoundSuffix(suffix)
	out[0], out[4] = xs[0]+end[0], xs[4]+end[1]
	if joined := stripHarakat(append(append([]rune{}, x...), suffix...)); known(joined) {
		out[0], out[4] = arabicEnglish(joined, persian)
	}
	return out
}

// known reports an Arabic word the hand table or google-ar2en spells.
func known(w []rune) bool {
	s := string(w)
	if _, ok := findName(arabicCommon, s); ok {
		return true
	}
	if _, ok := lookup(ar2enWords, s); ok {
		return true
	}
	_, ok := lookup(ar2enLoose, loosen(s))
	return ok
}
