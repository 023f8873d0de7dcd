package loaders

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/matcher"
)

// Validate reports why an entry is unfit for the index, or nil. Every
// loader runs it on every entry before emit, and the fuzz tests hold every
// accepted entry to it, so the index can trust what it is given.
func Validate(e matcher.Entry) error {
	if e.ID == "" || e.ID != clean(e.ID) {
		return fmt.Errorf("id %q is empty or not normalised", e.ID)
	}
	switch e.Subject {
	case matcher.SubjectPerson, matcher.SubjectOrganization, matcher.SubjectVessel, matcher.SubjectAircraft:
		if len(e.Names) == 0 {
			return errors.New("no name")
		}
	case matcher.SubjectDocument:
		if len(e.Documents) == 0 {
			return errors.New("document entry without a document")
		}
	default:
		return fmt.Errorf("unknown subject type %q", e.Subject)
	}
	if err := validateNames(e.Names); err != nil {
		return err
	}
	for _, d := range e.BirthDates {
		if !d.Valid() {
			return fmt.Errorf("birth date %q..%q is not a valid interval", d.From, d.To)
		}
	}
	for _, d := range e.Documents {
		if matcher.NormalizeDocumentNumber(d.Number) == "" {
			return fmt.Errorf("document number %q has no letter or digit", d.Number)
		}
	}
	for _, s := range []string{e.ListedOn, e.DelistedOn} {
		if _, err := time.Parse(time.DateOnly, s); s != "" && err != nil {
			return fmt.Errorf("date %q: want YYYY-MM-DD", s)
		}
	}
	if e.Gender != "" && e.Gender != "M" && e.Gender != "F" {
		return fmt.Errorf("gender %q: want M, F or empty", e.Gender)
	}
	return nil
}

func validateNames(names []matcher.Name) error {
	for _, n := range names {
		if n.Full == "" || n.Full != clean(n.Full) || !utf8.ValidString(n.Full) {
			return fmt.Errorf("name %q is empty or not normalised", n.Full)
		}
		switch n.Kind {
		case matcher.NamePrimary, matcher.NameAlias, matcher.NameFormer, matcher.NameVariation:
		default:
			return fmt.Errorf("name %q: unknown kind %q", n.Full, n.Kind)
		}
	}
	return nil
}
