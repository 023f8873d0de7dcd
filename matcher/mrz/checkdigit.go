package mrz

import (
	"fmt"
	"strings"
)

// CheckDigit computes the Doc 9303 check digit of s (Part 3 §4.9): weights
// 7, 3, 1 repeating; '0'-'9' count as 0-9, 'A'-'Z' as 10-35 and '<' as 0;
// the digit is the sum modulo 10. ok is false when s holds any other
// character.
func CheckDigit(s string) (digit byte, ok bool) {
	sum := 0
	for i := 0; i < len(s); i++ {
		v, ok := charValue(s[i])
		if !ok {
			return 0, false
		}
		sum += v * [3]int{7, 3, 1}[i%3]
	}
	return byte('0' + sum%10), true
}

func charValue(c byte) (int, bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10, true
	case c == '<':
		return 0, true
	}
	return 0, false
}

// newCheck compares the digit computed over data with the one printed.
// A filler printed as the check digit of an empty field is accepted: Doc
// 9303-4 allows it for the TD3 personal number, and issuers do the same
// for other fields they leave blank.
func newCheck(field, data string, found byte) Check {
	want, _ := CheckDigit(data)
	c := Check{Field: field, Expected: string(want), Found: string(found), OK: want == found}
	if !c.OK && found == '<' && strings.Trim(data, "<") == "" {
		c.OK, c.Note = true, "empty field with a filler as check digit"
	}
	return c
}

// record appends c and, when it failed, a warning the officer can read.
func (m *MRZ) record(c Check) {
	m.Checks = append(m.Checks, c)
	if !c.OK {
		m.warnf("%s check digit is %q, computed %q", c.Field, c.Found, c.Expected)
	}
}

func (m *MRZ) warnf(format string, args ...any) {
	m.Warnings = append(m.Warnings, fmt.Sprintf(format, args...))
}

// longNumber reads a TD1 or TD2 document number longer than nine
// characters (Doc 9303-5 note j): the check digit position holds '<', the
// optional data starts with the remaining characters, then the check digit,
// then a filler. rest is the optional data after that filler. ok is false
// when the optional data does not start with at least one character and a
// check digit.
func longNumber(optional string) (extra string, check byte, rest string, ok bool) {
	n := strings.IndexByte(optional, '<')
	if n < 0 {
		n = len(optional)
	}
	if n < 2 {
		return "", 0, "", false
	}
	rest = optional[n:]
	if rest != "" {
		rest = rest[1:]
	}
	return optional[:n-1], optional[n-1], rest, true
}

// longNumberCheck verifies a long document number. The ICAO rule leaves the
// filler at the check digit position out of the computation; some Belgian
// cards include it. Either is accepted and the Note says which matched.
func longNumberCheck(principal, extra string, found byte) Check {
	c := newCheck(FieldDocumentNumber, principal+extra, found)
	if c.OK {
		c.Note = "long number checked without the filler at the check digit position (ICAO rule)"
		return c
	}
	if be := newCheck(FieldDocumentNumber, principal+"<"+extra, found); be.OK {
		be.Note = "long number checked with the filler at the check digit position included (Belgian variant)"
		return be
	}
	return c
}
