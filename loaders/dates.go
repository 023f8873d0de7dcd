package loaders

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
)

// isoDate reads an xs:date or xs:dateTime and returns YYYY-MM-DD. UN
// LISTED_ON carries a zone ("2015-04-07-04:00") that time.Parse rejects;
// the zone never moves a listing to another day that matters, so it is cut.
func isoDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return "", false
	}
	if _, err := time.Parse(time.DateOnly, s[:10]); err != nil {
		return "", false
	}
	rest := s[10:]
	if rest != "" && rest[0] != 'T' && rest[0] != 'Z' && rest[0] != '+' && rest[0] != '-' && rest[0] != ' ' {
		return "", false
	}
	return s[:10], true
}

// point is a date as precise as the text gives it: Month and Day are 0
// when unknown.
type point struct{ Year, Month, Day int }

func (p point) from() string {
	return fmt.Sprintf("%04d-%02d-%02d", p.Year, max(p.Month, 1), max(p.Day, 1))
}

func (p point) to() string {
	switch {
	case p.Month == 0:
		return fmt.Sprintf("%04d-12-31", p.Year)
	case p.Day == 0:
		return time.Date(p.Year, time.Month(p.Month)+1, 0, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	return p.from()
}

func (p point) precision() matcher.Precision {
	switch {
	case p.Month == 0:
		return matcher.PrecisionYear
	case p.Day == 0:
		return matcher.PrecisionMonth
	}
	return matcher.PrecisionDay
}

// textDate reads the free-text dates of birth lists publish: "1971",
// "Nov. 1973", "28 Apr 1978", "1978-04-28", "00/00/1968", "dd/09/1958",
// "09/1962", ranges ("1953 to 1958", "1953-1958", "Between Aug. and Sep.
// 1977") and "circa"/"approximately" in front of any of them.
func textDate(raw string) (matcher.BirthDate, bool) {
	if _, ok := isoDay(raw); ok {
		return matcher.BirthDate{From: raw, To: raw, Precision: matcher.PrecisionDay, Raw: raw}, true
	}
	s := strings.ToLower(clean(raw))
	approx := false
	for _, p := range []string{"circa ", "approximately ", "approx. ", "about ", "ca. ", "c. "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			s, approx = rest, true
		}
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "between "), ".")
	a, b := splitRange(s)
	to, ok := parsePoint(b)
	if !ok {
		return matcher.BirthDate{}, false
	}
	from := to
	if a != "" {
		if from, ok = parsePoint(a); !ok && a != "" {
			if from, ok = parsePoint(a + " " + strconv.Itoa(to.Year)); !ok {
				return matcher.BirthDate{}, false
			}
		}
	}
	d := matcher.BirthDate{From: from.from(), To: to.to(), Precision: to.precision(), Approximate: approx, Raw: clean(raw)}
	if from != to {
		d.Precision = matcher.PrecisionRange
	}
	return d, d.Valid()
}

// isoDay is the fast path for the commonest form, "YYYY-MM-DD": large
// national lists are mostly full dates.
func isoDay(s string) (point, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !isDigits(s[:4]) || !isDigits(s[5:7]) || !isDigits(s[8:]) {
		return point{}, false
	}
	p := point{Year: year(s[:4]), Month: number(s[5:7]), Day: number(s[8:])}
	return p, p.Month > 0 && p.Day > 0 && p.valid()
}

// splitRange splits "A to B", "A and B" and "YYYY-YYYY"; b is the whole
// string when there is no range.
func splitRange(s string) (a, b string) {
	for _, sep := range []string{" to ", " and ", " - "} {
		if x, y, ok := strings.Cut(s, sep); ok {
			return x, y
		}
	}
	if len(s) == 9 && s[4] == '-' && isDigits(s[:4]) && isDigits(s[5:]) {
		return s[:4], s[5:]
	}
	return "", s
}

// parsePoint reads one date in ISO, slashed or English word form.
func parsePoint(s string) (point, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ","))
	var p point
	switch {
	case strings.Contains(s, "/"):
		p = slashed(strings.Split(s, "/"))
	case len(s) >= 4 && isDigits(s[:4]) && strings.Count(s, "-") > 0:
		p = slashed(reverse(strings.Split(s, "-")))
	default:
		p = worded(strings.Fields(strings.ReplaceAll(s, ",", " ")))
	}
	return p, p.valid()
}

// slashed reads D/M/Y, M/Y and Y with "00", "dd" and "mm" as unknown.
func slashed(f []string) point {
	if len(f) == 0 || len(f) > 3 {
		return point{}
	}
	p := point{Year: year(f[len(f)-1])}
	if len(f) >= 2 {
		p.Month = number(f[len(f)-2])
	}
	if len(f) == 3 {
		p.Day = number(f[0])
	}
	if p.Month == 0 && p.Day != 0 {
		p.Day = 0
	}
	return p
}

// worded reads "[DD] Mon[.] [YYYY]"; the year may be missing in the first
// half of a range.
func worded(f []string) point {
	var p point
	for i, w := range f {
		switch {
		case months[strings.TrimSuffix(w, ".")] != 0 && p.Month == 0:
			p.Month = months[strings.TrimSuffix(w, ".")]
		case i == len(f)-1 && len(w) == 4 && isDigits(w):
			p.Year = year(w)
		case len(w) <= 2 && isDigits(w) && p.Day == 0 && p.Year == 0:
			p.Day = number(w)
		default:
			return point{}
		}
	}
	return p
}

func (p point) valid() bool {
	if p.Year < 1000 || p.Year > 2999 || p.Month < 0 || p.Month > 12 || p.Day < 0 {
		return false
	}
	if p.Day == 0 {
		return true
	}
	t := time.Date(p.Year, time.Month(p.Month), p.Day, 0, 0, 0, 0, time.UTC)
	return t.Day() == p.Day
}

func reverse(f []string) []string {
	out := make([]string, len(f))
	for i, s := range f {
		out[len(f)-1-i] = s
	}
	return out
}

func year(s string) int {
	if len(s) != 4 || !isDigits(s) {
		return -1
	}
	n, _ := strconv.Atoi(s)
	return n
}

// number reads a day or month; "00", "dd", "mm" and "" mean unknown (0).
func number(s string) int {
	if !isDigits(s) || len(s) > 2 {
		if s == "dd" || s == "mm" {
			return 0
		}
		return -1
	}
	n, _ := strconv.Atoi(s)
	return n
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
	"dec": 12, "december": 12,
}
