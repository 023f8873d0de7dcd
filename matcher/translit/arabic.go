package translit

import "strings"

const (
	shadda      = 0x651
	tehMarbuta  = 0x629
	alefMaksura = 0x649
)

// arabicForms returns [English usage, ICAO 9303 MRZ, UN 2017, BGN/PCGN 1956,
// second English spelling, MRZ with bare alef]. The MRZ form is the
// reversible X-escaped one (جمال عبد الناصر -> JMAL EBD ALNAXSSR), comparable
// with a scanned MRZ. Issuers often omit the hamza on alef, so أبو is ABW in
// ICAO's own example (ALRAZY<<ABW<BKR...) where the table gives XAEBW.
func arabicForms(w []rune, persian bool) []string {
	bare := stripHarakat(w)
	eng, eng2 := arabicEnglish(bare, persian)
	return []string{
		eng,
		icaoArabic(w, false),
		arabicTable(w, &unArab, persian),
		arabicTable(w, &bgnArab, persian),
		eng2,
		icaoArabic(w, true),
	}
}

// icaoArabic applies ICAO 9303 Table C: short vowels are not written,
// shadda repeats the previous letter, ة is XAH at the end of a component.
func icaoArabic(w []rune, bareAlef bool) string {
	var b strings.Builder
	last := ""
	for i, r := range w {
		switch {
		case bareAlef && (r == 'أ' || r == 'آ'):
			last = "A"
			b.WriteString(last)
		case r == shadda:
			b.WriteString(last)
		case isHaraka(r):
		case r == tehMarbuta && isFinal(w, i):
			b.WriteString("XAH")
		case r >= 0x600 && r <= 0x6ff && icaoArab[r-0x600] != "":
			last = icaoArab[r-0x600]
			b.WriteString(last)
		default:
			last = foldRune(r)
			b.WriteString(last)
		}
	}
	return b.String()
}

// arabicEnglish gives the usual English spelling: the hand table of the
// commonest name words, then google-ar2en, then the article and the
// compounds with عبد and أبو, and finally letter by letter.
func arabicEnglish(w []rune, persian bool) (string, string) {
	s := string(w)
	if c, ok := findName(arabicCommon, s); ok {
		return c.usual, c.alt
	}
	if v, ok := lookup(ar2enWords, s); ok {
		return v, v
	}
	if v, ok := lookup(ar2enLoose, loosen(s)); ok {
		return v, v
	}
	for _, p := range arabicPrefixes {
		if rest, ok := strings.CutPrefix(s, p.ar); ok && len([]rune(rest)) >= 2 {
			e1, e2 := arabicEnglish([]rune(rest), persian)
			return p.lat + " " + e1, p.lat + " " + e2
		}
	}
	var b, b2 strings.Builder
	for i := range w {
		l := arabicLetter(w, i, persian)
		b.WriteString(l)
		if p, ok := persianUsage[w[i]]; ok {
			l = p
		}
		if persian && i == 0 && w[i] == 'و' {
			l = "W" // Persian V, Arabic and South Asian W: VALI, WALI
		}
		b2.WriteString(l)
	}
	return b.String(), b2.String()
}

// persianUsage are the letters Persian, Urdu and Pashto speakers, and the
// English spellings of their names, pronounce otherwise than Arabic: ث
// is S (SAQIB, not THAQIB), ذ ض ظ are Z (FAZAL, FAIZ, ZAHIR). The second
// English spelling of a word no table knows uses them, whatever the
// script's telling letters say: an Afghan name is often written with
// Arabic letters alone.
var persianUsage = map[rune]string{'ث': "S", 'ذ': "Z", 'ض': "Z", 'ظ': "Z"}

// arabicPrefixes are written joined to the next word but romanised apart.
var arabicPrefixes = []struct{ ar, lat string }{
	{"عبدال", "ABDUL"}, {"عبد", "ABD"}, {"أبو", "ABU"}, {"ابو", "ABU"}, {"ال", "AL"},
}

// arabicLetter romanises one letter as English usage does. Long-vowel
// letters are vowels inside a word and consonants at its start or next to
// alef; short vowels are unwritten and stay so (Skeleton bridges the gap).
func arabicLetter(w []rune, i int, persian bool) string {
	r := w[i]
	next := rune(0)
	if i+1 < len(w) {
		next = w[i+1]
	}
	switch r {
	case 'ع':
		// Ayn has no English letter, but at the start of a word English
		// usage writes the vowel it carries (ALI, ABBAS, ATIQ): a name
		// does not begin with a consonant cluster. A written haraka says
		// which vowel, and is romanised itself.
		return pick2(i == 0 && !isHaraka(runeAt(w, i+1)), "A", "")
	case 'و':
		if persian && i == 0 {
			return "V"
		}
		if i == 0 || next == 'ا' || (i > 0 && w[i-1] == 'ا') {
			return "W"
		}
		return "U"
	case alefMaksura:
		if !persian {
			return "A"
		}
		// Persian writes a final I with the Arabic alef maksura as often
		// as with its own yeh (حكيمى HAKIMI).
		return "I"
	case 'ي', 'ی':
		if i == 0 || next == 'ا' || next == 'و' {
			return "Y"
		}
		return "I"
	case tehMarbuta:
		if isFinal(w, i) {
			return "A"
		}
		return "AT"
	case 'ه', 'ە', 'ہ':
		// A final he after a consonant is the vowel -a/-e (Persian جمعه
		// JUMA, Arabic names whose teh marbuta lost its dots).
		if isFinal(w, i) && i > 0 && !isVowelLetter(w[i-1]) {
			return "A"
		}
	}
	if s, ok := arabicLetters[r]; ok {
		return s
	}
	if isHaraka(r) || r == shadda {
		return ""
	}
	return foldRune(r)
}

var arabicLetters = map[rune]string{
	'ا': "A", 'أ': "A", 'إ': "I", 'آ': "A", 'ٱ': "A", 'ب': "B", 'ت': "T", 'ث': "TH",
	'ج': "J", 'ح': "H", 'خ': "KH", 'د': "D", 'ذ': "DH", 'ر': "R", 'ز': "Z", 'س': "S",
	'ش': "SH", 'ص': "S", 'ض': "D", 'ط': "T", 'ظ': "Z", 'ع': "", 'غ': "GH", 'ف': "F",
	'ق': "Q", 'ك': "K", 'ک': "K", 'ل': "L", 'م': "M", 'ن': "N", 'ه': "H", 'ە': "H",
	alefMaksura: "A", 'ء': "", 'ؤ': "U", 'ئ': "I", 'پ': "P", 'چ': "CH", 'ژ': "ZH",
	'گ': "G", 'ڤ': "V", 'ۀ': "E", 'ٹ': "T", 'ڈ': "D", 'ڑ': "R", 'ں': "N", 'ھ': "H",
	'ہ': "H", 'ے': "E", 'ۃ': "A", 'ڕ': "R", 'ڵ': "L", 'ۆ': "O", 'ێ': "E",
	// Pashto (the usual Latin spellings of Afghan names: ZADRAN, TSANI).
	'ځ': "Z", 'څ': "S", 'ښ': "SH", 'ږ': "ZH", 'ډ': "D", 'ړ': "R", 'ڼ': "N",
	'ګ': "G", 'ۍ': "I", 'ې': "E",
}

// isVowelLetter reports the Arabic-script letters that write long vowels.
func isVowelLetter(r rune) bool {
	switch r {
	case 'ا', 'أ', 'إ', 'آ', 'و', 'ي', 'ی', alefMaksura, 'ې', 'ۍ', 'ے':
		return true
	}
	return false
}

func isHaraka(r rune) bool {
	return (r >= 0x64b && r <= 0x652 && r != shadda) || r == 0x670
}

// stripHarakat removes short-vowel signs and shadda: the lookup tables are
// keyed on the bare letters, which is how names are usually written.
func stripHarakat(w []rune) []rune {
	out := make([]rune, 0, len(w))
	for _, r := range w {
		if !isHaraka(r) && r != shadda {
			out = append(out, r)
		}
	}
	return out
}

// arabicLoose folds the spelling differences writers make freely: hamza
// carriers to their bare letters, alef maksura to yeh, teh marbuta to heh.
// The generator folds ar2enLoose's keys the same way.
var arabicLoose = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا", "ى", "ي", "ة", "ه", "ؤ", "و", "ئ", "ي")

func loosen(s string) string { return arabicLoose.Replace(s) }

// isPersian reports letters that Arabic does not use (Persian also writes
// و as V at the start of a word).
func isPersian(name string) bool {
	return strings.ContainsAny(name, "پچژگکی")
}
