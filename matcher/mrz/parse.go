package mrz

import (
	"fmt"
	"strings"
)

// Parse reads an MRZ without a reference date, so two-digit years are
// resolved from the document alone (see Options.Now). Callers that know the
// date of the check should use ParseWithOptions.
func Parse(text string) (*MRZ, error) {
	return ParseWithOptions(text, Options{})
}

// ParseWithOptions reads an MRZ: lines separated by "\n" or "\r\n", with
// blank lines around it and spaces at line ends ignored. It fails only when
// the text cannot be an MRZ; bad check digits are reported in the result.
func ParseWithOptions(text string, opts Options) (*MRZ, error) {
	lines, warnings, err := readLines(text)
	if err != nil {
		return nil, err
	}
	l, err := detect(lines)
	if err != nil {
		return nil, err
	}
	if opts.CorrectOCR {
		warnings = append(warnings, correctOCR(lines, l)...)
	}
	m := &MRZ{Format: l.format, Lines: lines, Warnings: warnings}
	l.extract(m, opts)
	return m, nil
}

// maxText bounds the input before any work is done: a real MRZ with CRLF
// and generous padding stays far below it, and a huge body cannot make
// the parser split and scan megabytes.
const maxText = 4096

// readLines splits the text into trimmed MRZ lines and checks every
// character. Lower case is accepted with a warning because OCR engines and
// people typing an MRZ by hand often produce it and the meaning is clear.
func readLines(text string) ([]string, []string, error) {
	if len(text) > maxText {
		return nil, nil, &Error{Reason: fmt.Sprintf("text is %d bytes; an MRZ is at most 3 lines of 44 characters", len(text))}
	}
	raw := trimLines(text)
	if err := checkCount(len(raw)); err != nil {
		return nil, nil, err
	}
	var warnings []string
	lines := make([]string, len(raw))
	for i, s := range raw {
		if s == "" {
			return nil, nil, &Error{Line: i + 1, Reason: "blank line inside the MRZ"}
		}
		line, lower, err := readLine(i+1, s)
		if err != nil {
			return nil, nil, err
		}
		if lower {
			warnings = append(warnings, fmt.Sprintf("line %d: lower-case letters read as upper case", i+1))
		}
		lines[i] = line
	}
	return lines, warnings, nil
}

// trimLines splits text into lines without the spaces, tabs and carriage
// returns at their ends, and drops the blank lines around the MRZ.
func trimLines(text string) []string {
	raw := strings.Split(text, "\n")
	for i, s := range raw {
		raw[i] = strings.Trim(s, " \t\r")
	}
	for len(raw) > 0 && raw[0] == "" {
		raw = raw[1:]
	}
	for len(raw) > 0 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	return raw
}

// readLine upper-cases one line and rejects characters outside the MRZ set.
// Positions count characters, not bytes, so a stray "«" is reported at the
// column the officer sees.
func readLine(n int, s string) (line string, lower bool, err error) {
	var b strings.Builder
	b.Grow(len(s))
	pos := 0
	for _, r := range s {
		pos++
		switch {
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '<':
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
			lower = true
		default:
			return "", false, &Error{Line: n, Position: pos,
				Reason: fmt.Sprintf("character %q is not allowed in an MRZ (A-Z, 0-9, <)", r)}
		}
		b.WriteRune(r)
	}
	return b.String(), lower, nil
}

// detect picks the layout from the line count and length, and the visa
// layouts from the document code.
func detect(lines []string) (*layout, error) {
	want := 30 // readLines guarantees 2 or 3 lines
	if len(lines) == 2 {
		want = len(lines[0])
		if want != 36 && want != 44 {
			return nil, &Error{Line: 1, Reason: fmt.Sprintf(
				"line is %d characters long; a two-line MRZ has lines of 36 (TD2, MRV-B) or 44 (TD3, MRV-A)", want)}
		}
	}
	for i, s := range lines {
		if err := checkLength(i+1, len(s), want); err != nil {
			return nil, err
		}
	}
	return pick(want, lines[0][0] == 'V'), nil
}

// pick maps the line width to a layout; a V document code marks a visa.
func pick(width int, visa bool) *layout {
	switch {
	case width == 30:
		return &td1
	case width == 36 && visa:
		return &mrvb
	case width == 36:
		return &td2
	case visa:
		return &mrva
	}
	return &td3
}

// checkCount rejects texts of the wrong number of lines before their
// characters are scanned.
func checkCount(n int) error {
	switch {
	case n == 0:
		return &Error{Reason: "no MRZ text"}
	case n != 2 && n != 3:
		return &Error{Reason: fmt.Sprintf("got %d lines; an MRZ has 2 (TD2, TD3, visas) or 3 (TD1)", n)}
	}
	return nil
}

// checkLength points at the first missing or first extra character.
func checkLength(line, got, want int) error {
	if got == want {
		return nil
	}
	pos := got + 1
	if got > want {
		pos = want + 1
	}
	return &Error{Line: line, Position: pos, Reason: fmt.Sprintf(
		"line is %d characters long, want %d", got, want)}
}
