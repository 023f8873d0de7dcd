package matcher

import (
	"fmt"
	"slices"
	"time"
)

// Contributions of the signals beyond the name. A clear date-of-birth
// mismatch counts strongly against; near misses (±1 year, day and month
// swapped) only mildly, since they are common clerical errors. The same
// full date on both sides is strong evidence (two people share one by
// chance about once in twenty thousand), so it can carry a name that
// matches only in part (an alias with another given name) to review: two
// of three words alike score 2/3, and 2/3 + dobExact must reach the
// default review threshold (0.82); a year or a range that merely contains
// the date says little. A clear
// mismatch takes an exact name from hit to review, and a name that only
// contains the listed one (a relative: RANA SADDAM HUSSEIN) below review.
const (
	dobExact        = 0.16
	dobMatch        = 0.04
	dobNear         = -0.04
	dobMismatch     = -0.17
	natMatch        = 0.02
	natMismatch     = -0.05
	genderMismatch  = -0.15
	weakAliasFactor = 0.9
)

// featureBoost is the most the features of q could add to a name score.
func featureBoost(q Query) float64 {
	b := 0.0
	if q.BirthDate != nil {
		b = dobMatch
		if q.BirthDate.Precision == PrecisionDay {
			b = dobExact
		}
	}
	if q.Nationality != "" {
		b += natMatch
	}
	return b
}

// dobFeature compares the traveller's date of birth with every date of
// the entry: the best one counts.
func dobFeature(q *BirthDate, e []BirthDate) (Feature, bool) {
	if q == nil || len(e) == 0 {
		return Feature{}, false
	}
	best := Feature{Name: "date_of_birth", Contribution: dobMismatch}
	for _, d := range e {
		f := compareDates(*q, d)
		if f.Contribution > best.Contribution || best.Detail == "" {
			best = f
		}
	}
	return best, true
}

func compareDates(q, e BirthDate) Feature {
	f := Feature{Name: "date_of_birth"}
	switch {
	case q.Precision == PrecisionDay && e.Precision == PrecisionDay && q.From == e.From && !e.Approximate:
		f.Contribution, f.Detail = dobExact, fmt.Sprintf("%s same date", q.Raw)
	case q.From <= e.To && e.From <= q.To:
		f.Contribution, f.Detail = dobMatch, fmt.Sprintf("%s within %s..%s", q.Raw, e.From, e.To)
	case nearDates(q, e):
		f.Contribution, f.Detail = dobNear, fmt.Sprintf("%s near %s..%s (one year off or day and month swapped)", q.Raw, e.From, e.To)
	default:
		f.Contribution, f.Detail = dobMismatch, fmt.Sprintf("%s outside %s..%s", q.Raw, e.From, e.To)
	}
	return f
}

// nearDates: within a year of the interval, or an exact date whose day and
// month are swapped.
func nearDates(q, e BirthDate) bool {
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

func nationalityFeature(q string, e []Country) (Feature, bool) {
	if q == "" || len(e) == 0 {
		return Feature{}, false
	}
	codes := make([]string, 0, len(e))
	for _, c := range e {
		if c.Code != "" {
			codes = append(codes, c.Code)
		}
	}
	if len(codes) == 0 {
		return Feature{}, false
	}
	if slices.Contains(codes, q) {
		return Feature{Name: "nationality", Contribution: natMatch, Detail: q + " listed"}, true
	}
	return Feature{Name: "nationality", Contribution: natMismatch, Detail: fmt.Sprintf("%s not in %v", q, codes)}, true
}

func genderFeature(q, e string) (Feature, bool) {
	if q == "" || e == "" || q == "X" || q == e {
		return Feature{}, false
	}
	return Feature{Name: "sex", Contribution: genderMismatch, Detail: q + " vs listed " + e}, true
}
