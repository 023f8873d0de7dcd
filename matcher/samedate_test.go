package matcher

import (
	"fmt"
	"testing"
)

func TestDayNumber(t *testing.T) {
	tests := []struct {
		date BirthDate
		want uint32
		ok   bool
	}{
		{BirthDate{From: "1991-06-28", To: "1991-06-28", Precision: PrecisionDay}, 19910628, true},
		{BirthDate{From: "1991-01-01", To: "1991-12-31", Precision: PrecisionYear}, 0, false},
		{BirthDate{From: "1991-06-28", To: "1991-06-28", Precision: PrecisionDay, Approximate: true}, 0, false},
		{BirthDate{From: "28/06/1991", Precision: PrecisionDay}, 0, false},
	}
	for _, tc := range tests {
		if got, ok := dayNumber(tc.date); got != tc.want || ok != tc.ok {
			t.Errorf("dayNumber(%+v) = %d, %v; want %d, %v", tc.date, got, ok, tc.want, tc.ok)
		}
	}
}

// TestSameDateFormsBounded: a date many entries share (a placeholder)
// adds at most maxDateForms forms to a check, and only forms of that date.
func TestSameDateFormsBounded(t *testing.T) {
	var entries []Entry
	for i := range 3 * maxDateForms {
		dob := "1970-07-01"
		switch i % 3 {
		case 0:
			dob = "1980-02-03"
		case 1:
			dob = "1975-01-01" // a placeholder: never indexed
		}
		entries = append(entries, Entry{ID: fmt.Sprint(i), Subject: SubjectPerson, Names: []Name{{Full: fmt.Sprintf("Name%d Surname", i)}},
			BirthDates: []BirthDate{mustDate(t, dob)}})
	}
	idx, err := NewIndex(entries, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		date string
		want int
	}{{"1970-07-01", maxDateForms}, {"1980-02-03", maxDateForms}, {"1975-01-01", 0}, {"1999-09-09", 0}} {
		q := mustDate(t, tc.date)
		n := 0
		idx.dates.of(&q, func(form uint32) {
			n++
			if d := idx.entries[idx.forms[form].entry].BirthDates[0].From; d != tc.date {
				t.Errorf("%s: form of an entry born %s", tc.date, d)
			}
		})
		if n != tc.want {
			t.Errorf("%s: %d forms, want %d", tc.date, n, tc.want)
		}
	}
	idx.dates.of(nil, func(uint32) { t.Error("no date must add no form") })
}

func TestSameDateCandidate(t *testing.T) {
	e := &Entry{BirthDates: []BirthDate{mustDate(t, "1970"), mustDate(t, "1991-06-28")}}
	day, year, other := mustDate(t, "1991-06-28"), mustDate(t, "1991"), mustDate(t, "1991-06-29")
	tests := []struct {
		name  string
		q     *BirthDate
		score float64
		want  bool
	}{
		{"half a name, the same day", &day, 0.5, true},
		{"less than part of a name", &day, 0.44, false},
		{"a year only", &year, 0.6, false},
		{"another day", &other, 0.6, false},
		{"no date", nil, 0.6, false},
	}
	for _, tc := range tests {
		if got := sameDateCandidate(tc.q, e, tc.score); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}
