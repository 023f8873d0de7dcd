package translit

import "strings"

// The UN and BGN/PCGN Arabic forms: generated letter tables plus the few
// contexts both systems define (article, long vowels, shadda, teh marbuta).

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
			b.WriteString(marbuta(isFinal(w, i), vowelBefore(w, i)))
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

// isFinal reports that only marks follow the letter at i (ةٌ is final).
func isFinal(w []rune, i int) bool {
	return i+1+len(marks(w, i)) == len(w)
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
