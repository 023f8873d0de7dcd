package loaders

import (
	"regexp"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// The parts of a UN record below the entry: names, dates and places of
// birth, addresses and documents.

type unAlias struct {
	Quality      string `xml:"QUALITY"`
	Name         string `xml:"ALIAS_NAME"`
	CityOfBirth  string `xml:"CITY_OF_BIRTH"`
	CountryBirth string `xml:"COUNTRY_OF_BIRTH"`
	DateOfBirth  string `xml:"DATE_OF_BIRTH"`
	Note         string `xml:"NOTE"`
}

type unPlace struct {
	Street  string `xml:"STREET"`
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Zip     string `xml:"ZIP_CODE"`
	Country string `xml:"COUNTRY"`
	Note    string `xml:"NOTE"`
}

type unDOB struct {
	Type     string `xml:"TYPE_OF_DATE"`
	Date     string `xml:"DATE"`
	Year     string `xml:"YEAR"`
	FromYear string `xml:"FROM_YEAR"`
	ToYear   string `xml:"TO_YEAR"`
	Note     string `xml:"NOTE"`
}

type unDoc struct {
	Type           string `xml:"TYPE_OF_DOCUMENT"`
	Type2          string `xml:"TYPE_OF_DOCUMENT2"`
	Number         string `xml:"NUMBER"`
	IssuingCountry string `xml:"ISSUING_COUNTRY"`
	CountryOfIssue string `xml:"COUNTRY_OF_ISSUE"`
	CityOfIssue    string `xml:"CITY_OF_ISSUE"`
	DateOfIssue    string `xml:"DATE_OF_ISSUE"`
	Note           string `xml:"NOTE"`
}

// names builds the primary name from FIRST..FOURTH_NAME (the UN's parts in
// order of use, not given/family fields), the original-script name and
// every alias. UN alias NOTEs of the form "original script: Абу Банат"
// carry a further original-script name.
func (r *unRecord) names() []matcher.Name {
	var out []matcher.Name
	add := func(full string, parts []string, kind matcher.NameKind, q matcher.Quality) {
		if full = clean(full); full != "" {
			out = append(out, matcher.Name{Full: full, Parts: parts, Script: detectScript(full), Kind: kind, Quality: q})
		}
	}
	var parts []string
	for _, p := range []string{r.First, r.Second, r.Third, r.Fourth} {
		if p = clean(p); p != "" {
			parts = append(parts, p)
		}
	}
	add(strings.Join(parts, " "), parts, matcher.NamePrimary, matcher.QualityStrong)
	add(r.Original, nil, matcher.NameAlias, matcher.QualityStrong)
	for _, a := range append(r.Aliases, r.EntityAliases...) {
		kind, q := aliasQuality(a.Quality)
		for n := range strings.SplitSeq(a.Name, ";") {
			add(n, nil, kind, q)
		}
		if s, ok := strings.CutPrefix(clean(a.Note), "original script:"); ok {
			add(s, nil, kind, q)
		}
	}
	return out
}

// aliasNotes keeps what the UN says about an alias ("nom de guerre",
// "previously listed as").
func (r *unRecord) aliasNotes(e *matcher.Entry) {
	for _, a := range append(r.Aliases, r.EntityAliases...) {
		if note := clean(a.Note); note != "" {
			addExtra(e, "alias_note", joinClean(": ", a.Name, note))
		}
	}
}

// aliasQuality maps UN QUALITY: Good and a.k.a. are strong, Low is weak,
// f.k.a. is a former name.
func aliasQuality(s string) (matcher.NameKind, matcher.Quality) {
	switch strings.ToLower(clean(s)) {
	case "good", "a.k.a.":
		return matcher.NameAlias, matcher.QualityStrong
	case "low":
		return matcher.NameAlias, matcher.QualityWeak
	case "f.k.a.":
		return matcher.NameFormer, matcher.QualityStrong
	}
	return matcher.NameAlias, matcher.QualityUnknown
}

// birth collects dates and places of birth, including those published on
// an alias. A date the parser cannot read stays as a SourceField.
func (r *unRecord) birth(e *matcher.Entry) {
	for _, d := range r.DOBs {
		if bd, ok := d.parse(); ok {
			e.BirthDates = append(e.BirthDates, bd)
		} else if raw := d.raw(); raw != "" && raw != clean(d.Type) {
			e.Extra = append(e.Extra, matcher.SourceField{Key: "birth_date", Value: raw})
		}
	}
	for _, p := range r.POBs {
		if pl, ok := p.place(""); ok {
			e.BirthPlaces = append(e.BirthPlaces, pl)
		}
	}
	for _, a := range r.Aliases {
		if bd, ok := textDate(a.DateOfBirth); ok && !hasDate(e.BirthDates, bd) {
			e.BirthDates = append(e.BirthDates, bd)
		}
		if pl, ok := (unPlace{City: a.CityOfBirth, Country: a.CountryBirth}).place(""); ok {
			e.BirthPlaces = append(e.BirthPlaces, pl)
		}
	}
}

// parse reads the DOB shapes of the real file: DATE, YEAR, FROM_YEAR +
// TO_YEAR, a month given only in NOTE ("Nov. 1973", YEAR 1961 with NOTE
// "Sep."), TYPE_OF_DATE APPROXIMATELY or a NOTE "Approximately".
func (d unDOB) parse() (matcher.BirthDate, bool) {
	note := clean(d.Note)
	var bd matcher.BirthDate
	ok := false
	switch {
	case clean(d.Date) != "":
		var iso string
		if iso, ok = isoDate(d.Date); ok {
			bd, ok = textDate(iso)
		}
	case clean(d.FromYear) != "" && clean(d.ToYear) != "":
		bd, ok = textDate(clean(d.FromYear) + " to " + clean(d.ToYear))
	case clean(d.Year) != "":
		if bd, ok = textDate(note + " " + clean(d.Year)); !ok || note == "" {
			bd, ok = textDate(d.Year)
		}
	case note != "":
		bd, ok = textDate(note)
	}
	bd.Raw = d.raw()
	bd.Approximate = bd.Approximate || strings.EqualFold(clean(d.Type), "APPROXIMATELY") || strings.EqualFold(note, "approximately")
	return bd, ok
}

func (d unDOB) raw() string {
	return joinClean(" ", d.Type, d.Date, d.Year, d.FromYear, d.ToYear, d.Note)
}

// place builds a Place; street names the field that holds the street
// ("" for places of birth, which have none).
func (p unPlace) place(street string) (matcher.Place, bool) {
	full := joinClean(", ", p.Street, p.City, p.State, p.Zip, p.Country)
	if full == "" {
		return matcher.Place{}, false
	}
	return matcher.Place{
		Full:    full,
		City:    clean(p.City),
		Region:  clean(p.State),
		Country: countryCode(clean(p.Country)),
		Raw:     joinClean("; ", full, p.Note),
	}, true
}

// docNumberIn finds the number inside prose such as "CAR diplomatic
// passport no. D00000898" or "Congo service passport number SA0020249".
var docNumberIn = regexp.MustCompile(`(?i)(?:\bno\.?|\bnumber|n°)\s*:?\s*([A-Z0-9][A-Z0-9/\-. ]*)$`)

// docExpiry finds an expiry date in a document NOTE ("Expiration date 18
// Feb. 2013", "expired on 13 Sep. 1995", "valid until 10 April 2018").
var docExpiry = regexp.MustCompile(`(?i)(expir\w*|valid until)(?: date)?(?: on)?:?\s*([A-Za-z0-9., ]*?\d{4})`)

// add appends the document to e; a document with no number has nothing
// to match on, so its text is kept as a SourceField instead.
func (d unDoc) add(e *matcher.Entry) {
	typeRaw := joinClean(" / ", d.Type, d.Type2)
	number, note := clean(d.Number), clean(d.Note)
	if m := docNumberIn.FindStringSubmatch(number); m != nil && strings.ContainsAny(number, " ") {
		typeRaw, number = joinClean(" / ", typeRaw, number), clean(m[1])
	}
	if matcher.NormalizeDocumentNumber(number) == "" {
		if text := joinClean("; ", typeRaw, number, d.IssuingCountry, d.CountryOfIssue, d.Note); text != "" {
			e.Extra = append(e.Extra, matcher.SourceField{Key: "document", Value: text})
		}
		return
	}
	doc := matcher.Document{Type: docType(typeRaw), TypeRaw: typeRaw, Number: number, Note: note}
	if doc.Type == "" {
		doc.Type = matcher.DocOther
	}
	issuer := clean(d.IssuingCountry)
	if issuer == "" {
		issuer = clean(d.CountryOfIssue)
	}
	if doc.Country = countryCode(issuer); doc.Country == "" && issuer != "" {
		doc.Note = joinClean("; ", "issuing country: "+issuer, doc.Note)
	}
	doc.Issued, _ = isoDate(d.DateOfIssue)
	if m := docExpiry.FindStringSubmatch(note); m != nil {
		if bd, ok := textDate(m[2]); ok && bd.Precision == matcher.PrecisionDay {
			doc.Expires = bd.From
		}
		if strings.EqualFold(m[1], "expired") {
			doc.Status = matcher.StatusExpired
		}
	}
	if place := joinClean(", ", d.CityOfIssue, d.CountryOfIssue); place != "" {
		doc.Note = joinClean("; ", doc.Note, "issued in "+place)
	}
	e.Documents = append(e.Documents, doc)
}

// hasDate reports whether ds already holds the interval of d: alias DOBs
// often repeat the entry's own.
func hasDate(ds []matcher.BirthDate, d matcher.BirthDate) bool {
	for _, x := range ds {
		if x.From == d.From && x.To == d.To {
			return true
		}
	}
	return false
}
