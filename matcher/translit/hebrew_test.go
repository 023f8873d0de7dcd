package translit

import (
	"slices"
	"testing"
)

// TestHebrewReadings checks each reading of a Hebrew word that foreign
// names need: want must be among the word's forms, and notWant (when
// set) must not.
func TestHebrewReadings(t *testing.T) {
	tests := []struct {
		name, in, want, notWant string
	}{
		{"particle von", "יוליוס פון האסט", "YOLIOS VON HAST", ""},
		{"particle van", "מרקו ואן חינקל", "MRKW VAN GYNKL", ""},
		{"particle van short", "ון דייק", "VAN DYYK", ""},
		{"particle de", "פול דה מאן", "POL DE MAN", ""},
		{"particle da", "לאונרדו דה וינצ'י", "LWNRDW DA VYNCHY", ""},
		{"particle el", "אל ליסיצקי", "EL LYSYTSKY", ""},
		{"particle al and ibn", "יזיד בן אל-מוהלב", "YZYD IBN AL MWHLB", ""},
		{"particle ben, Hebrew", "דוד בן גוריון", "DAVID BEN GORION", ""},
		{"a name that looks like a particle", "פאן בינגבינג", "PAN BINGVING", "VAN BINGVING"},
		{"het as Spanish J", "אלחנדרו", "ALGNDRW", ""},
		{"het as Dutch G", "חינקל", "GYNKL", ""},
		{"het stays KH", "חינקל", "KHYNKL", ""},
		{"vav before yod and a consonant is V", "דויד", "DVID", ""},
		{"vav before a final yod is a vowel", "אינווי", "INVI", ""},
		{"initial alef and vav: the vav is the vowel", "אוטו", "OTU", "AOTU"},
		{"initial alef and yod: the yod is the vowel", "איאן", "IAN", ""},
		{"initial alef before a double yod is A", "אייזיק", "AYZIK", ""},
		{"medial alef is A", "מארק", "MARK", ""},
		{"final he after alef is silent", "נואה", "NOA", "NOAA"},
		{"het as J in a name", "חוליו ארקה", "GWLYW ARK", ""},
		{"tsadi as German Z", "וינצנץ", "VYNZNZ", ""},
		{"tsadi stays TS", "וינצנץ", "VYNTSNTS", ""},
		{"tsadi geresh stays CH in the foreign reading", "צ'ארלס", "CHRLS", "ZRLS"},
		{"initial yod keeps the consonant form", "יויאמה", "YWYM", ""},
		{"alef alone is also E", "ג'ון א. ראוץ'", "JWN E RWCH", ""},
		{"initial alef before a consonant in a short word is E", "אלה ארמוני", "ELA ARMWNY", ""},
		{"final double yod is AY", "אנדרו ריי", "ANDRW RAY", ""},
		{"final yod of a two-letter word is AI", "שי", "SHAI", ""},
		{"a letter name is an initial", "אדווין סי. ג'ונסון", "ADWWYN C JWNSWN", ""},
		{"French -ier", "רנייה", "RNYYR", ""},
		{"final vav of a short word is also O", "אוטו", "OTO", ""},
		{"final vav of a short word stays U in usage", "אוטו", "OTU", ""},
		{"short word with final vav", "זו", "ZO", ""},
		{"initial alef and double vav is OW", "אוון", "OWN", ""},
		{"a lone vav is V", "ו.", "V", ""},
		{"a lone alef", "א", "E", ""},
		{"tet shin as English TCH", "גרטשן", "GRTCHN", ""},
		{"tet shin as German TSCH", "דויטש", "DWYTSH", ""},
		{"no French -ier without the double yod", "מריה", "MRY", "MRYR"},
		{"common name", "יהודית", "JUDITH", ""},
		{"no ICAO letters without points", "ביטי", "BYTY", "VYTY"},
		{"ICAO kept on pointed text", "מְדִינַת", "MEDIYNAT", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Romanize(tt.in)
			if !slices.Contains(got, tt.want) {
				t.Errorf("Romanize(%q) = %q, want %q among them", tt.in, got, tt.want)
			}
			if tt.notWant != "" && slices.Contains(got, tt.notWant) {
				t.Errorf("Romanize(%q) = %q, want no %q", tt.in, got, tt.notWant)
			}
		})
	}
}

// TestHebrewParticlesSorted: the table is read by exact match, but kept
// sorted so that a duplicate shows.
func TestHebrewParticlesSorted(t *testing.T) {
	for i := 1; i < len(hebrewParticles); i++ {
		if hebrewParticles[i-1].word >= hebrewParticles[i].word {
			t.Errorf("hebrewParticles: %q before %q", hebrewParticles[i-1].word, hebrewParticles[i].word)
		}
	}
}
