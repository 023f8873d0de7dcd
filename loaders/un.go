package loaders

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// un-xml: the UN Security Council consolidated list
// (scsanctions.un.org/resources/xml/en/consolidated.xml, XSD
// sc-sanctions.xsd). Field notes: shared/docs/formats.md §1.

const unFormat = "un-xml"

// unRecord is one INDIVIDUAL or ENTITY; entities use the ENTITY_* children
// and FIRST_NAME for the whole name.
type unRecord struct {
	DataID          string    `xml:"DATAID"`
	First           string    `xml:"FIRST_NAME"`
	Second          string    `xml:"SECOND_NAME"`
	Third           string    `xml:"THIRD_NAME"`
	Fourth          string    `xml:"FOURTH_NAME"`
	ListType        string    `xml:"UN_LIST_TYPE"`
	Ref             string    `xml:"REFERENCE_NUMBER"`
	ListedOn        string    `xml:"LISTED_ON"`
	DelistedOn      string    `xml:"DELISTED_ON"`
	Original        string    `xml:"NAME_ORIGINAL_SCRIPT"`
	Gender          string    `xml:"GENDER"`
	Comments        string    `xml:"COMMENTS1"`
	Titles          []string  `xml:"TITLE>VALUE"`
	Designations    []string  `xml:"DESIGNATION>VALUE"`
	Nationalities   []string  `xml:"NATIONALITY>VALUE"`
	Nationalities2  []string  `xml:"NATIONALITY2>VALUE"`
	LastUpdated     []string  `xml:"LAST_DAY_UPDATED>VALUE"`
	Aliases         []unAlias `xml:"INDIVIDUAL_ALIAS"`
	EntityAliases   []unAlias `xml:"ENTITY_ALIAS"`
	Addresses       []unPlace `xml:"INDIVIDUAL_ADDRESS"`
	EntityAddresses []unPlace `xml:"ENTITY_ADDRESS"`
	DOBs            []unDOB   `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	POBs            []unPlace `xml:"INDIVIDUAL_PLACE_OF_BIRTH"`
	Documents       []unDoc   `xml:"INDIVIDUAL_DOCUMENT"`
	line            int       // where the record starts, for errors
	subject         matcher.SubjectType
}

// readUN streams the file one INDIVIDUAL or ENTITY at a time.
func readUN(parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	roots := []string{"CONSOLIDATED_LIST"}
	return xmlStream(unFormat, parts[filePart], roots, func(d *xml.Decoder, start xml.StartElement, where string, line int) error {
		rec := unRecord{line: line, subject: matcher.SubjectPerson}
		if start.Name.Local == "ENTITY" {
			rec.subject = matcher.SubjectOrganization
		}
		if err := decodeItem(unFormat, d, start, where, &rec); err != nil {
			return err
		}
		e, err := rec.entry()
		if err != nil {
			return recordError(unFormat, line, where, clean(rec.Ref), err)
		}
		return locate(emit(e), line, where)
	}, "INDIVIDUAL", "ENTITY")
}

func (r *unRecord) entry() (matcher.Entry, error) {
	e := matcher.Entry{ID: clean(r.Ref), Subject: r.subject, Remarks: clean(r.Comments)}
	if e.ID == "" {
		return e, fieldError{"REFERENCE_NUMBER", "missing"}
	}
	if err := r.dates(&e); err != nil {
		return e, err
	}
	e.Names = r.names()
	if len(e.Names) == 0 {
		return e, fieldError{"FIRST_NAME", "entry has no name"}
	}
	e.Gender = gender(r.Gender)
	e.Programs = nonEmpty(clean(r.ListType))
	e.Measures = matcher.Measures{AssetFreeze: true, TravelBan: r.subject == matcher.SubjectPerson}
	e.CrossRefs = []matcher.CrossRef{{Scheme: "UN_REF", Value: e.ID}}
	for _, n := range append(r.Nationalities, r.Nationalities2...) {
		e.Nationalities = append(e.Nationalities, countries(n)...)
	}
	r.birth(&e)
	for _, a := range append(r.Addresses, r.EntityAddresses...) {
		if p, ok := a.place("STREET"); ok {
			e.Addresses = append(e.Addresses, p)
		}
	}
	for _, doc := range r.Documents {
		doc.add(&e)
	}
	r.extra(&e)
	r.aliasNotes(&e)
	return e, nil
}

// dates sets LISTED_ON and DELISTED_ON, which may carry an xs:date zone.
func (r *unRecord) dates(e *matcher.Entry) error {
	for _, f := range []struct {
		name, raw string
		dst       *string
	}{{"LISTED_ON", r.ListedOn, &e.ListedOn}, {"DELISTED_ON", r.DelistedOn, &e.DelistedOn}} {
		if strings.TrimSpace(f.raw) == "" {
			continue
		}
		d, ok := isoDate(f.raw)
		if !ok {
			return fieldError{f.name, "not a date: " + clean(f.raw)}
		}
		*f.dst = d
	}
	return nil
}

// extra keeps the fields with no typed slot in matcher.Entry.
func (r *unRecord) extra(e *matcher.Entry) {
	add := func(key string, vals ...string) {
		for _, v := range vals {
			if v = clean(v); v != "" {
				e.Extra = append(e.Extra, matcher.SourceField{Key: key, Value: v})
			}
		}
	}
	add("dataid", r.DataID)
	add("title", r.Titles...)
	add("designation", r.Designations...)
	add("last_updated", r.LastUpdated...)
}

func gender(s string) string {
	switch strings.ToLower(clean(s)) {
	case "male", "m":
		return "M"
	case "female", "f":
		return "F"
	}
	return ""
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
