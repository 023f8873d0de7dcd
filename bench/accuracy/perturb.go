package accuracy

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Perturbations are the variants made of each clean yente positive, in
// report order. The positives carry the list's own spelling, so only
// variants like those a traveller's passport shows tell anything.
var Perturbations = []string{"original", "reversed", "drop_middle", "typo", "romanisation", "mrz"}

// Variant is one perturbed form of a name. Truncated is set for an MRZ
// name field filled to its last position.
type Variant struct {
	Kind      string
	Name      string
	Truncated bool
}

// Perturb returns the variants of name that apply to it: a two-word name
// has no middle name to drop, a name no rule changes has no other
// romanisation.
func Perturb(name string) []Variant {
	words := strings.Fields(name)
	if len(words) == 0 {
		return nil
	}
	out := []Variant{{Kind: "original", Name: name}}
	add := func(kind string, ws []string) {
		if v := strings.Join(ws, " "); v != name && len(ws) > 0 {
			out = append(out, Variant{Kind: kind, Name: v})
		}
	}
	add("reversed", reversed(words))
	if len(words) >= 3 {
		add("drop_middle", slices.Delete(slices.Clone(words), 1, 2))
	}
	add("typo", typo(words))
	add("romanisation", romanised(words))
	if field, ok := mrzField(words); ok {
		out = append(out, mrzVariant(field))
	}
	return out
}

func reversed(words []string) []string {
	r := slices.Clone(words)
	slices.Reverse(r)
	return r
}

// typo substitutes one letter in the middle of the longest word with the
// next letter of the alphabet: a keying error, deterministic so that runs
// compare.
func typo(words []string) []string {
	longest := 0
	for i, w := range words {
		if len([]rune(w)) > len([]rune(words[longest])) {
			longest = i
		}
	}
	rs := []rune(words[longest])
	if len(rs) < 3 {
		return nil
	}
	i := len(rs) / 2
	switch {
	case rs[i] == 'z' || rs[i] == 'Z':
		rs[i] -= 25
	case unicode.IsLetter(rs[i]) && rs[i] < unicode.MaxASCII:
		rs[i]++
	default:
		return nil
	}
	out := slices.Clone(words)
	out[longest] = string(rs)
	return out
}

// romanRule is one alternation between romanisation systems (French,
// English, German, Russian-style spellings of the same sound). ok says
// whether the match at i is a place the alternation really happens: not
// the S of SH turned into SKH, not an initial Y respelt I.
type romanRule struct {
	from, to string
	ok       func(w string, i int) bool
}

func anywhere(string, int) bool     { return true }
func notFirst(_ string, i int) bool { return i > 0 }

// notAfter allows a match at the start or after a letter not in set.
func notAfter(set string) func(string, int) bool {
	return func(w string, i int) bool { return i == 0 || !strings.ContainsRune(set, rune(w[i-1])) }
}

// romanRules are tried in order; each word takes the first that applies,
// once.
var romanRules = []romanRule{
	{"KH", "H", anywhere}, {"OU", "U", anywhere}, {"DJ", "J", anywhere}, {"EE", "I", anywhere},
	{"OO", "U", anywhere}, {"J", "DJ", notAfter("D")}, {"U", "OU", notAfter("OAEI")},
	{"H", "KH", notAfter("KSCGTPZ")}, {"I", "Y", notFirst},
}

// romanised rewrites every word by the first alternation that applies,
// else by undoubling a double letter.
func romanised(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = romaniseWord(strings.ToUpper(w))
	}
	return out
}

func romaniseWord(w string) string {
	if len(w) < 3 {
		return w
	}
	for _, r := range romanRules {
		for i := 0; i+len(r.from) <= len(w); i++ {
			if w[i:i+len(r.from)] == r.from && r.ok(w, i) {
				return w[:i] + r.to + w[i+len(r.from):]
			}
		}
	}
	for j := 1; j < len(w); j++ {
		if w[j] == w[j-1] {
			return w[:j] + w[j+1:]
		}
	}
	return w
}

// icaoFold is ICAO 9303 Part 3's rendering of the Latin letters that do not
// fold by dropping their mark.
var icaoFold = strings.NewReplacer("Ä", "AE", "Ö", "OE", "Ü", "UE", "ß", "SS", "Æ", "AE", "Œ", "OE",
	"Ø", "OE", "Å", "AA", "Þ", "TH", "Ð", "D", "Ł", "L", "İ", "I", "ı", "I")

// mrzField prints the name as the 39-position TD3 name field does:
// SURNAME<<GIVEN<NAMES, upper case, ICAO-folded, hyphens and spaces as
// fillers, apostrophes dropped, cut at 39. The last word is taken as the
// surname. ok is false when a letter cannot be written in the MRZ.
func mrzField(words []string) (string, bool) {
	parts := append([]string{words[len(words)-1]}, words[:len(words)-1]...)
	for i, p := range parts {
		p = icaoFold.Replace(strings.ToUpper(p))
		var b strings.Builder
		for _, r := range norm.NFD.String(p) {
			switch {
			case r >= 'A' && r <= 'Z':
				b.WriteRune(r)
			case r == '-' || r == ' ' || r == ',':
				b.WriteByte('<')
			case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == '.':
			default:
				return "", false
			}
		}
		parts[i] = b.String()
	}
	field := parts[0]
	if len(parts) > 1 {
		field += "<<" + strings.Join(parts[1:], "<")
	}
	return field, true
}

// mrzTD3 is the length of the TD3 (passport) name field.
const mrzTD3 = 39

// mrzVariant reads the field back as the service reads a parsed MRZ:
// given names then surname, truncated when the field is full.
func mrzVariant(field string) Variant {
	truncated := len(field) >= mrzTD3
	if truncated {
		field = field[:mrzTD3]
	}
	surname, given, _ := strings.Cut(field, "<<")
	name := strings.Join(strings.FieldsFunc(given+"<"+surname, func(r rune) bool { return r == '<' }), " ")
	return Variant{Kind: "mrz", Name: name, Truncated: truncated}
}
