package matcher

import "strings"

// Contributions of the signals beyond the name. A clear date-of-birth
// mismatch counts strongly against; near misses (±1 year, day and month
// swapped) only mildly, since they are common clerical errors. The same
// full date on both sides is strong evidence (two people share one by
// chance about once in twenty thousand): two of three words alike score
// 2/3, and 2/3 + dobExact reaches the default review threshold (0.82);
// sameDateLift carries even part of a name to review. A year or a range
// that merely contains the date says little. A clear mismatch takes an
// exact name from hit to review, and a name that only contains the
// listed one (a relative: RANA SADDAM HUSSEIN) below review.
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

// partName is the name score that the same full date of birth carries to
// review: one word alike of two on one side and of three on the other, as
// when a listed person goes by a short given name without the second
// surname (RAFA MARQUEZ for the listed RAFAEL MARQUEZ ALVAREZ, 0.47), or
// one of two on both sides (0.5). On OFAC SDN + UN (5,350 persons) it
// lifts 5 of 50,000 made-up travellers of negatives_us and 7 of
// negatives_global to review (0.5: 0 and 4).
const partName = 0.45

// sameDateLift is the feature that lifts a score to the policy's review
// threshold when the traveller's full date of birth is the listed one, at
// least partName of the name matches and nothing counts against (another
// nationality or sex): a listed person travelling under another given
// name with the real surname and birth date (MARIANO RICCIO born
// 1991-06-28 for the listed MARIO RICCIO, same date). It never makes a
// hit: that needs the name. The first of January never lifts (see
// placeholderDay). ok is false when it does not apply.
func sameDateLift(score, nameScore float64, q *BirthDate, feats []Feature, p Policy) (Feature, bool) {
	if nameScore < partName || score >= p.Review || placeholderDay(q) {
		return Feature{}, false
	}
	exact := false
	for _, f := range feats {
		if f.Contribution < 0 && f.Name != "weak_alias" {
			return Feature{}, false
		}
		exact = exact || f.Name == "date_of_birth" && f.Contribution == dobExact
	}
	if !exact {
		return Feature{}, false
	}
	return Feature{Name: "same_date_of_birth", Contribution: round3(p.Review - score),
		Detail: "the same full date of birth carries part of the name to review"}, true
}

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
// the entry: the best one counts. Only the best one's detail is written,
// since this runs for every scored candidate.
func dobFeature(q *BirthDate, e []BirthDate) (Feature, bool) {
	if q == nil || len(e) == 0 {
		return Feature{}, false
	}
	best, bestAt := dobMismatch, 0
	for i, d := range e {
		if c := dateContribution(*q, d); c > best {
			best, bestAt = c, i
		}
	}
	return Feature{Name: "date_of_birth", Contribution: best, Detail: dateDetail(*q, e[bestAt], best)}, true
}

func dateContribution(q, e BirthDate) float64 {
	switch {
	case q.Precision == PrecisionDay && e.Precision == PrecisionDay && q.From == e.From && !e.Approximate:
		return dobExact
	case q.From <= e.To && e.From <= q.To:
		return dobMatch
	case nearDates(q, e):
		return dobNear
	}
	return dobMismatch
}

func dateDetail(q, e BirthDate, c float64) string {
	interval := e.From + ".." + e.To
	switch c {
	case dobExact:
		return q.Raw + " same date"
	case dobMatch:
		return q.Raw + " within " + interval
	case dobNear:
		return q.Raw + " near " + interval + " (one year off or day and month swapped)"
	}
	return q.Raw + " outside " + interval
}

// nearDates: within a year of the interval, or an exact date whose day and
// month are swapped. Dates are ISO strings, compared as year and month-day
// without parsing: this runs for every scored candidate.
func nearDates(q, e BirthDate) bool {
	if !isoDate(q.From) || !isoDate(q.To) || !isoDate(e.From) || !isoDate(e.To) {
		return false
	}
	if compareShifted(q.From, e.To, 1) <= 0 && compareShifted(q.To, e.From, -1) >= 0 {
		return true
	}
	return q.Precision == PrecisionDay && e.Precision == PrecisionDay &&
		q.From[:4] == e.From[:4] && q.From[5:7] == e.From[8:10] && q.From[8:10] == e.From[5:7]
}

// isoDate reports whether s has the shape YYYY-MM-DD.
func isoDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := range len(s) {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// compareShifted compares ISO date a with ISO date b moved by whole years,
// month and day kept (2000-02-29 plus a year compares as 2001-02-29,
// between the 28th of February and the 1st of March).
func compareShifted(a, b string, years int) int {
	if ya, yb := isoYear(a), isoYear(b)+years; ya != yb {
		return ya - yb
	}
	return strings.Compare(a[4:], b[4:])
}

func isoYear(s string) int {
	return int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
}

func nationalityFeature(q string, e []Country) (Feature, bool) {
	listed := false
	for _, c := range e {
		if c.Code == q && q != "" {
			return Feature{Name: "nationality", Contribution: natMatch, Detail: q + " listed"}, true
		}
		listed = listed || c.Code != ""
	}
	if q == "" || !listed {
		return Feature{}, false
	}
	codes := make([]string, 0, len(e))
	for _, c := range e {
		if c.Code != "" {
			codes = append(codes, c.Code)
		}
	}
	return Feature{Name: "nationality", Contribution: natMismatch, Detail: q + " not in [" + strings.Join(codes, " ") + "]"}, true
}

func genderFeature(q, e string) (Feature, bool) {
	if q == "" || e == "" || q == "X" || q == e {
		return Feature{}, false
	}
	return Feature{Name: "sex", Contribution: genderMismatch, Detail: q + " vs listed " + e}, true
}
