package service

import (
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// CheckRequest is the v1 check contract (README, /openapi.json).
type CheckRequest struct {
	Traveller  *Traveller `json:"traveller,omitempty"`
	MRZ        string     `json:"mrz,omitempty"`
	Lists      []string   `json:"lists,omitempty"`
	Checkpoint string     `json:"checkpoint,omitempty"`
	Operator   string     `json:"operator,omitempty"`
	Reference  string     `json:"reference,omitempty"`
}

// Traveller is what the border system knows of the person.
type Traveller struct {
	Name        string              `json:"name,omitempty"`
	Surname     string              `json:"surname,omitempty"`
	GivenNames  string              `json:"given_names,omitempty"`
	DateOfBirth string              `json:"date_of_birth,omitempty"`
	Nationality string              `json:"nationality,omitempty"`
	Sex         string              `json:"sex,omitempty"`
	Documents   []TravellerDocument `json:"documents,omitempty"`
}

// TravellerDocument is a document the traveller presents.
type TravellerDocument struct {
	Number         string `json:"number"`
	Type           string `json:"type,omitempty"`
	IssuingCountry string `json:"issuing_country,omitempty"`
}

// query validates the traveller and turns it into a matcher query. Every
// error names the field at fault. Without an MRZ beside it, the traveller
// must say who (a name) or what (a document) to check.
func (t *Traveller) query(withMRZ bool) (matcher.Query, error) {
	var q matcher.Query
	if n := strings.TrimSpace(t.Name); n != "" {
		q.Names = append(q.Names, n)
	}
	if n := strings.TrimSpace(t.Surname + " " + t.GivenNames); n != "" {
		q.Names = append(q.Names, n)
	}
	for i, d := range t.Documents {
		qd, err := d.query(i)
		if err != nil {
			return q, err
		}
		q.Documents = append(q.Documents, qd)
	}
	if len(q.Names) == 0 && len(q.Documents) == 0 && !withMRZ {
		return q, Errorf(CodeInvalid, "traveller: needs a name (name, or surname and given_names) or a document")
	}
	return q, t.features(&q)
}

func (t *Traveller) features(q *matcher.Query) error {
	if t.DateOfBirth != "" {
		d, err := matcher.ParsePartialDate(t.DateOfBirth)
		if err != nil {
			return Errorf(CodeInvalid, "traveller.date_of_birth: %q is not YYYY, YYYY-MM or YYYY-MM-DD", t.DateOfBirth)
		}
		q.BirthDate = &d
	}
	nat, ok := countryCode(t.Nationality)
	if !ok {
		return countryError("traveller.nationality", t.Nationality)
	}
	q.Nationality = nat
	switch s := strings.ToUpper(strings.TrimSpace(t.Sex)); s {
	case "", "M", "F", "X":
		q.Gender = s
	default:
		return Errorf(CodeInvalid, "traveller.sex: %q is not M, F or X", t.Sex)
	}
	return nil
}

func (d TravellerDocument) query(i int) (matcher.QueryDocument, error) {
	if matcher.NormalizeDocumentNumber(d.Number) == "" {
		return matcher.QueryDocument{}, Errorf(CodeInvalid, "traveller.documents[%d].number: needs at least one letter or digit", i)
	}
	c, ok := countryCode(d.IssuingCountry)
	if !ok {
		return matcher.QueryDocument{}, countryError(fmt.Sprintf("traveller.documents[%d].issuing_country", i), d.IssuingCountry)
	}
	return matcher.QueryDocument{Number: d.Number, Type: documentType(d.Type), Country: c}, nil
}

// countryCode accepts ICAO/ISO alpha-3 codes, and D, the ICAO code for
// Germany; empty is no country. The field name of an error is made only
// when there is one (countryError): this runs for every document of
// every check.
func countryCode(s string) (string, bool) {
	c := strings.ToUpper(strings.TrimSpace(s))
	switch {
	case c == "":
		return "", true
	case c == "D":
		return "DEU", true
	case len(c) == 3 && strings.Trim(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "":
		return c, true
	}
	return "", false
}

func countryError(field, s string) error {
	return Errorf(CodeInvalid, "%s: %q is not a three-letter country code (ISO 3166-1 alpha-3)", field, s)
}

// documentType maps ICAO document codes and plain words to matcher types.
// An unknown type matches any listed type rather than failing the check.
func documentType(s string) matcher.DocumentType {
	t := strings.ToUpper(strings.TrimSpace(s))
	switch {
	case t == "":
		return ""
	case t == "PD" || strings.Contains(t, "DIPLOMATIC"):
		return matcher.DocDiplomaticPassport
	case strings.HasPrefix(t, "P"):
		return matcher.DocPassport
	case strings.HasPrefix(t, "I") || strings.HasPrefix(t, "NATIONAL") || t == "ID":
		return matcher.DocNationalID
	case strings.HasPrefix(t, "V"):
		return matcher.DocVisa
	}
	return matcher.DocOther
}
