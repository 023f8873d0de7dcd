package matcher

import "testing"

// TestCrossScriptNames: a listed name in one script or spelling is found
// from another, through the romanisations both sides share.
func TestCrossScriptNames(t *testing.T) {
	tests := []struct {
		name   string
		listed string
		query  string
		want   Decision // the weakest acceptable decision
	}{
		{"ICAO umlaut expansion", "Jürgen Müller", "MUELLER JUERGEN", DecisionHit},
		{"umlaut dropped", "Jürgen Müller", "Jurgen Muller", DecisionHit},
		{"MRZ Arabic form", "جمال عبد الناصر", "JMAL EBD ALNAXSSR", DecisionHit},
		{"Arabic listed, usual romanisation", "جمال عبد الناصر", "Jamal Abd al-Nasser", DecisionHit},
		{"Cyrillic listed, Latin passport", "Умаров Доку Хаматович", "Doku Umarov", DecisionReview},
		{"Latin listed, Cyrillic query", "Doku Khamatovich UMAROV", "Доку Умаров", DecisionReview},
		{"Hangul listed, Latin query", "김정은", "KIM JONG UN", DecisionHit},
		{"vowel-less spelling", "Muhammad Abdullah", "Mohammed Abdallah", DecisionReview},
		{"different person, same given name", "Muhammad Abdullah", "Mohammed Tanvir Rahman", DecisionClear},
		{"Hebrew query, geresh as apostrophe", "Jack Smith", "ג'ק סמית", DecisionReview},
		{"Hebrew query, vav as W, bet as B", "William Perlberg", "ויליאם פרלברג", DecisionReview},
		{"Hebrew query, other consonants", "William Perlman", "ויליאם פרלברג", DecisionClear},
		{"Hebrew query, initial vowel missing", "Avaran Lasser", "רנה לאסר", DecisionClear},
		{"Hebrew query, soft bet is no vav", "Elias Hrawi", "הרב אליס", DecisionClear},
		{"Hebrew query, an initial vowel counts for the yods", "Isaac Raboy", "אייזיק ראבוי", DecisionReview},
		{"Hebrew query, a soft bet", "John Travolta", "ג'ון טרבולטה", DecisionReview},
		{"Han query, pinyin listed", "XI Jinping", "习近平", DecisionHit},
		{"Han listed, passport query", "吕布", "LYU BU", DecisionHit},
		{"Han listed, given name split in the list's way", "毛泽东", "Mao Ze Dong", DecisionHit},
		{"Han, another person with the surname", "习近平", "XI MINGZE", DecisionClear},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			idx, err := NewIndex([]Entry{{ID: "X1", Subject: SubjectPerson, Names: []Name{{Full: tc.listed}}}}, DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			hits := idx.Check(Query{Names: []string{tc.query}})
			got := DecisionClear
			if len(hits) > 0 {
				got = hits[0].Decision
			}
			if got.Stronger(tc.want) && tc.want != DecisionClear {
				return
			}
			if got != tc.want {
				t.Fatalf("%q vs listed %q: got %s, want %s (%+v)", tc.query, tc.listed, got, tc.want, hits)
			}
		})
	}
}
