package loaders

import (
	"encoding/xml"
	"io"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// eu-xml: the EU Financial Sanctions Files consolidated list v1.1
// (xmlFullSanctionsList_1_1). Everything sits in attributes; every child
// carries a regulationSummary that is skipped. Field notes: formats.md §3.

const euFormat = "eu-xml"

type euEntity struct {
	LogicalID  string   `xml:"logicalId,attr"`
	EURef      string   `xml:"euReferenceNumber,attr"`
	UNRef      string   `xml:"unitedNationId,attr"`
	Designated string   `xml:"designationDate,attr"`
	Delisted   string   `xml:"delistingDate,attr"`
	Remarks    []string `xml:"remark"`
	Programmes []struct {
		Programme string `xml:"programme,attr"`
	} `xml:"regulation"`
	Subject struct {
		Code string `xml:"code,attr"`
	} `xml:"subjectType"`
	Names []struct {
		First    string `xml:"firstName,attr"`
		Middle   string `xml:"middleName,attr"`
		Last     string `xml:"lastName,attr"`
		Whole    string `xml:"wholeName,attr"`
		Gender   string `xml:"gender,attr"`
		Lang     string `xml:"nameLanguage,attr"`
		Strong   string `xml:"strong,attr"`
		Function string `xml:"function,attr"`
		Title    string `xml:"title,attr"`
		Remark   string `xml:"remark"`
	} `xml:"nameAlias"`
	Citizenships []euCountry    `xml:"citizenship"`
	BirthDates   []euBirth      `xml:"birthdate"`
	Addresses    []euPlace      `xml:"address"`
	IDs          []euIdentifier `xml:"identification"`
}

type euCountry struct {
	ISO2        string `xml:"countryIso2Code,attr"`
	Description string `xml:"countryDescription,attr"`
}

type euPlace struct {
	euCountry
	Street string `xml:"street,attr"`
	City   string `xml:"city,attr"`
	POBox  string `xml:"poBox,attr"`
	Zip    string `xml:"zipCode,attr"`
	Region string `xml:"region,attr"`
	Place  string `xml:"place,attr"`
}

func readEUXML(parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	return xmlStream(euFormat, parts[filePart], []string{"export"}, func(d *xml.Decoder, start xml.StartElement, where string, line int) error {
		var x euEntity
		if err := decodeItem(euFormat, d, start, where, &x); err != nil {
			return err
		}
		e, err := x.entry()
		if err != nil {
			return recordError(euFormat, line, where, clean(x.LogicalID), err)
		}
		if len(e.Names) == 0 && len(e.Documents) == 0 {
			return nil // nothing a check could ever match: no nameAlias, no document
		}
		return locate(emit(e), line, where)
	}, "sanctionEntity")
}

func (x *euEntity) entry() (matcher.Entry, error) {
	e := matcher.Entry{ID: clean(x.LogicalID), Subject: matcher.SubjectOrganization}
	if e.ID == "" {
		return e, fieldError{"logicalId", "missing"}
	}
	if clean(x.Subject.Code) == "person" {
		e.Subject = matcher.SubjectPerson
	}
	var ok bool
	if s := clean(x.Designated); s != "" {
		if e.ListedOn, ok = isoDate(s); !ok {
			return e, fieldError{"designationDate", "not a date: " + s}
		}
	}
	if s := clean(x.Delisted); s != "" {
		if e.DelistedOn, ok = isoDate(s); !ok {
			return e, fieldError{"delistingDate", "not a date: " + s}
		}
	}
	x.names(&e)
	x.people(&e)
	for _, id := range x.IDs {
		id.add(&e)
	}
	for _, a := range x.Addresses {
		if p, ok := a.place(); ok {
			e.Addresses = append(e.Addresses, p)
		}
	}
	x.listing(&e)
	return e, nil
}

// listing sets programmes, remarks, cross references and measures. The EU
// file does not say per entry which measures apply; a travel ban is set
// only where a remark names one, an asset freeze always.
func (x *euEntity) listing(e *matcher.Entry) {
	for _, r := range x.Programmes {
		if p := clean(r.Programme); p != "" && !slices.Contains(e.Programs, p) {
			e.Programs = append(e.Programs, p)
		}
	}
	e.Remarks = joinClean("; ", x.Remarks...)
	e.Measures = matcher.Measures{AssetFreeze: true, TravelBan: strings.Contains(strings.ToLower(e.Remarks), "travel ban")}
	if ref := clean(x.EURef); ref != "" {
		e.CrossRefs = append(e.CrossRefs, matcher.CrossRef{Scheme: "EU_REF", Value: ref})
	}
	if ref := clean(x.UNRef); ref != "" {
		e.CrossRefs = append(e.CrossRefs, matcher.CrossRef{Scheme: "UN_REF", Value: ref})
	}
}

// names: the EU has no primary-name flag, so the primary name is the
// first of the best-ranked aliases (euPrimaryRank). Quality comes from strong="false" or from a remark
// ("low quality alias", with the typos seen in the file).
func (x *euEntity) names(e *matcher.Entry) {
	primary, best := 0, -1
	for _, a := range x.Names {
		full := clean(a.Whole)
		if full == "" {
			full = joinClean(" ", a.First, a.Middle, a.Last)
		}
		if full == "" {
			continue
		}
		n := matcher.Name{Full: full, Script: detectScript(full), Lang: strings.ToLower(clean(a.Lang)), Kind: matcher.NameAlias, Quality: euQuality(a.Strong, a.Remark)}
		for _, p := range []string{a.First, a.Middle, a.Last} {
			if p = clean(p); p != "" {
				n.Parts = append(n.Parts, p)
			}
		}
		if euPrimaryRank(n) > best {
			primary, best = len(e.Names), euPrimaryRank(n)
		}
		e.Names = append(e.Names, n)
		if g := gender(a.Gender); g != "" {
			e.Gender = g
		}
		addExtra(e, "function", a.Function)
		addExtra(e, "title", a.Title)
	}
	if len(e.Names) > 0 {
		e.Names[primary].Kind = matcher.NamePrimary
	}
}

// euPrimaryRank prefers, for the primary name, a strong alias, then a
// Latin-script one, then one in English or no stated language, then one
// with name parts; the earlier wins ties.
func euPrimaryRank(n matcher.Name) int {
	r := 0
	if n.Quality == matcher.QualityStrong {
		r += 8
	}
	if n.Script == "Latn" {
		r += 4
	}
	if n.Lang == "" || n.Lang == "en" {
		r += 2
	}
	if len(n.Parts) > 1 {
		r++
	}
	return r
}

func euQuality(strong, remark string) matcher.Quality {
	r := strings.ToLower(clean(remark))
	switch {
	case strings.Contains(r, "low quality") || strings.Contains(r, "lo quality") || strings.Contains(r, "low-quality"):
		return matcher.QualityWeak
	case strings.EqualFold(clean(strong), "false"):
		return matcher.QualityWeak
	}
	return matcher.QualityStrong
}

// country maps an EU country: "00"/UNKNOWN mean unknown, CS (Serbia and
// Montenegro) is legacy for Serbia.
func (c euCountry) country() matcher.Country {
	iso, desc := strings.ToUpper(clean(c.ISO2)), clean(c.Description)
	if iso == "00" || strings.EqualFold(desc, "unknown") {
		return matcher.Country{}
	}
	if iso == "CS" {
		iso = "RS"
	}
	code := countryCode(iso)
	if code == "" {
		code = countryCode(desc)
	}
	return matcher.Country{Code: code, Raw: joinClean(" ", iso, desc)}
}

func (p euPlace) place() (matcher.Place, bool) {
	c := p.country()
	city := strings.TrimPrefix(clean(p.City), "-")
	desc := clean(p.Description)
	if strings.EqualFold(desc, "unknown") {
		desc = ""
	}
	full := joinClean(", ", p.Street, p.POBox, p.Zip, city, p.Place, p.Region, desc)
	if full == "" {
		return matcher.Place{}, false
	}
	return matcher.Place{Full: full, City: clean(city), Region: clean(p.Region), Country: c.Code, Raw: full}, true
}
