package matcher

import (
	"slices"
	"testing"
)

func testIndex(t testing.TB) *Index {
	t.Helper()
	entries := []Entry{
		{ID: "CDi.006", Subject: SubjectPerson, Names: []Name{{Full: "GERMAIN KATANGA", Kind: NamePrimary}},
			BirthDates: []BirthDate{mustDate(t, "1978-04-28")}, Nationalities: []Country{{Code: "COD"}}, Gender: "M",
			Measures: Measures{TravelBan: true, AssetFreeze: true}, Programs: []string{"DRC"}},
		{ID: "LBi.001", Subject: SubjectPerson, Names: []Name{{Full: "Hasan NASRALLAH"}, {Full: "Abu Hadi", Quality: QualityWeak, Kind: NameAlias}},
			BirthDates: []BirthDate{YearRange(1960, 1960, "1960")}},
		{ID: "DE.1", Subject: SubjectPerson, Names: []Name{{Full: "Jürgen Müller-Lüdenscheidt"}}},
		{ID: "OLD.1", Subject: SubjectPerson, Names: []Name{{Full: "Delisted Person Name"}}, DelistedOn: "2020-01-01"},
		{ID: "ORG.1", Subject: SubjectOrganization, Names: []Name{{Full: "Germain Katanga Trading"}}},
		{ID: "DOC.1", Subject: SubjectDocument, Documents: []Document{{Number: "OB0243318", Country: "COD", Type: DocPassport, Status: StatusStolen}}},
	}
	idx, err := NewIndex(entries, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

func mustDate(t testing.TB, s string) BirthDate {
	d, err := ParsePartialDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCheckNames(t *testing.T) {
	idx := testIndex(t)
	tests := []struct {
		name  string
		query Query
		want  string // entry id of the best hit, "" for none
		dec   Decision
	}{
		{"listed name", Query{Names: []string{"Germain Katanga"}}, "CDi.006", DecisionHit},
		{"any order, case", Query{Names: []string{"KATANGA germain"}}, "CDi.006", DecisionHit},
		{"extra middle name costs little", Query{Names: []string{"Germain Mbuyi Katanga"}}, "CDi.006", DecisionReview},
		{"no shared exact word", Query{Names: []string{"Hassan Nasrullah"}}, "LBi.001", ""},
		{"diacritics folded", Query{Names: []string{"Jurgen Muller Ludenscheidt"}}, "DE.1", DecisionHit},
		{"initial for a given name", Query{Names: []string{"G. Katanga"}}, "CDi.006", DecisionHit},
		{"initials for two names", Query{Names: []string{"J. M. Ludenscheidt"}}, "DE.1", DecisionHit},
		{"made-up name", Query{Names: []string{"Zebulon Pottersfield"}}, "", DecisionClear},
		{"delisted never alerts", Query{Names: []string{"Delisted Person Name"}}, "", DecisionClear},
		{"dob mismatch pulls down", Query{Names: []string{"Germain Katanga"}, BirthDate: ptr(mustDate(t, "1950-01-01"))}, "CDi.006", DecisionReview},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits := idx.Check(tc.query)
			if tc.want == "" {
				if len(hits) != 0 {
					t.Fatalf("want no hit, got %+v", hits[0])
				}
				return
			}
			if len(hits) == 0 || hits[0].EntryID != tc.want {
				t.Fatalf("want %s first, got %+v", tc.want, hits)
			}
			if tc.dec != "" && hits[0].Decision != tc.dec {
				t.Fatalf("want %s, got %s (score %.3f, %+v)", tc.dec, hits[0].Decision, hits[0].Score, hits[0].Explanation)
			}
		})
	}
}

func TestCheckDocuments(t *testing.T) {
	idx := testIndex(t)
	tests := []struct {
		name string
		doc  QueryDocument
		dec  Decision
		rule string
	}{
		{"exact", QueryDocument{Number: "ob-0243318", Country: "COD"}, DecisionHit, "exact"},
		{"unknown country still matches", QueryDocument{Number: "OB0243318"}, DecisionHit, "exact"},
		{"other issuing state is another document", QueryDocument{Number: "OB0243318", Country: "FRA"}, DecisionClear, ""},
		{"ocr confusable is a review", QueryDocument{Number: "08O243318", Country: "COD"}, DecisionReview, "ocr_confusable"},
		{"unlisted", QueryDocument{Number: "X1234567"}, DecisionClear, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits := idx.Check(Query{Names: []string{"Somebody Else"}, Documents: []QueryDocument{tc.doc}})
			if tc.dec == DecisionClear {
				if len(hits) != 0 {
					t.Fatalf("want none, got %+v", hits)
				}
				return
			}
			if len(hits) != 1 || hits[0].Decision != tc.dec || hits[0].Explanation.Document.Rule != tc.rule {
				t.Fatalf("want one %s by %s, got %+v", tc.dec, tc.rule, hits)
			}
			if hits[0].Status != StatusStolen {
				t.Fatalf("status not carried: %+v", hits[0])
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestTopRanked(t *testing.T) {
	var r []rankedForm
	for i := range 1000 {
		r = append(r, rankedForm{form: uint32(i), bound: float32((i * 7919) % 101)})
	}
	want := slices.Clone(r)
	slices.SortFunc(want, compareRanked)
	got := topRanked(slices.Clone(r), 37)
	if !slices.Equal(got, want[:37]) {
		t.Fatalf("top 37 differ:\n got  %v\n want %v", got, want[:37])
	}
}

// A particle stands only for a particle: the AL of AL-SHAYKH (a title,
// dropped) is not the name ALI, nor BIN the name BINYAMIN; and a name met
// only through initials and particles shares no name with the listed one.
// Scored exhaustively, so that the rules are tested, not the candidate
// stage.
func TestParticleIsNoName(t *testing.T) {
	tests := []struct {
		listed, query string
		alert         bool
	}{
		{"Muhammad ALI", "Muhammad AL-SHAYKH", false},
		{"Yusuf BINYAMIN", "Yusuf BIN Rashid", false},
		{"Muhammad ALI", "Mohammed Ali", true},
		{"Abou Mohamed AL ADNANI", "Abu Mohamed al-Adnani", true}, // ABOU and ABU: two particles
		{"Abu TARIF", "T Abu", false},                             // an initial and a particle
		{"Haji M. ASHRAF", "A MUTINHIRI", false},                  // two initials, crosswise
		{"Ambrose MUTINHIRI", "A MUTINHIRI", true},
	}
	opts := DefaultOptions()
	opts.Exhaustive = true
	for _, tc := range tests {
		idx, err := NewIndex([]Entry{{ID: "P1", Subject: SubjectPerson, Names: []Name{{Full: tc.listed}}}}, opts)
		if err != nil {
			t.Fatal(err)
		}
		hits := idx.Check(Query{Names: []string{tc.query}})
		if alert := len(hits) > 0; alert != tc.alert {
			t.Errorf("%q against listed %q: %+v, want alert %v", tc.query, tc.listed, hits, tc.alert)
		}
	}
}
