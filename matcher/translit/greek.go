package translit

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// greekForms returns [ELOT 743 / BGN/PCGN 1962, phonetic]. Greek passports
// use ELOT 743 (Χ -> CH, Υ -> Y, ΟΥ -> OU); English-language sources often
// spell by sound (Χ -> H, Η Υ ΟΙ ΕΙ -> I, ΑΙ -> E).
func greekForms(w []rune) []string {
	g := greekBase(w)
	return []string{greekRomanize(g, false), greekRomanize(g, true)}
}

// greekBase lower-cases and strips tonos and dialytika; final sigma becomes σ.
func greekBase(w []rune) []rune {
	out := make([]rune, 0, len(w))
	for _, r := range norm.NFD.String(string(w)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if r == 'ς' {
			r = 'σ'
		}
		out = append(out, r)
	}
	return out
}

func greekRomanize(g []rune, phonetic bool) string {
	var b strings.Builder
	for i := 0; i < len(g); {
		s, n := greekDigraph(g, i, phonetic)
		if n == 0 {
			s, n = greekLetter(g[i], phonetic), 1
		}
		b.WriteString(s)
		i += n
	}
	return b.String()
}

// greekDigraph handles the two-letter groups; n is 0 when none applies.
func greekDigraph(g []rune, i int, phonetic bool) (string, int) {
	if i+1 >= len(g) {
		return "", 0
	}
	a, c := g[i], g[i+1]
	initial := i == 0
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
	case a == 'μ' && c == 'π':
		return pick2(initial, "B", "MB"), 2
	case a == 'ν' && c == 'τ':
		return pick2(initial, "D", "ND"), 2
	case a == 'γ' && c == 'κ':
		return pick2(initial, "G", "NG"), 2
	case a == 'γ' && (c == 'γ' || c == 'ξ' || c == 'χ'):
		return "N" + greekLetter(c, phonetic), 2
	case phonetic && a == 'α' && c == 'ι':
		return "E", 2
	case phonetic && (a == 'ε' || a == 'ο') && c == 'ι':
		return "I", 2
	}
	return "", 0
}

var greekELOT = map[rune]string{
	'α': "A", 'β': "V", 'γ': "G", 'δ': "D", 'ε': "E", 'ζ': "Z", 'η': "I", 'θ': "TH",
	'ι': "I", 'κ': "K", 'λ': "L", 'μ': "M", 'ν': "N", 'ξ': "X", 'ο': "O", 'π': "P",
	'ρ': "R", 'σ': "S", 'τ': "T", 'υ': "Y", 'φ': "F", 'χ': "CH", 'ψ': "PS", 'ω': "O",
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
	if s, ok := greekELOT[r]; ok {
		return s
	}
	return foldRune(r)
}
