package loaders

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// uk-fcdo-xml: the FCDO UK Sanctions List (UK-Sanctions-List.xml), which
// replaced OFSI's ConList in 2026. Its SanctionsImposedIndicators/TravelBan
// is what a border post most needs: it separates travel bans from
// asset-freeze-only designations. Field notes: formats.md §4b.

const fcdoFormat = "uk-fcdo-xml"

type fcdoDesignation struct {
	UniqueID   string `xml:"UniqueID"`
	GroupID    string `xml:"OFSIGroupID"`
	UNRef      string `xml:"UNReferenceNumber"`
	Designated string `xml:"DateDesignated"`
	Updated    string `xml:"LastUpdated"`
	Names      []struct {
		N1       string `xml:"Name1"`
		N2       string `xml:"Name2"`
		N3       string `xml:"Name3"`
		N4       string `xml:"Name4"`
		N5       string `xml:"Name5"`
		N6       string `xml:"Name6"`
		Type     string `xml:"NameType"`
		Strength string `xml:"AliasStrength"`
	} `xml:"Names>Name"`
	NonLatin []struct {
		Name string `xml:"NameNonLatinScript"`
		Lang string `xml:"NameNonLatinLanguage"`
	} `xml:"NonLatinNames>NonLatinName"`
	Titles     []string `xml:"Titles>Title"`
	Regime     string   `xml:"RegimeName"`
	Kind       string   `xml:"IndividualEntityShip"`
	Source     string   `xml:"DesignationSource"`
	Indicators struct {
		AssetFreeze, TravelBan, ArmsEmbargo, TargetedArmsEmbargo string
	} `xml:"SanctionsImposedIndicators"`
	Other     string `xml:"OtherInformation"`
	Reasons   string `xml:"UKStatementofReasons"`
	Addresses []struct {
		L1     string `xml:"AddressLine1"`
		L2     string `xml:"AddressLine2"`
		L3     string `xml:"AddressLine3"`
		L4     string `xml:"AddressLine4"`
		L5     string `xml:"AddressLine5"`
		L6     string `xml:"AddressLine6"`
		Postal string `xml:"AddressPostalCode"`
		Cntry  string `xml:"AddressCountry"`
	} `xml:"Addresses>Address"`
	Person fcdoIndividual `xml:"IndividualDetails>Individual"`
	IMO    []string       `xml:"ShipDetails>Ship>IMONumbers>IMONumber"`
}

type fcdoIndividual struct {
	DOBs          []string `xml:"DOBs>DOB"`
	Nationalities []string `xml:"Nationalities>Nationality"`
	Genders       []string `xml:"Genders>Gender"`
	Positions     []string `xml:"Positions>Position"`
	Passports     []struct {
		Number string `xml:"PassportNumber"`
		Info   string `xml:"PassportAdditionalInformation"`
	} `xml:"PassportDetails>Passport"`
	NationalIDs []struct {
		Number string `xml:"NationalIdentifierNumber"`
		Info   string `xml:"NationalIdentifierAdditionalInformation"`
	} `xml:"NationalIdentifierDetails>NationalIdentifier"`
	Births []struct {
		Town    string `xml:"TownOfBirth"`
		Country string `xml:"CountryOfBirth"`
	} `xml:"BirthDetails>Location"`
}

func readFCDOXML(parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	return xmlStream(fcdoFormat, parts[filePart], []string{"Designations"}, func(d *xml.Decoder, start xml.StartElement, where string, line int) error {
		var x fcdoDesignation
		if err := decodeItem(fcdoFormat, d, start, where, &x); err != nil {
			return err
		}
		e := x.entry()
		if e.ID == "" {
			return &Error{Format: fcdoFormat, Line: line, Path: where, Field: "UniqueID", Reason: "missing"}
		}
		return locate(emit(e), line, where)
	}, "Designation")
}

func (x *fcdoDesignation) entry() matcher.Entry {
	e := matcher.Entry{ID: clean(x.UniqueID), Subject: ukSubject(x.Kind), Remarks: clean(x.Other)}
	x.names(&e)
	e.Programs = nonEmpty(clean(x.Regime))
	e.Measures = matcher.Measures{
		AssetFreeze: isTrue(x.Indicators.AssetFreeze),
		TravelBan:   isTrue(x.Indicators.TravelBan),
		ArmsEmbargo: isTrue(x.Indicators.ArmsEmbargo) || isTrue(x.Indicators.TargetedArmsEmbargo),
	}
	if d, ok := textDate(x.Designated); ok && d.Precision == matcher.PrecisionDay {
		e.ListedOn = d.From
	}
	ukRefs(&e, x.UNRef, x.GroupID)
	x.Person.add(&e)
	for _, a := range x.Addresses {
		if full := joinClean(", ", a.L1, a.L2, a.L3, a.L4, a.L5, a.L6, a.Postal, a.Cntry); full != "" {
			e.Addresses = append(e.Addresses, matcher.Place{Full: full, Country: countryCode(clean(a.Cntry)), Raw: full})
		}
	}
	for _, t := range x.Titles {
		addExtra(&e, "title", t)
	}
	addExtra(&e, "designation_source", x.Source)
	addExtra(&e, "statement_of_reasons", x.Reasons)
	addExtra(&e, "last_updated", x.Updated)
	for _, imo := range x.IMO {
		addExtra(&e, "imo", imo)
	}
	return e
}

// names: NameType is written "Primary Name" and "Primary name"; Name6 is
// the surname (or the whole name of an entity or ship).
func (x *fcdoDesignation) names(e *matcher.Entry) {
	for _, n := range x.Names {
		kind, q := ukNameKind(n.Type, n.Strength)
		if name, ok := ukName([]string{n.N1, n.N2, n.N3, n.N4, n.N5, n.N6}, kind, q); ok {
			e.Names = append(e.Names, name)
		}
	}
	for _, n := range x.NonLatin {
		if full := clean(n.Name); full != "" {
			e.Names = append(e.Names, matcher.Name{Full: full, Script: detectScript(full), Lang: clean(n.Lang), Kind: matcher.NameAlias, Quality: matcher.QualityStrong})
		}
	}
}

func (p fcdoIndividual) add(e *matcher.Entry) {
	for _, s := range p.DOBs {
		ukDOB(e, s)
	}
	for _, s := range p.Nationalities {
		e.Nationalities = append(e.Nationalities, countries(s)...)
	}
	for _, g := range p.Genders {
		e.Gender = gender(g)
	}
	for _, b := range p.Births {
		if full := joinClean(", ", b.Town, b.Country); full != "" && !hasPlace(e.BirthPlaces, matcher.Place{Full: full}) {
			e.BirthPlaces = append(e.BirthPlaces, matcher.Place{Full: full, City: clean(b.Town), Country: countryCode(clean(b.Country)), Raw: full})
		}
	}
	for _, d := range p.Passports {
		ukDocument(e, matcher.DocPassport, d.Number, d.Info)
	}
	for _, d := range p.NationalIDs {
		ukDocument(e, matcher.DocNationalID, d.Number, d.Info)
	}
	for _, s := range p.Positions {
		addExtra(e, "position", s)
	}
}

func isTrue(s string) bool { return strings.EqualFold(clean(s), "true") }
