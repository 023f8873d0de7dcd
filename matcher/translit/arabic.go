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
		case r == tehMarbuta && i == len(w)-1:
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

// arabicTable applies a generated UN or BGN/PCGN letter table. Both write
// the article apart and assimilated to a following sun letter (الشام AL
// before a moon letter, ASH SHAM before a sun letter). Vocalised text reads
// as the systems intend: fatha+alef is one A, damma+waw one U, kasra+yeh
// one I. Letters the table lacks come from the English-usage letters.
func arabicTable(w []rune, table *[256]string, persian bool) string {
	if string(stripHarakat(w)) == "الله" {
		return "ALLAH"
	}
	var b strings.Builder
	w, assimilated := arabicArticle(&b, w, table, persian)
	for i, r := range w {
		long := isLongVowel(vowelBefore(w, i), r)
		switch {
		case r == shadda: // written with its letter
		case isHaraka(r):
			b.WriteString(tableLetter(table, r))
		case isHamza(r), long && !hasVowel(w, i):
		case isAlef(r) && isHaraka(runeAt(w, i+1)):
			// the seat of a written short vowel
		case r == tehMarbuta:
			b.WriteString(marbuta(i == len(w)-1, vowelBefore(w, i)))
		default:
			l := tableLetter(table, r)
			if l == "" {
				l = arabicLetter(w, i, persian)
			}
			b.WriteString(l)
			// Shadda doubles, except where the article already did or a
			// long vowel took the first half (-iyya: IYAH).
			if hasShadda(w, i) && !(assimilated && i == 0) && !long {
				b.WriteString(l)
			}
		}
	}
	return b.String()
}

// marks returns the harakat and shadda that follow the letter at i.
func marks(w []rune, i int) []rune {
	j := i + 1
	for j < len(w) && (isHaraka(w[j]) || w[j] == shadda) {
		j++
	}
	return w[i+1 : j]
}

func hasShadda(w []rune, i int) bool {
	for _, m := range marks(w, i) {
		if m == shadda {
			return true
		}
	}
	return false
}

// hasVowel reports a short vowel on the letter at i: a waw or yeh with its
// own vowel is a consonant.
func hasVowel(w []rune, i int) bool {
	for _, m := range marks(w, i) {
		if m >= 0x64e && m <= 0x650 {
			return true
		}
	}
	return false
}

// vowelBefore is the last haraka before i, looking past shadda.
func vowelBefore(w []rune, i int) rune {
	for j := i - 1; j >= 0; j-- {
		if w[j] != shadda {
			return w[j]
		}
	}
	return 0
}

// arabicArticle writes the article of a word starting with ال and returns
// the rest; assimilated reports a sun letter, whose shadda the article
// already rendered.
func arabicArticle(b *strings.Builder, w []rune, table *[256]string, persian bool) ([]rune, bool) {
	if len(w) <= 3 || w[0] != 'ا' || w[1] != 'ل' {
		return w, false
	}
	rest := w[2:]
	for len(rest) > 0 && isHaraka(rest[0]) {
		rest = rest[1:] // a sukun on the lam
	}
	if len(rest) == 0 || !strings.ContainsRune(sunLetters, rest[0]) {
		b.WriteString("AL ")
		return rest, false
	}
	l := tableLetter(table, rest[0])
	if l == "" {
		l = arabicLetter(rest, 0, persian)
	}
	b.WriteString("A" + l + " ")
	return rest, true
}

// sunLetters assimilate the article's lam (lam itself left out: AL L...).
const sunLetters = "تثدذرزسشصضطظن"

func tableLetter(t *[256]string, r rune) string {
	if r >= 0x600 && r <= 0x6ff {
		return t[r-0x600]
	}
	return ""
}

func runeAt(w []rune, i int) rune {
	if i >= 0 && i < len(w) {
		return w[i]
	}
	return 0
}

// isLongVowel reports a long-vowel letter after its own short vowel, which
// already wrote the vowel.
func isLongVowel(prev, r rune) bool {
	switch prev {
	case 0x64e: // fatha
		return r == 'ا' || r == alefMaksura
	case 0x64f: // damma
		return r == 'و'
	case 0x650: // kasra
		return r == 'ي' || r == 'ی'
	}
	return false
}

func isHamza(r rune) bool { return r == 'ء' || r == 'ئ' || r == 'ؤ' }
func isAlef(r rune) bool  { return r == 'ا' || r == 'أ' || r == 'إ' }

// marbuta renders ة: AH at the end of a word, AT inside a construct; a
// written fatha before it already gave the A.
func marbuta(final bool, prev rune) string {
	s := "AT"
	if final {
		s = "AH"
	}
	if prev == 0x64e {
		return s[1:]
	}
	return s
}

// arabicEnglish gives the usual English spelling: the hand table of the
// commonest name words, then google-ar2en, then the article and the
// compounds with عبد and أبو, and finally letter by letter.
func arabicEnglish(w []rune, persian bool) (string, string) {
	s := string(w)
	if c, ok := commonArabic(s); ok {
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
	var b strings.Builder
	for i := range w {
		b.WriteString(arabicLetter(w, i, persian))
	}
	return b.String(), b.String()
}

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
	case 'و':
		if persian && i == 0 {
			return "V"
		}
		if i == 0 || next == 'ا' || (i > 0 && w[i-1] == 'ا') {
			return "W"
		}
		return "U"
	case 'ي', 'ی':
		if i == 0 || next == 'ا' || next == 'و' {
			return "Y"
		}
		return "I"
	case tehMarbuta:
		if i == len(w)-1 {
			return "A"
		}
		return "AT"
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
