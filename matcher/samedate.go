package matcher

import (
	"slices"
	"strconv"
)

// A traveller's full date of birth that is a listed person's too is
// strong evidence (see sameDateLift): with part of the name alike it is a
// review. Such a name scores too little for the candidate stage, which
// skips names that even the date could not lift to review in general;
// widening that stage for every traveller with a date would score twice
// the names. The index therefore keeps the name forms of each exact
// listed date, and a check adds the few forms of its own date.

// dateForms lists the name forms of entries by their exact dates of birth,
// as day<<32 | form, sorted: eight bytes a form with a full date.
type dateForms []uint64

// maxDateForms bounds the forms one date adds to a check: lists write
// placeholder dates (the first of January) for many people, and a
// check must stay bounded whatever the list.
const maxDateForms = 64

// newDateForms indexes the forms of x by the exact dates of their entries.
func (x *Index) newDateForms() dateForms {
	var out dateForms
	for id, f := range x.forms {
		for _, d := range x.entries[f.entry].BirthDates {
			if day, ok := dayNumber(d); ok {
				out = append(out, uint64(day)<<32|uint64(id))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// dayNumber is an exact date as the number YYYYMMDD.
func dayNumber(d BirthDate) (uint32, bool) {
	if d.Precision != PrecisionDay || d.Approximate || !isoDate(d.From) || placeholderDay(&d) {
		return 0, false
	}
	n, err := strconv.ParseUint(d.From[:4]+d.From[5:7]+d.From[8:10], 10, 32)
	return uint32(n), err == nil
}

// of calls fn with the forms listed under the traveller's date, at most
// maxDateForms.
func (df dateForms) of(q *BirthDate, fn func(form uint32)) {
	if q == nil {
		return
	}
	day, ok := dayNumber(*q)
	if !ok {
		return
	}
	i, _ := slices.BinarySearch(df, uint64(day)<<32)
	for n := 0; i < len(df) && uint32(df[i]>>32) == day && n < maxDateForms; i, n = i+1, n+1 {
		fn(uint32(df[i]))
	}
}

// withSameDate adds to the candidates the forms of the traveller's exact
// date of birth that the candidate stage left out.
func (x *Index) withSameDate(sc *scratch, ids []uint32, q *BirthDate) []uint32 {
	if x.opts.Exhaustive || len(x.dates) == 0 {
		return ids
	}
	n := len(ids)
	x.dates.of(q, func(form uint32) {
		if !slices.Contains(ids[:n], form) {
			ids = append(ids, form)
		}
	})
	sc.ids = ids
	return ids
}

// sameDateCandidate reports whether a name scoring score could still be
// lifted to review by sameDateLift: partName of the name or more, and the
// traveller's exact date listed for entry e. It runs only for names the
// other features could not lift, so the dates are rarely read.
func sameDateCandidate(q *BirthDate, e *Entry, score float64) bool {
	if q == nil || score < partName || q.Precision != PrecisionDay || placeholderDay(q) {
		return false
	}
	for _, d := range e.BirthDates {
		if dateContribution(*q, d) == dobExact {
			return true
		}
	}
	return false
}

// placeholderDay reports whether d is the first of January, which many
// civil registries (Afghanistan, Somalia, much of West Africa) write into
// passports when the real birthday is unknown: sharing it is no evidence
// that two people are one, so it never lifts part of a name.
func placeholderDay(d *BirthDate) bool {
	return d != nil && d.Precision == PrecisionDay && len(d.From) == 10 && d.From[5:] == "01-01"
}
