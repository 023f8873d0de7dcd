package loaders

import (
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// The person details of an EU sanctionEntity: dates and places of birth,
// citizenships and identification documents.

type euBirth struct {
	euPlace
	Date     string `xml:"birthdate,attr"`
	Day      string `xml:"dayOfMonth,attr"`
	Month    string `xml:"monthOfYear,attr"`
	Year     string `xml:"year,attr"`
	From     string `xml:"yearRangeFrom,attr"`
	To       string `xml:"yearRangeTo,attr"`
	Circa    string `xml:"circa,attr"`
	Calendar string `xml:"calendarType,attr"`
}

type euIdentifier struct {
	euCountry
	Number      string `xml:"number,attr"`
	LatinNumber string `xml:"latinNumber,attr"`
	TypeCode    string `xml:"identificationTypeCode,attr"`
	TypeDesc    string `xml:"identificationTypeDescription,attr"`
	IssuedBy    string `xml:"issuedBy,attr"`
	IssueDate   string `xml:"issueDate,attr"`
	ValidTo     string `xml:"validTo,attr"`
	Region      string `xml:"region,attr"`
	NameOnDoc   string `xml:"nameOnDocument,attr"`
	Diplomatic  string `xml:"diplomatic,attr"`
	Expired     string `xml:"knownExpired,attr"`
	False       string `xml:"knownFalse,attr"`
	Lost        string `xml:"reportedLost,attr"`
	Revoked     string `xml:"revokedByIssuer,attr"`
	Remark      string `xml:"remark"`
}

func (x *euEntity) people(e *matcher.Entry) {
	for _, c := range x.Citizenships {
		if n := c.country(); n.Raw != "" {
			e.Nationalities = append(e.Nationalities, n)
		}
	}
	for _, b := range x.BirthDates {
		if d, ok := b.parse(); ok {
			if !hasDate(e.BirthDates, d) {
				e.BirthDates = append(e.BirthDates, d)
			}
		} else if raw := b.raw(); raw != "" {
			addExtra(e, "birth_date", raw)
		}
		if p, ok := b.place(); ok && !hasPlace(e.BirthPlaces, p) {
			e.BirthPlaces = append(e.BirthPlaces, p)
		}
	}
}

// parse uses the Gregorian birthdate attribute when the calendar is not
// Gregorian: the day/month/year parts are then Hijri values (entity 6177
// has year="1402" with birthdate="1982-04-19").
func (b euBirth) parse() (matcher.BirthDate, bool) {
	var d matcher.BirthDate
	ok := false
	gregorian := b.Calendar == "" || strings.EqualFold(b.Calendar, "GREGORIAN")
	switch {
	case clean(b.Date) != "":
		d, ok = textDate(clean(b.Date))
	case !gregorian:
	case clean(b.From) != "" && clean(b.To) != "":
		d, ok = textDate(clean(b.From) + " to " + clean(b.To))
	case clean(b.Year) != "":
		d, ok = textDate(euPartial(b.Year, b.Month, b.Day))
	}
	d.Approximate = strings.EqualFold(b.Circa, "true")
	d.Raw = b.raw()
	return d, ok
}

// euPartial writes year, month and day attributes as an ISO partial date.
func euPartial(y, m, day string) string {
	s := clean(y)
	if mm := number(clean(m)); mm > 0 {
		s += fmt.Sprintf("-%02d", mm)
		if dd := number(clean(day)); dd > 0 {
			s += fmt.Sprintf("-%02d", dd)
		}
	}
	return s
}

func (b euBirth) raw() string {
	s := clean(b.Date)
	if s == "" || (b.Calendar != "" && !strings.EqualFold(b.Calendar, "GREGORIAN")) {
		s = joinClean(" ", s, euPartial(b.Year, b.Month, b.Day))
	}
	if b.From != "" || b.To != "" {
		s = joinClean(" ", s, b.From+"-"+b.To)
	}
	if s != "" && strings.EqualFold(b.Circa, "true") {
		s = "circa " + s
	}
	if s != "" && b.Calendar != "" && !strings.EqualFold(b.Calendar, "GREGORIAN") {
		s += " (" + clean(b.Calendar) + ")"
	}
	return s
}

func hasPlace(ps []matcher.Place, p matcher.Place) bool {
	for _, x := range ps {
		if x.Full == p.Full {
			return true
		}
	}
	return false
}

// euDocTypes are the identificationTypeCodes that are documents a person
// carries; the rest (tradelic, swiftbic, imo, regnumber, taxid, euvat...)
// identify companies or accounts and go to Extra.
var euDocTypes = map[string]matcher.DocumentType{
	"passport": matcher.DocPassport, "id": matcher.DocNationalID, "travelcardid": matcher.DocTravel,
	"residentperm": matcher.DocResidence, "nationcert": matcher.DocOther, "birthcert": matcher.DocOther,
	"drivinglicence": matcher.DocOther, "electionid": matcher.DocOther, "ssn": matcher.DocOther,
	"nrn": matcher.DocNationalID, "unssn": matcher.DocOther, "other": matcher.DocOther,
}

func (id euIdentifier) add(e *matcher.Entry) {
	number := clean(id.Number)
	if matcher.NormalizeDocumentNumber(number) == "" {
		number = clean(id.LatinNumber)
	}
	code := strings.ToLower(clean(id.TypeCode))
	typ, isDoc := euDocTypes[code]
	if !isDoc || matcher.NormalizeDocumentNumber(number) == "" {
		addExtra(e, joinClean(" ", code, id.TypeDesc), joinClean(" ", number, id.Description))
		return
	}
	if strings.EqualFold(id.Diplomatic, "true") && typ == matcher.DocPassport {
		typ = matcher.DocDiplomaticPassport
	}
	d := matcher.Document{Type: typ, TypeRaw: joinClean(" / ", code, id.TypeDesc), Number: number, Country: id.country().Code,
		Status: id.status(), Note: joinClean("; ", id.IssuedBy, id.Region, id.NameOnDoc, id.Remark)}
	d.Issued, _ = isoDate(id.IssueDate)
	d.Expires, _ = isoDate(id.ValidTo)
	if lat := clean(id.LatinNumber); lat != "" && lat != number {
		d.Note = joinClean("; ", d.Note, "latin number "+lat)
	}
	e.Documents = append(e.Documents, d)
}

// status maps the EU document flags, most serious first.
func (id euIdentifier) status() matcher.DocumentStatus {
	switch {
	case strings.EqualFold(id.False, "true"):
		return matcher.StatusFraudulent
	case strings.EqualFold(id.Revoked, "true"):
		return matcher.StatusRevoked
	case strings.EqualFold(id.Lost, "true"):
		return matcher.StatusLost
	case strings.EqualFold(id.Expired, "true"):
		return matcher.StatusExpired
	}
	return matcher.StatusUnknown
}
