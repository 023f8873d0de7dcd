package accuracy

import (
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
)

// ParseDate reads the date-of-birth texts of the evaluation files: "1958",
// "1960-11-11", "12 Dec 1952", "May 1971", "circa 1965", and ranges such
// as "1964 to 1966" or "Mar 1962 to Feb 1963". It returns nil for an empty
// or unreadable text: the query then simply has no date, as when a
// traveller's date is unknown.
func ParseDate(s string) *matcher.BirthDate {
	s = strings.TrimSpace(s)
	approx := false
	if rest, ok := strings.CutPrefix(strings.ToLower(s), "circa "); ok {
		s, approx = strings.TrimSpace(s[len(s)-len(rest):]), true
	}
	if s == "" {
		return nil
	}
	a, b, isRange := strings.Cut(s, " to ")
	if !isRange {
		b = a
	}
	from, fp, ok1 := datePoint(a)
	to, tp, ok2 := datePoint(b)
	if !ok1 || !ok2 {
		return nil
	}
	d := matcher.BirthDate{
		From:        from.Format(time.DateOnly),
		To:          lastDay(to, tp).Format(time.DateOnly),
		Precision:   fp,
		Approximate: approx,
		Raw:         s,
	}
	if isRange {
		d.Precision = matcher.PrecisionRange
	}
	if !d.Valid() {
		return nil
	}
	return &d
}

// datePoint reads one date and says how much of it is known.
func datePoint(s string) (time.Time, matcher.Precision, bool) {
	s = strings.TrimSpace(s)
	layouts := []struct {
		layout string
		p      matcher.Precision
	}{
		{time.DateOnly, matcher.PrecisionDay},
		{"02 Jan 2006", matcher.PrecisionDay},
		{"2 Jan 2006", matcher.PrecisionDay},
		{"Jan 2006", matcher.PrecisionMonth},
		{"2006-01", matcher.PrecisionMonth},
	}
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.p, true
		}
	}
	if y, err := strconv.Atoi(s); err == nil && len(s) == 4 {
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), matcher.PrecisionYear, true
	}
	return time.Time{}, "", false
}

// lastDay is the last day a point of the given precision covers.
func lastDay(t time.Time, p matcher.Precision) time.Time {
	switch p {
	case matcher.PrecisionYear:
		return t.AddDate(1, 0, -1)
	case matcher.PrecisionMonth:
		return t.AddDate(0, 1, -1)
	}
	return t
}
