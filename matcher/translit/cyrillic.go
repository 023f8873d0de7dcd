package translit

import (
	"strings"
	"unicode"
)

// cyrScheme is one Cyrillic romanisation: a generated letter table, patches
// for the letters where the table is wrong or silent, and two contexts that
// matter for names.
type cyrScheme struct {
	table *[256]string
	patch []cyrPatch // upper-case letter -> Latin, checked first
	// initialY: Ukrainian Є Ї Й Ю Я are YE YI Y YU YA at the start of a word
	// (ICAO Table B notes; Ukrainian national system 2010).
	initialY bool
	// bgnE: BGN/PCGN Е and Ё are YE at the start of a word and after a vowel,
	// Й, Ъ or Ь.
	bgnE bool
	// english: the press's simplification of BGN: final -ИЙ/-ЫЙ is Y
	// (DMITRY, YURY), Ё is YO (FYODOR, SEMYON).
	english bool
}

// cyrPatch overrides one letter; a scheme has at most a handful, so a
// slice scan beats a map lookup.
type cyrPatch struct {
	r rune
	s string
}

// Patches: the interscript ICAO maps omit Ъ (Table B: IE), miss Ћ, give
// Serbian Г as H and Macedonian К as KJ (both transcription slips: Serbian
// Г is G; KJ belongs to Ќ); Ukrainian Г is H per Table B.
var (
	icaoRusS = cyrScheme{table: &icaoRus, patch: []cyrPatch{{'Ъ', "IE"}}}
	bgnRusS  = cyrScheme{table: &bgnRus, bgnE: true}
	engRusS  = cyrScheme{table: &bgnRus, patch: []cyrPatch{{'Ё', "YO"}}, bgnE: true, english: true}
	iso9S    = cyrScheme{table: &iso9}
	icaoUkrS = cyrScheme{table: &icaoUkr, patch: []cyrPatch{{'Г', "H"}, {'Ъ', ""}}, initialY: true}
	icaoBelS = cyrScheme{table: &icaoBel, patch: []cyrPatch{{'Ъ', ""}}}
	// Serbian Latin (Gajica) folded as Serbian passports fold it: Đ -> DJ.
	gajS     = cyrScheme{table: &icaoSrp, patch: []cyrPatch{{'Г', "G"}, {'Ђ', "DJ"}, {'Ћ', "C"}}}
	icaoSrpS = cyrScheme{table: &icaoSrp, patch: []cyrPatch{{'Г', "G"}, {'Ћ', "C"}}}
	// English-language press and Russian-mediated lists: Djokovic, Karadzhich.
	srpEngS  = cyrScheme{table: &icaoRus, patch: []cyrPatch{{'Ђ', "DJ"}, {'Ћ', "CH"}, {'Џ', "DZH"}}}
	icaoMkdS = cyrScheme{table: &icaoMkd, patch: []cyrPatch{{'К', "K"}, {'Ќ', "KJ"}}}
	mkdNatS  = cyrScheme{table: &icaoMkd, patch: []cyrPatch{{'К', "K"}, {'Ќ', "KJ"}, {'Џ', "DZH"}}}
	icaoBulS = cyrScheme{table: &icaoBul, patch: []cyrPatch{{'Ъ', "IE"}}}
	// National Latin alphabets of Central Asia, folded: Uzbek 1995 (Ўзбек
	// OZBEK, Қ Q, Ғ G, Х X, Ж J), Kazakh 2021 (Ә A, Ң NG, Ұ Ү U, Қ Q),
	// Tajik (Ҷ J, Ғ GH, Ӣ I, Ӯ U). Their Russian-based forms follow them.
	uzbLatS = cyrScheme{table: &icaoRus, bgnE: true, patch: []cyrPatch{{'Ў', "O"}, {'Қ', "Q"}, {'Ғ', "G"},
		{'Ҳ', "H"}, {'Х', "X"}, {'Ж', "J"}, {'Ё', "YO"}, {'Ю', "YU"}, {'Я', "YA"}, {'Й', "Y"}, {'Ъ', ""}}}
	kazLatS = cyrScheme{table: &icaoRus, patch: []cyrPatch{{'Ә', "A"}, {'Ғ', "G"}, {'Қ', "Q"}, {'Ң', "NG"},
		{'Ө', "O"}, {'Ұ', "U"}, {'Ү', "U"}, {'Һ', "H"}, {'І', "I"}, {'Ж', "J"}, {'Х', "H"}, {'Ъ', ""}}}
	tgkLatS = cyrScheme{table: &icaoRus, bgnE: true, patch: []cyrPatch{{'Ғ', "GH"}, {'Ӣ', "I"}, {'Қ', "Q"},
		{'Ӯ', "U"}, {'Ҳ', "H"}, {'Ҷ', "J"}, {'Ё', "YO"}, {'Ю', "YU"}, {'Я', "YA"}, {'Й', "Y"}, {'Ъ', ""}}}
	// Bulgarian Streamlined System (2009 law), used in Bulgarian passports.
	bulNatS = cyrScheme{table: &icaoBul, patch: []cyrPatch{{'Ъ', "A"}, {'Ь', "Y"}, {'Й', "Y"}, {'Х', "H"}, {'Ю', "YU"}, {'Я', "YA"}}}
)

// cyrSchemes lists the schemes per language, primary first. An undetected
// language ("") is treated as Russian with Ukrainian and Bulgarian as the
// alternatives: most Ukrainian and Bulgarian names carry no telling letter.
var cyrSchemes = map[string][]cyrScheme{
	"rus": {icaoRusS, engRusS, bgnRusS, iso9S},
	"":    {icaoRusS, engRusS, bgnRusS, iso9S, icaoUkrS, bulNatS},
	"ukr": {icaoUkrS, icaoRusS, bgnRusS, iso9S},
	"bel": {icaoBelS, icaoRusS, bgnRusS, iso9S},
	"srp": {gajS, icaoSrpS, srpEngS},
	"mkd": {icaoMkdS, mkdNatS, icaoRusS},
	"bul": {bulNatS, icaoBulS, icaoRusS, bgnRusS},
	"uzb": {uzbLatS, icaoRusS, engRusS, iso9S},
	"kaz": {kazLatS, icaoRusS, engRusS, iso9S},
	"tgk": {tgkLatS, icaoRusS, engRusS, iso9S},
}

func cyrillicForms(w []rune, lang string) []string {
	schemes := cyrSchemes[lang]
	out := make([]string, len(schemes))
	for i, s := range schemes {
		out[i] = s.apply(w)
	}
	return out
}

func (s cyrScheme) apply(w []rune) string {
	tail := ""
	if n := len(w); s.english && n > 3 && unicode.ToUpper(w[n-1]) == 'Й' {
		if p := unicode.ToUpper(w[n-2]); p == 'И' || p == 'Ы' {
			w, tail = w[:n-2], "Y"
		}
	}
	var b strings.Builder
	b.Grow(len(w) + len(w)/2)
	prev := ' '
	for i, r := range w {
		u := cyrUpper(r)
		b.WriteString(s.letter(u, i, prev))
		prev = u
	}
	b.WriteString(tail)
	return b.String()
}

func (s cyrScheme) letter(u rune, i int, prev rune) string {
	if u < 0x400 || u > 0x4ff {
		return foldRune(u)
	}
	if s.initialY && i == 0 {
		if y, ok := ukrInitial[u]; ok {
			return y
		}
	}
	if s.initialY && u == 'Г' && prev == 'З' {
		return "GH" // зг -> zgh keeps it apart from ж -> zh
	}
	for _, p := range s.patch {
		if p.r == u {
			return p.s
		}
	}
	if s.bgnE && (u == 'Е' || u == 'Ё') && (i == 0 || strings.ContainsRune("АЕЁИОУЫЭЮЯЙЪЬ", prev)) {
		return "YE"
	}
	for _, t := range [...]*[256]string{s.table, &icaoRus, &icaoUkr, &iso9} {
		if v := t[u-0x400]; v != "" {
			return v // later tables: letters of other Cyrillic languages
		}
	}
	return ""
}

// cyrUpper is unicode.ToUpper with the basic Cyrillic blocks done inline:
// it runs for every letter of every scheme.
func cyrUpper(r rune) rune {
	switch {
	case r >= 0x430 && r <= 0x44f:
		return r - 0x20
	case r >= 0x450 && r <= 0x45f:
		return r - 0x50
	case r >= 0x400 && r <= 0x42f:
		return r
	}
	return unicode.ToUpper(r)
}

// cyrLower is the lower-case counterpart of cyrUpper.
func cyrLower(r rune) rune {
	switch {
	case r >= 0x410 && r <= 0x42f:
		return r + 0x20
	case r >= 0x400 && r <= 0x40f:
		return r + 0x50
	case r >= 0x430 && r <= 0x45f:
		return r
	}
	return unicode.ToLower(r)
}

var ukrInitial = map[rune]string{'Є': "YE", 'Ї': "YI", 'Й': "Y", 'Ю': "YU", 'Я': "YA"}

// cyrSeen records which letters of the Cyrillic block a name uses.
type cyrSeen [256]bool

func (s *cyrSeen) has(letters string) bool {
	for _, r := range letters {
		if s[r-0x400] {
			return true
		}
	}
	return false
}

// cyrillicLetters lists the lower-case Cyrillic letters of name and reports
// a Bulgarian ъ: a vowel before consonants, where Russian ъ only precedes
// е ё ю я.
func cyrillicLetters(name string) (seen cyrSeen, bulHard bool) {
	prev := rune(0)
	for _, r := range name {
		u := cyrLower(r)
		if u >= 0x400 && u <= 0x4ff {
			seen[u-0x400] = true
		}
		if prev == 'ъ' && u >= 0x430 && u <= 0x44f && !strings.ContainsRune("еёюя", u) {
			bulHard = true
		}
		prev = u
	}
	return seen, bulHard
}

// cyrillicLanguage guesses the language of a Cyrillic name from letters only
// some alphabets have. It returns "" when nothing decides.
func cyrillicLanguage(name string) string {
	seen, bulHard := cyrillicLetters(name)
	has := seen.has
	switch {
	case has("ҷӣӯ"):
		return "tgk"
	case has("әңөұүһ"), has("қғ") && has("і"):
		return "kaz"
	case has("қғҳ"), has("ў") && has("и"): // Belarusian writes і, never и
		return "uzb"
	case has("ў"), has("і") && has("ыэё"):
		return "bel"
	case has("іїєґ"):
		return "ukr"
	case has("ѓќѕ"):
		return "mkd"
	case has("ђћџљњј"):
		return "srp"
	case bulHard:
		return "bul"
	case has("ыэё"):
		return "rus"
	}
	return ""
}
