package translit

import "strings"

// kanaBase is Hepburn for the hiragana block from U+3041; katakana maps onto
// it at an offset of 0x60.
var kanaBase = [...]string{
	"A", "A", "I", "I", "U", "U", "E", "E", "O", "O", // ぁあぃいぅうぇえぉお
	"KA", "GA", "KI", "GI", "KU", "GU", "KE", "GE", "KO", "GO",
	"SA", "ZA", "SHI", "JI", "SU", "ZU", "SE", "ZE", "SO", "ZO",
	"TA", "DA", "CHI", "JI", "", "TSU", "ZU", "TE", "DE", "TO", "DO", // っ is ""
	"NA", "NI", "NU", "NE", "NO",
	"HA", "BA", "PA", "HI", "BI", "PI", "FU", "BU", "PU", "HE", "BE", "PE", "HO", "BO", "PO",
	"MA", "MI", "MU", "ME", "MO",
	"YA", "YA", "YU", "YU", "YO", "YO",
	"RA", "RI", "RU", "RE", "RO",
	"WA", "WA", "I", "E", "O", "N", "VU", "KA", "KE",
}

const (
	smallTsu = 0x3063
	longMark = 0x30fc
)

// kanaForms returns [passport Hepburn, word-processor Hepburn, passport
// with OH]. Japanese passports drop long vowels (さとう SATO, おおの ONO) and
// write N as M before B, M, P (なんば NAMBA); on request they write a long O
// as OH (OHNO). The word-processor form keeps every kana (SATOU, NANBA).
func kanaForms(w []rune) []string {
	full := kanaRomanize(w, true)
	return []string{passportHepburn(kanaRomanize(w, false)), full, passportOH.Replace(full)}
}

// kanaRomanize spells kana by Hepburn; keepLong writes the long-vowel mark
// as a repeated vowel, else it is dropped.
func kanaRomanize(w []rune, keepLong bool) string {
	var out []string
	gem := false
	for _, r := range w {
		h := toHiragana(r)
		switch {
		case h == smallTsu:
			gem = true
		case r == longMark:
			if n := len(out); n > 0 && keepLong && out[n-1] != "" {
				s := out[n-1]
				out = append(out, s[len(s)-1:])
			}
		case isSmallY(h) && len(out) > 0:
			out[len(out)-1] = yoon(out[len(out)-1], kanaOf(h))
		case isSmallVowel(h) && len(out) > 0:
			out[len(out)-1] = extendedKana(out[len(out)-1], kanaOf(h))
		default:
			s := kanaOf(h)
			if gem && s != "" {
				s = geminate(s)
			}
			gem = false
			out = append(out, s)
		}
	}
	return strings.Join(out, "")
}

func toHiragana(r rune) rune {
	if r >= 0x30a1 && r <= 0x30f6 {
		return r - 0x60
	}
	return r
}

func kanaOf(h rune) string {
	if h >= 0x3041 && int(h-0x3041) < len(kanaBase) {
		return kanaBase[h-0x3041]
	}
	return foldRune(h)
}

func isSmallY(h rune) bool     { return h == 0x3083 || h == 0x3085 || h == 0x3087 }
func isSmallVowel(h rune) bool { return h >= 0x3041 && h <= 0x3049 && h%2 == 1 }

// yoon merges a kana ending in I with small ya/yu/yo: KI+YA KYA, SHI+YA SHA.
func yoon(prev, small string) string {
	if !strings.HasSuffix(prev, "I") {
		return prev + small
	}
	base := prev[:len(prev)-1]
	if strings.HasSuffix(base, "SH") || strings.HasSuffix(base, "CH") || strings.HasSuffix(base, "J") {
		return base + small[1:]
	}
	return base + small
}

// extendedKana handles katakana for foreign sounds: the small vowel replaces
// the vowel of the kana before it (ティ TI, ファ FA, ジェ JE, ウィ WI).
func extendedKana(prev, small string) string {
	base := strings.TrimRight(prev, "AIUEO")
	if base == "" {
		base = "W"
	}
	return base + small
}

func geminate(s string) string {
	if strings.HasPrefix(s, "CH") {
		return "T" + s
	}
	if strings.IndexByte("AIUEON", s[0]) >= 0 {
		return s
	}
	return s[:1] + s
}

var passportLong = strings.NewReplacer("OU", "O", "OO", "O", "UU", "U", "NB", "MB", "NM", "MM", "NP", "MP")

var passportOH = strings.NewReplacer("OU", "OH", "OO", "OH", "UU", "U", "NB", "MB", "NM", "MM", "NP", "MP")

func passportHepburn(s string) string { return passportLong.Replace(s) }
