package matcher

import "testing"

// checkOne builds an index of one listed person and returns the decision
// and score of its hit for q (clear and 0 without one).
func checkOne(t *testing.T, e Entry, q Query) (Decision, float64) {
	t.Helper()
	e.ID, e.Subject = "P1", SubjectPerson
	idx, err := NewIndex([]Entry{e}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range idx.Check(q) {
		if h.EntryID == "P1" {
			return h.Decision, h.Score
		}
	}
	return DecisionClear, 0
}

func dates(t *testing.T, ss ...string) []BirthDate {
	var out []BirthDate
	for _, s := range ss {
		out = append(out, mustDate(t, s))
	}
	return out
}

// TestDateOfBirthForms: every form a list gives a date of birth in, and
// how the traveller's full date compares with it.
func TestDateOfBirthForms(t *testing.T) {
	circa := YearRange(1975, 1979, "circa 1977")
	circa.Approximate = true
	tests := []struct {
		name   string
		listed []BirthDate
		query  string
		want   float64 // the date_of_birth contribution
	}{
		{"exact date", dates(t, "1978-04-28"), "1978-04-28", dobExact},
		{"year only", dates(t, "1978"), "1978-04-28", dobMatch},
		{"month only", dates(t, "1978-04"), "1978-04-28", dobMatch},
		{"range", []BirthDate{YearRange(1975, 1980, "1975 to 1980")}, "1978-04-28", dobMatch},
		{"circa", []BirthDate{circa}, "1978-04-28", dobMatch},
		{"several per entry, one fits", dates(t, "1960-01-01", "1978-04-28"), "1978-04-28", dobExact},
		{"one year off", dates(t, "1979-04-28"), "1978-04-28", dobNear},
		{"day and month swapped", dates(t, "1978-04-11"), "1978-11-04", dobNear},
		{"clear mismatch", dates(t, "1950-01-01"), "1978-04-28", dobMismatch},
		{"clear mismatch with a year", dates(t, "1950"), "1978-04-28", dobMismatch},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := mustDate(t, tc.query)
			f, ok := dobFeature(&q, tc.listed)
			if !ok || f.Contribution != tc.want {
				t.Fatalf("got %+v (ok %v), want contribution %v", f, ok, tc.want)
			}
		})
	}
	if _, ok := dobFeature(nil, dates(t, "1978")); ok {
		t.Error("no traveller date must give no feature")
	}
}

// TestDateOfBirthDecisions: a near miss costs little, a clear mismatch
// takes an exact name down to review, and the same full date (with the
// nationality) carries a name that matches only in part.
func TestDateOfBirthDecisions(t *testing.T) {
	listed := Entry{Names: []Name{{Full: "Rafael DUARTE TORRES"}}, BirthDates: dates(t, "1970-03-05"), Nationalities: []Country{{Code: "MEX"}}}
	tests := []struct {
		name, query, dob string
		want             Decision
	}{
		{"exact name, same date", "Rafael Duarte Torres", "1970-03-05", DecisionHit},
		{"exact name, one year off", "Rafael Duarte Torres", "1971-03-05", DecisionHit},
		{"exact name, swapped day and month", "Rafael Duarte Torres", "1970-05-03", DecisionHit},
		{"exact name, clear mismatch", "Rafael Duarte Torres", "1990-07-01", DecisionReview},
		{"other given name, same date", "Orlando Duarte Torres", "1970-03-05", DecisionReview},
		{"other given name, other date", "Orlando Duarte Torres", "1985-01-02", DecisionClear},
		{"other given name, no date", "Orlando Duarte Torres", "", DecisionClear},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := Query{Names: []string{tc.query}, Nationality: "MEX"}
			if tc.dob != "" {
				q.BirthDate = ptr(mustDate(t, tc.dob))
			}
			if got, score := checkOne(t, listed, q); got != tc.want {
				t.Fatalf("got %s (%.3f), want %s", got, score, tc.want)
			}
		})
	}
}

// TestSameDateCarriesTwoOfThreeWords: an alias with another given name
// and the same full date is a review even when nationality is unknown.
func TestSameDateCarriesTwoOfThreeWords(t *testing.T) {
	listed := Entry{Names: []Name{{Full: "Francine Denise LOUIE"}}, BirthDates: dates(t, "1961-09-17")}
	q := Query{Names: []string{"Francine Denise Sawyer"}, BirthDate: ptr(mustDate(t, "1961-09-17"))}
	if got, score := checkOne(t, listed, q); got != DecisionReview {
		t.Fatalf("got %s (%.3f), want review", got, score)
	}
	q.BirthDate = nil
	if got, score := checkOne(t, listed, q); got != DecisionClear {
		t.Fatalf("without the date: got %s (%.3f), want clear", got, score)
	}
}

// TestSameDateCarriesPartOfAName: the real surname and the same full date
// under another given name are a review, never a hit; another date, a
// year only, or another nationality leave it clear, and so does a word
// alike of three listed ones when the traveller's name has more.
func TestSameDateCarriesPartOfAName(t *testing.T) {
	listed := Entry{Names: []Name{{Full: "Mario RICCIO"}}, BirthDates: dates(t, "1991-06-28"), Nationalities: []Country{{Code: "ITA"}}}
	three := Entry{Names: []Name{{Full: "Mario Luigi RICCIO"}}, BirthDates: dates(t, "1991-06-28")}
	janFirst := Entry{Names: []Name{{Full: "Mario RICCIO"}}, BirthDates: dates(t, "1991-01-01")}
	tests := []struct {
		name, query, dob, nat string
		want                  Decision
		listed                *Entry
	}{
		{"other given name, same date", "Mariano Riccio", "1991-06-28", "", DecisionReview, nil},
		{"other given name, same date and nationality", "Mariano Riccio", "1991-06-28", "ITA", DecisionReview, nil},
		{"other given name, same date, other nationality", "Mariano Riccio", "1991-06-28", "FRA", DecisionClear, nil},
		{"other given name, year only", "Mariano Riccio", "1991", "", DecisionClear, nil},
		{"other given name, other date", "Mariano Riccio", "1980-01-02", "", DecisionClear, nil},
		{"the full passport name holds the surname, same date", "Mariano Riccio Bianchi Rossi", "1991-06-28", "", DecisionReview, nil},
		{"a third of the listed name, same date", "Mariano Riccio Bianchi Rossi", "1991-06-28", "", DecisionClear, &three},
		{"one word alike of two and of three, same date", "Rafa Riccio", "1991-06-28", "", DecisionReview, &three},
		{"exact name, same date", "Mario Riccio", "1991-06-28", "", DecisionHit, nil},
		{"other given name, the same first of January (a placeholder date)", "Mariano Riccio", "1991-01-01", "", DecisionClear, &janFirst},
		{"exact name, the same first of January", "Mario Riccio", "1991-01-01", "", DecisionHit, &janFirst},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := Query{Names: []string{tc.query}, BirthDate: ptr(mustDate(t, tc.dob)), Nationality: tc.nat}
			e := listed
			if tc.listed != nil {
				e = *tc.listed
			}
			if got, score := checkOne(t, e, q); got != tc.want {
				t.Fatalf("got %s (%.3f), want %s", got, score, tc.want)
			}
		})
	}
}

func TestSameDateLift(t *testing.T) {
	p := DefaultPolicy()
	exact := Feature{Name: "date_of_birth", Contribution: dobExact}
	tests := []struct {
		name         string
		score, named float64
		feats        []Feature
		want         float64 // the lift, 0 for none
	}{
		{"half a name and the same date", 0.66, 0.5, []Feature{exact}, 0.16},
		{"weak alias still lifted", 0.61, 0.5, []Feature{{Name: "weak_alias", Contribution: -0.05}, exact}, 0.21},
		{"less than part of a name", 0.6, 0.44, []Feature{exact}, 0},
		{"a year only", 0.54, 0.5, []Feature{{Name: "date_of_birth", Contribution: dobMatch}}, 0},
		{"another nationality", 0.61, 0.5, []Feature{exact, {Name: "nationality", Contribution: natMismatch}}, 0},
		{"already over review", 0.9, 0.74, []Feature{exact}, 0},
	}
	for _, tc := range tests {
		f, ok := sameDateLift(tc.score, tc.named, nil, tc.feats, p)
		if ok != (tc.want != 0) || ok && (f.Contribution != tc.want || f.Name != "same_date_of_birth") {
			t.Errorf("%s: got %+v %v, want a lift of %.3f", tc.name, f, ok, tc.want)
		}
	}
}

func TestNationalityAndSex(t *testing.T) {
	listed := Entry{Names: []Name{{Full: "Germain KATANGA"}}, Nationalities: []Country{{Code: "COD"}}, Gender: "M"}
	tests := []struct {
		name        string
		nat, gender string
		cmp         func(score, base float64) bool
	}{
		{"same nationality adds", "COD", "", func(s, b float64) bool { return s > b }},
		{"other nationality costs", "FRA", "", func(s, b float64) bool { return s < b }},
		{"other sex costs", "", "F", func(s, b float64) bool { return s < b }},
		{"unspecified sex costs nothing", "", "X", func(s, b float64) bool { return s == b }},
	}
	_, base := checkOne(t, Entry{Names: listed.Names}, Query{Names: []string{"Germain Mbuyi Katanga"}})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, s := checkOne(t, listed, Query{Names: []string{"Germain Mbuyi Katanga"}, Nationality: tc.nat, Gender: tc.gender})
			if !tc.cmp(s, base) {
				t.Fatalf("score %.3f against %.3f without the feature", s, base)
			}
		})
	}
}

// TestNameRules: one case per token rule.
func TestNameRules(t *testing.T) {
	tests := []struct {
		name, listed, query string
		want                Decision // the weakest acceptable decision
	}{
		{"initial stands for its name", "Abeni O. OGUNGBUYI", "Abeni Oluwaseun Ogungbuyi", DecisionReview},
		{"particles weigh little", "Hasan AL-NASRALLAH", "Hasan Nasrallah", DecisionHit},
		{"titles dropped", "Abdul Karim", "Sheikh Abdul Karim", DecisionHit},
		{"title on the list", "Dr Ayman AL-ZAWAHIRI", "Ayman Zawahiri", DecisionHit},
		{"missing middle name costs little", "Ahmed Abdi Aw Mohamed", "Ahmed Aw Mohamed", DecisionReview},
		{"any order", "KIM Jong Un", "Jong Un Kim", DecisionHit},
		{"hyphenated", "Jong-Un KIM", "Jong Un Kim", DecisionHit},
		{"one shared given name is not a match", "Ali SHARIFI", "Ali Salehi", DecisionClear},
		{"glued on the passport, split on the list", "Abd El Nasser HUSSEIN", "Abdelnasser Hussein", DecisionReview},
		{"split on the passport, glued on the list", "Abdelnasser HUSSEIN", "Abd El Nasser Hussein", DecisionReview},
		{"glued particle", "Tariq Saleh AL QAHTANI", "Tariq Saleh Alqahtani", DecisionReview},
		{"several spellings in one field", "Fazal RAHIMI", "Fazel Rahimy; Fazal Rahimi", DecisionHit},
		{"a note in parentheses is no name", "Fazal RAHIMI", "Fazal Rahimi (also listed as)", DecisionHit},
		{"McCune-Reischauer CH is Revised J", "Jung Jong KIM", "Chung Chong Kim", DecisionReview},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, score := checkOne(t, Entry{Names: []Name{{Full: tc.listed}}}, Query{Names: []string{tc.query}})
			if got != tc.want && !(tc.want != DecisionClear && got.Stronger(tc.want)) {
				t.Fatalf("%q vs listed %q: got %s (%.3f), want %s", tc.query, tc.listed, got, score, tc.want)
			}
		})
	}
}

func TestWeakAliasAndDelisted(t *testing.T) {
	strong, s1 := checkOne(t, Entry{Names: []Name{{Full: "Abu Hadi Nasrallah"}}}, Query{Names: []string{"Abu Hadi Nasrallah"}})
	weak, s2 := checkOne(t, Entry{Names: []Name{{Full: "Abu Hadi Nasrallah", Quality: QualityWeak}}}, Query{Names: []string{"Abu Hadi Nasrallah"}})
	if strong != DecisionHit || s2 >= s1 || weak.Stronger(strong) {
		t.Fatalf("weak alias: %s %.3f, strong: %s %.3f", weak, s2, strong, s1)
	}
	gone := Entry{Names: []Name{{Full: "Abu Hadi Nasrallah"}}, DelistedOn: "2020-01-01", Documents: []Document{{Number: "A1234567"}}}
	if d, _ := checkOne(t, gone, Query{Names: []string{"Abu Hadi Nasrallah"}, Documents: []QueryDocument{{Number: "A1234567"}}}); d != DecisionClear {
		t.Fatalf("delisted entry alerted: %s", d)
	}
}

// TestTruncatedMRZName: a full MRZ name field cuts the last name part; it
// matches as a prefix only when the query says so.
func TestTruncatedMRZName(t *testing.T) {
	listed := Entry{Names: []Name{{Full: "Abdelrahman Mohammed ABDELKADER ALSHAMMARI"}}}
	q := Query{Names: []string{"ABDELKADER ALSHAMMARI ABDELRAHMAN MOHAM"}, TruncatedName: true}
	if d, s := checkOne(t, listed, q); d != DecisionHit {
		t.Fatalf("truncated: got %s (%.3f)", d, s)
	}
	q.TruncatedName = false
	if d, s := checkOne(t, listed, q); d == DecisionHit {
		t.Fatalf("untruncated query matched as a prefix: %s (%.3f)", d, s)
	}
}
