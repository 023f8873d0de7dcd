package loaders

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// row is one CSV record with what an error message needs to point at it.
type row struct {
	fields []string
	line   int
	r      *csv.Reader
}

// get returns field i, cleaned, or "" when the row is short.
func (w row) get(i int) string {
	if i < len(w.fields) {
		return clean(w.fields[i])
	}
	return ""
}

// errorAt builds an *Error pointing at field i of the row.
func (w row) errorAt(format, part string, i int, field, reason string) *Error {
	e := &Error{Format: format, Part: part, Line: w.line, Field: field, Reason: reason}
	if i >= 0 && i < len(w.fields) {
		e.Line, e.Column = w.r.FieldPos(i)
	}
	return e
}

// csvRows streams the records of a delimited file to fn. It handles what
// every real CSV list needs: a BOM, CR LF, bare quotes inside unquoted
// fields (EU), the DOS end-of-file byte 0x1A (OFAC), and it rejects
// invalid UTF-8 with the line and column of the bad field, because a
// wrongly encoded name would silently never match.
func csvRows(format, part string, r io.Reader, comma rune, fn func(row) error) error {
	cr := csv.NewReader(skipBOM(r))
	cr.Comma = comma
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(format, part, cr, err)
		}
		if len(rec) == 1 && strings.Trim(rec[0], "\x1a \r\n") == "" {
			continue // DOS EOF marker or a blank line
		}
		line, _ := cr.FieldPos(0)
		w := row{fields: rec, line: line, r: cr}
		for i, f := range rec {
			if !utf8.ValidString(f) {
				return w.errorAt(format, part, i, fmt.Sprintf("column %d", i+1), "invalid UTF-8 (the file must be UTF-8 encoded)")
			}
		}
		if err := fn(w); err != nil {
			return err
		}
	}
}

func csvError(format, part string, cr *csv.Reader, err error) error {
	e := &Error{Format: format, Part: part, Reason: "malformed CSV", Err: err}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		e.Line, e.Column, e.Err = pe.Line, pe.Column, pe.Err
	} else {
		e.Line, _ = cr.FieldPos(0)
	}
	return e
}

// ofacNull is OFAC's null marker, often written "-0- " with a space.
func ofacNull(s string) string {
	if s = clean(s); s == "-0-" {
		return ""
	}
	return s
}

// tailReader remembers the last byte read. OFAC files always end with a
// line break (and 0x1A); one that ends mid-line was cut short in
// transfer, and its last row may still parse, so the end is checked.
type tailReader struct {
	r    io.Reader
	last byte
}

func (t *tailReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.last = p[n-1]
	}
	return n, err
}

// complete reports whether the file ended at a line break or 0x1A.
func (t *tailReader) complete() bool {
	return t.last == 0 || t.last == '\n' || t.last == '\r' || t.last == 0x1a
}
