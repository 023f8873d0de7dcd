package service

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// docTypes and docStatuses give the one-byte codes of the record
// encoding; code 0 means "the text follows".
var (
	docTypes = []matcher.DocumentType{"", matcher.DocPassport, matcher.DocDiplomaticPassport, matcher.DocNationalID,
		matcher.DocTravel, matcher.DocResidence, matcher.DocVisa, matcher.DocOther}
	docStatuses = []matcher.DocumentStatus{matcher.StatusUnknown, matcher.StatusValid, matcher.StatusExpired, matcher.StatusLost,
		matcher.StatusStolen, matcher.StatusStolenBlank, matcher.StatusRevoked, matcher.StatusInvalid, matcher.StatusFraudulent}
)

// Flags of an encoded record: which optional texts follow.
const (
	docPublished  = 1 << iota // the number as published differs from the key
	docTypeRaw                // the type as published differs from the type
	docOwnID                  // the id is not COUNTRY:type:NUMBER
	docListed                 // reported (listed) on, as text
	docDelisted               // delisted on
	docListedDate             // reported on, packed: YYYYMMDD as a number
)

// EncodeDocuments encodes the records stored under one number compactly
// (about 12 bytes for an SLTD row): a store keeps a hundred million.
func EncodeDocuments(number string, group []matcher.Entry) []byte {
	var out []byte
	for i := range group {
		out = encodeDocument(out, number, &group[i])
	}
	return out
}

func encodeDocument(out []byte, number string, e *matcher.Entry) []byte {
	d := &e.Documents[0]
	var flags byte
	if d.Number != number {
		flags |= docPublished
	}
	if d.TypeRaw != string(d.Type) {
		flags |= docTypeRaw
	}
	if !isDocumentID(e.ID, d.Country, d.Type, number) {
		flags |= docOwnID
	}
	listed, packed := packDate(e.ListedOn)
	switch {
	case packed:
		flags |= docListedDate
	case e.ListedOn != "":
		flags |= docListed
	}
	if e.DelistedOn != "" {
		flags |= docDelisted
	}
	out = append(out, flags)
	out = appendText(out, d.Country)
	out = appendCode(out, codeOf(docTypes, d.Type), string(d.Type))
	out = appendCode(out, codeOf(docStatuses, d.Status), string(d.Status))
	for i, text := range [...]string{d.Number, d.TypeRaw, e.ID, e.ListedOn, e.DelistedOn} {
		if flags&(1<<i) != 0 {
			out = appendText(out, text)
		}
	}
	if packed {
		out = binary.AppendUvarint(out, listed)
	}
	return out
}

// packDate turns YYYY-MM-DD into the number YYYYMMDD (4 bytes as a
// varint instead of 11 as text); false for anything else.
func packDate(s string) (uint64, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + uint64(s[i]-'0')
	}
	return n, true
}

func unpackDate(n uint64) string {
	return fmt.Sprintf("%04d-%02d-%02d", n/10000, n/100%100, n%100)
}

// documentID is the id the documents-csv loader gives a record.
func documentID(country string, typ matcher.DocumentType, number string) string {
	return country + ":" + string(typ) + ":" + number
}

// isDocumentID reports whether id is documentID(country, typ, number),
// without building it: the encoder asks for every record.
func isDocumentID(id, country string, typ matcher.DocumentType, number string) bool {
	rest, ok := strings.CutPrefix(id, country+":")
	if !ok {
		return false
	}
	rest, ok = strings.CutPrefix(rest, string(typ))
	return ok && rest == ":"+number
}

func codeOf[T comparable](table []T, v T) int {
	for i, t := range table {
		if t == v && i > 0 {
			return i
		}
	}
	return 0
}

func appendCode(out []byte, code int, text string) []byte {
	out = append(out, byte(code))
	if code == 0 {
		out = appendText(out, text)
	}
	return out
}

func appendText(out []byte, s string) []byte {
	out = binary.AppendUvarint(out, uint64(len(s)))
	return append(out, s...)
}

// errBadRecord is a stored record that does not decode: the store holds
// something crosscheck did not write.
var errBadRecord = errors.New("malformed document record")

// DecodeDocuments decodes what EncodeDocuments encoded for number.
func DecodeDocuments(number string, data []byte) ([]matcher.Entry, error) {
	var out []matcher.Entry
	for r := (recordReader{data: data}); len(r.data) > 0; {
		e, err := r.document(number)
		if err != nil {
			return nil, fmt.Errorf("record %d of a number: %w", len(out), err) // no document number: errors reach logs
		}
		out = append(out, e)
	}
	return out, nil
}

// recordReader reads encoded records; its first failure sticks.
type recordReader struct {
	data []byte
	err  error
}

func (r *recordReader) document(number string) (matcher.Entry, error) {
	flags := r.byte()
	d := matcher.Document{Number: number, Country: r.text()}
	d.Type = matcher.DocumentType(r.code(len(docTypes), func(i int) string { return string(docTypes[i]) }))
	d.Status = matcher.DocumentStatus(r.code(len(docStatuses), func(i int) string { return string(docStatuses[i]) }))
	d.TypeRaw = string(d.Type)
	e := matcher.Entry{Subject: matcher.SubjectDocument}
	e.ID = documentID(d.Country, d.Type, number)
	for _, o := range []struct {
		flag byte
		dst  *string
	}{{docPublished, &d.Number}, {docTypeRaw, &d.TypeRaw}, {docOwnID, &e.ID}, {docListed, &e.ListedOn}, {docDelisted, &e.DelistedOn}} {
		if flags&o.flag != 0 {
			*o.dst = r.text()
		}
	}
	if flags&docListedDate != 0 {
		e.ListedOn = r.date()
	}
	e.Documents = []matcher.Document{d}
	return e, r.err
}

func (r *recordReader) byte() byte {
	if len(r.data) == 0 {
		r.err = errBadRecord
		return 0
	}
	b := r.data[0]
	r.data = r.data[1:]
	return b
}

func (r *recordReader) code(n int, text func(int) string) string {
	c := int(r.byte())
	switch {
	case c == 0:
		return r.text()
	case c < n:
		return text(c)
	}
	r.err = errBadRecord
	return ""
}

func (r *recordReader) date() string {
	n, k := binary.Uvarint(r.data)
	if k <= 0 || n > 99991231 {
		r.err = errBadRecord
		r.data = nil
		return ""
	}
	r.data = r.data[k:]
	return unpackDate(n)
}

func (r *recordReader) text() string {
	n, k := binary.Uvarint(r.data)
	if k <= 0 || uint64(len(r.data)-k) < n {
		r.err = errBadRecord
		r.data = nil
		return ""
	}
	s := string(r.data[k : k+int(n)])
	r.data = r.data[k+int(n):]
	return s
}
