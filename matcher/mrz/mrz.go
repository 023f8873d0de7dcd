package mrz

import (
	"fmt"
	"strings"
	"time"
)

// Format is the layout of an MRZ.
type Format int

// The layouts of Doc 9303. MRV-A and MRV-B share their sizes with TD3 and
// TD2; the document code's first letter V tells them apart.
const (
	TD1  Format = iota + 1 // identity card, 3 lines of 30
	TD2                    // card, 2 lines of 36
	TD3                    // passport, 2 lines of 44
	MRVA                   // visa, 2 lines of 44
	MRVB                   // visa, 2 lines of 36
)

// String returns the Doc 9303 name of the layout, e.g. "MRV-A".
func (f Format) String() string {
	switch f {
	case TD1:
		return "TD1"
	case TD2:
		return "TD2"
	case TD3:
		return "TD3"
	case MRVA:
		return "MRV-A"
	case MRVB:
		return "MRV-B"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// MarshalText writes the layout by name, so JSON shows "TD3", not 3.
func (f Format) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// Field names used in Check.Field and in warnings.
const (
	FieldDocumentNumber = "document number"
	FieldBirthDate      = "birth date"
	FieldExpiryDate     = "expiry date"
	FieldPersonalNumber = "personal number"
	FieldComposite      = "composite"
)

// Check is the result of verifying one check digit.
type Check struct {
	Field    string `json:"field"`    // one of the Field constants
	Expected string `json:"expected"` // the digit computed from the data
	Found    string `json:"found"`    // the character printed in the MRZ
	OK       bool   `json:"ok"`
	// Note explains an accepted deviation, e.g. a Belgian long document
	// number whose check digit includes the filler at position 15.
	Note string `json:"note,omitempty"`
}

// MRZ is a parsed machine readable zone. Text fields have their trailing
// fillers removed; names and optional data have inner fillers turned into
// single spaces.
type MRZ struct {
	Format       Format `json:"format"`
	DocumentCode string `json:"documentCode"` // "P", "PO", "ID", "I", "VB": one or two letters
	// IssuingState and Nationality are the codes as printed ("D", "GBD",
	// "XXA"); the ISO fields hold the ISO 3166 alpha-3 country they denote
	// ("DEU", "GBR"), empty when the code names no country (XXA, UNO, UTO)
	// or is unknown.
	IssuingState    string `json:"issuingState"`
	IssuingStateISO string `json:"issuingStateISO"`
	Surname         string `json:"surname"`    // primary identifier; may be empty
	GivenNames      string `json:"givenNames"` // secondary identifier, words joined by spaces
	// Truncated is set when the name field is full to its last position, so
	// the last name word (the last given name, or the last surname word when
	// there are no given names) may be cut and should match as a prefix.
	Truncated      bool   `json:"truncated,omitempty"`
	DocumentNumber string `json:"documentNumber"`
	// LongDocumentNumber is set when a TD1 or TD2 number longer than nine
	// characters continues in the optional data (Doc 9303-5 note j).
	LongDocumentNumber bool   `json:"longDocumentNumber,omitempty"`
	Nationality        string `json:"nationality"`
	NationalityISO     string `json:"nationalityISO"`
	// BirthDate and ExpiryDate are "YYYY-MM-DD", or "YYYY-MM" and "YYYY"
	// when the MRZ fills the unknown parts with '<'; empty when unreadable.
	BirthDate      string `json:"birthDate"`
	Sex            string `json:"sex"` // "M", "F", "X" or "<" (unspecified), as printed
	ExpiryDate     string `json:"expiryDate"`
	PersonalNumber string `json:"personalNumber,omitempty"` // TD3 only
	Optional1      string `json:"optional1,omitempty"`      // TD1 line 1, TD2 and visa line 2 optional data
	Optional2      string `json:"optional2,omitempty"`      // TD1 line 2 optional data

	Checks   []Check  `json:"checks"`             // every check digit, in the order they appear
	Warnings []string `json:"warnings,omitempty"` // failed checks and other oddities, for the officer
	Lines    []string `json:"lines"`              // the MRZ as read: upper case, corrected when asked
}

// Options tune parsing.
type Options struct {
	// Now is the reference for two-digit years: a birth date is the most
	// recent one not after Now, an expiry date lies within fifty years of
	// Now. When zero, expiry years are 20YY and a birth date is the most
	// recent one not after the expiry date.
	Now time.Time
	// CorrectOCR replaces letters read in digit-only positions (dates,
	// check digits) with the digits they resemble, and digits in
	// letter-only positions (codes, names) with letters, e.g. O↔0, I↔1,
	// S↔5, B↔8, Z↔2. Every correction is reported as a warning.
	CorrectOCR bool
}

// FullName returns the given names followed by the surname.
func (m *MRZ) FullName() string {
	return strings.TrimSpace(m.GivenNames + " " + m.Surname)
}

// Valid reports whether every check digit is correct.
func (m *MRZ) Valid() bool {
	for _, c := range m.Checks {
		if !c.OK {
			return false
		}
	}
	return true
}

// String returns the MRZ lines as read, separated by newlines. Parsing it
// again gives the same fields.
func (m *MRZ) String() string { return strings.Join(m.Lines, "\n") }

// Error says why a text is not a readable MRZ. Line and Position are
// 1-based; they are zero when the problem concerns the whole text.
type Error struct {
	Line     int
	Position int
	Reason   string
}

func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return e.Reason
	case e.Position == 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return fmt.Sprintf("line %d, position %d: %s", e.Line, e.Position, e.Reason)
}
