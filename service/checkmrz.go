package service

import (
	"errors"
	"time"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/matcher/mrz"
)

// mrzQuery reads a raw MRZ into the traveller query. A bad check digit
// does not stop the check (the officer still needs an answer): the check
// runs on the fields as read and the failures come back as warnings. An
// MRZ that cannot be read at all is an invalid request naming the line
// and position.
func mrzQuery(text string, now time.Time) (matcher.Query, []string, error) {
	m, err := mrz.ParseWithOptions(text, mrz.Options{Now: now})
	var perr *mrz.Error
	if errors.As(err, &perr) {
		return matcher.Query{}, nil, Errorf(CodeInvalid, "mrz: %s", perr.Error())
	}
	if err != nil {
		return matcher.Query{}, nil, Errorf(CodeInvalid, "mrz: not a readable MRZ")
	}
	q := matcher.Query{TruncatedName: m.Truncated, Nationality: m.NationalityISO}
	if name := m.FullName(); name != "" {
		q.Names = []string{name}
	}
	if d, err := matcher.ParsePartialDate(m.BirthDate); err == nil && m.BirthDate != "" {
		q.BirthDate = &d
	}
	if m.Sex == "M" || m.Sex == "F" {
		q.Gender = m.Sex
	}
	if m.DocumentNumber != "" {
		q.Documents = []matcher.QueryDocument{{Number: m.DocumentNumber, Type: documentType(m.DocumentCode), Country: m.IssuingStateISO}}
	}
	return q, m.Warnings, nil
}

// merge adds what a traveller object says to what the MRZ says: both
// names are searched, and the traveller's fields fill gaps in the MRZ.
func merge(fromMRZ, fromTraveller matcher.Query) matcher.Query {
	q := fromMRZ
	q.Names = append(q.Names, fromTraveller.Names...)
	q.Documents = append(q.Documents, fromTraveller.Documents...)
	if q.BirthDate == nil {
		q.BirthDate = fromTraveller.BirthDate
	}
	if q.Nationality == "" {
		q.Nationality = fromTraveller.Nationality
	}
	if q.Gender == "" {
		q.Gender = fromTraveller.Gender
	}
	return q
}
