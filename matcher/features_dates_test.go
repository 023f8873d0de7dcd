package matcher

import (
	"testing"
	"time"
)

// nearDatesByTime is the definition nearDates implements without parsing:
// within a year of the interval, or day and month swapped.
func nearDatesByTime(q, e BirthDate) bool {
	qf, err1 := time.Parse(time.DateOnly, q.From)
	qt, err2 := time.Parse(time.DateOnly, q.To)
	ef, err3 := time.Parse(time.DateOnly, e.From)
	et, err4 := time.Parse(time.DateOnly, e.To)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
		return false
	}
	if !qf.After(et.AddDate(1, 0, 0)) && !qt.Before(ef.AddDate(-1, 0, 0)) {
		return true
	}
	return q.Precision == PrecisionDay && e.Precision == PrecisionDay &&
		q.From[:4] == e.From[:4] && q.From[5:7] == e.From[8:10] && q.From[8:10] == e.From[5:7]
}

// FuzzNearDates holds the string comparison to the time arithmetic for
// every pair of valid dates, apart from the one place they differ by
// design: a year from the 29th of February.
func FuzzNearDates(f *testing.F) {
	for _, s := range [][2]string{{"1970-03-12", "1971-03-12"}, {"1970-03-12", "1970-12-03"}, {"1980", "1981-06"}, {"2000-02-29", "2001-03-01"}, {"1999", "x"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		q, err1 := ParsePartialDate(a)
		e, err2 := ParsePartialDate(b)
		if err1 != nil || err2 != nil {
			return
		}
		if leapDay(q) || leapDay(e) {
			return
		}
		if got, want := nearDates(q, e), nearDatesByTime(q, e); got != want {
			t.Fatalf("nearDates(%s, %s) = %v, time arithmetic says %v", a, b, got, want)
		}
	})
}

func leapDay(d BirthDate) bool { return d.From[4:] == "-02-29" || d.To[4:] == "-02-29" }

func TestNearDates(t *testing.T) {
	day := func(s string) BirthDate { d, _ := ParsePartialDate(s); return d }
	cases := []struct {
		q, e string
		want bool
	}{
		{"1970-03-12", "1971-03-12", true},
		{"1970-03-12", "1971-03-13", false},
		{"1970-03-12", "1970-12-03", true}, // day and month swapped
		{"1969", "1970-06-01", true},
		{"1968", "1970-06-01", false},
		{"1969-12-31", "1968", true},
		{"1970-01-01", "1968", false},
	}
	for _, c := range cases {
		if got := nearDates(day(c.q), day(c.e)); got != c.want {
			t.Errorf("nearDates(%s, %s) = %v, want %v", c.q, c.e, got, c.want)
		}
	}
}

// BenchmarkNearDates compares the string form with the time arithmetic it
// replaced; it runs for every scored candidate with a date of birth.
func BenchmarkNearDates(b *testing.B) {
	q, _ := ParsePartialDate("1970-03-12")
	e, _ := ParsePartialDate("1975")
	b.Run("strings", func(b *testing.B) {
		for b.Loop() {
			nearDates(q, e)
		}
	})
	b.Run("time.Parse", func(b *testing.B) {
		for b.Loop() {
			nearDatesByTime(q, e)
		}
	})
}
