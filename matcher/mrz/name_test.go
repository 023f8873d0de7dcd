package mrz

import "testing"

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
