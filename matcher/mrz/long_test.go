package mrz

import (
	"strings"
	"testing"
)

// TestLongNumbers covers Doc 9303-5 note j in TD1 and TD2 and the Belgian
// reading of it.
func TestLongNumbers(t *testing.T) {
	tests := []struct {
		name, text, number, optional, note string
		ok                                 bool
	}{
		{"TD1 ICAO rule",
			"I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<",
			"D23145890734", "", "ICAO rule", true},
		{"TD1 Belgian variant", tdOne("IDBEL000590240<6013<<<<<<<<<<<"), "000590240601", "", "Belgian", true},
		{"TD1 optional data after the number", tdOne("IDBEL000590240<6013<ABC<<<<<<<"), "000590240601", "ABC", "Belgian", true},
		{"TD1 wrong check", tdOne("IDBEL000590240<6014<<<<<<<<<<<"), "000590240601", "", "", false},
		{"TD1 filler but no overflow", tdOne("IDBEL000590240<<<<<<<<<<<<<<<<"), "000590240", "", "", false},
		{"TD2", tdTwo("D23145890<7349<<"), "D23145890734", "", "ICAO rule", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parse(t, tt.text)
			c, _ := findCheck(m, FieldDocumentNumber)
			if m.DocumentNumber != tt.number || m.Optional1 != tt.optional || c.OK != tt.ok ||
				!strings.Contains(c.Note, tt.note) {
				t.Errorf("number %q optional %q check %+v", m.DocumentNumber, m.Optional1, c)
			}
			if m.LongDocumentNumber != (len(tt.number) > 9) {
				t.Errorf("LongDocumentNumber = %v", m.LongDocumentNumber)
			}
		})
	}
}

// tdOne completes a TD1 line 1 with the lines of the Belgian specimen.
func tdOne(line1 string) string {
	return line1 + "\n1301014F2311207BEL130101987398\nSPECIMEN<<SPECIMEN<<<<<<<<<<<<"
}

// tdTwo builds a TD2 whose line 2 starts with the number, its check and
// the optional data (16 characters in all), with a correct composite.
func tdTwo(number string) string {
	head, opt := number[:10], pad(number[10:], 7)
	data := head + "7408122" + "1204159" + opt
	return pad("I<UTOSTEVENSON<<PETER<JOHN", 36) + "\n" +
		head + "UTO" + "7408122F1204159" + opt + cd(data)
}
