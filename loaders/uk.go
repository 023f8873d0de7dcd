package loaders

import (
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// Helpers shared by the two UK formats (FCDO UK Sanctions List and OFSI
// ConList): the same name parts, alias strengths, DOB placeholders and
// free-text document details.

func ukSubject(s string) matcher.SubjectType {
	switch strings.ToLower(clean(s)) {
	case "individual":
		return matcher.SubjectPerson
	case "ship":
		return matcher.SubjectVessel
	}
	return matcher.SubjectOrganization
}

// ukNameKind reads NameType/Alias Type ("Primary Name", "Primary name",
// "Primary name variation", "AKA", "FKA", "Alias") and the alias strength
// ("Good quality a.k.a", "Low quality").
func ukNameKind(typ, strength string) (matcher.NameKind, matcher.Quality) {
	q := matcher.QualityUnknown
	switch s := strings.ToLower(clean(strength)); {
	case strings.HasPrefix(s, "good"):
		q = matcher.QualityStrong
	case strings.HasPrefix(s, "low"):
		q = matcher.QualityWeak
	}
	switch t := strings.ToLower(clean(typ)); {
	case t == "primary name":
		return matcher.NamePrimary, matcher.QualityStrong
	case strings.HasPrefix(t, "primary name variation"):
		return matcher.NameVariation, matcher.QualityStrong
	case t == "fka":
		return matcher.NameFormer, q
	}
	return matcher.NameAlias, q
}

// ukName joins Name1..Name5 (given names) and Name6 (surname) in reading
// order.
func ukName(parts []string, kind matcher.NameKind, q matcher.Quality) (matcher.Name, bool) {
	var ps []string
	for _, p := range parts {
		if p = clean(p); p != "" {
			ps = append(ps, p)
		}
	}
	if len(ps) == 0 {
		return matcher.Name{}, false
	}
	full := strings.Join(ps, " ")
	return matcher.Name{Full: full, Parts: ps, Script: detectScript(full), Kind: kind, Quality: q}, true
}

// ukDOB adds one DOB: "12/11/1967", "dd/mm/1968" and "00/00/1968" (year
// only), "dd/09/1958" (month only), "1985". Repeats are dropped.
func ukDOB(e *matcher.Entry, s string) {
	if s = clean(s); s == "" {
		return
	}
	d, ok := textDate(s)
	switch {
	case !ok:
		addExtra(e, "birth_date", s)
	case !hasDate(e.BirthDates, d):
		e.BirthDates = append(e.BirthDates, d)
	}
}

// ukDocument adds a passport or national id; the free-text details say
// the issuing state in front ("Afghanistan diplomatic passport number
// D0009720, issued on ...") and whether the passport is diplomatic.
func ukDocument(e *matcher.Entry, typ matcher.DocumentType, number, info string) {
	number, info = clean(number), clean(info)
	if matcher.NormalizeDocumentNumber(number) == "" {
		if info != "" || number != "" {
			addExtra(e, string(typ), joinClean("; ", number, info))
		}
		return
	}
	if typ == matcher.DocPassport && strings.Contains(strings.ToLower(info), "diplomatic") {
		typ = matcher.DocDiplomaticPassport
	}
	d := matcher.Document{Type: typ, TypeRaw: string(typ), Number: number, Country: leadingCountry(info), Note: info}
	if m := docExpiry.FindStringSubmatch(info); m != nil {
		if exp, ok := textDate(m[2]); ok && exp.Precision == matcher.PrecisionDay {
			d.Expires = exp.From
		}
	}
	e.Documents = append(e.Documents, d)
}

// leadingCountry finds a country named by the first one to four words.
func leadingCountry(s string) string {
	words := strings.Fields(strings.NewReplacer(",", " ", ".", " ", "(", " ").Replace(s))
	for n := min(4, len(words)); n > 0; n-- {
		if c := countryCode(strings.Join(words[:n], " ")); c != "" && len(words[0]) > 3 {
			return c
		}
	}
	return ""
}

// ukRefs links the entry to the UN list and to OFSI's group id.
func ukRefs(e *matcher.Entry, un, group string) {
	if un = clean(un); un != "" {
		e.CrossRefs = append(e.CrossRefs, matcher.CrossRef{Scheme: "UN_REF", Value: un})
	}
	if group = clean(group); group != "" {
		e.CrossRefs = append(e.CrossRefs, matcher.CrossRef{Scheme: "OFSI_GROUP", Value: group})
	}
}
