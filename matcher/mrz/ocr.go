package mrz

import "fmt"

// OCR engines confuse characters that look alike. In a field that can
// only hold digits a letter must be a misread digit, and the other way
// round, so those two directions are safe to correct. Mixed fields
// (document number, optional data) are left alone: nothing says which
// reading is right.

// digitFor maps a letter to the digit it is mistaken for, or 0.
func digitFor(c byte) byte {
	switch c {
	case 'O', 'Q', 'D':
		return '0'
	case 'I', 'L':
		return '1'
	case 'Z':
		return '2'
	case 'S':
		return '5'
	case 'G':
		return '6'
	case 'B':
		return '8'
	}
	return 0
}

// letterFor maps a digit to the letter it is mistaken for, or 0.
func letterFor(c byte) byte {
	switch c {
	case '0':
		return 'O'
	case '1':
		return 'I'
	case '2':
		return 'Z'
	case '5':
		return 'S'
	case '6':
		return 'G'
	case '8':
		return 'B'
	}
	return 0
}

// correctOCR rewrites lines in place and returns one warning per change,
// so the officer can see what the reader guessed.
func correctOCR(lines []string, l *layout) []string {
	var warnings []string
	fix := func(spans []span, repl func(byte) byte) {
		for _, s := range spans {
			b := []byte(lines[s.line-1])
			for p := s.from; p <= s.to; p++ {
				if r := repl(b[p-1]); r != 0 {
					warnings = append(warnings, fmt.Sprintf(
						"line %d, position %d: read %q, corrected to %q", s.line, p, b[p-1], r))
					b[p-1] = r
				}
			}
			lines[s.line-1] = string(b)
		}
	}
	fix(l.digitSpans(), digitFor)
	fix(l.letterSpans(), letterFor)
	return warnings
}
