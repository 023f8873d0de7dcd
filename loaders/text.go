package loaders

import (
	"bufio"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// clean is the one text normaliser every loader uses: Unicode NFC, every
// kind of space (NBSP, tabs, newlines inside XML text) as one plain space,
// no control characters, no leading or trailing space. Real lists carry
// double spaces, NBSPs and trailing blanks; without this "Abu  Zayd" and
// "Abu Zayd" would be two names.
func clean(s string) string {
	if isPlain(s) {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff':
			space = b.Len() > 0
		case unicode.IsControl(r) || r == utf8.RuneError:
			// dropped: never meaningful in a name, a number or a date
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain is the fast path: printable ASCII with single inner spaces is
// already clean. Most OFAC and crosscheck-csv fields take this path.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f {
			return false
		}
		if c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// joinClean cleans each part and joins the non-empty ones with sep.
func joinClean(sep string, parts ...string) string {
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if p = clean(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// skipBOM drops a leading UTF-8 byte order mark: the EU CSV starts with
// one, and spreadsheet exports of every other format may too.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		_, _ = br.Discard(3)
	}
	return br
}

// scripts are the ISO 15924 codes the loaders detect, most common first.
var scripts = []struct {
	code  string
	table *unicode.RangeTable
}{
	{"Latn", unicode.Latin}, {"Arab", unicode.Arabic}, {"Cyrl", unicode.Cyrillic},
	{"Hani", unicode.Han}, {"Hang", unicode.Hangul}, {"Grek", unicode.Greek},
	{"Hebr", unicode.Hebrew}, {"Geor", unicode.Georgian}, {"Armn", unicode.Armenian},
	{"Thai", unicode.Thai}, {"Deva", unicode.Devanagari}, {"Ethi", unicode.Ethiopic},
}

// detectScript returns the ISO 15924 code of the script most letters of s
// are written in, or "" when s has no letter in a known script. Matching
// picks its transliteration from it, so a list that does not say which
// script a name is in still gets the right keys.
func detectScript(s string) string {
	if ascii, letter := asciiLetters(s); ascii {
		if letter {
			return "Latn"
		}
		return ""
	}
	var counts [16]int
	best := -1
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		for i, sc := range scripts {
			if unicode.Is(sc.table, r) {
				counts[i]++
				if best < 0 || counts[i] > counts[best] {
					best = i
				}
				break
			}
		}
	}
	if best < 0 {
		return ""
	}
	return scripts[best].code
}

// asciiLetters is detectScript's fast path: most names are plain ASCII.
func asciiLetters(s string) (ascii, letter bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return false, false
		}
		letter = letter || (c|0x20 >= 'a' && c|0x20 <= 'z')
	}
	return true, letter
}
