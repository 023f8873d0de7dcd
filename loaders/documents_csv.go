package loaders

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// documents-csv: lost, stolen and revoked travel documents in the style of
// INTERPOL's SLTD, one document per row and no person:
//
//	issuing_country,type,number,status,reported_on
//	DEU,passport,C01X00T47,stolen,2024-03-01
//
// The match key is issuing state + type + normalised number, never the
// number alone (the same number exists in many countries), so the entry
// id is built from exactly those three: "DEU:passport:C01X00T47".

const docsFormat = "documents-csv"

var docsColumns = []string{"issuing_country", "type", "number", "status", "reported_on"}

// docStatuses maps the status words of the file to matcher statuses.
var docStatuses = map[string]matcher.DocumentStatus{
	"stolen": matcher.StatusStolen, "lost": matcher.StatusLost, "stolen_blank": matcher.StatusStolenBlank,
	"stolen blank": matcher.StatusStolenBlank, "revoked": matcher.StatusRevoked, "invalid": matcher.StatusInvalid,
	"invalidated": matcher.StatusInvalid, "fraudulent": matcher.StatusFraudulent, "expired": matcher.StatusExpired,
	"valid": matcher.StatusValid, "": matcher.StatusUnknown,
}

func readDocumentsCSV(parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	return readDocsRows(parts[filePart], func(e matcher.Entry, _ int) error { return emit(e) })
}

// ReadDocuments streams a documents-csv file like Read, every row
// validated, but hands each entry's line to emit and leaves the check
// that ids are unique to the caller: a list of a hundred million
// documents cannot keep every id in memory, so the caller checks them
// against where it stores them. An error emit returns gets the line.
func ReadDocuments(r io.Reader, emit func(e matcher.Entry, line int) error) error {
	n := 0
	err := readDocsRows(r, func(e matcher.Entry, line int) error {
		if err := Validate(e); err != nil {
			return &Error{Format: docsFormat, Record: e.ID, Reason: err.Error(), Err: ErrInvalidEntry}
		}
		n++
		return emit(e, line)
	})
	if err == nil && n == 0 {
		return &Error{Format: docsFormat, Reason: "no entries found", Err: ErrNoEntries}
	}
	return err
}

func readDocsRows(r io.Reader, emit func(e matcher.Entry, line int) error) error {
	var h header
	return csvRows(docsFormat, "", r, ',', func(w row) error {
		if h == nil {
			var err error
			h, err = readHeader(docsFormat, w, docsColumns, []string{"issuing_country", "type", "number"})
			return err
		}
		e, err := docsEntry(h, w)
		if err != nil {
			return err
		}
		return locate(emit(e, w.line), w.line, "")
	})
}

func docsEntry(h header, w row) (matcher.Entry, error) {
	fail := func(col, reason string) (matcher.Entry, error) {
		return matcher.Entry{}, w.errorAt(docsFormat, "", h[col], col, reason)
	}
	country := h.cell(w, "issuing_country")
	d := matcher.Document{TypeRaw: h.cell(w, "type"), Number: h.cell(w, "number"), Country: countryCode(country)}
	if d.Country == "" {
		return fail("issuing_country", fmt.Sprintf("%q: want an ISO alpha-3 code such as DEU", country))
	}
	if d.Type = docType(d.TypeRaw); d.Type == "" {
		return fail("type", "empty")
	}
	norm := matcher.NormalizeDocumentNumber(d.Number)
	if norm == "" {
		return fail("number", "no letter or digit")
	}
	status, ok := docStatuses[strings.ToLower(h.cell(w, "status"))]
	if !ok {
		return fail("status", "want stolen, lost, stolen_blank, revoked, invalid, fraudulent, expired or valid")
	}
	d.Status = status
	e := matcher.Entry{ID: d.Country + ":" + string(d.Type) + ":" + norm, Subject: matcher.SubjectDocument, Documents: []matcher.Document{d}}
	if s := h.cell(w, "reported_on"); s != "" {
		if e.ListedOn, ok = isoDate(s); !ok || len(s) != 10 {
			return fail("reported_on", "want YYYY-MM-DD")
		}
	}
	return e, nil
}
