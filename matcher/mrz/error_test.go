package mrz

import (
	"errors"
	"strings"
	"testing"
)

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
