package matcher

import (
	"slices"
	"strings"
	"testing"
)

func TestCompoundForms(t *testing.T) {
	idx, err := NewIndex([]Entry{
		{ID: "1", Subject: SubjectPerson, Names: []Name{{Full: "NOORUDDIN TURABI"}}},
		{ID: "2", Subject: SubjectPerson, Names: []Name{{Full: "Abd Al-Hadi Al-Iraqi"}}},
		{ID: "3", Subject: SubjectPerson, Names: []Name{{Full: "ABD EL NASSER Gamal"}}},
		{ID: "4", Subject: SubjectPerson, Names: []Name{{Full: "Abdul Qadir"}}},
		{ID: "5", Subject: SubjectPerson, Names: []Name{{Full: "Hirota"}, {Full: "Da Silva"}}},
		{ID: "6", Subject: SubjectPerson, Names: []Name{{Full: "Abd al-Razzak FITWI"}}},
	}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  string // one of the compound forms
		not   string // not one of them
	}{
		{"NOOR UD DIN TURABI", "NOORUDDIN TURABI", ""},      // three words joined across a glue word
		{"ABDAL HADI AL IRAQI", "ABD AL HADI AL IRAQI", ""}, // a short word split after its glue prefix
		{"ABDELNASSER GAMAL", "ABD EL NASSER GAMAL", ""},    // a long word split in three
		{"ABDUL QADIR", "ABDULQADIR", "ABD UL QADIR"},       // no split into a part the list lacks (UL)
		{"HIROTADA", "", "HIROTA DA"},                       // no particle left at the end of a name
		{"HIROTADA SILVA", "HIROTA DA SILVA", ""},           // a particle before another word binds to it
		{"NOOR UD TURABI", "", "NOORUDTURABI"},              // three join only into a listed word
		{"ABDURAZAK FITIWI", "ABD AL RAZAK FITIWI", ""},     // the article assimilated to a sun letter
		{"ABDURRAHMAN", "ABD AL RAHMAN", ""},                // with its consonant doubled
		{"ABDULKARIM", "ABD AL KARIM", ""},                  // before other letters, AL is UL
		{"ABDULLAH", "", "ABD AL LAH"},                      // ABD ALLAH, not an article
		{"ABDULLAHI", "", "ABD AL LAHI"},
		{"ABDUKARIM", "", "ABD AL KARIM"}, // K does not assimilate
	}
	for _, tc := range tests {
		f := newNameForm(tc.query, nil)
		var got []string
		for _, c := range idx.compoundForms(f, 1) {
			words := make([]string, len(c.tokens))
			for i, tk := range c.tokens {
				words[i] = tk.text
			}
			got = append(got, strings.Join(words, " "))
		}
		if tc.want != "" && !slices.Contains(got, tc.want) || tc.not != "" && slices.Contains(got, tc.not) {
			t.Errorf("compoundForms(%s) = %q, want %q and not %q", tc.query, got, tc.want, tc.not)
		}
	}
}

func TestCompoundNamesAlert(t *testing.T) {
	listed := Entry{Names: []Name{{Full: "NOORUDDIN TURABI MUHAMMAD"}}}
	if got, score := checkOne(t, listed, Query{Names: []string{"Noor ud Din Turabi"}}); got == DecisionClear {
		t.Fatalf("Noor ud Din Turabi: clear (%.3f), want an alert", score)
	}
}
