// Package translit turns names written in any script into the Latin forms
// that border documents and watchlists use, and derives the keys that let
// fuzzy matching see through spelling variation.
//
// A name never has one correct romanisation: a Russian passport shows
// ICAO 9303 (MUKHAMMED), a UN list shows BGN/PCGN or English usage
// (MUKHAMMED, MUHAMMED, MUHAMMAD), and the MRZ of an Arabic passport shows
// the ICAO reversible form (MXHMD). Romanize therefore returns several forms,
// one per transliteration scheme, applied consistently across the words of a
// name so that the count stays small. Skeleton and Cluster give coarser keys
// for scripts that do not write short vowels and for known name variants.
//
// The package is pure: the lookup tables are generated from the project's
// shared material by ./gen (see README.md) and compiled in read-only.
package translit

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxForms bounds Romanize's output: every form becomes index keys for every
// list name, so more forms cost memory and candidates on every check.
const maxForms = 8

// Romanize returns the Latin forms of name, primary form first. Each form
// holds only A-Z, 0-9 and single spaces. Hyphens and other punctuation
// separate words; apostrophes are dropped (O'CONNOR -> OCONNOR, as in the
// MRZ). A Latin name is its own primary form; one written with ICAO's
// reversible Arabic escapes (JMAL EBD ALNAXSSR) also gets its unescaped form
// (JMAL EBD ALNASR). Han is read as Mandarin pinyin unless the name also
// holds kana (Japanese). Words in scripts without a transliteration here
// are left out, so a name written only in them yields nil.
func Romanize(name string) []string {
	if isPlainASCII(name) {
		return romanizeASCII(name)
	}
	if needsNFC(name) {
		name = norm.NFC.String(name)
	}
	ctx := newContext(name)
	var per [][]string
	words := splitWords(name)
	for i := 0; i < len(words); i++ {
		ctx.first = i == 0
		if theophoric(words, i) {
			per = append(per, theophoricForms(words[i], words[i+1], ctx.persian))
			i++
			continue
		}
		if alts := romanizeWord(words[i], ctx); len(alts) > 0 {
			per = append(per, alts)
		}
	}
	return combine(per)
}

// romanizeASCII cleans a Latin name; an ICAO Arabic MRZ (MXHMD) also gets
// its unescaped form (MHMD), an XX-option one (MUXXLLER) MUELLER and MULLER.
func romanizeASCII(name string) []string {
	f := cleanForm(name)
	if f == "" {
		return nil
	}
	out := []string{f}
	if u, ok := mrzArabic(f); ok && u != "" && u != f {
		out = append(out, u)
	}
	for _, u := range mrzLatin(f) {
		if u != "" && !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	return out
}

// romanizeWord returns one word's forms in scheme order; the position of a
// form is its scheme, so forms of different words can be joined by position.
func romanizeWord(w []rune, ctx context) []string {
	switch dominant(w) {
	case "Cyrl":
		return cyrillicForms(w, ctx.cyrLang)
	case "Arab":
		return arabicForms(w, ctx.persian)
	case "Hebr":
		return hebrewForms(w)
	case "Grek":
		return greekForms(w)
	case "Armn":
		return armenianForms(w)
	case "Geor":
		return georgianForms(w)
	case "Hang":
		return hangulForms(w, ctx.first)
	case "Hira", "Kana":
		return kanaForms(w)
	case "Latn", "Zyyy":
		return latinForms(w)
	case "Hani":
		if !ctx.japanese {
			return hanForms(w, ctx.first)
		}
	}
	// Japanese kanji and the scripts without a table here: only rigour's
	// cross-script name parts help (普京 -> PUTIN).
	if k, ok := lookup(crossScriptWords, strings.ToLower(string(w))); ok {
		return []string{k}
	}
	return nil
}

// combine joins the words' forms scheme by scheme: form k uses every word's
// k-th form, or its primary form when the word has fewer. This keeps one
// scheme per name (as an issuing state would) instead of mixing schemes
// combinatorially.
func combine(per [][]string) []string {
	n := 0
	for _, alts := range per {
		n = max(n, len(alts))
	}
	out := make([]string, 0, min(n, maxForms))
	var b strings.Builder
	for k := 0; k < n && len(out) < maxForms; k++ {
		b.Reset()
		b.Grow(formLen(per, k))
		for _, alts := range per {
			part := alts[0]
			if k < len(alts) {
				part = alts[k]
			}
			if part != "" && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(part)
		}
		f := b.String()
		if !isClean(f) {
			f = cleanForm(f)
		}
		if f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// formLen is the length of form k before cleaning, to size its buffer.
func formLen(per [][]string, k int) int {
	n := len(per)
	for _, alts := range per {
		n += len(alts[min(k, len(alts)-1)])
	}
	return n
}

// isClean reports whether s is already a valid form: A-Z and 0-9 words
// separated by single spaces.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
		case c == ' ' && i > 0 && i < len(s)-1 && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// splitWords cuts a name at anything that is not part of a word. Marks stay
// with their letter (Arabic harakat, Hebrew points); apostrophes, tatweel and
// the Persian zero-width non-joiner are dropped inside the word, except an
// apostrophe after a Hebrew letter, which is the geresh typed on a Latin
// keyboard (ג'ון is ג׳ון, JOHN). The words share one backing array.
func splitWords(s string) [][]rune {
	rs := make([]rune, 0, len(s))
	words := make([][]rune, 0, 4)
	start := 0
	for _, r := range s {
		switch {
		case isApostrophe(r) && len(rs) > start && isHebrewLetter(rs[len(rs)-1]):
			rs = append(rs, geresh) // ג'ק: keyboards type the geresh as an apostrophe
		case isApostrophe(r) || r == 0x200c || r == 0x200d || r == 0x640:
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == 0x5f3 || r == 0x5f4:
			rs = append(rs, r)
		default:
			if len(rs) > start {
				words = append(words, rs[start:len(rs):len(rs)])
			}
			start = len(rs)
		}
	}
	if len(rs) > start {
		words = append(words, rs[start:len(rs):len(rs)])
	}
	return words
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', 0xb4, 0x2018, 0x2019, 0x201b, 0x2032, 0x2bb, 0x2bc, 0x2be, 0x2bf, 0x2b9, 0x2ba:
		return true
	}
	return false
}

// cleanForm upper-cases ASCII, turns everything but A-Z and 0-9 into word
// breaks (except apostrophes, which vanish) and collapses spaces.
func cleanForm(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
			fallthrough
		case c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
		case c == '\'' || c == '`':
		default:
			space = true
		}
	}
	return b.String()
}

// needsNFC reports combining marks or conjoining jamo, the only input NFC
// can change here (a decomposed Й, Ü or 한). The check is cheaper than NFC's
// own quick check, and most names have neither.
func needsNFC(s string) bool {
	for _, r := range s {
		if r >= 0x300 && (unicode.IsMark(r) || r >= 0x1100 && r <= 0x11ff) {
			return true
		}
	}
	return false
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// wordPair is one row of a generated word table.
type wordPair struct{ k, v string }

// lookup binary-searches a generated word table.
func lookup(t []wordPair, k string) (string, bool) {
	i, ok := slices.BinarySearchFunc(t, k, func(p wordPair, k string) int { return strings.Compare(p.k, k) })
	if !ok {
		return "", false
	}
	return t[i].v, true
}

// nameWord is a common name word of a script that leaves vowels unwritten,
// with its usual Latin spelling and the next most usual one. The hand
// tables of them are sorted by word.
type nameWord struct{ word, usual, alt string }

func findName(t []nameWord, w string) (nameWord, bool) {
	i, ok := slices.BinarySearchFunc(t, w, func(n nameWord, w string) int { return strings.Compare(n.word, w) })
	if !ok {
		return nameWord{}, false
	}
	return t[i], true
}
