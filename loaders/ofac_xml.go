package loaders

import (
	"encoding/xml"
	"io"

	"github.com/crosscheck/crosscheck/matcher"
)

// ofac-xml: OFAC's SDN.XML / consolidated.xml (sdnList schema). The
// namespace changes between publications (tempuri.org in 2018), so
// elements are matched by local name. Field notes: formats.md §2b.

const ofacXMLFormat = "ofac-xml"

type ofacXMLEntry struct {
	UID      string   `xml:"uid"`
	First    string   `xml:"firstName"`
	Last     string   `xml:"lastName"`
	Title    string   `xml:"title"`
	Type     string   `xml:"sdnType"`
	Remarks  string   `xml:"remarks"`
	Programs []string `xml:"programList>program"`
	IDs      []struct {
		Type    string `xml:"idType"`
		Number  string `xml:"idNumber"`
		Country string `xml:"idCountry"`
		Issued  string `xml:"issueDate"`
		Expires string `xml:"expirationDate"`
	} `xml:"idList>id"`
	AKAs []struct {
		Type     string `xml:"type"`
		Category string `xml:"category"`
		Last     string `xml:"lastName"`
		First    string `xml:"firstName"`
	} `xml:"akaList>aka"`
	Addresses []struct {
		A1      string `xml:"address1"`
		A2      string `xml:"address2"`
		A3      string `xml:"address3"`
		City    string `xml:"city"`
		State   string `xml:"stateOrProvince"`
		Postal  string `xml:"postalCode"`
		Country string `xml:"country"`
	} `xml:"addressList>address"`
	Nationalities []string `xml:"nationalityList>nationality>country"`
	Citizenships  []string `xml:"citizenshipList>citizenship>country"`
	DOBs          []string `xml:"dateOfBirthList>dateOfBirthItem>dateOfBirth"`
	POBs          []string `xml:"placeOfBirthList>placeOfBirthItem>placeOfBirth"`
	Vessel        struct {
		CallSign string `xml:"callSign"`
		Type     string `xml:"vesselType"`
		Flag     string `xml:"vesselFlag"`
		Owner    string `xml:"vesselOwner"`
		Tonnage  string `xml:"tonnage"`
		GRT      string `xml:"grossRegisteredTonnage"`
	} `xml:"vesselInfo"`
}

func readOFACXML(parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	return xmlStream(ofacXMLFormat, parts[filePart], []string{"sdnList"}, func(d *xml.Decoder, start xml.StartElement, where string, line int) error {
		var x ofacXMLEntry
		if err := decodeItem(ofacXMLFormat, d, start, where, &x); err != nil {
			return err
		}
		e := x.entry()
		if e.ID == "" || !isDigits(e.ID) {
			return &Error{Format: ofacXMLFormat, Line: line, Path: where, Field: "uid", Reason: "missing or not a number"}
		}
		return locate(emit(e), line, where)
	}, "sdnEntry")
}

func (x *ofacXMLEntry) entry() matcher.Entry {
	e := matcher.Entry{ID: clean(x.UID), Subject: ofacSubject(clean(x.Type)), Remarks: clean(x.Remarks)}
	e.Measures.AssetFreeze = true
	e.Names = append(e.Names, ofacXMLName(x.First, x.Last, e.Subject, matcher.NamePrimary, matcher.QualityStrong)...)
	for _, a := range x.AKAs {
		kind, q := matcher.NameAlias, matcher.QualityStrong
		if clean(a.Type) == "f.k.a." {
			kind = matcher.NameFormer
		}
		if clean(a.Category) == "weak" {
			q = matcher.QualityWeak
		}
		e.Names = append(e.Names, ofacXMLName(a.First, a.Last, e.Subject, kind, q)...)
	}
	for _, p := range x.Programs {
		e.Programs = append(e.Programs, nonEmpty(clean(p))...)
	}
	x.people(&e)
	x.ids(&e)
	for _, a := range x.Addresses {
		if full := joinClean(", ", a.A1, a.A2, a.A3, a.City, a.State, a.Postal, a.Country); full != "" {
			e.Addresses = append(e.Addresses, matcher.Place{Full: full, City: clean(a.City), Region: clean(a.State), Country: countryCode(clean(a.Country)), Raw: full})
		}
	}
	v := x.Vessel
	addExtra(&e, "title", x.Title)
	addExtra(&e, "call_sign", v.CallSign)
	addExtra(&e, "vessel_type", v.Type)
	addExtra(&e, "vessel_flag", v.Flag)
	addExtra(&e, "vessel_owner", v.Owner)
	addExtra(&e, "tonnage", v.Tonnage)
	addExtra(&e, "grt", v.GRT)
	return e
}

// people adds dates and places of birth, nationalities and citizenships.
func (x *ofacXMLEntry) people(e *matcher.Entry) {
	for _, s := range x.DOBs {
		if d, ok := textDate(s); ok {
			e.BirthDates = append(e.BirthDates, d)
		} else {
			addExtra(e, "birth_date", s)
		}
	}
	for _, s := range x.POBs {
		if s = clean(s); s != "" {
			e.BirthPlaces = append(e.BirthPlaces, ofacPlace(s))
		}
	}
	for _, s := range append(x.Nationalities, x.Citizenships...) {
		e.Nationalities = append(e.Nationalities, countries(s)...)
	}
}

// ids keeps identity documents and gender; idList also holds websites,
// e-mail addresses, sanction notes and registration numbers, which are not
// documents and go to Extra under their idType.
func (x *ofacXMLEntry) ids(e *matcher.Entry) {
	for _, id := range x.IDs {
		typ, num := clean(id.Type), clean(id.Number)
		switch {
		case typ == "Gender":
			e.Gender = gender(num)
		case isOFACDocType(typ) && matcher.NormalizeDocumentNumber(num) != "":
			d := matcher.Document{Type: docType(typ), TypeRaw: typ, Number: num, Country: countryCode(clean(id.Country))}
			if iss, ok := textDate(id.Issued); ok && iss.Precision == matcher.PrecisionDay {
				d.Issued = iss.From
			}
			if exp, ok := textDate(id.Expires); ok && exp.Precision == matcher.PrecisionDay {
				d.Expires = exp.From
			}
			e.Documents = append(e.Documents, d)
		default:
			addExtra(e, typ, joinClean(" ", num, id.Country))
		}
	}
}

func isOFACDocType(t string) bool {
	for _, p := range ofacDocPrefixes {
		if t == p {
			return true
		}
	}
	return false
}

// ofacXMLName joins OFAC's firstName and lastName in reading order.
func ofacXMLName(first, last string, subject matcher.SubjectType, kind matcher.NameKind, q matcher.Quality) []matcher.Name {
	first, last = clean(first), clean(last)
	full := joinClean(" ", first, last)
	if full == "" {
		return nil
	}
	n := matcher.Name{Full: full, Script: detectScript(full), Kind: kind, Quality: q}
	if first != "" && last != "" && subject == matcher.SubjectPerson {
		n.Parts = []string{first, last}
	}
	return []matcher.Name{n}
}

// addExtra keeps a source field with no typed slot, if it has a value.
func addExtra(e *matcher.Entry, key, value string) {
	if value = clean(value); value != "" && key != "" {
		e.Extra = append(e.Extra, matcher.SourceField{Key: key, Value: value})
	}
}
