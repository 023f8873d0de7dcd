package mrz

import "strings"

// readName splits the name field (Doc 9303-3 §4.6): "<<" separates the
// primary identifier (surname) from the secondary (given names), a single
// '<' separates words. A field that starts with "<<" has no surname. A
// field filled to its last position may have been cut, so the last word
// is only a prefix of the real name.
func (m *MRZ) readName(field string) (surname, given string, truncated bool) {
	truncated = field[len(field)-1] != '<'
	primary, secondary, _ := strings.Cut(trimFiller(field), "<<")
	if strings.ContainsAny(field, "0123456789") {
		m.warnf("name field %q contains digits, which Doc 9303 never allows in names", trimFiller(field))
	}
	return words(primary), words(secondary), truncated
}

// words joins the filler-separated words of s with single spaces. Runs of
// fillers count as one separator: a third "<<" section, seen on badly
// made documents, is kept as more given names rather than dropped.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '<' }), " ")
}
