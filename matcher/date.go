package matcher

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a date of birth the source knows.
type Precision string

// Date precisions.
const (
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
	PrecisionRange Precision = "range"
)

// BirthDate is a date of birth as an interval of days: a year-only date
// covers the whole year, a range covers every year in it. From and To are
// inclusive and in the form YYYY-MM-DD.
type BirthDate struct {
	From        string    `json:"from"`
	To          string    `json:"to"`
	Precision   Precision `json:"precision"`
	Approximate bool      `json:"approximate,omitempty"` // circa, about
	Raw         string    `json:"raw,omitempty"`
}

// ParsePartialDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" into an
// interval. It is the one parser for ISO partial dates, used by the loaders
// and by the check request alike.
func ParsePartialDate(s string) (BirthDate, error) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, "-")
	switch len(parts) {
	case 1:
		y, err := parseYear(parts[0])
		if err != nil {
			return BirthDate{}, err
		}
		return YearRange(y, y, s), nil
	case 2:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return BirthDate{}, fmt.Errorf("date %q: want YYYY-MM", s)
		}
		last := t.AddDate(0, 1, -1)
		return BirthDate{From: t.Format(time.DateOnly), To: last.Format(time.DateOnly), Precision: PrecisionMonth, Raw: s}, nil
	case 3:
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return BirthDate{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
		}
		d := t.Format(time.DateOnly)
		return BirthDate{From: d, To: d, Precision: PrecisionDay, Raw: s}, nil
	}
	return BirthDate{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// YearRange is the interval from 1 January of from to 31 December of to.
func YearRange(from, to int, raw string) BirthDate {
	p := PrecisionYear
	if from != to {
		p = PrecisionRange
	}
	return BirthDate{
		From:      fmt.Sprintf("%04d-01-01", from),
		To:        fmt.Sprintf("%04d-12-31", to),
		Precision: p,
		Raw:       raw,
	}
}

func parseYear(s string) (int, error) {
	if len(s) != 4 {
		return 0, fmt.Errorf("year %q: want four digits", s)
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1000 {
		return 0, fmt.Errorf("year %q: want four digits", s)
	}
	return y, nil
}

// Valid reports whether the interval is well formed.
func (d BirthDate) Valid() bool {
	f, err1 := time.Parse(time.DateOnly, d.From)
	t, err2 := time.Parse(time.DateOnly, d.To)
	return err1 == nil && err2 == nil && !t.Before(f)
}
