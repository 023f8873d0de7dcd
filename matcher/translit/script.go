package translit

import "unicode"

// scriptTable pairs ISO 15924 codes with Unicode script tables. The order
// breaks ties in Script and puts the common scripts first, where the scan
// finds them soonest.
var scriptTable = []struct {
	code  string
	table *unicode.RangeTable
}{
	{"Latn", unicode.Latin},
	{"Cyrl", unicode.Cyrillic},
	{"Arab", unicode.Arabic},
	{"Hani", unicode.Han},
	{"Hang", unicode.Hangul},
	{"Hira", unicode.Hiragana},
	{"Kana", unicode.Katakana},
	{"Grek", unicode.Greek},
	{"Hebr", unicode.Hebrew},
	{"Armn", unicode.Armenian},
	{"Geor", unicode.Georgian},
	{"Thai", unicode.Thai},
	{"Deva", unicode.Devanagari},
	{"Beng", unicode.Bengali},
	{"Guru", unicode.Gurmukhi},
	{"Gujr", unicode.Gujarati},
	{"Taml", unicode.Tamil},
	{"Telu", unicode.Telugu},
	{"Knda", unicode.Kannada},
	{"Mlym", unicode.Malayalam},
	{"Sinh", unicode.Sinhala},
	{"Mymr", unicode.Myanmar},
	{"Khmr", unicode.Khmer},
	{"Laoo", unicode.Lao},
	{"Tibt", unicode.Tibetan},
	{"Ethi", unicode.Ethiopic},
	{"Mong", unicode.Mongolian},
	{"Syrc", unicode.Syriac},
	{"Thaa", unicode.Thaana},
}

// Script returns the ISO 15924 code of the script most of the letters of s
// are written in: "Latn", "Cyrl", "Arab", "Hani", "Hang", "Hira", "Kana",
// "Grek", "Hebr", "Armn", "Geor", ... It returns "Zyyy" (common) when s has no
// letters and "Zzzz" when its letters are in a script not listed here.
func Script(s string) string {
	var counts [32]int
	letters := 0
	for _, r := range s {
		if r < 0x80 {
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				counts[0]++
				letters++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if i := scriptIndex(r); i >= 0 {
			counts[i]++
		}
	}
	return pick(counts[:], letters)
}

// dominant is Script for one word of runes, without the allocation-free
// fast path's string decoding.
func dominant(w []rune) string {
	var counts [32]int
	letters := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if i := scriptIndex(r); i >= 0 {
			counts[i]++
		}
	}
	return pick(counts[:], letters)
}

func pick(counts []int, letters int) string {
	if letters == 0 {
		return "Zyyy"
	}
	best := -1
	for i := range scriptTable {
		if counts[i] > 0 && (best < 0 || counts[i] > counts[best]) {
			best = i
		}
	}
	if best < 0 {
		return "Zzzz"
	}
	return scriptTable[best].code
}

func scriptIndex(r rune) int {
	switch {
	case r < 0x250:
		return 0 // Latin and Latin-1 letters, the common case
	case r >= 0x400 && r < 0x530:
		return 1
	case r >= 0x600 && r < 0x700:
		return 2
	case r >= 0xac00 && r <= 0xd7a3:
		return 4
	}
	for i, s := range scriptTable {
		if unicode.Is(s.table, r) {
			return i
		}
	}
	return -1
}

// context holds what Romanize learns from the whole name before it
// transliterates word by word: the language of a Cyrillic name shows in a few
// letters that need not occur in every word.
type context struct {
	cyrLang string // rus, ukr, bel, srp, mkd, bul
	persian bool
	first   bool // the word is the name's first: a Korean surname goes first
	// japanese: the name holds kana, so its Han words are kanji, which
	// have no Mandarin reading worth giving.
	japanese bool
}

func newContext(name string) context {
	return context{cyrLang: cyrillicLanguage(name), persian: isPersian(name), japanese: hasKana(name)}
}

func hasKana(name string) bool {
	for _, r := range name {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}
