package mrz

import "fmt"

// span is a run of characters in one MRZ line. Positions are 1-based and
// inclusive, as Doc 9303 prints them, so the tables below can be read
// side by side with the specification. The zero span is absent.
type span struct{ line, from, to int }

// at is a one-character span, used for check digits and the sex.
func at(line, pos int) span { return span{line, pos, pos} }

func (s span) of(lines []string) string {
	return lines[s.line-1][s.from-1 : s.to]
}

func (s span) char(lines []string) byte { return lines[s.line-1][s.from-1] }

func (s span) present() bool { return s.to > 0 }

// layout says where each field of one format lies.
type layout struct {
	format                  Format
	code, state, name       span
	number, numberCheck     span
	nationality             span
	birth, birthCheck, sex  span
	expiry, expiryCheck     span
	personal, personalCheck span // TD3 only
	optional1, optional2    span
	composite               span
	compositeOver           []span
	longNumber              bool // number may continue in optional1
}

// Doc 9303 Part 5 (TD1). Line 3 holds the name.
var td1 = layout{
	format: TD1,
	code:   span{1, 1, 2}, state: span{1, 3, 5},
	number: span{1, 6, 14}, numberCheck: at(1, 15), optional1: span{1, 16, 30},
	birth: span{2, 1, 6}, birthCheck: at(2, 7), sex: at(2, 8),
	expiry: span{2, 9, 14}, expiryCheck: at(2, 15),
	nationality: span{2, 16, 18}, optional2: span{2, 19, 29},
	composite:     at(2, 30),
	compositeOver: []span{{1, 6, 30}, {2, 1, 7}, {2, 9, 15}, {2, 19, 29}},
	name:          span{3, 1, 30},
	longNumber:    true,
}

// Doc 9303 Part 6 (TD2).
var td2 = layout{
	format: TD2,
	code:   span{1, 1, 2}, state: span{1, 3, 5}, name: span{1, 6, 36},
	number: span{2, 1, 9}, numberCheck: at(2, 10), nationality: span{2, 11, 13},
	birth: span{2, 14, 19}, birthCheck: at(2, 20), sex: at(2, 21),
	expiry: span{2, 22, 27}, expiryCheck: at(2, 28),
	optional1:     span{2, 29, 35},
	composite:     at(2, 36),
	compositeOver: []span{{2, 1, 10}, {2, 14, 20}, {2, 22, 35}},
	longNumber:    true,
}

// Doc 9303 Part 4 (TD3).
var td3 = layout{
	format: TD3,
	code:   span{1, 1, 2}, state: span{1, 3, 5}, name: span{1, 6, 44},
	number: span{2, 1, 9}, numberCheck: at(2, 10), nationality: span{2, 11, 13},
	birth: span{2, 14, 19}, birthCheck: at(2, 20), sex: at(2, 21),
	expiry: span{2, 22, 27}, expiryCheck: at(2, 28),
	personal: span{2, 29, 42}, personalCheck: at(2, 43),
	composite:     at(2, 44),
	compositeOver: []span{{2, 1, 10}, {2, 14, 20}, {2, 22, 43}},
}

// Doc 9303 Part 7 (MRV-A): no composite check digit.
var mrva = layout{
	format: MRVA,
	code:   span{1, 1, 2}, state: span{1, 3, 5}, name: span{1, 6, 44},
	number: span{2, 1, 9}, numberCheck: at(2, 10), nationality: span{2, 11, 13},
	birth: span{2, 14, 19}, birthCheck: at(2, 20), sex: at(2, 21),
	expiry: span{2, 22, 27}, expiryCheck: at(2, 28),
	optional1: span{2, 29, 44},
}

// Doc 9303 Part 7 (MRV-B).
var mrvb = layout{
	format: MRVB,
	code:   span{1, 1, 2}, state: span{1, 3, 5}, name: span{1, 6, 36},
	number: span{2, 1, 9}, numberCheck: at(2, 10), nationality: span{2, 11, 13},
	birth: span{2, 14, 19}, birthCheck: at(2, 20), sex: at(2, 21),
	expiry: span{2, 22, 27}, expiryCheck: at(2, 28),
	optional1: span{2, 29, 36},
}

// letterSpans are the fields that may hold only letters and fillers; OCR
// correction turns digits there into letters.
func (l *layout) letterSpans() []span {
	return []span{l.code, l.state, l.nationality, l.name}
}

// digitSpans are the fields that may hold only digits and fillers; OCR
// correction turns letters there into digits.
func (l *layout) digitSpans() []span {
	s := []span{l.numberCheck, l.birth, l.birthCheck, l.expiry, l.expiryCheck}
	for _, p := range []span{l.personalCheck, l.composite} {
		if p.present() {
			s = append(s, p)
		}
	}
	return s
}

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
