package translit

import "strings"

const geresh = 0x5f3

// hebrewForms returns [common usage, ICAO 9303, English] for a common
// name word, and [common usage, hard (ICAO 9303 if pointed), hard, soft,
// foreign] for any other. Hebrew writes few vowels: a common name word
// takes its dictionary spellings (בנימין BINYAMIN, BENJAMIN), a particle
// of a foreign name its Latin spellings (hebrewParticles), other words a
// rule-based guess and their consonants alone (hebrewConsonants), which
// LooseSkeleton makes comparable with the English spellings of lists: as
// spelled with a medial bet read B (hard) and V (soft), and as a foreign
// name is spelled (foreignReading: het J or G, tsadi Z).
func hebrewForms(w []rune) []string {
	bare := stripPoints(w)
	if c, ok := findName(hebrewCommon, string(bare)); ok {
		return []string{c.usual, hebrewICAO(w), c.alt}
	}
	if p, ok := hebrewParticleForms(bare); ok {
		return p
	}
	hard := hebrewConsonants(w, hardReading())
	// ICAO's letters on a word without points read vav and bet V and het
	// CH, which makes the consonants of a foreign name look like some
	// other name (ביטי VYTY, WYATT), where the consonant forms write them
	// for what they are: only a pointed word keeps its ICAO form.
	second := hard
	if len(bare) < len(w) {
		second = hebrewICAO(w)
	}
	// A soft-bet reading takes a consonant out of the skeleton: with
	// fewer than three left, the skeleton says too little to be tried,
	// and the fourth form is the third again (so that the other words of
	// the name keep their letters-as-spelled form beside a soft bet).
	soft := hebrewConsonants(w, softReading())
	if len(LooseSkeleton(soft)) < 3 {
		soft = hard
	}
	if l, ok := hebrewLetterName(bare); ok {
		soft = l // סי C: a short word's fourth form is free for it
	}
	return []string{hebrewUsage(w), second, hard, soft, hebrewConsonants(w, foreignReading())}
}

// stripPoints removes niqqud, which the name tables do not carry.
func stripPoints(w []rune) []rune {
	out := make([]rune, 0, len(w))
	for _, r := range w {
		if r < 0x591 || r > 0x5c7 {
			out = append(out, r)
		}
	}
	return out
}

// hebrewICAO applies the interscript ICAO 9303 Hebrew map letter by letter,
// with the geresh letters (ג׳ -> J) of the same map.
func hebrewICAO(w []rune) string {
	return hebrewSpell(w, func(_ int, r rune) string { return hebrewTable(r) })
}

// hebrewSpell writes w letter by letter, the geresh letters as
// hebrewGeresh says and every other letter as letter says.
func hebrewSpell(w []rune, letter func(i int, r rune) string) string {
	var b strings.Builder
	for i, r := range w {
		if g, ok := hebrewGeresh(w, i); ok {
			b.WriteString(g)
			continue
		}
		b.WriteString(letter(i, r))
	}
	return b.String()
}

func hebrewTable(r rune) string {
	if r >= 0x590 && r <= 0x5ff {
		return icaoHebr[r-0x500]
	}
	return foldRune(r)
}

// hebrewGeresh handles a letter followed by geresh and the geresh itself.
// The geresh marks sounds Hebrew letters lack, in foreign names and in
// Arabic ones (Academy of the Hebrew Language, transcription rules): ג׳ J,
// ז׳ ZH, צ׳ CH, ת׳ TH, ד׳ DH (ذ), ח׳ KH (خ), ע׳ GH (غ).
func hebrewGeresh(w []rune, i int) (string, bool) {
	if w[i] == geresh || w[i] == 0x5f4 {
		return "", true
	}
	if i+1 < len(w) && w[i+1] == geresh {
		switch w[i] {
		case 'ג':
			return "J", true
		case 'ז':
			return "ZH", true
		case 'צ', 'ץ':
			return "CH", true
		case 'ת':
			return "TH", true
		case 'ד':
			return "DH", true
		case 'ח':
			return "KH", true
		case 'ע':
			return "GH", true
		}
	}
	return "", false
}

func isHebrewLetter(r rune) bool { return r >= 0x5d0 && r <= 0x5ea }

// hebrewUsage romanises as Israeli English usage does: B, K, P at the
// start of a word (dagesh), V, KH, F elsewhere; vav and yod are vowels
// between consonants (O, I) and consonants next to vowels; alef and ayin
// are A at the start of a word and silent elsewhere.
func hebrewUsage(w []rune) string {
	return hebrewSpell(w, func(i int, r rune) string { return hebrewLetter(w, i, r) })
}

func hebrewLetter(w []rune, i int, r rune) string {
	first, last := i == 0, i == len(w)-1
	prevSame := i > 0 && w[i-1] == r
	nextSame := i+1 < len(w) && w[i+1] == r
	switch r {
	case 'א':
		return hebrewAlef(w, i)
	case 'ע':
		return pick2(first, "A", "")
	case 'ב':
		return pick2(first, "B", "V")
	case 'כ':
		return pick2(first, "K", "KH")
	case 'פ':
		// A non-final פ at the end of a word is a P in a loanword
		// (פיליפ PHILIP): the final form ף is the F.
		return pick2(first || last, "P", "F")
	case 'ה':
		if last && i > 0 {
			return pick2(w[i-1] == 'א', "", "A") // נואה NOA
		}
		return "H"
	case 'ח':
		return "H"
	case 'ש':
		return "SH" // shin is far more frequent in names than sin
	case 'ק':
		return "K"
	case 'צ', 'ץ':
		return "TZ"
	case 'ו':
		switch {
		case prevSame:
			return ""
		case first || nextSame || vavBeforeYod(w, i):
			return "V"
		case last:
			return "U"
		}
		return "O"
	case 'י':
		switch {
		case prevSame:
			return ""
		case first || nextSame:
			return "Y"
		}
		return "I"
	}
	return hebrewTable(r)
}

// hebrewAlef reads alef as foreign names use it: at the start of a word
// it carries the vowel, which a following single vav or yod writes
// (אוטו OTO, איאן IAN) and which is A otherwise (אנדי ANDI); inside a
// word it writes an A (מארק MARK, שארל SHARL, איאן IAN), as Hebrew
// spells a foreign A that it does not leave out.
func hebrewAlef(w []rune, i int) string {
	if i > 0 {
		return pick2(w[i-1] == 'א', "", "A")
	}
	if len(w) > 2 && (w[1] == 'ו' || w[1] == 'י') && w[2] != w[1] {
		return ""
	}
	return "A"
}

// vavBeforeYod: a medial vav before a yod that a consonant follows is
// the consonant V (דויד DAVID, לויס LEVIS), the yod being the vowel.
func vavBeforeYod(w []rune, i int) bool {
	return i > 0 && i+2 < len(w) && w[i+1] == 'י' && !isMater(w[i+2])
}

// isMater reports the letters that write vowels: alef, he, vav, yod, ayin.
func isMater(r rune) bool { return strings.ContainsRune("אהויע", r) }

func pick2(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
