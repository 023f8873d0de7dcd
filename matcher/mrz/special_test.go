package mrz

import (
	"reflect"
	"strings"
	"testing"
)

// pad fills s with fillers to n characters, as an issuer would.
func pad(s string, n int) string { return s + strings.Repeat("<", n-len(s)) }

func sampleByID(t *testing.T, id string) sample {
	t.Helper()
	for _, s := range loadSamples(t) {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no sample %q", id)
	return sample{}
}

// TestPartialSamples completes the three specimens that give only one line
// (Doc 9303 shows them to explain a single check digit) with plausible
// other lines, then checks the digit the specimen is about.
func TestPartialSamples(t *testing.T) {
	tests := []struct {
		id, before, after string
		field, found      string
		note              string
	}{
		{"td2-icao-p3-example5", pad("I<UTOSTEVENSON<<PETER<JOHN", 36), "", FieldComposite, "8", ""},
		{"td3-icao-p3-example3", pad("P<UTOSTEVENSON<<PETER<JOHN", 44), "", FieldComposite, "8", ""},
		// Line 1 of the older Belgian card; lines 2 and 3 are borrowed
		// from BEL-BO-11005, so only the document number check counts.
		{"td1-bel-prado-03003-line1-only", "", "1301014F2311207BEL130101987398\nSPECIMEN<<SPECIMEN<<<<<<<<<<<<",
			FieldDocumentNumber, "3", "Belgian variant"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			s := sampleByID(t, tt.id)
			text := strings.Trim(tt.before+"\n"+s.Lines[0]+"\n"+tt.after, "\n")
			m, err := ParseWithOptions(text, Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			c, _ := findCheck(m, tt.field)
			if !c.OK || c.Found != tt.found || !strings.Contains(c.Note, tt.note) {
				t.Errorf("%s check = %+v, want ok, found %s, note %q", tt.field, c, tt.found, tt.note)
			}
		})
	}
}

func TestPartialSampleFields(t *testing.T) {
	s := sampleByID(t, "td1-bel-prado-03003-line1-only")
	m, err := Parse(s.Lines[0] + "\n1301014F2311207BEL130101987398\nSPECIMEN<<SPECIMEN<<<<<<<<<<<<")
	if err != nil {
		t.Fatal(err)
	}
	if m.DocumentNumber != "000590240601" || !m.LongDocumentNumber || m.Optional1 != "" {
		t.Errorf("number %q long %v optional %q", m.DocumentNumber, m.LongDocumentNumber, m.Optional1)
	}
	td3, err := Parse(pad("P<UTOSTEVENSON<<PETER<JOHN", 44) + "\n" + sampleByID(t, "td3-icao-p3-example3").Lines[0])
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := findCheck(td3, FieldPersonalNumber); !c.OK || c.Found != "0" || !td3.Valid() {
		t.Errorf("personal number check %+v, valid %v", c, td3.Valid())
	}
}

// TestOCRCorrection reads the damaged Utopia passport with CorrectOCR and
// expects exactly the clean specimen, with every correction reported.
func TestOCRCorrection(t *testing.T) {
	damaged := sampleByID(t, "td3-ocr-errors-autocorrect")
	clean := sampleByID(t, "td3-icao-utopia")
	got, err := ParseWithOptions(strings.Join(damaged.Lines, "\n"), Options{Now: now, CorrectOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	want, err := ParseWithOptions(strings.Join(clean.Lines, "\n"), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Warnings) != 10 {
		t.Errorf("got %d warnings, want 10 corrections: %q", len(got.Warnings), got.Warnings)
	}
	got.Warnings = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("corrected:\n%+v\nwant\n%+v", got, want)
	}
	raw, _ := ParseWithOptions(strings.Join(damaged.Lines, "\n"), Options{Now: now})
	if raw.Valid() || raw.BirthDate != "" {
		t.Errorf("uncorrected read should fail: valid %v, birth %q", raw.Valid(), raw.BirthDate)
	}
}

// TestOCRLeavesMixedFields: document numbers mix letters and digits, so
// correction must not touch them.
func TestOCRLeavesMixedFields(t *testing.T) {
	clean := strings.Join(sampleByID(t, "td3-chn-po").Lines, "\n")
	m, err := ParseWithOptions(clean, Options{Now: now, CorrectOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Warnings) != 0 || m.DocumentNumber != "E59659321" || m.PersonalNumber != "LAKCLCLMMBKGG9" {
		t.Errorf("clean MRZ changed: %q %q %q", m.Warnings, m.DocumentNumber, m.PersonalNumber)
	}
}

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
