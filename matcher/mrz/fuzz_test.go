package mrz

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics, that its errors always carry a
// position inside the text, and that a parsed MRZ is consistent: written
// back out and parsed again it gives the same fields.
func FuzzParse(f *testing.F) {
	for _, s := range loadSamples(f) {
		f.Add(strings.Join(s.Lines, "\n"), false)
	}
	f.Add(utopia.lines(), true)
	f.Add(strings.ToLower(utopiaCard.lines()), false)
	f.Add("P<UTO\r\n\n", true)
	f.Fuzz(func(t *testing.T, text string, ocr bool) {
		opts := Options{Now: now, CorrectOCR: ocr}
		m, err := ParseWithOptions(text, opts)
		if err != nil {
			checkError(t, text, err)
			return
		}
		checkShape(t, m)
		again, err := ParseWithOptions(m.String(), opts)
		if err != nil {
			t.Fatalf("reparse of %q: %v", m.String(), err)
		}
		if !reflect.DeepEqual(stripInputWarnings(again), stripInputWarnings(m)) {
			t.Fatalf("reparse differs:\n%+v\n%+v", again, m)
		}
	})
}

func checkError(t *testing.T, text string, err error) {
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not *Error", err)
	}
	if e.Line < 0 || e.Line > strings.Count(text, "\n")+1 || e.Position < 0 || e.Reason == "" {
		t.Fatalf("bad error position %+v for %q", e, text)
	}
}

// checkShape verifies what every successful parse must satisfy.
func checkShape(t *testing.T, m *MRZ) {
	width := map[Format]int{TD1: 30, TD2: 36, TD3: 44, MRVA: 44, MRVB: 36}[m.Format]
	for _, l := range m.Lines {
		if len(l) != width || strings.Trim(l, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<") != "" {
			t.Fatalf("line %q for %v", l, m.Format)
		}
	}
	valid := true
	for _, c := range m.Checks {
		valid = valid && c.OK
		if len(c.Expected) != 1 || c.Expected[0] < '0' || c.Expected[0] > '9' || len(c.Found) != 1 {
			t.Fatalf("check %+v", c)
		}
	}
	if valid != m.Valid() {
		t.Fatalf("Valid() = %v, checks say %v", m.Valid(), valid)
	}
	for _, s := range []string{m.Surname, m.GivenNames, m.FullName()} {
		if strings.Join(strings.Fields(s), " ") != s || strings.Contains(s, "<") {
			t.Fatalf("name %q is not single-spaced words", s)
		}
	}
	for _, d := range []string{m.BirthDate, m.ExpiryDate} {
		if n := len(d); n != 0 && n != 4 && n != 7 && n != 10 {
			t.Fatalf("date %q", d)
		}
	}
}

// stripInputWarnings drops the warnings about the raw input (lower case,
// OCR corrections), which a reparse of the normalised lines cannot repeat.
func stripInputWarnings(m *MRZ) *MRZ {
	c := *m
	c.Warnings = nil
	for _, w := range m.Warnings {
		if !strings.Contains(w, "lower-case") && !strings.Contains(w, "corrected to") {
			c.Warnings = append(c.Warnings, w)
		}
	}
	return &c
}

func BenchmarkParseTD3(b *testing.B) {
	text := utopia.lines()
	opts := Options{Now: now}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseWithOptions(text, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseTD1(b *testing.B) {
	text := utopiaCard.lines()
	opts := Options{Now: now}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseWithOptions(text, opts); err != nil {
			b.Fatal(err)
		}
	}
}
