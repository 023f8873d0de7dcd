package matcher

import "testing"

func TestLoneWords(t *testing.T) {
	entries := []Entry{
		{ID: "HOLSTEIN", Subject: SubjectPerson, Names: []Name{{Full: "Holstein"}}, BirthDates: []BirthDate{mustDate(t, "1970-05-06")}},
		{ID: "NIKLAS", Subject: SubjectPerson, Names: []Name{{Full: "Niklas"}}},
		{ID: "WILLIAM", Subject: SubjectPerson, Names: []Name{{Full: "William"}}},
		{ID: "PETER HOLSTEIN", Subject: SubjectPerson, Names: []Name{{Full: "Peter Holstein"}}},
		{ID: "VON", Subject: SubjectPerson, Names: []Name{{Full: "Von"}}},
	}
	idx, err := NewIndex(entries, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		query Query
		want  string // the best alert's entry, "" for none
		rule  string // the rule of its first word pair
	}{
		{"a letter more is another name", Query{Names: []string{"HOLLSTEIN"}}, "", ""},
		{"the same spelling key alerts", Query{Names: []string{"NICKLAS"}}, "NIKLAS", "edit"},
		{"a known variant alerts", Query{Names: []string{"BILL"}}, "WILLIAM", "variant"},
		{"the same word alerts", Query{Names: []string{"NIKLAS"}}, "NIKLAS", "exact"},
		{"a particle alone is held to the rule too", Query{Names: []string{"VINNI"}}, "", ""},
		{"a fitting date of birth brings a lone look-alike to an alert", Query{Names: []string{"HOLLSTEIN"}, BirthDate: ptr(mustDate(t, "1970-05-06"))}, "HOLSTEIN", "lone_word"},
		{"a date outside the listed one does not", Query{Names: []string{"HOLLSTEIN"}, BirthDate: ptr(mustDate(t, "1990-05-06"))}, "", ""},
		{"names of two words are not affected", Query{Names: []string{"PETER HOLLSTEIN"}}, "PETER HOLSTEIN", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits := idx.Check(tc.query)
			if tc.want == "" {
				if len(hits) > 0 {
					t.Fatalf("want no alert, got %s %.3f %+v", hits[0].EntryID, hits[0].Score, hits[0].Explanation.Tokens)
				}
				return
			}
			if len(hits) == 0 || hits[0].EntryID != tc.want {
				t.Fatalf("want %s first, got %+v", tc.want, hits)
			}
			if tc.rule != "" && hits[0].Explanation.Tokens[0].Rule != tc.rule {
				t.Errorf("rule %s, want %s", hits[0].Explanation.Tokens[0].Rule, tc.rule)
			}
		})
	}
}

func TestSameNameByKnowledge(t *testing.T) {
	tests := []struct {
		q, e, rule, script string
		want               bool
	}{
		{"NIKLAS", "NIKLAS", "exact", "Latn", true},
		{"BILL", "WILLIAM", "variant", "Latn", true},
		{"ALY", "ALI", "romanisation", "Latn", true},
		{"NICKLAS", "NIKLAS", "edit", "Latn", true},
		{"KHALID", "KHALED", "edit", "Latn", true}, // the same rendering key
		{"KHALID", "KHALED", "edit", "Arab", true},
		{"KHALID", "KHALED", "edit", "Cyrl", false}, // Cyrillic writes Е and И apart
		{"HOLLSTEIN", "HOLSTEIN", "edit", "Latn", false},
		{"TAICHIRO", "TAKUICHIRO", "edit", "Latn", false},
		{"JOHNNIE", "GIN", "phonetic", "Latn", false},
	}
	for _, tc := range tests {
		if got := sameNameByKnowledge(newToken(tc.q), newToken(tc.e), tc.rule, tc.script); got != tc.want {
			t.Errorf("sameNameByKnowledge(%s, %s, %s, %s) = %v, want %v", tc.q, tc.e, tc.rule, tc.script, got, tc.want)
		}
	}
}
