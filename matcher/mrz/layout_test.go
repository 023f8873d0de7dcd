package mrz

import (
	"errors"
	"strings"
	"testing"
)

// cd is the check digit of s, for building test MRZs.
func cd(s string) string {
	d, ok := CheckDigit(s)
	if !ok {
		panic("bad test data " + s)
	}
	return string(d)
}

// passport holds the fields of a TD3 or MRV-A; lines writes them with
// correct check digits, so each case states only what it varies.
type passport struct {
	code, state, name, number, nat, dob, sex, exp, personal string
}

var utopia = passport{"P<", "UTO", "ERIKSSON<<ANNA<MARIA", "L898902C3", "UTO", "740812", "F", "120415", "ZE184226B"}

func (p passport) lines() string {
	num, per := pad(p.number, 9), pad(p.personal, 14)
	a, b := num+cd(num), p.dob+cd(p.dob)
	c := p.exp + cd(p.exp) + per + cd(per)
	return pad(p.code, 2) + pad(p.state, 3) + pad(p.name, 39) + "\n" +
		a + pad(p.nat, 3) + b + p.sex + c + cd(a+b+c)
}

// card holds the fields of a TD1 card.
type card struct {
	code, state, number, opt1, dob, sex, exp, nat, opt2, name string
}

var utopiaCard = card{"I<", "UTO", "D23145890", "", "740812", "F", "120415", "UTO", "", "ERIKSSON<<ANNA<MARIA"}

func (c card) lines() string {
	num := pad(c.number, 9)
	l1 := pad(c.code, 2) + pad(c.state, 3) + num + cd(num) + pad(c.opt1, 15)
	l2 := c.dob + cd(c.dob) + c.sex + c.exp + cd(c.exp) + pad(c.nat, 3) + pad(c.opt2, 11)
	comp := l1[5:] + l2[:7] + l2[8:15] + l2[18:]
	return l1 + "\n" + l2 + cd(comp) + "\n" + pad(c.name, 30)
}

func parse(t *testing.T, text string) *MRZ {
	t.Helper()
	m, err := ParseWithOptions(text, Options{Now: now})
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	return m
}

func TestLayouts(t *testing.T) {
	visa := utopia
	visa.code = "V<"
	tests := []struct {
		name, text string
		format     Format
		checks     int
	}{
		{"TD3", utopia.lines(), TD3, 5},
		{"MRV-A", visa.lines(), MRVA, 3},
		{"TD1", utopiaCard.lines(), TD1, 4},
		{"TD2", "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6", TD2, 4},
		{"MRV-B", "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<", MRVB, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parse(t, tt.text)
			if m.Format != tt.format || len(m.Checks) != tt.checks || !m.Valid() {
				t.Errorf("format %v, %d checks, valid %v; want %v, %d, true; warnings %q",
					m.Format, len(m.Checks), m.Valid(), tt.format, tt.checks, m.Warnings)
			}
			if m.Surname != "ERIKSSON" || m.GivenNames != "ANNA MARIA" || m.FullName() != "ANNA MARIA ERIKSSON" {
				t.Errorf("names %q / %q / %q", m.Surname, m.GivenNames, m.FullName())
			}
		})
	}
}

// TestTolerance: the same MRZ as border posts really send it.
func TestTolerance(t *testing.T) {
	clean := utopia.lines()
	l1, l2, _ := strings.Cut(clean, "\n")
	tests := map[string]string{
		"CRLF":             l1 + "\r\n" + l2 + "\r\n",
		"blank lines":      "\n\n  \n" + l1 + "\n" + l2 + "\n\n",
		"spaces at ends":   "  " + l1 + "  \t\n" + l2 + " ",
		"lower case":       strings.ToLower(l1) + "\n" + l2,
		"trailing newline": clean + "\n",
	}
	want := parse(t, clean)
	for name, text := range tests {
		t.Run(name, func(t *testing.T) {
			m := parse(t, text)
			if m.String() != clean || m.Surname != want.Surname || !m.Valid() {
				t.Errorf("got %q, want %q", m.String(), clean)
			}
			if lower := len(m.Warnings) > 0; lower != (name == "lower case") {
				t.Errorf("warnings %q", m.Warnings)
			}
		})
	}
}

func TestFieldVariants(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(p *passport)
		check  func(m *MRZ) bool
		warned bool
	}{
		{"PP code", func(p *passport) { p.code = "PP" }, func(m *MRZ) bool { return m.DocumentCode == "PP" }, false},
		{"German D", func(p *passport) { p.state, p.nat = "D", "D" },
			func(m *MRZ) bool {
				return m.IssuingState == "D" && m.IssuingStateISO == "DEU" && m.NationalityISO == "DEU"
			}, false},
		{"British variant", func(p *passport) { p.state, p.nat = "GBR", "GBD" },
			func(m *MRZ) bool { return m.Nationality == "GBD" && m.NationalityISO == "GBR" }, false},
		{"stateless", func(p *passport) { p.nat = "XXA" },
			func(m *MRZ) bool { return m.Nationality == "XXA" && m.NationalityISO == "" }, false},
		{"UN", func(p *passport) { p.state = "UNO" }, func(m *MRZ) bool { return m.IssuingStateISO == "" }, false},
		{"EU", func(p *passport) { p.state = "EUE" }, func(m *MRZ) bool { return m.IssuingState == "EUE" }, false},
		{"unknown code", func(p *passport) { p.nat = "BOS" }, func(m *MRZ) bool { return m.Nationality == "BOS" }, true},
		{"sex X", func(p *passport) { p.sex = "X" }, func(m *MRZ) bool { return m.Sex == "X" }, false},
		{"sex unspecified", func(p *passport) { p.sex = "<" }, func(m *MRZ) bool { return m.Sex == "<" }, false},
		{"sex wrong", func(p *passport) { p.sex = "Q" }, func(m *MRZ) bool { return m.Sex == "Q" }, true},
		{"card code on passport", func(p *passport) { p.code = "I<" }, func(m *MRZ) bool { return m.Format == TD3 }, true},
		{"empty personal number", func(p *passport) { p.personal = "" },
			func(m *MRZ) bool { c, _ := findCheck(m, FieldPersonalNumber); return c.OK && c.Found == "0" }, false},
		{"no surname", func(p *passport) { p.name = "<<FIRST<NAME" },
			func(m *MRZ) bool {
				return m.Surname == "" && m.GivenNames == "FIRST NAME" && m.FullName() == "FIRST NAME"
			}, false},
		{"no given names", func(p *passport) { p.name = "ARKFREITH" },
			func(m *MRZ) bool { return m.Surname == "ARKFREITH" && m.GivenNames == "" && !m.Truncated }, false},
		{"digit in name", func(p *passport) { p.name = "ERIKSS0N<<ANNA" }, func(m *MRZ) bool { return m.Surname == "ERIKSS0N" }, true},
		{"internal filler in number", func(p *passport) { p.number = "AB<12" }, func(m *MRZ) bool { return m.DocumentNumber == "AB<12" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := utopia
			tt.edit(&p)
			m := parse(t, p.lines())
			if !tt.check(m) || !m.Valid() || (len(m.Warnings) > 0) != tt.warned {
				t.Errorf("got %+v", m)
			}
		})
	}
}

func TestFilledPersonalNumberCheck(t *testing.T) {
	l1, l2, _ := strings.Cut(utopia.lines(), "\n")
	p := utopia
	p.personal = ""
	_, empty, _ := strings.Cut(p.lines(), "\n")
	// A '<' check digit over an empty field is allowed (Doc 9303-4), and
	// the composite counts it as 0, so it still holds.
	m := parse(t, l1+"\n"+empty[:42]+"<"+empty[43:])
	if c, _ := findCheck(m, FieldPersonalNumber); !c.OK || c.Found != "<" || c.Note == "" || !m.Valid() {
		t.Errorf("filler check digit: %+v %q", c, m.Warnings)
	}
	// A '<' over a filled field is simply wrong.
	m = parse(t, l1+"\n"+l2[:42]+"<"+l2[43:])
	if c, _ := findCheck(m, FieldPersonalNumber); c.OK || m.Valid() {
		t.Errorf("filler over a filled field accepted: %+v", c)
	}
}

func TestErrors(t *testing.T) {
	l1, l2, _ := strings.Cut(utopia.lines(), "\n")
	tests := []struct {
		name, text     string
		line, position int
		msg            string
	}{
		{"empty", "", 0, 0, "no MRZ text"},
		{"blank", " \n\r\n ", 0, 0, "no MRZ text"},
		{"one line", l1, 0, 0, "got 1 lines"},
		{"too large", strings.Repeat(l1+"\n", 100), 0, 0, "4500 bytes"},
		{"four lines", l1 + "\n" + l2 + "\n" + l1 + "\n" + l2, 0, 0, "got 4 lines"},
		{"blank line inside", l1 + "\n\n" + l2, 2, 0, "line 2: blank line inside the MRZ"},
		{"bad width", l1[:40] + "\n" + l2[:40], 1, 0, "line 1: line is 40 characters long"},
		{"short line 2", l1 + "\n" + l2[:43], 2, 44, "line 2, position 44: line is 43 characters long, want 44"},
		{"long line 2", l1 + "\n" + l2 + "<", 2, 45, "line is 45 characters long, want 44"},
		{"TD1 short line 3", utopiaCard.lines()[:90], 3, 29, "want 30"},
		{"hyphen", l1 + "\n" + l2[:13] + "-" + l2[14:], 2, 14,
			"line 2, position 14: character '-' is not allowed in an MRZ (A-Z, 0-9, <)"},
		{"guillemet counts as one column", "P«" + l1[2:] + "\n" + l2, 1, 2, "character '«'"},
		{"inner space", l1[:10] + " " + l1[11:] + "\n" + l2, 1, 11, "character ' '"},
		{"accented letter", "P<UTOÉRIKSSON" + l1[13:] + "\n" + l2, 1, 6, "character 'É'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse(tt.text)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, %v; want *Error", m, err)
			}
			if e.Line != tt.line || e.Position != tt.position || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got line %d position %d %q; want %d %d containing %q",
					e.Line, e.Position, err, tt.line, tt.position, tt.msg)
			}
		})
	}
}
