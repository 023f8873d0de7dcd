package translit

import "strings"

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
