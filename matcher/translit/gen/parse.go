package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// subRe matches a context-free interscript rule: sub "X", "Y" with nothing
// but a comment after it. Rules with before:/after: context are left to the
// hand-written Go code, which knows the few contexts that matter for names.
var subRe = regexp.MustCompile(`^\s*sub ("(?:[^"\\]|\\.)*"), ("(?:[^"\\]|\\.)*")\s*(#.*)?$`)

// parseImp reads the single-character rules of an interscript map. The first
// rule for a character wins, as in interscript's parallel blocks. With
// upperOnly, lower-case source letters are skipped: the runtime upper-cases
// first, and some maps have typos only in their lower-case halves.
func parseImp(path string, upperOnly bool) (map[rune]string, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	m := map[rune]string{}
	for i, line := range lines {
		sm := subRe.FindStringSubmatch(line)
		if sm == nil {
			continue
		}
		from, err1 := strconv.Unquote(sm[1])
		to, err2 := strconv.Unquote(sm[2])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s:%d: bad string", path, i+1)
		}
		r, size := utf8.DecodeRuneInString(from)
		if size != len(from) || (upperOnly && unicode.IsLower(r)) {
			continue
		}
		if _, ok := m[r]; !ok {
			m[r] = fold(to)
		}
	}
	return m, nil
}

// special holds Latin letters that compatibility decomposition does not reduce to
// a base letter.
var special = map[rune]string{
	'Đ': "D", 'đ': "D", 'Ł': "L", 'ł': "L", 'Ø': "O", 'ø': "O", 'Æ': "AE", 'æ': "AE",
	'Œ': "OE", 'œ': "OE", 'ß': "SS", 'Þ': "TH", 'þ': "TH", 'ı': "I", 'Ħ': "H", 'ħ': "H",
}

// fold reduces a romanisation to upper-case A-Z: marks, apostrophes, ayn and
// hamza signs and separators such as "·" are dropped.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		switch {
		case special[r] != "":
			b.WriteString(special[r])
		case r < 128 && unicode.IsLetter(r):
			b.WriteRune(unicode.ToUpper(r))
		case r == ' ':
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// parseICAOArabic reads Table C of the ICAO 9303 transcription. The first
// upper-case token of recommended_mrz is the value ("XTA (XAH when at end...)"
// gives XTA; the word-final XAH and the shadda doubling are coded in Go).
func parseICAOArabic(path string) (map[rune]string, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	word := regexp.MustCompile(`^[A-Z]+$`)
	m := map[rune]string{}
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) < 6 || !strings.HasPrefix(f[0], "C_arabic") {
			continue
		}
		cp, err := strconv.ParseUint(strings.TrimPrefix(f[1], "U+"), 16, 32)
		if err != nil {
			return nil, fmt.Errorf("%s: code point %q: %w", path, f[1], err)
		}
		tok := strings.Fields(f[5] + " ")
		if len(tok) > 0 && word.MatchString(tok[0]) && tok[0] != "DOUBLE" {
			m[rune(cp)] = tok[0]
		}
	}
	return m, nil
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return lines, nil
}

// rigourGroup is one key of a rigour symbols.yml section with its list items.
type rigourGroup struct {
	section string
	items   []string
}

// parseRigour reads the person_nick and person_name_parts sections of
// rigour's symbols.yml. The file is a plain two-level mapping of lists, so a
// line reader is enough and the module needs no YAML dependency.
func parseRigour(path string) ([]rigourGroup, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	var groups []rigourGroup
	section := ""
	for _, line := range lines {
		t := strings.TrimSpace(stripComment(line))
		switch {
		case t == "":
		case !strings.HasPrefix(line, " "):
			section = strings.TrimSuffix(t, ":")
		case section != "person_nick" && section != "person_name_parts":
		case strings.HasPrefix(t, "- ") && len(groups) > 0:
			g := &groups[len(groups)-1]
			g.items = append(g.items, strings.Trim(strings.TrimSpace(t[2:]), `"'`))
		case strings.HasSuffix(t, ":"):
			groups = append(groups, rigourGroup{section: section})
		}
	}
	return groups, nil
}

// stripComment drops a YAML comment; name items never contain " #".
func stripComment(line string) string {
	if i := strings.Index(line, " #"); i >= 0 {
		return line[:i]
	}
	if strings.HasPrefix(strings.TrimSpace(line), "#") {
		return ""
	}
	return line
}
