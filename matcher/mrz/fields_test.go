package mrz

import (
	"testing"
	"time"
)

func TestDates(t *testing.T) {
	tests := []struct {
		name        string
		now         time.Time
		dob, exp    string
		birth, exp2 string
		warned      bool
	}{
		{"ICAO specimen", now, "740812", "120415", "1974-08-12", "2012-04-15", false},
		{"born this century", now, "110101", "310101", "2011-01-01", "2031-01-01", false},
		{"born today", now, "260101", "360101", "2026-01-01", "2036-01-01", false},
		{"born tomorrow is last century", now, "260102", "360101", "1926-01-02", "2036-01-01", false},
		{"old expired card", now, "340712", "950712", "1934-07-12", "1995-07-12", false},
		{"far expiry", now, "800101", "750101", "1980-01-01", "2075-01-01", false},
		{"expiry window edge", now, "800101", "760101", "1980-01-01", "1976-01-01", false},
		{"unknown day", now, "7408<<", "120415", "1974-08", "2012-04-15", false},
		{"unknown month and day", now, "74<<<<", "120415", "1974", "2012-04-15", false},
		{"day without month", now, "74<<12", "120415", "1974", "2012-04-15", false},
		{"unknown year", now, "<<0812", "120415", "", "2012-04-15", true},
		{"29 February 2000", now, "000229", "300101", "2000-02-29", "2030-01-01", false},
		{"29 February 1900", time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC), "000229", "550101", "", "1955-01-01", true},
		{"month 13", now, "741312", "120415", "", "2012-04-15", true},
		{"day 00", now, "740800", "120415", "", "2012-04-15", true},
		{"letters", now, "74O812", "120415", "", "2012-04-15", true},
		{"no reference", time.Time{}, "740812", "300101", "1974-08-12", "2030-01-01", false},
		{"no reference, expiry 20YY", time.Time{}, "340712", "950712", "2034-07-12", "2095-07-12", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := utopia
			p.dob, p.exp = tt.dob, tt.exp
			m, err := ParseWithOptions(p.lines(), Options{Now: tt.now})
			if err != nil {
				t.Fatal(err)
			}
			if m.BirthDate != tt.birth || m.ExpiryDate != tt.exp2 {
				t.Errorf("birth %q expiry %q, want %q %q", m.BirthDate, m.ExpiryDate, tt.birth, tt.exp2)
			}
			if (len(m.Warnings) > 0) != tt.warned || !m.Valid() {
				t.Errorf("warnings %q, valid %v", m.Warnings, m.Valid())
			}
		})
	}
}

// The name vectors of Doc 9303-3 §4.6 and -4 §4.2.3 (mrz_samples.json
// name_vectors), in the 39-character TD3 name field.
func TestNames(t *testing.T) {
	tests := []struct {
		field, surname, given string
		truncated             bool
	}{
		{"ERIKSSON<<ANNA<MARIA", "ERIKSSON", "ANNA MARIA", false},
		{"SMITH<JONES<<SUSIE<MARGARET", "SMITH JONES", "SUSIE MARGARET", false},
		{"OCONNOR<<ENYA<SIOBHAN", "OCONNOR", "ENYA SIOBHAN", false},
		{"VAN<DER<MUELLEN<<MARTIN", "VAN DER MUELLEN", "MARTIN", false},
		{"ARKFREITH", "ARKFREITH", "", false},
		{"NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K", "NILAVADHANANANDA", "CHAYAPA DEJTHAMRONG K", true},
		{"BENNELONG<WOOLOOM<WARRAND<WARNAM<<DINGO", "BENNELONG WOOLOOM WARRAND WARNAM", "DINGO", true},
		{"PAPANDROPOULOUS<<JONATHON<WARREN<TREVOR", "PAPANDROPOULOUS", "JONATHON WARREN TREVOR", true},
		{"ALRAZY<<ABW<BKR<MXHMD<BN<ZKRYA", "ALRAZY", "ABW BKR MXHMD BN ZKRYA", false},
		{"BN<ZKRYA<ALRAZY<<ABW<BKR<MXHMD", "BN ZKRYA ALRAZY", "ABW BKR MXHMD", false},
		{"JMAL<EBD<ALNAXSSR", "JMAL EBD ALNAXSSR", "", false},
		{"<<FIRST<NAME", "", "FIRST NAME", false},
		{"A<<B<<C", "A", "B C", false},
		{"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLM", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLM", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			p := utopia
			p.name = tt.field
			m := parse(t, p.lines())
			if m.Surname != tt.surname || m.GivenNames != tt.given || m.Truncated != tt.truncated {
				t.Errorf("got %q / %q truncated %v, want %q / %q %v",
					m.Surname, m.GivenNames, m.Truncated, tt.surname, tt.given, tt.truncated)
			}
		})
	}
}

func TestTD1TruncatedName(t *testing.T) {
	c := utopiaCard
	c.name = "CACADOR<DE<ARAUJO<<ANDRE<ESTEV"
	m := parse(t, c.lines())
	if !m.Truncated || m.GivenNames != "ANDRE ESTEV" || m.Surname != "CACADOR DE ARAUJO" {
		t.Errorf("got %q / %q truncated %v", m.Surname, m.GivenNames, m.Truncated)
	}
}

// The worked examples of Doc 9303-3 §4.9.
func TestCheckDigit(t *testing.T) {
	tests := map[string]byte{
		"520727":    '3',
		"AB2134<<<": '5',
		"HA672242<6" + "5802254" + "9601086<<<<<<<<<<<<<<0": '8',
		"": '0',
	}
	for in, want := range tests {
		if got, ok := CheckDigit(in); !ok || got != want {
			t.Errorf("CheckDigit(%q) = %c, %v; want %c", in, got, ok, want)
		}
	}
	if _, ok := CheckDigit("ab"); ok {
		t.Error("lower case accepted")
	}
}

func TestCountryISO3(t *testing.T) {
	tests := []struct {
		code, iso3 string
		known      bool
	}{
		{"D", "DEU", true}, {"D<<", "DEU", true}, {"DEU", "DEU", true}, {"GBN", "GBR", true},
		{"XXA", "", true}, {"XXB", "", true}, {"XXC", "", true}, {"XXX", "", true},
		{"UNO", "", true}, {"UNA", "", true}, {"UNK", "", true}, {"EUE", "", true},
		{"UTO", "", true}, {"ALA", "ALA", true}, {"ZWE", "ZWE", true},
		{"BOS", "", false}, {"", "", false}, {"AB", "", false}, {"ABW ", "", false},
	}
	for _, tt := range tests {
		if iso3, known := CountryISO3(tt.code); iso3 != tt.iso3 || known != tt.known {
			t.Errorf("CountryISO3(%q) = %q, %v; want %q, %v", tt.code, iso3, known, tt.iso3, tt.known)
		}
	}
}
