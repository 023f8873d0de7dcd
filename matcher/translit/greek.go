package translit

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// greekMode selects a Greek system; they differ in a few letter groups.
type greekMode int

const (
	// voiced is ELOT 743 as the UN and the press use it: ΜΠ, ΝΤ, ΓΚ are B,
	// D, G initially and MB, ND, NG inside a word (BAKOGIANNIS, EVANGELOS).
	voiced greekMode = iota
	// elot is ELOT 743 as printed in Greek passports: letter for letter,
	// ΜΠ -> MP, ΝΤ -> NT, ΓΚ -> GK (MPAKOGIANNIS).
	elot
	// bgn is BGN/PCGN as the interscript map has it: Δ -> DH, Χ -> KH,
	// Γ -> Y before front vowels, Υ and ΕΙ -> I, ΑΥ ΕΥ -> AV EV always.
	bgn
	// phonetic is how English-language sources spell by sound: B, D, G
	// everywhere, Χ -> H, Η Υ ΟΙ ΕΙ -> I, ΑΙ -> E, Ξ -> KS.
	phonetic
)

// Dialytika marks a hiatus (αϊ is A-I, not AI), so those letters are kept
// apart from plain ι and υ.
const (
	iotaDia    = 'ϊ'
	upsilonDia = 'ϋ'
)

// greekForms returns [UN/ELOT voiced, ELOT passport, BGN/PCGN, phonetic].
func greekForms(w []rune) []string {
	g := greekBase(w)
	return []string{greekRomanize(g, voiced), greekRomanize(g, elot), greekRomanize(g, bgn), greekRomanize(g, phonetic)}
}

// greekBase lower-cases and strips accents, keeping dialytika as ϊ and ϋ;
// final sigma becomes σ.
func greekBase(w []rune) []rune {
	out := make([]rune, 0, len(w))
	for _, r := range w {
		if r >= 'Α' && r <= 'Ω' {
			r += 'α' - 'Α'
		} else if r < 'α' || r > 'ω' {
			r = greekStrip(r)
		}
		if r == 'ς' {
			r = 'σ'
		}
		if r != 0 {
			out = append(out, r)
		}
	}
	return out
}

// greekStrip handles the letters outside the plain α-ω and Α-Ω runs:
// accented ones decompose to a base letter and marks; lone marks vanish.
func greekStrip(r rune) rune {
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	base, dia := rune(0), false
	for _, c := range norm.NFD.String(string(r)) {
		if base == 0 {
			base = unicode.ToLower(c)
		}
		dia = dia || c == 0x308
	}
	switch {
	case dia && base == 'ι':
		return iotaDia
	case dia && base == 'υ':
		return upsilonDia
	}
	return base
}

func greekRomanize(g []rune, mode greekMode) string {
	var b strings.Builder
	for i := 0; i < len(g); {
		s, n := greekGroup(g, i, mode)
		if n == 0 {
			s, n = greekLetter(g[i], mode), 1
		}
		b.WriteString(s)
		i += n
	}
	return b.String()
}

// greekGroup handles letters whose reading depends on the next letter;
// n is 0 when none applies.
func greekGroup(g []rune, i int, mode greekMode) (string, int) {
	a, c, d := g[i], greekAt(g, i+1), greekAt(g, i+2)
	switch {
	case a == 'ο' && c == 'υ':
		return "OU", 2
	case (a == 'α' || a == 'ε' || a == 'η') && c == 'υ':
		return greekLetter(a, mode) + greekUpsilonAfterVowel(d, mode), 2
	case mode == bgn && a == 'υ' && c == 'ι':
		return "I", 2
	case a == 'ε' && c == 'ι' && (mode == bgn || mode == phonetic),
		a == 'ο' && c == 'ι' && mode == phonetic:
		return "I", 2
	case a == 'α' && c == 'ι' && mode == phonetic:
		return "E", 2
	case a == 'ν' && c == 'τ' && d == 'ζ' && mode == bgn:
		return "NTZ", 3
	case a == 'ν' && c == 'δ' && d == 'ρ' && mode == bgn:
		return "ND", 2
	case mode != elot && (a == 'μ' && c == 'π' || a == 'ν' && c == 'τ' || a == 'γ' && c == 'κ'):
		if i == 0 || mode == phonetic {
			return greekVoiced(c), 2
		}
		return greekNasal(a) + greekVoiced(c), 2
	case a == 'γ' && (c == 'γ' || c == 'ξ' || c == 'χ'):
		return "N" + greekLetter(c, mode), 2
	case a == 'γ' && mode == bgn && strings.ContainsRune("εηιυϊϋ", c):
		return "Y", 1
	}
	return "", 0
}

func greekAt(g []rune, i int) rune {
	if i < len(g) {
		return g[i]
	}
	return 0
}

// greekUpsilonAfterVowel reads υ in αυ, ευ, ηυ: F before voiceless
// consonants and at the end, else V; BGN/PCGN writes V throughout.
func greekUpsilonAfterVowel(next rune, mode greekMode) string {
	if mode != bgn && (next == 0 || strings.ContainsRune("θκξπστφχψ", next)) {
		return "F"
	}
	return "V"
}

// greekVoiced is the sound of μπ, ντ, γκ: B, D, G.
func greekVoiced(c rune) string {
	switch c {
	case 'π':
		return "B"
	case 'τ':
		return "D"
	}
	return "G"
}

// greekNasal is the first letter's sound inside a word: MB, ND, NG.
func greekNasal(a rune) string {
	if a == 'μ' {
		return "M"
	}
	return "N"
}

// greekELOT holds α..ω (ς included, at its code point) for ELOT 743.
var greekELOT = [...]string{
	"A", "V", "G", "D", "E", "Z", "I", "TH", "I", "K", "L", "M", "N", "X", "O", "P",
	"R", "S", "S", "T", "Y", "F", "CH", "PS", "O",
}

func greekLetter(r rune, mode greekMode) string {
	switch {
	case r == iotaDia:
		return "I"
	case r == upsilonDia || r == 'υ':
		return pick2(mode == bgn || mode == phonetic, "I", "Y")
	case r == 'δ' && mode == bgn:
		return "DH"
	case r == 'χ' && mode == bgn:
		return "KH"
	case r == 'χ' && mode == phonetic:
		return "H"
	case r == 'ξ' && mode == phonetic:
		return "KS"
	case r >= 'α' && r <= 'ω':
		return greekELOT[r-'α']
	}
	return foldRune(r)
}
