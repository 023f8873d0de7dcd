package translit

// hebrewConsonants writes a Hebrew word letter for letter with no vowel
// guessed, the way the word was spelled: Hebrew leaves short vowels out,
// and in names of foreign origin (most names on international lists) the
// letters that might be vowels are guesses either way. Alef and ayin are
// vowel carriers, written A at the start of the word, where they say that
// the name begins with a vowel (Hebrew cannot begin a word with a bare
// vowel: אנדי ANDY), and left out elsewhere. Vav and yod, the matres
// lectionis of O/U and I/E or the consonants W/V and Y, are written W and
// Y, which skeletons drop: the other side's vowels must only have room for
// them (a vav asks for an O, U, W or V). An initial vav is always a
// consonant, V. A final he is a vowel (-A, -E). Of the letters with two
// readings the form keeps the one LooseSkeleton merges anyway: ב B (V),
// פ P (F), כ K (KH), ש SH (S). So קליי וורד gives KLYY VWRD, which meets
// KELLY WARD, and ויליאם פרלברג gives VYLYM PRLBRG, which meets WILLIAM
// PERLBERG. A word with fewer than two consonants keeps its common-usage
// form, since one letter would read as an initial (an initial yod counts,
// as LooseSkeleton reads it: יויאמה YWYM is JM, YUYAMA).
//
// A bet after the first letter is a B in most foreign names (טוברינר
// TOBRINER) but a V in others (טרבולטה TRAVOLTA, דייב DAVE), as in Hebrew
// words, and a het is the KH of Hebrew and Arabic names but also the
// Spanish J and the Dutch G, which Hebrew has no other letter for
// (אלחנדרו ALEJANDRO, ואן חוך VAN GOGH), and a tsadi is TS in Hebrew
// names and the Z of German and Italian ones (וינצנץ VINZENZ): the
// reading says which.
func hebrewConsonants(w []rune, rd hebrewReading) string {
	c := hebrewSpell(w, func(i int, r rune) string {
		switch {
		case r == 'ב' && i > 0:
			return rd.bet
		case r == 'ח':
			return rd.het
		case r == 'צ' || r == 'ץ': // צ׳ is CH: hebrewSpell reads it first
			return rd.tsadi
		case r == 'ש' && i > 0 && w[i-1] == 'ט' && rd.foreign:
			return "CH" // טש: the TCH of GRETCHEN, FLETCHER
		}
		return hebrewConsonant(r, i == 0, i == len(w)-1)
	})
	if len(LooseSkeleton(c)) < 2 {
		if rd.foreign {
			return hebrewShortForeign(w)
		}
		return hebrewUsage(w)
	}
	if rd.foreign && frenchIer(w) {
		return c + "R"
	}
	return c
}

// frenchIer reports the ending ־ייה, which Hebrew writes for the French
// -IER, -IEZ and -IED, their consonant silent (רנייה RENIER, פורנייה
// FOURNIER): the foreign reading writes the R that French spells.
func frenchIer(w []rune) bool {
	n := len(w)
	return n > 3 && w[n-1] == 'ה' && w[n-2] == 'י' && w[n-3] == 'י'
}

// hebrewReading is how hebrewConsonants writes the letters that read
// differently in Hebrew words and in foreign names: bet after the first
// letter, B or W (a V that skeletons treat as they treat a vav), het,
// KH or G (LooseSkeleton merges G with J), and tsadi, TS or Z. A foreign
// reading also writes tet-shin TCH, the R of French -IER and the vowels
// of hebrewShortForeign.
type hebrewReading struct {
	bet, het, tsadi string
	foreign         bool
}

// The readings of hebrewForms' consonant forms: hard and soft bet in
// Hebrew spelling, and a foreign name written in Hebrew (bet B, het the
// Spanish J or Dutch G, tsadi the German Z).
func hardReading() hebrewReading { return hebrewReading{bet: "B", het: "KH", tsadi: "TS"} }
func softReading() hebrewReading { return hebrewReading{bet: "W", het: "KH", tsadi: "TS"} }
func foreignReading() hebrewReading {
	return hebrewReading{bet: "B", het: "G", tsadi: "Z", foreign: true}
}

func hebrewConsonant(r rune, first, last bool) string {
	switch r {
	case 'א', 'ע':
		return pick2(first, "A", "")
	case 'ו':
		return pick2(first, "V", "W")
	case 'י':
		return "Y"
	case 'ה':
		return pick2(last, "", "H")
	case 'ב':
		return "B"
	case 'פ':
		return "P"
	case 'ף':
		return "F"
	case 'כ', 'ך', 'ק':
		return "K"
	case 'ש':
		return "SH"
	}
	if r >= 0x590 && r <= 0x5ff && (r < 0x5d0 || r > 0x5ea) {
		return "" // points and punctuation
	}
	return hebrewTable(r)
}
