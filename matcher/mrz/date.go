package mrz

import (
	"fmt"
	"time"
)

// yymmdd is an MRZ date; a part printed as "<<" (unknown, Doc 9303-3
// §4.8) is -1.
type yymmdd struct{ yy, mm, dd int }

// splitDate reads YYMMDD where each pair is two digits or "<<". ok is false
// for anything else and when the year is unknown, since no useful partial
// date is left.
func splitDate(s string) (d yymmdd, ok bool) {
	parts := [3]int{}
	for i := range parts {
		p, ok := pair(s[2*i : 2*i+2])
		if !ok {
			return d, false
		}
		parts[i] = p
	}
	d = yymmdd{parts[0], parts[1], parts[2]}
	if d.mm < 0 {
		d.dd = -1 // a day without its month means nothing
	}
	return d, d.yy >= 0
}

func pair(s string) (int, bool) {
	if s == "<<" {
		return -1, true
	}
	if s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

// format writes the date as "YYYY-MM-DD", "YYYY-MM" or "YYYY", the partial
// forms matcher.ParsePartialDate reads. ok is false for impossible dates.
func (d yymmdd) format(year int) (string, bool) {
	switch {
	case d.mm < 0:
		return fmt.Sprintf("%04d", year), true
	case d.mm < 1 || d.mm > 12:
		return "", false
	case d.dd < 0:
		return fmt.Sprintf("%04d-%02d", year, d.mm), true
	}
	t := time.Date(year, time.Month(d.mm), d.dd, 0, 0, 0, 0, time.UTC)
	if d.dd < 1 || t.Day() != d.dd {
		return "", false
	}
	return t.Format(time.DateOnly), true
}

// earliest is the first day the (possibly partial) date can denote in year,
// used to compare it with a reference.
func (d yymmdd) earliest(year int) time.Time {
	m, day := max(d.mm, 1), max(d.dd, 1)
	return time.Date(year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// birthYear picks the most recent year whose date is not after the
// reference: now when given, else the expiry date read as 20YY (a holder
// is born before the document expires). Without either, 19YY.
func birthYear(d yymmdd, now time.Time, exp yymmdd, expOK bool) int {
	if now.IsZero() {
		if !expOK {
			return 1900 + d.yy
		}
		now = exp.earliest(2000 + exp.yy)
	}
	y := now.Year()/100*100 + d.yy
	if d.earliest(y).After(now) {
		y -= 100
	}
	return y
}

// expiryYear puts the expiry within fifty years either side of now, so
// both old specimens (1995) and long-lived cards (2045) come out right.
// Without a reference it is 20YY, the window formats.md §6.1 prescribes.
func expiryYear(d yymmdd, now time.Time) int {
	if now.IsZero() {
		return 2000 + d.yy
	}
	y := now.Year()/100*100 + d.yy
	switch {
	case y >= now.Year()+50:
		y -= 100
	case y < now.Year()-50:
		y += 100
	}
	return y
}
