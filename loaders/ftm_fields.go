package loaders

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// entry maps the properties of an FtM target to an Entry.
func (x *ftmEntity) entry(subject matcher.SubjectType) matcher.Entry {
	e := matcher.Entry{ID: x.ID, Subject: subject}
	x.names(&e)
	for _, s := range x.strings("birthDate") {
		if d, err := matcher.ParsePartialDate(s); err == nil && !hasDate(e.BirthDates, d) {
			e.BirthDates = append(e.BirthDates, d)
		} else if err != nil {
			addExtra(&e, "birth_date", s)
		}
	}
	birthCountry := countryCode(x.first("birthCountry"))
	for _, s := range x.strings("birthPlace") {
		e.BirthPlaces = append(e.BirthPlaces, matcher.Place{Full: s, Country: birthCountry, Raw: s})
	}
	if len(e.BirthPlaces) == 0 && birthCountry != "" {
		e.BirthPlaces = append(e.BirthPlaces, matcher.Place{Full: x.first("birthCountry"), Country: birthCountry, Raw: x.first("birthCountry")})
	}
	for _, s := range append(x.strings("nationality"), x.strings("citizenship")...) {
		e.Nationalities = append(e.Nationalities, countries(s)...)
	}
	e.Gender = gender(x.first("gender"))
	for _, n := range x.strings("passportNumber") {
		e.Documents = append(e.Documents, matcher.Document{Type: matcher.DocPassport, TypeRaw: "passportNumber", Number: n})
	}
	for _, n := range x.strings("idNumber") {
		e.Documents = append(e.Documents, matcher.Document{Type: matcher.DocNationalID, TypeRaw: "idNumber", Number: n})
	}
	x.listing(&e)
	for _, prop := range []string{"identification", "passport", "addressEntity", "sanctions", "sanction"} {
		for _, n := range x.nested(prop) {
			n.attach(&e)
		}
	}
	return e
}

// names: caption (or the first name) is primary; name, alias, weakAlias
// and previousName give the others.
func (x *ftmEntity) names(e *matcher.Entry) {
	add := func(full string, kind matcher.NameKind, q matcher.Quality) {
		if full = clean(full); full != "" && !slices.ContainsFunc(e.Names, func(n matcher.Name) bool { return n.Full == full }) {
			e.Names = append(e.Names, matcher.Name{Full: full, Script: detectScript(full), Kind: kind, Quality: q})
		}
	}
	primary := clean(x.Caption)
	if primary == "" {
		primary = x.first("name")
	}
	add(primary, matcher.NamePrimary, matcher.QualityStrong)
	for _, n := range append(x.strings("name"), x.strings("alias")...) {
		add(n, matcher.NameAlias, matcher.QualityStrong)
	}
	for _, n := range x.strings("weakAlias") {
		add(n, matcher.NameAlias, matcher.QualityWeak)
	}
	for _, n := range x.strings("previousName") {
		add(n, matcher.NameFormer, matcher.QualityStrong)
	}
}

// listing sets programmes, remarks, measures and cross references. The
// topic "sanction" means an asset freeze; FtM does not say more.
func (x *ftmEntity) listing(e *matcher.Entry) {
	e.Programs = append(e.Programs, x.strings("program")...)
	e.Remarks = joinClean("; ", append(x.strings("notes"), x.strings("description")...)...)
	topics := x.strings("topics")
	e.Measures.AssetFreeze = slices.Contains(topics, "sanction")
	for _, r := range x.Referents {
		if r = clean(r); r != "" {
			e.CrossRefs = append(e.CrossRefs, matcher.CrossRef{Scheme: "FTM", Value: r})
		}
	}
	for _, key := range []string{"topics", "position", "title", "country", "firstName", "middleName", "lastName", "fatherName", "secondName"} {
		for _, v := range x.strings(key) {
			addExtra(e, key, v)
		}
	}
	for _, d := range x.Datasets {
		addExtra(e, "dataset", d)
	}
}

// attach adds a detail entity (Passport, Identification, Address,
// Sanction) to the entry it belongs to.
func (x *ftmEntity) attach(e *matcher.Entry) {
	switch x.Schema {
	case "Passport", "Identification":
		num := x.first("number")
		if matcher.NormalizeDocumentNumber(num) == "" {
			return
		}
		typ := x.first("type")
		d := matcher.Document{Type: docType(typ), TypeRaw: typ, Number: num, Country: countryCode(x.first("country"))}
		if d.Type == "" || d.Type == matcher.DocOther && x.Schema == "Passport" {
			d.Type = map[string]matcher.DocumentType{"Passport": matcher.DocPassport, "Identification": matcher.DocNationalID}[x.Schema]
		}
		d.Issued, _ = isoDate(x.first("startDate"))
		d.Expires, _ = isoDate(x.first("endDate"))
		e.Documents = append(e.Documents, d)
	case "Address":
		full := x.first("full")
		if full == "" {
			full = joinClean(", ", x.first("street"), x.first("city"), x.first("country"))
		}
		if full != "" {
			e.Addresses = append(e.Addresses, matcher.Place{Full: full, City: x.first("city"), Country: countryCode(x.first("country")), Raw: full})
		}
	case "Sanction":
		for _, p := range append(x.strings("program"), x.strings("programId")...) {
			if !slices.Contains(e.Programs, p) {
				e.Programs = append(e.Programs, p)
			}
		}
		if d, ok := isoDate(x.first("listingDate")); ok && (e.ListedOn == "" || d < e.ListedOn) {
			e.ListedOn = d
		}
		if strings.Contains(strings.ToLower(strings.Join(x.strings("provisions"), " ")), "travel") {
			e.Measures.TravelBan = true
		}
	}
}
