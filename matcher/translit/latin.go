package translit

import (
	"cmp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// latinOption holds the ICAO 9303 Part 3 Table A renderings of a letter:
// the expanded option (Ä -> AE), the plain one (Ä -> A) and the MRZ "XX"
// option some states use (Ü -> UXX, Ñ -> NXX). A list name written Müller
// must meet an MRZ written any of the three ways. english is how English
// sources and the romanisations of Cyrillic write the sound (Š -> SH: the
// Serbian ŠEŠELJ is the listed SHESHEL from Шешељ), when not one of those.
type latinOption struct{ icao, plain, mrz, english string }

// latinOptions covers the letters whose renderings differ between options,
// plus letters that canonical decomposition cannot reduce (Ø, Ł, ß, Þ...).
// Ø -> OE is fixed in Table A, but O is what most non-MRZ sources write.
var latinOptions = map[rune]latinOption{
	'Ä': {"AE", "A", "AE", ""}, 'Å': {"AA", "A", "AA", ""}, 'Ö': {"OE", "O", "OE", ""},
	'Ü': {"UE", "U", "UXX", ""}, 'Ñ': {"N", "N", "NXX", ""}, 'Ø': {"OE", "O", "OE", ""},
	'Æ': {"AE", "AE", "AE", ""}, 'Œ': {"OE", "OE", "OE", ""}, 'ẞ': {"SS", "SS", "SS", ""},
	'ß': {"SS", "SS", "SS", ""}, 'Þ': {"TH", "TH", "TH", ""}, 'Ð': {"D", "D", "D", ""},
	'Đ': {"D", "D", "D", ""}, 'Ł': {"L", "L", "L", ""}, 'ı': {"I", "I", "I", ""},
	'Ħ': {"H", "H", "H", ""}, 'Ŧ': {"T", "T", "T", ""}, 'Ŋ': {"N", "N", "N", ""},
	'Ĳ': {"IJ", "IJ", "IJ", ""}, 'Ŀ': {"L", "L", "L", ""}, 'Ə': {"E", "E", "E", ""},
	// Table A reduces these to the bare letter; English writes the sound.
	'Š': {"S", "S", "S", "SH"}, 'Ş': {"S", "S", "S", "SH"}, 'Ș': {"S", "S", "S", "SH"},
	'Č': {"C", "C", "C", "CH"}, 'Ć': {"C", "C", "C", "CH"}, 'Ç': {"C", "C", "C", "CH"},
	'Ž': {"Z", "Z", "Z", "ZH"},
}

// latinForms returns [ICAO, plain, MRZ-XX] for a word with option letters
// and then [English] when a letter has one, else the single folded form.
func latinForms(w []rune) []string {
	icao := make([]byte, 0, len(w)+4)
	plain := make([]byte, 0, len(w)+4)
	mrz := make([]byte, 0, len(w)+4)
	var english []byte
	differs := false
	for _, r := range w {
		if o, ok := optionOf(r); ok {
			if o.english != "" && english == nil {
				english = append(make([]byte, 0, len(w)+4), icao...)
			}
			icao, plain, mrz = append(icao, o.icao...), append(plain, o.plain...), append(mrz, o.mrz...)
			differs = differs || o.icao != o.plain || o.icao != o.mrz
			if english != nil {
				english = append(english, cmp.Or(o.english, o.icao)...)
			}
			continue
		}
		s := foldRune(r)
		if s == "" {
			s = strayLetter(r)
		}
		icao, plain, mrz = append(icao, s...), append(plain, s...), append(mrz, s...)
		if english != nil {
			english = append(english, s...)
		}
	}
	switch {
	case english != nil:
		// The English form is fourth whatever the word, since forms are
		// joined across a name's words by position (see combine).
		return []string{string(icao), string(plain), string(mrz), string(english)}
	case differs:
		return []string{string(icao), string(plain), string(mrz)}
	}
	return []string{string(icao)}
}

func optionOf(r rune) (latinOption, bool) {
	if r < 0xc0 {
		return latinOption{}, false
	}
	if o, ok := latinOptions[r]; ok {
		return o, true
	}
	o, ok := latinOptions[unicode.ToUpper(r)]
	return o, ok
}

// Slicing constants gives one-letter strings without allocating, which
// string(rune) does not.
const (
	upperAZ  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits09 = "0123456789"
)

// strayLetter romanises a Cyrillic or Greek letter inside a Latin word:
// look-alikes typed on the wrong keyboard (IVANОV with a Cyrillic О) must
// not lose the letter.
func strayLetter(r rune) string {
	switch {
	case r >= 0x400 && r <= 0x4ff:
		return icaoRusS.letter(unicode.ToUpper(r), 1, ' ')
	case r >= 0x370 && r <= 0x3ff:
		return greekLetter(unicode.ToLower(r), voiced)
	}
	return ""
}

// foldRune reduces one rune to upper-case ASCII letters or digits: ASCII as
// is, other Latin letters through compatibility decomposition (É -> E,
// ﬁ -> FI, fullwidth Ｍ -> M), digits of any script to ASCII, everything
// else to nothing.
func foldRune(r rune) string {
	switch {
	case r >= 'a' && r <= 'z':
		return upperAZ[r-'a' : r-'a'+1]
	case r >= 'A' && r <= 'Z':
		return upperAZ[r-'A' : r-'A'+1]
	case r >= '0' && r <= '9':
		return digits09[r-'0' : r-'0'+1]
	case unicode.IsDigit(r):
		d := digitValue(r)
		return digits09[d : d+1]
	}
	if o, ok := optionOf(r); ok {
		return o.plain
	}
	if r < 0x100 {
		return latinFold00[r]
	}
	if r < 0x200 {
		return latinFold01[r-0x100]
	}
	var out []byte
	for _, c := range norm.NFKD.String(string(r)) {
		if c < 0x80 && unicode.IsLetter(c) {
			out = append(out, byte(unicode.ToUpper(c)))
		}
	}
	return string(out)
}

// digitValue finds the value of a decimal digit: Unicode digit blocks run
// zero to nine, so the value is the distance from the block's start mod 10.
func digitValue(r rune) int {
	z := r
	for unicode.IsDigit(z-1) && r-z < 60 {
		z--
	}
	return int(r-z) % 10
}

// foldLatin is the plain folded form of a Latin string, for Cluster.
func foldLatin(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, foldRune(r)...)
	}
	return string(b)
}

// An MRZ written with ICAO 9303's reversible Arabic table escapes the
// letters Latin lacks with X (ح XH, ص XSS, ط XTT). A traveller's MRZ then
// reads MXHMD where a list written in English has MOHAMMED; unescaped, the
// MRZ gives MHMD, whose Skeleton meets the list's.

// mrzMarkers are escapes no Latin name plausibly contains; one of them
// makes the whole name an ICAO Arabic MRZ, as does a word ending in XAH
// (ة). XE and XI alone are not markers (ALEXEI, MAXIM).
var mrzMarkers = []string{"XKH", "XSH", "XSS", "XTT", "XZZ", "XDZ", "XDH", "XTH", "XAE", "XAA", "XH"}

// mrzUnescape turns the escapes into English-usage letters; longer codes
// come first so that XKH is not read as XK+H.
var mrzUnescape = strings.NewReplacer(
	"XKH", "KH", "XSH", "SH", "XSS", "S", "XTT", "T", "XZZ", "Z", "XDZ", "D",
	"XDH", "DH", "XTH", "TH", "XAE", "A", "XAA", "A", "XAY", "A", "XYA", "Y",
	"XTA", "T", "XAH", "A", "XGG", "G", "XKK", "K", "XXA", "A", "XH", "H",
	"XC", "CH", "XJ", "ZH", "XE", "", "XI", "I",
)

// mrzArabic returns the unescaped form of a cleaned name that carries an
// ICAO Arabic escape, and false for any other name.
func mrzArabic(f string) (string, bool) {
	if strings.IndexByte(f, 'X') < 0 {
		return "", false
	}
	for _, m := range mrzMarkers {
		if strings.Contains(f, m) {
			return cleanForm(mrzUnescape.Replace(f)), true
		}
	}
	if strings.Contains(f+" ", "XAH ") { // word-final ة, as in NEYMXAH
		return cleanForm(mrzUnescape.Replace(f)), true
	}
	return "", false
}

// The Latin MRZ option writes Ü as UXX and Ñ as NXX (MUXXLLER, CANXXON);
// its unescaped forms are the expanded and the plain one.
var (
	mrzLatinExpanded = strings.NewReplacer("UXX", "UE", "NXX", "N")
	mrzLatinPlain    = strings.NewReplacer("UXX", "U", "NXX", "N")
)

// mrzLatin returns the forms of a name written with the XX option.
func mrzLatin(f string) []string {
	if !strings.Contains(f, "UXX") && !strings.Contains(f, "NXX") {
		return nil
	}
	return []string{mrzLatinExpanded.Replace(f), mrzLatinPlain.Replace(f)}
}
