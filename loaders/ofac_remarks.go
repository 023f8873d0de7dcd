package loaders

import (
	"regexp"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// OFAC Remarks are a mini-language of "Key value" clauses separated by
// "; " and ending in ".": "DOB 31 Aug 1960; alt. DOB 1953; POB Al
// Basuriyah, Lebanon; Gender Male; Passport 042833 (Lebanon); a.k.a.
// 'ABU HADI'." The clauses a border check needs (dates and places of
// birth, nationality, gender, identity documents, weak aliases) are
// parsed into typed fields; every other clause stays in Remarks.

// ofacDocPrefixes are the Remarks ID types that are identity documents.
// Other "IDs" (Website, Email Address, R.F.C., Digital Currency Address,
// company numbers...) are not documents and stay in the remarks.
var ofacDocPrefixes = []string{
	"Diplomatic Passport", "Stateless Person Passport", "Passport",
	"National ID No.", "National ID Number", "Cedula No.", "Identification Number",
	"D.N.I.", "Personal ID Card", "Travel Document Number", "Refugee ID Card",
	"Residency Number", "Seafarer's Identification Document",
}

// ofacDocTail splits "1084010 (Egypt) issued 1999 expires 21 Aug 2005".
var ofacDocTail = regexp.MustCompile(`^(.+?)(?: \(([^)]*)\))?(?:,? issued (.+?))?(?:,? expires (.+?))?$`)

// parseOFACRemarks moves the structured clauses of text into e and keeps
// the rest, in order, as e.Remarks.
func parseOFACRemarks(e *matcher.Entry, text string) {
	text = strings.TrimSuffix(text, ".")
	var rest []string
	for c := range strings.SplitSeq(text, ";") {
		if c = strings.TrimSpace(c); c != "" && !ofacClause(e, c) {
			rest = append(rest, c)
		}
	}
	if len(rest) > 0 {
		e.Remarks = strings.Join(rest, "; ") + "."
	}
}

// ofacClause applies one clause to e and reports whether it understood it.
func ofacClause(e *matcher.Entry, c string) bool {
	body := strings.TrimPrefix(c, "alt. ")
	key, val, _ := strings.Cut(body, " ")
	switch strings.TrimSuffix(key, ":") { // "nationality: Eritrean" occurs too
	case "DOB":
		return ofacDOB(e, val)
	case "POB":
		e.BirthPlaces = append(e.BirthPlaces, ofacPlace(val))
		return true
	case "nationality", "citizen":
		e.Nationalities = append(e.Nationalities, countries(val)...)
		return val != ""
	case "Gender":
		e.Gender = gender(val)
		return e.Gender != ""
	case "a.k.a.", "f.k.a.", "n.k.a.":
		return ofacWeakAlias(e, key, val)
	}
	for _, p := range ofacDocPrefixes {
		if v, ok := strings.CutPrefix(body, p+" "); ok {
			return ofacDocument(e, p, v)
		}
	}
	return false
}

func ofacDOB(e *matcher.Entry, val string) bool {
	d, ok := textDate(val)
	if ok {
		e.BirthDates = append(e.BirthDates, d)
	}
	return ok
}

// ofacPlace reads "City, Region, Country"; the last part names the country.
func ofacPlace(val string) matcher.Place {
	p := matcher.Place{Full: clean(val), Raw: clean(val)}
	parts := strings.Split(p.Full, ", ")
	p.Country = countryCode(parts[len(parts)-1])
	if len(parts) > 1 {
		p.City = parts[0]
	}
	if len(parts) > 2 {
		p.Region = strings.Join(parts[1:len(parts)-1], ", ")
	}
	return p
}

// ofacWeakAlias reads "a.k.a. 'NAME'": OFAC puts its weak (low quality)
// aliases only here, never in alt.csv.
func ofacWeakAlias(e *matcher.Entry, key, val string) bool {
	name := clean(strings.Trim(val, "'"))
	if name == "" || !strings.HasPrefix(val, "'") {
		return false
	}
	kind := matcher.NameAlias
	if key == "f.k.a." {
		kind = matcher.NameFormer
	}
	e.Names = append(e.Names, matcher.Name{Full: name, Script: detectScript(name), Kind: kind, Quality: matcher.QualityWeak})
	return true
}

// ofacDocument reads "Passport 1084010 (Egypt) issued 12 Jan 2005 expires
// 11 Jan 2010"; the country, issue and expiry dates are optional.
func ofacDocument(e *matcher.Entry, typ, val string) bool {
	m := ofacDocTail.FindStringSubmatch(clean(val))
	if m == nil || matcher.NormalizeDocumentNumber(m[1]) == "" {
		return false
	}
	d := matcher.Document{Type: docType(typ), TypeRaw: typ, Number: m[1], Country: countryCode(m[2])}
	if d.Country == "" && m[2] != "" {
		d.Note = "issuing country: " + m[2]
	}
	if iss, ok := textDate(m[3]); ok && iss.Precision == matcher.PrecisionDay {
		d.Issued = iss.From
	} else if m[3] != "" {
		d.Note = joinClean("; ", d.Note, "issued "+m[3])
	}
	if exp, ok := textDate(m[4]); ok && exp.Precision == matcher.PrecisionDay {
		d.Expires = exp.From
	} else if m[4] != "" {
		d.Note = joinClean("; ", d.Note, "expires "+m[4])
	}
	e.Documents = append(e.Documents, d)
	return true
}
