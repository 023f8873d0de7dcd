package matcher

import "strings"

// Names are glued and split differently from one document to the next:
// ABDELNASSER and ABD EL NASSER, WIJIJOKO and WIJI JOKO, ALQAHTANI and AL
// QAHTANI, NOOR UD DIN and NOORUDDIN. A check therefore also tries the
// primary form of each query name with one word split in two or three
// listed words, or two words joined, or three joined across a particle,
// so the listed spelling is met on its own terms. Only query forms grow:
// the index stays as it is.

// maxCompoundForms bounds the extra forms of one query name; a name with
// several romanisations already (Arabic, Cyrillic) gets fewer, since each
// extra form is scored against every candidate.
const (
	maxCompoundForms     = 4
	maxCompoundFormsMany = 1
)

// minSplitPart is the shortest half of a split word, particles aside:
// shorter halves (MARIA + NO) would make names out of syllables; and
// minSplitWord the shortest word worth splitting.
const (
	minSplitPart = 3
	minSplitWord = 7
)

// compoundForms returns the split and joined variants of form f, the
// first of n romanisations.
func (x *Index) compoundForms(f nameForm, n int) []nameForm {
	limit := maxCompoundForms
	if n > 2 {
		limit = maxCompoundFormsMany
	}
	words := make([]string, len(f.tokens))
	for i, t := range f.tokens {
		words[i] = t.text
	}
	var out []nameForm
	add := func(ws []string) {
		if len(out) < limit {
			out = append(out, newNameForm(strings.Join(ws, " "), knownWords{x}))
		}
	}
	for i, w := range words {
		if parts, ok := x.split(w); ok && (i+1 < len(words) || !isParticle(parts[len(parts)-1])) {
			add(append(append(append([]string{}, words[:i]...), parts...), words[i+1:]...))
		}
		if parts, ok := x.articleSplit(w); ok {
			add(append(append(append([]string{}, words[:i]...), parts...), words[i+1:]...))
		}
	}
	for i := 0; i+1 < len(words); i++ {
		if x.joins(f.tokens[i], f.tokens[i+1]) {
			add(append(append(append([]string{}, words[:i]...), words[i]+words[i+1]), words[i+2:]...))
		}
	}
	for i := 0; i+2 < len(words); i++ {
		if joined := words[i] + words[i+1] + words[i+2]; isJoint(f.tokens[i+1]) && x.listed(joined) {
			add(append(append(append([]string{}, words[:i]...), joined), words[i+3:]...))
		}
	}
	return out
}

// articleSplit undoes the Arabic article's assimilation in a glued ABD
// name: before the "sun" consonants the L of al is spoken as the next
// consonant, so ABD AL-RAZZAK is written ABDURRAZZAK or ABDURAZAK, ABD
// AL-SALAM ABDUSSALAM, and before the others ABD AL-KARIM is ABDULKARIM.
// The name after the article is scored like any word, so it need not be
// listed; ABD must be, or the list holds no such names.
func (x *Index) articleSplit(w string) ([]string, bool) {
	const glue = "ABD"
	if len(w) < len(glue)+2+minArticleName || !strings.HasPrefix(w, glue) || !x.listed(glue) ||
		strings.IndexByte("AEOU", w[len(glue)]) < 0 {
		return nil, false
	}
	rest := w[len(glue)+1:]
	switch {
	case strings.HasPrefix(rest, "LLAH"):
		return nil, false // ABDULLAHI, ABDOLLAHI: ABD ALLAH, God's servant
	case rest[0] == 'L':
		rest = rest[1:]
	case strings.IndexByte(sunLetters, rest[0]) < 0:
		return nil, false
	case rest[1] == rest[0]:
		rest = rest[1:] // ABDURRAHMAN: the doubled consonant is the article's
	}
	if len(rest) < minArticleName {
		return nil, false
	}
	return []string{glue, "AL", rest}, true
}

// sunLetters are the first letters of romanised Arabic consonants that
// assimilate the article (T, TH, D, DH, R, Z, S, SH, N).
const sunLetters = "TDRZSN"

// minArticleName is the shortest name left after the article.
const minArticleName = 4

// isJoint reports a word that binds the words either side of it into
// one name (NOOR UD DIN, NOORUDDIN; ABD AL GHAFUR, ABDALGHAFUR).
func isJoint(t token) bool { return t.particle || isGlue(t.text) }

// split finds the first way to cut w into two or three listed words
// (ABDELNASSER into ABD, EL, NASSER). A particle binds to the name after
// it, so a split that leaves one at the end of the name (HIROTADA into
// HIROTA DA, MARIOLA into MARIO LA) is not tried.
func (x *Index) split(w string) ([]string, bool) {
	if len(w) < minSplitWord && !gluePrefixed(w) {
		return nil, false
	}
	return x.splitIn(w, 3)
}

func (x *Index) splitIn(w string, parts int) ([]string, bool) {
	for i := 2; i+2 <= len(w); i++ {
		a, b := w[:i], w[i:]
		if !splitPart(a) || !x.listed(a) {
			continue
		}
		if splitPart(b) && x.listed(b) {
			return []string{a, b}, true
		}
		if parts > 2 {
			if rest, ok := x.splitIn(b, parts-1); ok {
				return append([]string{a}, rest...), true
			}
		}
	}
	return nil, false
}

func (x *Index) listed(w string) bool {
	_, ok := x.vocab.ids[w]
	return ok
}

func splitPart(p string) bool { return len(p) >= minSplitPart || isParticle(p) || isGlue(p) }

// joins: a particle or a short prefix glues to the next word
// (ABD EL NASSER), and two words join when the list knows the joined one.
func (x *Index) joins(a, b token) bool {
	if a.particle || isGlue(a.text) {
		return true
	}
	return x.listed(a.text + b.text)
}

// gluePrefixed reports a short word that starts with a glue part, which
// a particle may follow (ABDAL is ABD AL): it is split whatever its
// length, into listed words as always.
func gluePrefixed(w string) bool {
	for _, g := range []string{"ABD", "ABU", "ABOU"} {
		if len(w) > len(g) && strings.HasPrefix(w, g) {
			return true
		}
	}
	return false
}

// isGlue reports short name parts that are written glued to the next
// word as often as apart.
func isGlue(w string) bool {
	switch w {
	case "ABD", "ABDUL", "ABDEL", "ABDOUL", "ABU", "ABOU", "DON", "NA", "UR", "UD", "ULLAH", "DIN", "UDDIN":
		return true
	}
	return false
}

// nameParts splits one name field into the names it holds: lists and
// forms write several spellings in one field separated by semicolons
// ("Fazel Rahim; Fazil Rahim"), and notes in parentheses ("Abubakar
// (original script: ...)", "(previously listed as)") are no part of a
// name.
func nameParts(full string) []string {
	if !strings.ContainsAny(full, ";(") {
		return []string{full}
	}
	var b strings.Builder
	depth := 0
	for _, r := range full {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	var out []string
	for _, p := range strings.Split(b.String(), ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
