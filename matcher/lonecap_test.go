package matcher

import "testing"

func TestLoneLookAlikeIsReviewedNeverHit(t *testing.T) {
	dob := mustDate(t, "1970-05-06")
	entries := []Entry{
		{ID: "HOLSTEIN", Subject: SubjectPerson, Names: []Name{{Full: "Holstein"}}, BirthDates: []BirthDate{dob}, Nationalities: []Country{{Code: "DEU"}}, Gender: "M"},
		{ID: "NIKLAS", Subject: SubjectPerson, Names: []Name{{Full: "Niklas"}}, BirthDates: []BirthDate{dob}, Nationalities: []Country{{Code: "DEU"}}, Gender: "M"},
	}
	idx, err := NewIndex(entries, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		query    string
		want     Decision
		capped   bool
		wantFrom string
	}{
		{"a look-alike with every feature fitting is reviewed", "HOLLSTEIN", DecisionReview, true, "HOLSTEIN"},
		{"the same name by knowledge with every feature fitting is a hit", "NICKLAS", DecisionHit, false, "NIKLAS"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits := idx.Check(Query{Names: []string{tc.query}, BirthDate: &dob, Nationality: "DEU", Gender: "M"})
			if len(hits) == 0 || hits[0].EntryID != tc.wantFrom {
				t.Fatalf("want %s first, got %+v", tc.wantFrom, hits)
			}
			h := hits[0]
			if h.Decision != tc.want {
				t.Fatalf("decision %s (score %.3f), want %s", h.Decision, h.Score, tc.want)
			}
			sum := h.Explanation.NameScore
			capped := false
			for _, f := range h.Explanation.Features {
				sum += f.Contribution
				capped = capped || f.Name == "lone_look_alike"
			}
			if capped != tc.capped {
				t.Errorf("lone_look_alike feature %v, want %v: %+v", capped, tc.capped, h.Explanation.Features)
			}
			if d := sum - h.Score; capped && (d > 0.005 || d < -0.005) { // uncapped scores may clamp at 1
				t.Errorf("features add up to %.3f, score %.3f", sum, h.Score)
			}
		})
	}
}
