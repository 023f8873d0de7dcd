package translit

// hebrewShortForeign reads a word of one consonant (אל, איאן, ריי, שי)
// as a foreign name written in Hebrew, for the foreign form: such a word
// has no skeleton for the other side to meet, so only its spelling can
// match, and the vowels are what Hebrew writers of foreign names put
// where common usage reads otherwise:
//
//   - an alef alone, or before a consonant at the start, is an E (א. E,
//     אלה ELA: common usage has A);
//   - a double yod at the end is the diphthong AY (ריי RAY, קיי KAY), and
//     a single yod closing a two-letter word is AI (שי SHAI, חי HAI);
//   - a final vav is the O of Romance and German names (אוטו OTO, זו ZO:
//     common usage has the U of Hebrew ones), and an initial alef with a
//     double vav is OW (אוון OWN).
//
// Other letters read as in common usage. The spelling need not be the
// list's: the matcher takes a word for another with the same consonants
// and a close spelling (OTO for OTTO, OWN for OWEN).
func hebrewShortForeign(w []rune) string {
	return hebrewSpell(w, func(i int, r rune) string {
		last := i == len(w)-1
		switch {
		case r == 'א' && i == 0 && (len(w) == 1 || !isMater(w[1])):
			return "E"
		case r == 'י' && i+2 == len(w) && i > 0 && w[i+1] == 'י':
			return "AY"
		case r == 'י' && last && i > 0 && w[i-1] == 'י':
			return ""
		case r == 'י' && last && i == 1 && !isMater(w[0]):
			return "AI"
		case r == 'א' && i == 0 && doubleVavAt(w, 1):
			return ""
		case r == 'ו' && i == 1 && w[0] == 'א' && doubleVavAt(w, 1):
			return "OW"
		case r == 'ו' && last && i > 0 && w[i-1] != 'ו':
			return "O"
		}
		return hebrewLetter(w, i, r)
	})
}

// doubleVavAt reports a double vav at i.
func doubleVavAt(w []rune, i int) bool {
	return i+1 < len(w) && w[i] == 'ו' && w[i+1] == 'ו'
}

// hebrewLetterName returns the Latin initial a two-letter word spells
// out, or false: Hebrew has no letter for C and writes an initial C as
// its English name (אדווין סי. ג'ונסון, EDWIN C. JOHNSON), and likewise
// B, D, P, T, V and Z when a name keeps its Latin initials.
func hebrewLetterName(w []rune) (string, bool) {
	if len(w) != 2 || w[1] != 'י' {
		return "", false
	}
	switch w[0] {
	case 'ב':
		return "B", true
	case 'ס':
		return "C", true
	case 'ד':
		return "D", true
	case 'פ':
		return "P", true
	case 'ט':
		return "T", true
	case 'ו':
		return "V", true
	case 'ז':
		return "Z", true
	}
	return "", false
}
