package translit

// Theophoric names of the form X الله (نور الله, هدايت الله, نجيب الله) are
// written as two words in Arabic script but, in the English usage of
// Afghanistan, Pakistan and the Gulf, as one: NURULLAH, HIDAYATULLAH,
// NAJIBULLAH, NASRALLAH. The English forms join the two words (the usual
// -ULLAH, and -ALLAH as the second spelling), the letter-for-letter schemes
// keep them apart as written.

const allahWord = "الله"

func isAllah(w []rune) bool { return string(stripHarakat(w)) == allahWord }

// theophoric reports whether words[i] and words[i+1] make an X الله name.
func theophoric(words [][]rune, i int) bool {
	return i+1 < len(words) && isAllah(words[i+1]) && !isAllah(words[i]) && dominant(words[i]) == "Arab"
}

// theophoricForms returns the scheme forms of X الله, by arabicForms'
// scheme order. A compound the word tables know joined (عبدالله) takes
// their English spellings (ABDULLAH, ABDALLAH).
func theophoricForms(x, allah []rune, persian bool) []string {
	xs, as := arabicForms(x, persian), arabicForms(allah, persian)
	out := make([]string, len(xs))
	for k := range xs {
		out[k] = xs[k] + " " + as[min(k, len(as)-1)]
	}
	out[0], out[4] = xs[0]+"ULLAH", xs[4]+"ALLAH"
	if joined := stripHarakat(append(append([]rune{}, x...), allah...)); known(joined) {
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
