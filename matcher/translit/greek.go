package translit

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// greekMode selects a Greek system; they differ in a few letter groups.
type greekMode int

const (
	// elot is ELOT 743 as in Greek passports: letter for letter,
	// ΜΠ -> MP, ΝΤ -> NT, ΓΚ -> GK (MPAKOGIANNIS).
	elot greekMode = iota
	// bgn is BGN/PCGN 1962: ΜΠ, ΝΤ, ΓΚ are B, D, G initially and MB, ND,
	// NG inside a word (BAKOGIANNIS, EVANGELOS).
	bgn
	// phonetic is how English-language sources spell by sound: B, D, G
	// everywhere, Χ -> H, Η Υ ΟΙ ΕΙ -> I, ΑΙ -> E.
	phonetic
)

// greekForms returns [BGN/PCGN 1962, ELOT 743, phonetic]; all write ΟΥ as
// OU, Χ (but phonetic) as CH, Η as I.
func greekForms(w []rune) []string {
	g := greekBase(w)
	return []string{greekRomanize(g, bgn), greekRomanize(g, elot), greekRomanize(g, phonetic)}
}

// greekBase lower-cases and strips tonos and dialytika; final sigma becomes σ.
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
	for _, c := range norm.NFD.String(string(r)) {
		return unicode.ToLower(c)
	}
	return 0
}

func greekRomanize(g []rune, mode greekMode) string {
	var b strings.Builder
	for i := 0; i < len(g); {
		s, n := greekDigraph(g, i, mode)
		if n == 0 {
			s, n = greekLetter(g[i], mode == phonetic), 1
		}
		b.WriteString(s)
		i += n
	}
	return b.String()
}

// greekDigraph handles the two-letter groups; n is 0 when none applies.
func greekDigraph(g []rune, i int, mode greekMode) (string, int) {
	if i+1 >= len(g) {
		return "", 0
	}
	a, c := g[i], g[i+1]
	phonetic := mode == phonetic
	switch {
	case a == 'ο' && c == 'υ':
		return "OU", 2
	case (a == 'α' || a == 'ε' || a == 'η') && c == 'υ':
		// υ is F before voiceless consonants and at the end, else V.
		v := "V"
		if i+2 >= len(g) || strings.ContainsRune("θκξπσςτφχψ", g[i+2]) {
			v = "F"
		}
		return greekLetter(a, false) + v, 2
	case mode != elot && (a == 'μ' && c == 'π' || a == 'ν' && c == 'τ' || a == 'γ' && c == 'κ'):
		voiced := greekVoiced(c)
		if i == 0 || phonetic {
			return voiced, 2
		}
		return greekNasal(a) + voiced, 2
	case a == 'γ' && (c == 'γ' || c == 'ξ' || c == 'χ'):
		return "N" + greekLetter(c, phonetic), 2
	case phonetic && a == 'α' && c == 'ι':
		return "E", 2
	case phonetic && (a == 'ε' || a == 'ο') && c == 'ι':
		return "I", 2
	}
	return "", 0
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

// greekELOT holds α..ω (ς included, at its code point) for ELOT 743 and
// BGN/PCGN alike.
var greekELOT = [...]string{
	"A", "V", "G", "D", "E", "Z", "I", "TH", "I", "K", "L", "M", "N", "X", "O", "P",
	"R", "S", "S", "T", "Y", "F", "CH", "PS", "O",
}

func greekLetter(r rune, phonetic bool) string {
	if phonetic {
		switch r {
		case 'χ':
			return "H"
		case 'υ':
			return "I"
		case 'ξ':
			return "KS"
		}
	}
	if r >= 'α' && r <= 'ω' {
		return greekELOT[r-'α']
	}
	return foldRune(r)
}
